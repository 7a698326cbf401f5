package org.servicerecords.registry.client.identity;

import java.time.Instant;

/** The identity's certificate is expired (or not yet valid): reenroll with the agency's CA. */
public final class IdentityExpiredException extends IdentityException {
  private static final long serialVersionUID = 1L;

  private final Instant notAfter;

  /**
   * Creates the exception.
   *
   * @param message one line naming the identity and the expiry
   * @param notAfter the certificate's end of validity
   */
  public IdentityExpiredException(String message, Instant notAfter) {
    super(message);
    this.notAfter = notAfter;
  }

  /**
   * Returns the certificate's end of validity.
   *
   * @return the instant the certificate expired
   */
  public Instant notAfter() {
    return notAfter;
  }
}
