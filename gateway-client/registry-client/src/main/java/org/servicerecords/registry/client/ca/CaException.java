package org.servicerecords.registry.client.ca;

/**
 * The Fabric CA refused a request or could not be reached. The message is one line naming the CA
 * and its answer.
 */
public class CaException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int caErrorCode;

  /**
   * Creates the exception.
   *
   * @param message one line naming the problem
   * @param httpStatus the HTTP status, or 0 when there was no answer
   * @param caErrorCode Fabric CA's error code, or 0 when none was given
   * @param cause the underlying exception, or {@code null}
   */
  public CaException(String message, int httpStatus, int caErrorCode, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.caErrorCode = caErrorCode;
  }

  /**
   * Returns the HTTP status of the CA's answer.
   *
   * @return the status, or 0 when the CA was not reached
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Returns Fabric CA's own error code (for example 20 for an authentication failure).
   *
   * @return the code, or 0
   */
  public int caErrorCode() {
    return caErrorCode;
  }
}
