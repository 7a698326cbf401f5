package org.servicerecords.registry.client.internal.audit.chain;

import java.security.PublicKey;
import java.security.cert.X509Certificate;

/**
 * The chain verifier's signature and role checks, shared with other offline checks (portable
 * proofs): ECDSA as Fabric's MSP verifies it and the NodeOU a certificate holds.
 */
public final class OfflineSignatures {

  private OfflineSignatures() {}

  /** The outcome of one signature check. */
  public enum Outcome {
    /** The signature verifies and its S is in the lower half of the order. */
    VALID,
    /** The signature is high-S, which Fabric refuses. */
    HIGH_S,
    /** The signature does not verify (or the key is not an EC key). */
    INVALID
  }

  /**
   * Verifies an ECDSA-SHA256 signature over the parts one after the other, refusing high-S
   * signatures as Fabric's MSP does.
   *
   * @param key the signer's public key
   * @param signature the DER signature
   * @param signed the signed bytes, in order
   * @return the outcome
   */
  public static Outcome verify(PublicKey key, byte[] signature, byte[]... signed) {
    return switch (Ecdsa.verify(key, signature, signed)) {
      case VALID -> Outcome.VALID;
      case HIGH_S -> Outcome.HIGH_S;
      case INVALID -> Outcome.INVALID;
    };
  }

  /**
   * Whether a certificate's subject holds an organisational unit (a NodeOU such as {@code peer} or
   * {@code orderer}).
   *
   * @param certificate the certificate
   * @param ou the organisational unit
   * @return true when the subject holds it
   */
  public static boolean hasOu(X509Certificate certificate, String ou) {
    return Msp.hasOu(certificate, ou);
  }
}
