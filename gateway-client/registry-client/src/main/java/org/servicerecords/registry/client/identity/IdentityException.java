package org.servicerecords.registry.client.identity;

/** An identity that cannot be used: files missing or unreadable, malformed PEM, expired. */
public class IdentityException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the problem and the file
   */
  public IdentityException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message one line naming the problem and the file
   * @param cause the underlying exception
   */
  public IdentityException(String message, Throwable cause) {
    super(message, cause);
  }
}
