package org.servicerecords.registry.client;

/**
 * No answer from the network: every endpoint of the organisation was unreachable, or a deadline
 * passed. For a submission the library has already retried; {@link #outcomeUnknown()} says whether
 * the transaction may still have been committed.
 */
public class NetworkException extends RegistryException {
  private static final long serialVersionUID = 1L;

  private final String grpcStatus;
  private final boolean outcomeUnknown;

  /**
   * Creates the exception.
   *
   * @param message one line that says what failed
   * @param stage where it failed
   * @param transactionId the transaction id, or {@code null}
   * @param grpcStatus the gRPC status code name (for example {@code UNAVAILABLE}), or {@code null}
   * @param outcomeUnknown whether a submitted transaction may have been committed anyway
   * @param cause the underlying exception, or {@code null}
   */
  public NetworkException(
      String message,
      Stage stage,
      String transactionId,
      String grpcStatus,
      boolean outcomeUnknown,
      Throwable cause) {
    super(message, null, stage, transactionId, null, cause);
    this.grpcStatus = grpcStatus;
    this.outcomeUnknown = outcomeUnknown;
  }

  /**
   * Returns the gRPC status code name.
   *
   * @return for example {@code UNAVAILABLE} or {@code DEADLINE_EXCEEDED}, or {@code null}
   */
  public String grpcStatus() {
    return grpcStatus;
  }

  /**
   * Says whether the transaction may have been committed although no answer came.
   *
   * @return true when a resubmission of the same transaction id is the safe next step
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
