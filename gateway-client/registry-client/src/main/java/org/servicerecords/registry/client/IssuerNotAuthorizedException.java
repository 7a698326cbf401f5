package org.servicerecords.registry.client;

import org.servicerecords.registry.model.ErrorCode;

/** The agency is not authorised for the document type ({@code ISSUER_NOT_AUTHORIZED}). */
public final class IssuerNotAuthorizedException extends ContractException {
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
  public IssuerNotAuthorizedException(
      String message, ErrorCode code, Stage stage, String transactionId, String peerMessage) {
    super(message, code, stage, transactionId, peerMessage);
  }
}
