package org.servicerecords.registry.client.ca;

/**
 * The CA's answer was larger than the client reads ({@link FabricCaClient#MAX_ANSWER_BYTES}): it
 * declared a larger length, or its body went past the limit. The connection was closed and the rest
 * left unread. A Fabric CA answers in a few kilobytes, so this is a broken or hostile server, or
 * something between it and the client.
 */
public final class CaAnswerTooLargeException extends CaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the CA and the request
   * @param httpStatus the HTTP status of the answer
   */
  public CaAnswerTooLargeException(String message, int httpStatus) {
    super(message, httpStatus, 0, null);
  }
}
