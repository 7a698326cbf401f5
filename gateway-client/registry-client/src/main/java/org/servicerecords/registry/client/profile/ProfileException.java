package org.servicerecords.registry.client.profile;

/** The connection profile is missing, unreadable or malformed; the message names the problem. */
public final class ProfileException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the file and the field at fault
   */
  public ProfileException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message one line naming the file and the field at fault
   * @param cause the underlying exception
   */
  public ProfileException(String message, Throwable cause) {
    super(message, cause);
  }
}
