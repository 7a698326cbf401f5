package org.servicerecords.registry.model;

/**
 * Stable codes that begin the message of every refusal by the contract ({@code CODE: detail}).
 *
 * <p>Gateway clients see only the message text of a chaincode error, so the code travels at its
 * start; the client library maps it back to a typed exception with {@link #fromMessage(String)}.
 * Codes are never renamed or reused.
 */
public enum ErrorCode {
  /** An argument is missing, malformed, too large, or inconsistent with another. */
  INVALID_ARGUMENT,
  /** The caller's identity, role or organisation may not perform this operation. */
  NOT_AUTHORIZED,
  /** The agency is not (or was not, at the asserted time) authorised for the document type. */
  ISSUER_NOT_AUTHORIZED,
  /**
   * The agency is suspended. Takes precedence over {@link #AGENCY_INACTIVE}: a suspended agency is
   * refused with this code whether or not the transaction time is within its active period.
   */
  AGENCY_SUSPENDED,
  /** No agency is registered under that MSP id or namespace. */
  AGENCY_NOT_FOUND,
  /** No record with that id exists in this namespace. */
  RECORD_NOT_FOUND,
  /** No application with that id exists in this namespace. */
  APPLICATION_NOT_FOUND,
  /** A record (or application, or agency) with that id already exists; nothing was changed. */
  ALREADY_EXISTS,
  /** The record is not in a state that allows the operation (for example already revoked). */
  INVALID_STATE,
  /** The transaction was sent to a chaincode that does not serve it (records vs. governance). */
  WRONG_NAMESPACE,
  /** Required transient data is missing or malformed. */
  TRANSIENT_DATA_INVALID,
  /** An unexpected failure inside the contract; the message carries no internal detail. */
  INTERNAL_ERROR,
  /**
   * The agency is outside its active period at the transaction time: before its {@code activeFrom}
   * or at or after its {@code activeUntil}. A suspended agency gets {@link #AGENCY_SUSPENDED}
   * instead.
   */
  AGENCY_INACTIVE,
  /**
   * The transaction's asserted timestamp lies further from the endorsing peer's clock than the
   * contract's tolerance: the peer refuses to endorse (a backdated or postdated write).
   */
  TIMESTAMP_OUT_OF_TOLERANCE;

  /**
   * Formats a refusal message: the code, a colon, and the detail.
   *
   * @param detail human-readable detail, free of personal data
   * @return {@code CODE: detail}
   */
  public String message(String detail) {
    return name() + ": " + detail;
  }

  /**
   * Finds the code at the start of a chaincode error message.
   *
   * <p>Peers may wrap the message (for example {@code "chaincode response 500, NOT_AUTHORIZED:
   * ..."}), so the first known code followed by a colon anywhere in the text is taken.
   *
   * @param message a message from a peer or the contract, may be {@code null}
   * @return the code, or {@code null} if the message carries none
   */
  public static ErrorCode fromMessage(String message) {
    if (message == null) {
      return null;
    }
    ErrorCode found = null;
    int foundAt = Integer.MAX_VALUE;
    for (ErrorCode code : values()) {
      int at = message.indexOf(code.name() + ":");
      boolean startsWord = at == 0 || (at > 0 && !isCodeChar(message.charAt(at - 1)));
      if (at >= 0 && startsWord && at < foundAt) {
        found = code;
        foundAt = at;
      }
    }
    return found;
  }

  private static boolean isCodeChar(char c) {
    return (c >= 'A' && c <= 'Z') || c == '_';
  }
}
