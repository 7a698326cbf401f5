package org.servicerecords.registry.model;

/**
 * One thing wrong with an argument of a transaction, as the input rules ({@link InputRules}, {@link
 * RequestRules}) find it. The contract refuses a transaction with its first problem ({@code CODE:
 * field message}); the client library reports every problem of a request in the same words.
 *
 * @param code the error code the contract refuses the argument with
 * @param field the field or argument it concerns, such as {@code records[2].validFrom} or {@code
 *     transient 'details'}
 * @param message what is wrong, in words that never echo personal data; continues {@code field}
 */
public record Problem(ErrorCode code, String field, String message) {

  /**
   * A problem refused with {@link ErrorCode#INVALID_ARGUMENT}.
   *
   * @param field the field
   * @param message what is wrong
   * @return the problem
   */
  public static Problem invalid(String field, String message) {
    return new Problem(ErrorCode.INVALID_ARGUMENT, field, message);
  }

  /**
   * The problem in words: the field, a space, the message.
   *
   * @return {@code field + " " + message}
   */
  public String detail() {
    return field + " " + message;
  }
}
