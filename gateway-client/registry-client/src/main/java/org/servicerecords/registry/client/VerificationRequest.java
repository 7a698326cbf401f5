package org.servicerecords.registry.client;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Verifier#verify} and {@link Verifier#verifyAttested} are asked: a document's SHA-256,
 * optionally the instant to judge it at (now when absent) and the issuer to ask (every agency in
 * parallel when absent). Immutable.
 *
 * <pre>{@code
 * verifier.verify(VerificationRequest.forHash(hash).build());
 * verifier.verify(VerificationRequest.forFile(pdf).at(instant).issuer("JusticeMSP").build());
 * }</pre>
 */
public final class VerificationRequest {

  private final String documentHash;
  private final Instant at;
  private final String issuer;

  private VerificationRequest(Builder builder) {
    this.documentHash = builder.documentHash;
    this.at = builder.at;
    this.issuer = builder.issuer;
  }

  /**
   * Starts a request for a document's hash.
   *
   * @param documentHash the hash (64 hex digits)
   * @return the builder
   */
  public static Builder forHash(String documentHash) {
    return new Builder(Objects.requireNonNull(documentHash, "documentHash"));
  }

  /**
   * Starts a request for a document file, hashing it as a stream now.
   *
   * @param document the file
   * @return the builder
   * @throws IOException if the file cannot be read
   */
  public static Builder forFile(Path document) throws IOException {
    return new Builder(DocumentHash.ofFile(Objects.requireNonNull(document, "document")));
  }

  /**
   * Returns the document's hash.
   *
   * @return the hash
   */
  public String documentHash() {
    return documentHash;
  }

  /**
   * Returns the instant to judge the document at.
   *
   * @return the instant, or empty for now
   */
  public Optional<Instant> at() {
    return Optional.ofNullable(at);
  }

  /**
   * Returns the issuer to ask.
   *
   * @return the issuer's namespace or MSP id, or empty to ask every agency in parallel
   */
  public Optional<String> issuer() {
    return Optional.ofNullable(issuer);
  }

  /** Builds a {@link VerificationRequest}. */
  public static final class Builder {
    private final String documentHash;
    private Instant at;
    private String issuer;

    private Builder(String documentHash) {
      this.documentHash = documentHash;
    }

    /**
     * Judges the document at an instant.
     *
     * @param instant the instant, or {@code null} for now (the default)
     * @return this builder
     */
    public Builder at(Instant instant) {
      this.at = instant;
      return this;
    }

    /**
     * Asks one issuer only.
     *
     * @param issuerNamespaceOrMsp the issuer's namespace or MSP id, or {@code null} to ask every
     *     agency in parallel (the default)
     * @return this builder
     */
    public Builder issuer(String issuerNamespaceOrMsp) {
      this.issuer = issuerNamespaceOrMsp;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public VerificationRequest build() {
      return new VerificationRequest(this);
    }
  }
}
