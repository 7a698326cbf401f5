package org.servicerecords.registry.client;

import org.servicerecords.registry.model.ErrorCode;

/**
 * A failure reported by the registry client: a refusal by the contract, a transaction the ledger
 * invalidated, or a network failure. Every failure carries the {@link Stage} it happened at, the
 * contract's {@link ErrorCode} when there is one, the transaction id when one was assigned, and the
 * message the peer gave.
 *
 * <p>Subclasses say what kind of failure it was: {@link ContractException} (and its typed
 * subclasses per error code), {@link TransactionInvalidatedException}, {@link NetworkException}.
 * The mapping from Fabric Gateway errors to these types lives in one place inside the library.
 */
public class RegistryException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Where in a call the failure happened. */
  public enum Stage {
    /** Checked in the library before anything was sent. */
    LOCAL,
    /** A query (evaluate) on a peer. */
    EVALUATE,
    /** Endorsement of a transaction proposal. */
    ENDORSE,
    /** Submission of an endorsed transaction to the orderers. */
    SUBMIT,
    /** Waiting for the commit status of a submitted transaction. */
    COMMIT_STATUS,
    /** Validation at commit: the transaction is on the ledger but invalid. */
    COMMIT,
    /** Receiving events. */
    EVENTS
  }

  private final transient ErrorCode code;
  private final Stage stage;
  private final String transactionId;
  private final String peerMessage;

  /**
   * Creates the exception with every part; the factories ({@link #local}, {@link #evaluate}, {@link
   * #at}) name the usual combinations.
   *
   * @param message one line that says what failed
   * @param code the contract's error code, or {@code null}
   * @param stage where it failed
   * @param transactionId the transaction id, or {@code null}
   * @param peerMessage the peer's own message, or {@code null}
   * @param cause the underlying exception, or {@code null}
   */
  public RegistryException(
      String message,
      ErrorCode code,
      Stage stage,
      String transactionId,
      String peerMessage,
      Throwable cause) {
    super(message, cause);
    this.code = code;
    this.stage = stage == null ? Stage.LOCAL : stage;
    this.transactionId = transactionId;
    this.peerMessage = peerMessage;
  }

  /**
   * A failure found in the library before anything was sent ({@link Stage#LOCAL}).
   *
   * @param message one line that says what failed
   * @return the exception
   */
  public static RegistryException local(String message) {
    return local(message, null);
  }

  /**
   * A failure found in the library before anything was sent ({@link Stage#LOCAL}), with its cause.
   *
   * @param message one line that says what failed
   * @param cause the underlying exception, or {@code null}
   * @return the exception
   */
  public static RegistryException local(String message, Throwable cause) {
    return new RegistryException(message, null, Stage.LOCAL, null, null, cause);
  }

  /**
   * An answer to a query that the library cannot use ({@link Stage#EVALUATE}), with no transaction.
   *
   * @param message one line that says what was wrong with the answer
   * @return the exception
   */
  public static RegistryException evaluate(String message) {
    return at(Stage.EVALUATE, message, null, null);
  }

  /**
   * A failure at a stage with no error code of the contract and no peer message.
   *
   * @param stage where it failed
   * @param message one line that says what failed
   * @param transactionId the transaction id, or {@code null}
   * @param cause the underlying exception, or {@code null}
   * @return the exception
   */
  public static RegistryException at(
      Stage stage, String message, String transactionId, Throwable cause) {
    return new RegistryException(message, null, stage, transactionId, null, cause);
  }

  /**
   * Returns the contract's error code.
   *
   * @return the code, or {@code null} when the failure did not come from the contract
   */
  public ErrorCode code() {
    return code;
  }

  /**
   * Returns where the failure happened.
   *
   * @return the stage
   */
  public Stage stage() {
    return stage;
  }

  /**
   * Returns the transaction id of the failed transaction.
   *
   * @return the id, or {@code null} for queries and local refusals
   */
  public String transactionId() {
    return transactionId;
  }

  /**
   * Returns the message the peer gave, unchanged.
   *
   * @return the peer's message, or {@code null}
   */
  public String peerMessage() {
    return peerMessage;
  }
}
