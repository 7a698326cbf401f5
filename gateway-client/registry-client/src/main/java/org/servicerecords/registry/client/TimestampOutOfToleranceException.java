package org.servicerecords.registry.client;

import org.servicerecords.registry.model.ErrorCode;

/**
 * An endorsing peer refused the transaction time ({@code TIMESTAMP_OUT_OF_TOLERANCE}): it lies
 * further from that peer's clock than the contract's tolerance (five minutes). The client's clock
 * is wrong, or the peer's; nothing was written.
 */
public final class TimestampOutOfToleranceException extends ContractException {
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
  public TimestampOutOfToleranceException(
      String message, ErrorCode code, Stage stage, String transactionId, String peerMessage) {
    super(message, code, stage, transactionId, peerMessage);
  }
}
