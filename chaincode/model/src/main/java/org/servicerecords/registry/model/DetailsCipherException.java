package org.servicerecords.registry.model;

/**
 * Sealed details that do not open: sealed under another key, nonce or record id, or changed or
 * truncated on the way. The message never holds any of the data.
 */
public final class DetailsCipherException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why the details do not open, without any of the data
   */
  public DetailsCipherException(String message) {
    super(message);
  }
}
