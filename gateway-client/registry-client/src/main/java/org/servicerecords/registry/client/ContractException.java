package org.servicerecords.registry.client;

import org.servicerecords.registry.model.ErrorCode;

/**
 * The contract refused the call; nothing was written. The {@link #code()} says why. Typed
 * subclasses exist for the codes a caller usually handles.
 */
public class ContractException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line that says what was refused
   * @param code the contract's error code, or {@code null} when the peer's message carried none
   * @param stage where the refusal came from
   * @param transactionId the transaction id, or {@code null}
   * @param peerMessage the peer's message
   */
  public ContractException(
      String message, ErrorCode code, Stage stage, String transactionId, String peerMessage) {
    super(message, code, stage, transactionId, peerMessage, null);
  }
}
