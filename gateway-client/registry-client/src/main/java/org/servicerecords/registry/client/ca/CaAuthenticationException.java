package org.servicerecords.registry.client.ca;

/** The CA did not accept the credentials: wrong enrollment id or secret, or an invalid token. */
public final class CaAuthenticationException extends CaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the problem
   * @param httpStatus the HTTP status
   * @param caErrorCode Fabric CA's error code
   */
  public CaAuthenticationException(String message, int httpStatus, int caErrorCode) {
    super(message, httpStatus, caErrorCode, null);
  }
}
