package org.servicerecords.registry.bench;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.TransactionInvalidatedException;

/**
 * The cause a failed operation is counted under, read from the library's typed exceptions ({@link
 * RegistryException#stage()}, {@link TransactionInvalidatedException#validationCode()}, {@link
 * NetworkException#grpcStatus()}) and, on the reference contract's raw Gateway path, from the
 * Gateway SDK's exceptions and their gRPC status.
 */
public final class FailureCause {

  /** The peer refused to endorse: the contract or the endorsement policy said no. */
  public static final String ENDORSEMENT = "endorsement";

  /** Invalidated at commit by an MVCC read or phantom read conflict. */
  public static final String MVCC_CONFLICT = "mvcc_conflict";

  /** A deadline passed ({@code DEADLINE_EXCEEDED}). */
  public static final String TIMEOUT = "timeout";

  /**
   * The peer Gateway's concurrency limit ({@code RESOURCE_EXHAUSTED}, core.yaml {@code
   * peer.limits.concurrency.gatewayService}).
   */
  public static final String GATEWAY_LIMIT = "gateway_limit";

  /** A query or transaction succeeded with an answer the workload did not expect. */
  public static final String UNEXPECTED_RESULT = "unexpected_result";

  /** Anything else. */
  public static final String OTHER = "other";

  private FailureCause() {}

  /**
   * Classifies a failure.
   *
   * @param failure the exception an operation completed with (wrappers such as {@link
   *     CompletionException} are looked through)
   * @return one of this class's causes
   */
  public static String of(Throwable failure) {
    Throwable e = unwrap(failure);
    if (e instanceof UnexpectedResultException) {
      return UNEXPECTED_RESULT;
    }
    if (e instanceof BatchFailedException batch) {
      return fromText(batch.getMessage());
    }
    if (e instanceof TransactionInvalidatedException invalidated) {
      return fromValidationCode(invalidated.validationCode());
    }
    if (e instanceof NetworkException network) {
      String fromStatus = fromGrpcStatus(network.grpcStatus());
      return fromStatus != null ? fromStatus : OTHER;
    }
    if (e instanceof RegistryException registry) {
      return registry.stage() == RegistryException.Stage.ENDORSE ? ENDORSEMENT : OTHER;
    }
    if (e instanceof CommitException commit) {
      return fromValidationCode(commit.getCode().name());
    }
    if (e instanceof GatewayException gateway) {
      String fromStatus = fromGrpcStatus(gateway.getStatus().getCode().name());
      if (fromStatus != null) {
        return fromStatus;
      }
      return gateway instanceof EndorseException ? ENDORSEMENT : OTHER;
    }
    if (e instanceof StatusRuntimeException grpc) {
      String fromStatus = fromGrpcStatus(grpc.getStatus().getCode().name());
      return fromStatus != null ? fromStatus : OTHER;
    }
    if (e instanceof TimeoutException) {
      return TIMEOUT;
    }
    return OTHER;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable e = failure;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static String fromValidationCode(String code) {
    if (code == null) {
      return OTHER;
    }
    return switch (code) {
      case "MVCC_READ_CONFLICT", "PHANTOM_READ_CONFLICT" -> MVCC_CONFLICT;
      case "ENDORSEMENT_POLICY_FAILURE" -> ENDORSEMENT;
      default -> OTHER;
    };
  }

  private static String fromGrpcStatus(String code) {
    if (Status.Code.RESOURCE_EXHAUSTED.name().equals(code)) {
      return GATEWAY_LIMIT;
    }
    if (Status.Code.DEADLINE_EXCEEDED.name().equals(code)) {
      return TIMEOUT;
    }
    return null;
  }

  /**
   * Classifies the text of a batch record's failure ({@code RecordOutcome.message()}, which carries
   * the library's exception message but not the exception).
   */
  static String fromText(String message) {
    String text = message == null ? "" : message.toUpperCase(Locale.ROOT);
    if (text.contains("MVCC_READ_CONFLICT") || text.contains("PHANTOM_READ_CONFLICT")) {
      return MVCC_CONFLICT;
    }
    if (text.contains("RESOURCE_EXHAUSTED")) {
      return GATEWAY_LIMIT;
    }
    if (text.contains("DEADLINE_EXCEEDED")) {
      return TIMEOUT;
    }
    if (text.contains("ENDORSEMENT")) {
      return ENDORSEMENT;
    }
    return OTHER;
  }

  /** A query or transaction answered, but not with what the workload expected. */
  static final class UnexpectedResultException extends Exception {
    private static final long serialVersionUID = 1L;

    UnexpectedResultException(String message) {
      super(message);
    }
  }

  /** A batch whose records did not all reach the ledger; the message is a failed record's. */
  static final class BatchFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    BatchFailedException(String message) {
      super(message);
    }
  }
}
