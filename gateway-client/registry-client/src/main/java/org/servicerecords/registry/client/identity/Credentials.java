package org.servicerecords.registry.client.identity;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * A Fabric identity the client acts as: MSP id, X.509 certificate and its private key.
 *
 * <p>Immutable. Obtain one from PEM files ({@link #fromPem}), a {@link Wallet}, or a Fabric CA
 * enrollment.
 */
public final class Credentials {

  private final String mspId;
  private final X509Certificate certificate;
  private final PrivateKey privateKey;

  private Credentials(String mspId, X509Certificate certificate, PrivateKey privateKey) {
    this.mspId = mspId;
    this.certificate = certificate;
    this.privateKey = privateKey;
  }

  /**
   * Creates credentials from loaded values.
   *
   * @param mspId MSP id of the identity's organisation
   * @param certificate the certificate
   * @param privateKey the certificate's private key
   * @return the credentials
   */
  public static Credentials of(String mspId, X509Certificate certificate, PrivateKey privateKey) {
    return new Credentials(
        requireText(mspId, "mspId"),
        Objects.requireNonNull(certificate, "certificate"),
        Objects.requireNonNull(privateKey, "privateKey"));
  }

  /**
   * Loads credentials from a certificate PEM file and a private key PEM file.
   *
   * @param mspId MSP id of the identity's organisation
   * @param certificateFile certificate PEM
   * @param privateKeyFile private key PEM (PKCS#8 or SEC1)
   * @return the credentials
   * @throws IdentityException if a file is missing or malformed
   */
  public static Credentials fromPem(String mspId, Path certificateFile, Path privateKeyFile)
      throws IdentityException {
    Objects.requireNonNull(certificateFile, "certificateFile");
    Objects.requireNonNull(privateKeyFile, "privateKeyFile");
    return of(mspId, Pem.readCertificate(certificateFile), Pem.readPrivateKey(privateKeyFile));
  }

  /**
   * Returns the MSP id.
   *
   * @return the MSP id
   */
  public String mspId() {
    return mspId;
  }

  /**
   * Returns the certificate.
   *
   * @return the certificate
   */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * Returns the private key.
   *
   * @return the private key
   */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /**
   * Returns the enrollment id: the certificate subject's common name.
   *
   * @return the common name, or the whole subject when it has none
   */
  public String enrollmentId() {
    X500Principal subject = certificate.getSubjectX500Principal();
    RDN[] cn = X500Name.getInstance(subject.getEncoded()).getRDNs(BCStyle.CN);
    if (cn.length == 0) {
      return subject.getName();
    }
    return IETFUtils.valueToString(cn[0].getFirst().getValue());
  }

  /**
   * Returns the Fabric Gateway identity.
   *
   * @return the identity
   */
  public Identity identity() {
    return new X509Identity(mspId, certificate);
  }

  /**
   * Returns a Fabric Gateway signer using the private key.
   *
   * @return the signer
   */
  public Signer signer() {
    return Signers.newPrivateKeySigner(privateKey);
  }

  /**
   * Checks that the certificate is valid at an instant.
   *
   * @param now the instant
   * @return these credentials
   * @throws IdentityExpiredException if the certificate is expired or not yet valid
   */
  public Credentials checkValidAt(Instant now) throws IdentityExpiredException {
    Instant notAfter = certificate.getNotAfter().toInstant();
    Instant notBefore = certificate.getNotBefore().toInstant();
    if (now.isAfter(notAfter)) {
      throw new IdentityExpiredException(
          "certificate of "
              + enrollmentId()
              + " ("
              + mspId
              + ") expired at "
              + notAfter
              + ": reenroll with the agency's CA",
          notAfter);
    }
    if (now.isBefore(notBefore)) {
      throw new IdentityExpiredException(
          "certificate of " + enrollmentId() + " (" + mspId + ") is valid only from " + notBefore,
          notAfter);
    }
    return this;
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }
}
