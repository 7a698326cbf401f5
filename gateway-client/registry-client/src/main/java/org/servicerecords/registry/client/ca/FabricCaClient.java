package org.servicerecords.registry.client.ca;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.identity.IdentityException;

/**
 * A client of one Fabric CA's REST API: enroll (a PKCS#10 request built here, ECDSA P-256; the key
 * never leaves the process), register (authorised by the registrar's token with a low-S ECDSA
 * signature), and reenroll.
 */
public interface FabricCaClient {

  /**
   * The most bytes of an answer the client reads: 1 MiB, far more than a certificate and its chain.
   * A larger answer is a {@link CaAnswerTooLargeException}, and the rest of it is never read.
   */
  int MAX_ANSWER_BYTES = 1 << 20;

  /**
   * Starts building a client.
   *
   * @param url the CA's base URL, for example {@code https://127.0.0.1:7054}; only {@code https} is
   *     accepted
   * @return a builder
   */
  static Builder newBuilder(URI url) {
    return new FabricCaClientImpl.BuilderImpl(url);
  }

  /**
   * Enrolls an identity with its enrollment secret.
   *
   * @param enrollmentId the identity's name ({@link Registration#ENROLLMENT_ID}, checked before
   *     anything is sent)
   * @param secret its enrollment secret
   * @return the certificate and private key
   * @throws IllegalArgumentException if the enrollment id breaks {@link Registration#ENROLLMENT_ID}
   * @throws CaAuthenticationException if the id or secret is wrong
   * @throws CaAnswerTooLargeException if the answer is larger than {@link #MAX_ANSWER_BYTES}
   * @throws CaUnreachableException if the CA cannot be reached or does not answer in full within
   *     the deadline
   * @throws CaException if the CA refuses otherwise
   */
  Enrollment enroll(String enrollmentId, String secret) throws CaException;

  /**
   * Registers an identity, acting as a registrar (usually the CA admin).
   *
   * @param registrar the registrar's credentials
   * @param registration what to register
   * @return the enrollment secret (the one given, or one the CA generated)
   * @throws CaException if the CA refuses (for example the identity exists) or cannot be reached
   */
  String register(Credentials registrar, Registration registration) throws CaException;

  /**
   * Renews an identity's certificate with a new key.
   *
   * @param current the identity's current credentials
   * @return the new certificate and key
   * @throws CaException if the CA refuses or cannot be reached
   */
  Enrollment reenroll(Credentials current) throws CaException;

  /** Builds a {@link FabricCaClient}. */
  interface Builder {

    /**
     * Sets the name of the CA inside the server.
     *
     * @param caName the {@code caname}, or empty for the server's default CA
     * @return this builder
     */
    Builder caName(String caName);

    /**
     * Trusts the CA's TLS certificate (or its root) from a PEM file, a regular file of at most
     * {@link org.servicerecords.registry.client.io.SmallFiles#DEFAULT_LIMIT} bytes.
     *
     * @param tlsCertificate the PEM file
     * @return this builder
     */
    Builder tlsCertificate(Path tlsCertificate);

    /**
     * Sets the deadline for each call (default 30 s): connection, TLS handshake, headers and body
     * together. Past it the call is cancelled, its connection closed, and a {@link
     * CaUnreachableException} thrown.
     *
     * @param timeout the deadline
     * @return this builder
     */
    Builder timeout(Duration timeout);

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IdentityException if the TLS certificate is missing or cannot be read
     * @throws CaException if the URL is not {@code https}: enrollment secrets and registrar tokens
     *     are never sent in clear
     */
    FabricCaClient build() throws IdentityException, CaException;
  }
}
