package org.servicerecords.registry.model;

/**
 * The transient-data keys under which the client sends personal details and the one-time key of a
 * details read, and the contract reads them. Defined once here so the two sides cannot drift apart.
 */
public final class TransientKeys {

  /** The key of {@code AnchorCertificate} and {@code Supersede}: one {@link PrivateDetails}. */
  public static final String DETAILS = "details";

  /** The key prefix of {@code AnchorBatch}: {@code details:<recordId>}, one per record. */
  public static final String BATCH_DETAILS_PREFIX = DETAILS + ":";

  /**
   * The key of {@code ReadDetails} under which the client passes its one-time AES-256 key, exactly
   * {@value DetailsCipher#KEY_BYTES} bytes ({@link DetailsCipher}).
   */
  public static final String RESPONSE_KEY = "responseKey";

  /**
   * The key of {@code ReadDetails} under which the client passes its one-time GCM nonce, exactly
   * {@value DetailsCipher#NONCE_BYTES} bytes ({@link DetailsCipher}).
   */
  public static final String RESPONSE_NONCE = "responseNonce";

  private TransientKeys() {}

  /**
   * Returns the batch key of one record's details.
   *
   * @param recordId the record id
   * @return {@code details:<recordId>}
   */
  public static String batchDetails(String recordId) {
    return BATCH_DETAILS_PREFIX + recordId;
  }
}
