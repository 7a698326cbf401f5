package org.servicerecords.registry.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption of the private details that {@code records:ReadDetails} returns, shared by the
 * contract (which seals) and the client library (which opens): AES-256-GCM with a 128-bit tag under
 * a one-time key and nonce that the client draws and passes as transient data ({@link
 * TransientKeys#RESPONSE_KEY}, {@link TransientKeys#RESPONSE_NONCE}), with the additional
 * authenticated data {@code "records:ReadDetails:" + recordId} (UTF-8), so an answer opens only for
 * the record it was sealed for.
 *
 * <p>Sealing is a deterministic function of its inputs (no randomness, no clock), as every
 * endorsement must be. The caller is responsible for never using a key and nonce pair twice: GCM
 * under a repeated pair leaks the XOR of the two plaintexts and lets tags be forged. The arrays
 * passed in are copied before use and never changed; the copies of the key are zeroed afterwards.
 */
public final class DetailsCipher {

  /** Bytes of a key: 32 (AES-256). */
  public static final int KEY_BYTES = 32;

  /** Bytes of a nonce: 12 (the GCM standard size). */
  public static final int NONCE_BYTES = 12;

  /** Bits of the authentication tag appended to the ciphertext: 128. */
  public static final int TAG_BITS = 128;

  /** Bytes a sealed value is longer than its plaintext: the tag, 16. */
  public static final int OVERHEAD_BYTES = TAG_BITS / 8;

  /** The start of the additional authenticated data; the record id follows. */
  public static final String AAD_PREFIX = "records:ReadDetails:";

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private DetailsCipher() {}

  /**
   * Seals a record's private details.
   *
   * @param key the one-time key, exactly {@value #KEY_BYTES} bytes
   * @param nonce the one-time nonce, exactly {@value #NONCE_BYTES} bytes
   * @param recordId the id of the record the details belong to (bound as authenticated data)
   * @param plaintext the details, exactly as stored
   * @return the ciphertext followed by the 16-byte tag
   * @throws IllegalArgumentException if the key or the nonce has the wrong size
   * @throws NullPointerException if an argument is {@code null}
   */
  public static byte[] seal(byte[] key, byte[] nonce, String recordId, byte[] plaintext) {
    Objects.requireNonNull(plaintext, "plaintext");
    try {
      return run(Cipher.ENCRYPT_MODE, key, nonce, recordId, plaintext.clone());
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("AES-GCM encryption reported a bad tag", e);
    }
  }

  /**
   * Opens what {@link #seal} returned.
   *
   * @param key the key it was sealed with, exactly {@value #KEY_BYTES} bytes
   * @param nonce the nonce it was sealed with, exactly {@value #NONCE_BYTES} bytes
   * @param recordId the id of the record it was sealed for
   * @param ciphertext the ciphertext followed by its tag
   * @return the plaintext
   * @throws DetailsCipherException if it does not open: another key, nonce or record id, or a
   *     changed or truncated ciphertext (the message holds nothing of the data)
   * @throws IllegalArgumentException if the key or the nonce has the wrong size
   * @throws NullPointerException if an argument is {@code null}
   */
  public static byte[] open(byte[] key, byte[] nonce, String recordId, byte[] ciphertext) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    if (ciphertext.length < OVERHEAD_BYTES) {
      throw new DetailsCipherException(
          "the sealed details are shorter than their " + OVERHEAD_BYTES + "-byte tag");
    }
    try {
      return run(Cipher.DECRYPT_MODE, key, nonce, recordId, ciphertext.clone());
    } catch (AEADBadTagException e) {
      throw new DetailsCipherException(
          "the sealed details do not open with this key, nonce and record id"
              + " (another key or record, or changed on the way)");
    }
  }

  /**
   * The additional authenticated data of a record's sealed details.
   *
   * @param recordId the record id
   * @return the UTF-8 bytes of {@code "records:ReadDetails:" + recordId}
   */
  public static byte[] associatedData(String recordId) {
    Objects.requireNonNull(recordId, "recordId");
    return (AAD_PREFIX + recordId).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] run(int mode, byte[] key, byte[] nonce, String recordId, byte[] input)
      throws AEADBadTagException {
    byte[] keyCopy = exactly(key, KEY_BYTES, "key");
    byte[] nonceCopy = exactly(nonce, NONCE_BYTES, "nonce");
    byte[] aad = associatedData(recordId);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      // Always with an explicit nonce: a GCM cipher initialised without parameters draws a random
      // one, and the contract's answer must be a function of its inputs.
      cipher.init(
          mode, new SecretKeySpec(keyCopy, "AES"), new GCMParameterSpec(TAG_BITS, nonceCopy));
      cipher.updateAAD(aad);
      return cipher.doFinal(input);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
    } finally {
      Arrays.fill(keyCopy, (byte) 0);
    }
  }

  private static byte[] exactly(byte[] value, int length, String name) {
    Objects.requireNonNull(value, name);
    if (value.length != length) {
      throw new IllegalArgumentException(name + " must be exactly " + length + " bytes");
    }
    return value.clone();
  }
}
