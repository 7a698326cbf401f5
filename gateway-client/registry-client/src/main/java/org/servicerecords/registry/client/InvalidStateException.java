package org.servicerecords.registry.client;

import org.servicerecords.registry.model.ErrorCode;

/**
 * The record's state does not allow the operation, e.g. already revoked ({@code INVALID_STATE}).
 */
public final class InvalidStateException extends ContractException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line that says what was refused
   * @param code the contract's error code
   * @param stage where the refusal came from
   * @param transactionId the transaction id, or {@code null}
   * @param peerMessage the peer's message
   */
  public InvalidStateException(
      String message, ErrorCode code, Stage stage, String transactionId, String peerMessage) {
    super(message, code, stage, transactionId, peerMessage);
  }
}
