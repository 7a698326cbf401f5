package org.servicerecords.registry.client.internal.audit.chain;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * ECDSA verification as Fabric's MSP does it: SHA-256, and S in the lower half of the order. Used
 * by the chain verifier and the portable proofs' offline checks.
 */
public final class Ecdsa {

  private Ecdsa() {}

  /** The outcome of one verification. */
  public enum Outcome {
    /** The signature verifies and its S is in the lower half of the order. */
    VALID,
    /** The signature is high-S, which Fabric refuses. */
    HIGH_S,
    /** The signature does not verify (or the key is not an EC key). */
    INVALID
  }

  /**
   * Verifies an ECDSA-SHA256 signature over the parts one after the other.
   *
   * @param key the signer's public key
   * @param signature the DER signature
   * @param signed the signed bytes, in order
   * @return the outcome
   */
  public static Outcome verify(PublicKey key, byte[] signature, byte[]... signed) {
    if (!(key instanceof ECPublicKey ec)) {
      return Outcome.INVALID;
    }
    BigInteger s;
    try {
      ASN1Sequence sequence = ASN1Sequence.getInstance(signature);
      if (sequence.size() != 2) {
        return Outcome.INVALID;
      }
      s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
    } catch (RuntimeException e) {
      return Outcome.INVALID;
    }
    BigInteger half = ec.getParams().getOrder().shiftRight(1);
    if (s.signum() <= 0 || s.compareTo(half) > 0) {
      return Outcome.HIGH_S;
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(key);
      for (byte[] part : signed) {
        verifier.update(part);
      }
      return verifier.verify(signature) ? Outcome.VALID : Outcome.INVALID;
    } catch (GeneralSecurityException | RuntimeException e) {
      return Outcome.INVALID;
    }
  }
}
