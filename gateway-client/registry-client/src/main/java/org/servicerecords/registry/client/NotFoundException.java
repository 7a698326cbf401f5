package org.servicerecords.registry.client;

import org.servicerecords.registry.model.ErrorCode;

/**
 * No record, application or agency with that id ({@code RECORD_NOT_FOUND}, {@code
 * APPLICATION_NOT_FOUND}, {@code AGENCY_NOT_FOUND}).
 */
public final class NotFoundException extends ContractException {
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
  public NotFoundException(
      String message, ErrorCode code, Stage stage, String transactionId, String peerMessage) {
    super(message, code, stage, transactionId, peerMessage);
  }
}
