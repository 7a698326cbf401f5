package org.servicerecords.registry.client.internal.agency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The salt stored with a record's personal details, which makes the record's public commitment to
 * them ({@code detailsHash}) impossible to guess from low-entropy details.
 *
 * <p>The salt must be the same each time the same record is anchored, so that a rerun after a
 * failure (the anchoring committed, the owner-only {@code StoreDetails} did not) produces details
 * that match the commitment already on the ledger. So it is derived, not drawn: HMAC-SHA256 keyed
 * by a key derived from the signing identity's private key, over the namespace and record id. Only
 * the holder of that private key can compute it; it is as unpredictable to everyone else as a
 * random 256-bit value. A rerun by another identity of the agency derives another salt and is
 * refused by the contract with {@code TRANSIENT_DATA_INVALID} (the details do not match), never
 * stored wrongly. A private key that cannot be exported (an HSM) gets a random salt: reruns then
 * cannot store the details of a record whose anchoring already committed.
 */
public final class DetailsSalt {

  private static final byte[] DOMAIN =
      "service-records-registry details salt v1".getBytes(StandardCharsets.UTF_8);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  private DetailsSalt(byte[] key) {
    this.key = key;
  }

  /**
   * The salts of one signing identity.
   *
   * @param privateKey the identity's private key
   * @return the salt source
   */
  static DetailsSalt of(PrivateKey privateKey) {
    byte[] encoded = privateKey == null ? null : privateKey.getEncoded();
    if (encoded == null) {
      return new DetailsSalt(null);
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(DOMAIN);
      digest.update(encoded);
      return new DetailsSalt(digest.digest());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /**
   * The salt of one record's details: 64 lowercase hex digits.
   *
   * @param namespace the records namespace
   * @param recordId the record id
   * @return the salt
   */
  String forRecord(String namespace, String recordId) {
    byte[] salt = new byte[32];
    if (key == null) {
      RANDOM.nextBytes(salt);
      return HexFormat.of().formatHex(salt);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(namespace.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(recordId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
