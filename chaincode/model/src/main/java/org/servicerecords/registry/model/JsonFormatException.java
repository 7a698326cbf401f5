package org.servicerecords.registry.model;

/** JSON text that the canonical form refuses: malformed, duplicate or unknown fields, floats. */
public final class JsonFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, and where (a JSON path such as {@code $.metadata.key})
   */
  public JsonFormatException(String message) {
    super(message);
  }
}
