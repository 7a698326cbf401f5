package org.servicerecords.registry.client.ca;

/** The CA could not be reached: connection refused, TLS failure, or timeout. */
public final class CaUnreachableException extends CaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the CA and the failure
   * @param cause the underlying exception
   */
  public CaUnreachableException(String message, Throwable cause) {
    super(message, 0, 0, cause);
  }
}
