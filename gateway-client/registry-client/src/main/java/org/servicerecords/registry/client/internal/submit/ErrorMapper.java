package org.servicerecords.registry.client.internal.submit;

import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.TransactionException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.servicerecords.registry.client.AgencyInactiveException;
import org.servicerecords.registry.client.AgencySuspendedException;
import org.servicerecords.registry.client.AlreadyExistsException;
import org.servicerecords.registry.client.ContractException;
import org.servicerecords.registry.client.InvalidArgumentException;
import org.servicerecords.registry.client.InvalidStateException;
import org.servicerecords.registry.client.IssuerNotAuthorizedException;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.NotAuthorizedException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.TimestampOutOfToleranceException;
import org.servicerecords.registry.client.TransactionInvalidatedException;
import org.servicerecords.registry.model.ErrorCode;

/**
 * The one place where Fabric Gateway failures become registry exceptions.
 *
 * <p>The chaincode's message starts with an {@link ErrorCode}; the Gateway wraps it (for example
 * {@code "chaincode response 500, NOT_AUTHORIZED: ..."}) either in the status message or in the
 * per-peer error details, so both are searched.
 */
public final class ErrorMapper {

  /** gRPC codes that mean "no answer": try the next endpoint of the same organisation. */
  static final Set<Status.Code> UNREACHABLE =
      Set.of(
          Status.Code.UNAVAILABLE,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.CANCELLED,
          Status.Code.RESOURCE_EXHAUSTED);

  private ErrorMapper() {}

  /**
   * Maps a Gateway exception.
   *
   * @param e the exception from the SDK
   * @param stage the stage the call was in
   * @param transactionId the transaction id, or {@code null} (taken from {@code e} when it has one)
   * @return the registry exception
   */
  public static RegistryException fromGateway(
      GatewayException e, Stage stage, String transactionId) {
    String txId = transactionId;
    if (txId == null && e instanceof TransactionException te) {
      txId = te.getTransactionId();
    }
    return map(stage, txId, e.getStatus(), detailMessages(e.getDetails()), e);
  }

  /**
   * Maps a Gateway runtime exception (thrown by event iterators).
   *
   * @param e the exception from the SDK
   * @param stage the stage the call was in
   * @return the registry exception
   */
  public static RegistryException fromGateway(GatewayRuntimeException e, Stage stage) {
    return map(stage, null, e.getStatus(), detailMessages(e.getDetails()), e);
  }

  /**
   * Maps a commit failure (the transaction is on the ledger, marked invalid).
   *
   * @param e the exception from the SDK
   * @return the registry exception
   */
  static TransactionInvalidatedException fromCommit(CommitException e) {
    return invalidated(e.getTransactionId(), e.getCode().name());
  }

  /**
   * Builds the exception for a transaction the ledger marked invalid.
   *
   * @param transactionId the transaction id
   * @param validationCode Fabric's validation code name
   * @return the exception
   */
  static TransactionInvalidatedException invalidated(String transactionId, String validationCode) {
    return new TransactionInvalidatedException(
        "transaction " + transactionId + " was invalidated at commit: " + validationCode,
        transactionId,
        validationCode);
  }

  /**
   * Maps a failure described by its gRPC status and the peers' detail messages.
   *
   * @param stage the stage
   * @param transactionId the transaction id, or {@code null}
   * @param status the gRPC status
   * @param details messages of the Gateway's per-peer error details
   * @param cause the original exception, or {@code null}
   * @return the registry exception
   */
  static RegistryException map(
      Stage stage, String transactionId, Status status, List<String> details, Throwable cause) {
    String statusMessage = status.getDescription() == null ? "" : status.getDescription();
    String peerMessage = peerMessage(statusMessage, details);
    ErrorCode code = ErrorCode.fromMessage(peerMessage);
    if (code != null) {
      return forCode(code, contractDetail(peerMessage, code), stage, transactionId, peerMessage);
    }
    String identityRefusal = identityRefusal(peerMessage);
    if (identityRefusal != null) {
      return forCode(
          ErrorCode.NOT_AUTHORIZED,
          identityRefusal + ": " + firstLine(peerMessage),
          stage,
          transactionId,
          peerMessage);
    }
    if (UNREACHABLE.contains(status.getCode())) {
      String what =
          status.getCode() == Status.Code.DEADLINE_EXCEEDED
              ? "no answer before the deadline"
              : "peer unreachable";
      return new NetworkException(
          stageText(stage) + " failed: " + what + " (" + status.getCode() + ")",
          stage,
          transactionId,
          status.getCode().name(),
          stage == Stage.SUBMIT || stage == Stage.COMMIT_STATUS,
          cause);
    }
    return new RegistryException(
        stageText(stage)
            + " failed ("
            + status.getCode()
            + ")"
            + (peerMessage.isEmpty() ? "" : ": " + firstLine(peerMessage)),
        null,
        stage,
        transactionId,
        peerMessage,
        cause);
  }

  /**
   * Builds the typed exception for a contract error code.
   *
   * @param code the code
   * @param detail the text after the code
   * @param stage where it was refused ({@link Stage#LOCAL} for the library's own early refusals)
   * @param transactionId the transaction id, or {@code null}
   * @param peerMessage the peer's full message, or {@code null} for local refusals
   * @return the typed exception
   */
  public static ContractException forCode(
      ErrorCode code, String detail, Stage stage, String transactionId, String peerMessage) {
    String message = code.name() + ": " + detail;
    return switch (code) {
      case NOT_AUTHORIZED ->
          new NotAuthorizedException(message, code, stage, transactionId, peerMessage);
      case ISSUER_NOT_AUTHORIZED ->
          new IssuerNotAuthorizedException(message, code, stage, transactionId, peerMessage);
      case AGENCY_SUSPENDED ->
          new AgencySuspendedException(message, code, stage, transactionId, peerMessage);
      case AGENCY_INACTIVE ->
          new AgencyInactiveException(message, code, stage, transactionId, peerMessage);
      case TIMESTAMP_OUT_OF_TOLERANCE ->
          new TimestampOutOfToleranceException(message, code, stage, transactionId, peerMessage);
      case RECORD_NOT_FOUND, APPLICATION_NOT_FOUND, AGENCY_NOT_FOUND ->
          new NotFoundException(message, code, stage, transactionId, peerMessage);
      case ALREADY_EXISTS ->
          new AlreadyExistsException(message, code, stage, transactionId, peerMessage);
      case INVALID_ARGUMENT, TRANSIENT_DATA_INVALID ->
          new InvalidArgumentException(message, code, stage, transactionId, peerMessage);
      case INVALID_STATE ->
          new InvalidStateException(message, code, stage, transactionId, peerMessage);
      case WRONG_NAMESPACE, INTERNAL_ERROR ->
          new ContractException(message, code, stage, transactionId, peerMessage);
    };
  }

  /**
   * Says whether a gRPC status means the endpoint gave no answer (so another endpoint of the same
   * organisation may be tried).
   *
   * @param e the exception
   * @return true for UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED and RESOURCE_EXHAUSTED without a
   *     contract error code
   */
  static boolean isUnreachable(GatewayException e) {
    return UNREACHABLE.contains(e.getStatus().getCode())
        && ErrorCode.fromMessage(
                peerMessage(descriptionOf(e.getStatus()), detailMessages(e.getDetails())))
            == null;
  }

  private static String descriptionOf(Status status) {
    return status.getDescription() == null ? "" : status.getDescription();
  }

  private static List<String> detailMessages(List<ErrorDetail> details) {
    List<String> messages = new ArrayList<>();
    for (ErrorDetail detail : details) {
      messages.add(detail.getMessage());
    }
    return messages;
  }

  private static String peerMessage(String statusMessage, List<String> details) {
    StringBuilder text = new StringBuilder(statusMessage);
    for (String detail : details) {
      if (detail != null && !detail.isEmpty()) {
        if (text.length() > 0) {
          text.append("; ");
        }
        text.append(detail);
      }
    }
    return text.toString();
  }

  /**
   * Fabric's own refusals of the caller's identity, before any contract runs: a peer's "access
   * denied" (a creator of an unknown organisation or CA, a certificate the MSP finds invalid or
   * revoked, a bad signature, a policy the caller does not meet) and an orderer's {@code FORBIDDEN}
   * (e.g. "broadcast client identity expired", or not a channel writer).
   *
   * @return what refused, or {@code null} when the message is no such refusal
   */
  private static String identityRefusal(String peerMessage) {
    if (peerMessage.contains("access denied")) {
      return "the peer refused the caller's identity";
    }
    if (peerMessage.contains("status=FORBIDDEN")) {
      return "the orderers refused the caller's transaction";
    }
    return null;
  }

  /** The contract's own detail: the text after "CODE: " up to the end of that message. */
  private static String contractDetail(String peerMessage, ErrorCode code) {
    int at = peerMessage.indexOf(code.name() + ":");
    String rest = peerMessage.substring(at + code.name().length() + 1).trim();
    int end = rest.indexOf("; ");
    return firstLine(end >= 0 ? rest.substring(0, end) : rest);
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline >= 0 ? text.substring(0, newline) : text;
  }

  private static String stageText(Stage stage) {
    return switch (stage) {
      case LOCAL -> "check";
      case EVALUATE -> "query";
      case ENDORSE -> "endorsement";
      case SUBMIT -> "submission";
      case COMMIT_STATUS -> "commit status";
      case COMMIT -> "commit";
      case EVENTS -> "event stream";
    };
  }
}
