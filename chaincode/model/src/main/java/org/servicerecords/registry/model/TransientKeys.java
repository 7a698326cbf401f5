package org.servicerecords.registry.model;

/**
 * The transient-data keys under which the client sends personal details ({@code StoreDetails}) and
 * the one-time key of a details read ({@code ReadDetails}), and the contract reads them. Defined
 * once here so the two sides cannot drift apart. No co-endorsed transaction takes transient data:
 * the co-endorsing organisation would see it.
 */
public final class TransientKeys {

  /** The name under which personal details travel; the keys themselves are per record. */
  public static final String DETAILS = "details";

  /**
   * The key prefix of {@code StoreDetails}: {@code details:<recordId>}, one {@link PrivateDetails}
   * per record.
   */
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
