package org.servicerecords.registry.client;

import org.servicerecords.registry.model.ErrorCode;

/**
 * The agency is outside its active period at the transaction time ({@code AGENCY_INACTIVE}): before
 * its {@code activeFrom} or at or after its {@code activeUntil}. A suspended agency gets {@link
 * AgencySuspendedException} instead.
 */
public final class AgencyInactiveException extends ContractException {
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
  public AgencyInactiveException(
      String message, ErrorCode code, Stage stage, String transactionId, String peerMessage) {
    super(message, code, stage, transactionId, peerMessage);
  }
}
