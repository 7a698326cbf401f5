package org.servicerecords.registry.client.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.servicerecords.registry.client.identity.Credentials;

/**
 * The result of an enrollment: the new certificate, the private key generated for it (it never left
 * this process), and the CA's chain.
 *
 * @param certificate the enrollment certificate
 * @param privateKey its private key
 * @param caChain the CA's certificate chain
 */
public record Enrollment(
    X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> caChain) {

  /** Copies the chain. */
  public Enrollment {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    caChain = List.copyOf(Objects.requireNonNull(caChain, "caChain"));
  }

  /**
   * Returns these as credentials of an organisation.
   *
   * @param mspId the organisation's MSP id
   * @return the credentials
   */
  public Credentials credentials(String mspId) {
    return Credentials.of(mspId, certificate, privateKey);
  }
}
