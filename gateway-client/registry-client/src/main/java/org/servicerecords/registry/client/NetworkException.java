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
   * Creates the exception; {@link #unreachable} and {@link #unknownOutcome} name the two kinds.
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
   * A network failure after which nothing was committed: nothing was sent, or the peers refused or
   * never received it.
   *
   * @param message one line that says what failed
   * @param stage where it failed
   * @param transactionId the transaction id, or {@code null}
   * @param grpcStatus the gRPC status code name, or {@code null}
   * @param cause the underlying exception, or {@code null}
   * @return the exception, with {@link #outcomeUnknown()} false
   */
  public static NetworkException unreachable(
      String message, Stage stage, String transactionId, String grpcStatus, Throwable cause) {
    return new NetworkException(message, stage, transactionId, grpcStatus, false, cause);
  }

  /**
   * A network failure after which a submitted transaction may have been committed anyway: rerun the
   * same request, which is idempotent, to learn its outcome.
   *
   * @param message one line that says what failed
   * @param stage where it failed
   * @param transactionId the transaction id, or {@code null}
   * @param grpcStatus the gRPC status code name, or {@code null}
   * @param cause the underlying exception, or {@code null}
   * @return the exception, with {@link #outcomeUnknown()} true
   */
  public static NetworkException unknownOutcome(
      String message, Stage stage, String transactionId, String grpcStatus, Throwable cause) {
    return new NetworkException(message, stage, transactionId, grpcStatus, true, cause);
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
