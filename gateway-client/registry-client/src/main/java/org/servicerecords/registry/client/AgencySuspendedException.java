package org.servicerecords.registry.client;

import org.servicerecords.registry.model.ErrorCode;

/**
 * The agency is suspended ({@code AGENCY_SUSPENDED}). A suspended agency gets this even when it is
 * also outside its active period; see {@link AgencyInactiveException}.
 */
public final class AgencySuspendedException extends ContractException {
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
  public AgencySuspendedException(
      String message, ErrorCode code, Stage stage, String transactionId, String peerMessage) {
    super(message, code, stage, transactionId, peerMessage);
  }
}
