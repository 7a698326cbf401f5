package org.servicerecords.registry.client.internal.agency;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.internal.submit.Ledger;
import org.servicerecords.registry.model.DetailsCipher;
import org.servicerecords.registry.model.DetailsCipherException;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.TransientKeys;

/**
 * The one-time AES-256 key and GCM nonce of one {@code ReadDetails} call: sent as transient data
 * (which never reaches a block), used by the contract to seal its answer ({@link DetailsCipher}),
 * and here to open it. One instance serves one call; {@link #close} zeroes the key and the nonce.
 * Neither is ever logged, nor is the opened plaintext.
 */
public final class DetailsReadKey implements AutoCloseable {

  private final byte[] key;
  private final byte[] nonce;

  /** Takes copies of a key and a nonce of the sizes {@link DetailsCipher} requires. */
  DetailsReadKey(byte[] key, byte[] nonce) {
    if (key.length != DetailsCipher.KEY_BYTES || nonce.length != DetailsCipher.NONCE_BYTES) {
      throw new IllegalArgumentException(
          "a details read key is "
              + DetailsCipher.KEY_BYTES
              + " bytes with a "
              + DetailsCipher.NONCE_BYTES
              + "-byte nonce");
    }
    this.key = key.clone();
    this.nonce = nonce.clone();
  }

  /**
   * Draws a fresh key and nonce: never reused, so no two answers share a key and nonce pair.
   *
   * @param random a secure source
   * @return the key of one call
   */
  static DetailsReadKey draw(SecureRandom random) {
    byte[] drawnKey = new byte[DetailsCipher.KEY_BYTES];
    byte[] drawnNonce = new byte[DetailsCipher.NONCE_BYTES];
    try {
      random.nextBytes(drawnKey);
      random.nextBytes(drawnNonce);
      return new DetailsReadKey(drawnKey, drawnNonce);
    } finally {
      Arrays.fill(drawnKey, (byte) 0);
      Arrays.fill(drawnNonce, (byte) 0);
    }
  }

  /**
   * The transient data of the call. The values are this object's own arrays, not copies (the
   * Gateway SDK copies them into the proposal), so they are zeroed by {@link #close} too.
   */
  Map<String, byte[]> transientData() {
    return Map.of(TransientKeys.RESPONSE_KEY, key, TransientKeys.RESPONSE_NONCE, nonce);
  }

  /**
   * Opens the contract's answer: base64 of the sealed {@code PrivateDetails} JSON of {@code
   * recordId}.
   *
   * <p>A failure never quotes the answer or the plaintext (see {@link Ledger#parse}).
   *
   * @param answer the answer's bytes
   * @param recordId the record asked for (the answer is bound to it)
   * @param what the function asked, for example {@code "records-justice ReadDetails"}
   * @return the details
   * @throws RegistryException ({@link Stage#EVALUATE}) if the answer is not base64, does not open
   *     with this key for this record, or does not hold a {@code PrivateDetails} JSON
   */
  PrivateDetails open(byte[] answer, String recordId, String what) throws RegistryException {
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(answer);
    } catch (IllegalArgumentException e) {
      throw unexpected(what, "not base64");
    }
    byte[] plaintext;
    try {
      plaintext = DetailsCipher.open(key, nonce, recordId, sealed);
    } catch (DetailsCipherException e) {
      throw unexpected(
          what, "does not open with this call's key: sealed for another key or record, or changed");
    }
    try {
      return Ledger.parse(plaintext, PrivateDetails.class, what);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static RegistryException unexpected(String what, String problem) {
    return RegistryException.evaluate(
        "unexpected answer from " + what + ": not sealed details (" + problem + ")");
  }

  /** Zeroes the key and the nonce. */
  @Override
  public void close() {
    Arrays.fill(key, (byte) 0);
    Arrays.fill(nonce, (byte) 0);
  }
}
