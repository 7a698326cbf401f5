package org.servicerecords.registry.client.internal.trust;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.function.Predicate;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * How the library decides that a certificate belongs to an organisation, wherever it checks one
 * offline (endorsements of attested answers, the chain verifier, portable proofs): the certificate
 * chains, through the organisation's intermediates, to one of its roots, as Fabric's MSP validates
 * an identity; and its subject's organisational units (NodeOUs such as {@code peer}).
 */
public final class CertificateChains {

  /** Longest path from a certificate to a root, intermediates included. */
  static final int MAX_DEPTH = 6;

  private CertificateChains() {}

  /**
   * Whether a certificate chains to one of the roots, through the intermediates.
   *
   * @param certificate the certificate
   * @param roots the roots
   * @param intermediates the intermediate certificates that may lie between
   * @param acceptable what every certificate of the path, the root included, must satisfy (for
   *     example, valid at an instant; {@code c -> true} for none, as Fabric's MSP, which does not
   *     check validity periods when it validates an identity)
   * @return true when such a path exists
   */
  public static boolean chainsTo(
      X509Certificate certificate,
      Collection<X509Certificate> roots,
      Collection<X509Certificate> intermediates,
      Predicate<X509Certificate> acceptable) {
    X509Certificate current = certificate;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      if (!acceptable.test(current)) {
        return false;
      }
      for (X509Certificate root : roots) {
        if ((root.equals(current) || signedBy(current, root)) && acceptable.test(root)) {
          return true;
        }
      }
      X509Certificate next = null;
      for (X509Certificate intermediate : intermediates) {
        if (!intermediate.equals(current) && signedBy(current, intermediate)) {
          next = intermediate;
          break;
        }
      }
      if (next == null) {
        return false;
      }
      current = next;
    }
    return false;
  }

  /**
   * Whether a certificate's subject holds an organisational unit.
   *
   * @param certificate the certificate
   * @param ou the organisational unit, for example {@code peer} or {@code orderer}
   * @return true when the subject holds it
   */
  public static boolean hasOu(X509Certificate certificate, String ou) {
    X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    for (RDN rdn : name.getRDNs(BCStyle.OU)) {
      for (var value : rdn.getTypesAndValues()) {
        if (value.getType().equals(BCStyle.OU)
            && ou.equals(IETFUtils.valueToString(value.getValue()))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
    if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
