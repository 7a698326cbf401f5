package org.servicerecords.registry.client;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.servicerecords.registry.client.RegistryException.Stage;

/**
 * Exactly-once submission.
 *
 * <p>The endorsed transaction's bytes and id are kept before anything is sent to the orderers. When
 * submission or the commit status gives no answer, the same transaction is rebuilt from its bytes
 * ({@code gateway.newTransaction(bytes)}) on the next endpoint of the organisation and sent again:
 * it keeps its id, so at most one copy can be valid on the ledger (a repeat is marked {@code
 * DUPLICATE_TXID}). A {@code DUPLICATE_TXID} status, or running out of endpoints, is settled by
 * asking the ledger itself (qscc {@code GetTransactionByID}). Once the orderers may have the
 * transaction, no failure is reported as a refusal: it is either settled or an unknown outcome
 * ({@link #outcomeUnknown}).
 */
final class Submitter {

  /** A transaction endorsed and not yet known to be committed. */
  record Prepared(String transactionId, byte[] bytes, byte[] result) {
    Prepared {
      bytes = bytes.clone();
      result = result.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public byte[] result() {
      return result.clone();
    }
  }

  /** The outcome of a committed transaction. */
  record Committed(String transactionId, byte[] result, long blockNumber) {
    Committed {
      result = result.clone();
    }

    @Override
    public byte[] result() {
      return result.clone();
    }
  }

  /**
   * Functions whose answer is personal data: they are only ever evaluated. A submitted
   * transaction's response is part of its endorsement, which is written into the block and so
   * reaches every organisation of the channel and stays there.
   */
  static final Set<String> EVALUATE_ONLY = Set.of("ReadDetails");

  private final Connector connector;

  Submitter(Connector connector) {
    this.connector = connector;
  }

  /**
   * Endorses a transaction on the client's own organisation only, failing over between its
   * endpoints while they give no answer (nothing has been sent to the orderers yet, so a new
   * proposal is safe).
   */
  Prepared endorse(
      String chaincode, String function, Map<String, byte[]> transientData, String... args)
      throws RegistryException {
    return endorse(chaincode, function, transientData, true, args);
  }

  /**
   * Endorses a transaction without transient data on the organisations the Gateway's endorsement
   * plan names for the chaincode's policy ({@code governance}: a majority of the organisations),
   * with the same failover as {@link #endorse(String, String, Map, String...)}.
   */
  Prepared endorseByPolicy(String chaincode, String function, String... args)
      throws RegistryException {
    return endorse(chaincode, function, Map.of(), false, args);
  }

  private Prepared endorse(
      String chaincode,
      String function,
      Map<String, byte[]> transientData,
      boolean ownOrganizationOnly,
      String... args)
      throws RegistryException {
    refuseEvaluateOnly(function);
    String msp = connector.credentials().mspId();
    return connector.withFailover(
        Stage.ENDORSE,
        gateway -> {
          Proposal.Builder builder =
              connector.contract(gateway, chaincode).newProposal(function).addArguments(args);
          if (ownOrganizationOnly) {
            builder.setEndorsingOrganizations(msp);
          }
          if (!transientData.isEmpty()) {
            builder.putAllTransient(transientData);
          }
          Transaction tx = endorse(builder.build());
          return new Prepared(tx.getTransactionId(), tx.getBytes(), tx.getResult());
        });
  }

  private static void refuseEvaluateOnly(String function) throws RegistryException {
    String name = function.substring(function.lastIndexOf(':') + 1);
    if (EVALUATE_ONLY.contains(name)) {
      throw new RegistryException(
          function
              + " returns personal data and is only ever evaluated: the response of a submitted"
              + " transaction would be written into the block",
          null,
          Stage.LOCAL,
          null,
          null,
          null);
    }
  }

  private static Transaction endorse(Proposal proposal) throws EndorseException {
    return proposal.endorse();
  }

  /**
   * gRPC codes with which a submission is refused deliberately, before the transaction reaches an
   * orderer or by the orderer itself (Fabric's Gateway answers ABORTED when the orderer returns an
   * unsuccessful status): the transaction cannot commit from that attempt. Any other code at
   * submission (no answer, a deadline, a broken stream, an internal error) may hide a transaction
   * the orderers received.
   */
  static final Set<io.grpc.Status.Code> SUBMIT_REFUSALS =
      Set.of(
          io.grpc.Status.Code.INVALID_ARGUMENT,
          io.grpc.Status.Code.NOT_FOUND,
          io.grpc.Status.Code.ALREADY_EXISTS,
          io.grpc.Status.Code.PERMISSION_DENIED,
          io.grpc.Status.Code.FAILED_PRECONDITION,
          io.grpc.Status.Code.ABORTED,
          io.grpc.Status.Code.OUT_OF_RANGE,
          io.grpc.Status.Code.UNIMPLEMENTED,
          io.grpc.Status.Code.UNAUTHENTICATED);

  /**
   * Says whether a failure while submitting a transaction, or while learning its commit status,
   * leaves its outcome unknown, so that the library must try the next endpoint, then ask the
   * ledger, rather than report a refusal.
   *
   * <ul>
   *   <li>{@link Stage#COMMIT_STATUS} (the orderers accepted the transaction): always unknown,
   *       whatever the code. Fabric's Gateway answers ABORTED, FAILED_PRECONDITION,
   *       PERMISSION_DENIED and others when it cannot report a status, and the transaction may
   *       commit all the same.
   *   <li>{@link Stage#SUBMIT}: unknown if an earlier attempt may already have reached the
   *       orderers, or if the code is not one of {@link #SUBMIT_REFUSALS}; otherwise the refusal is
   *       definite (nothing of this transaction can be on the ledger).
   * </ul>
   *
   * @param stage {@link Stage#SUBMIT} (submitting failed) or {@link Stage#COMMIT_STATUS}
   *     (submitting succeeded, the status could not be learnt)
   * @param code the failure's gRPC status code, or {@code null} when it carried none
   * @param sentBefore whether an earlier attempt with the same transaction may have reached the
   *     orderers
   * @return true when the outcome is unknown
   * @throws IllegalArgumentException for any other stage
   */
  static boolean outcomeUnknown(Stage stage, io.grpc.Status.Code code, boolean sentBefore) {
    return switch (stage) {
      case COMMIT_STATUS -> true;
      case SUBMIT -> sentBefore || code == null || !SUBMIT_REFUSALS.contains(code);
      default -> throw new IllegalArgumentException("not a submission stage: " + stage);
    };
  }

  /**
   * Reads the contract's answer from the endorsement, then submits ({@link #submit(Prepared)}): an
   * answer the library cannot read stops the transaction before anything is sent (the committed
   * answer is the endorsed one), so no caller is told "failed" about a transaction that committed.
   *
   * @param prepared the endorsed transaction
   * @param answer the type of the contract's answer
   * @param what the chaincode and function, for messages
   * @return the answer, once the transaction committed
   */
  <T> T submit(Prepared prepared, Class<T> answer, String what) throws RegistryException {
    T value = Ledger.parse(prepared.result(), answer, what);
    submit(prepared);
    return value;
  }

  /**
   * Submits a prepared transaction and waits for its commit. Once the transaction may have reached
   * the orderers, every failure to submit it or to learn its status is treated as an unknown
   * outcome: the same bytes (same transaction id) are submitted again on the next endpoint of the
   * organisation; when every endpoint has been tried twice, the ledger is asked (qscc {@code
   * GetTransactionByID}); when that gives no answer either, a {@link NetworkException} with {@link
   * NetworkException#outcomeUnknown()} is thrown.
   */
  Committed submit(Prepared prepared) throws RegistryException {
    int endpoints = connector.endpointCount();
    int start = connector.preferred();
    String txId = prepared.transactionId();
    RegistryException last = null;
    String lastStatus = null;
    // Whether some attempt may have reached the orderers: from then on no failure is definite.
    boolean sent = false;
    // Each endpoint twice: a peer restarting may answer on the second round.
    for (int attempt = 0; attempt < endpoints * 2; attempt++) {
      int index = (start + attempt) % endpoints;
      Gateway gateway;
      try {
        gateway = connector.gateway(index);
      } catch (NetworkException e) {
        last = e;
        continue;
      }
      Transaction tx;
      try {
        tx = gateway.newTransaction(prepared.bytes());
      } catch (RuntimeException e) {
        RegistryException failure =
            new RegistryException(
                "cannot rebuild transaction " + txId + ": " + e.getMessage(),
                null,
                Stage.SUBMIT,
                txId,
                null,
                e);
        if (!sent) {
          throw failure;
        }
        last = failure;
        continue;
      }
      SubmittedTransaction submitted;
      try {
        submitted = tx.submitAsync();
      } catch (SubmitException e) {
        RegistryException mapped = ErrorMapper.fromGateway(e, Stage.SUBMIT, txId);
        io.grpc.Status.Code code = e.getStatus().getCode();
        if (!outcomeUnknown(Stage.SUBMIT, code, sent)) {
          throw mapped;
        }
        sent = true;
        last = mapped;
        lastStatus = code.name();
        continue;
      }
      sent = true;
      Status status;
      try {
        status = submitted.getStatus();
      } catch (CommitStatusException e) {
        // outcomeUnknown(Stage.COMMIT_STATUS, ...) holds for every code: the orderers have it.
        last = ErrorMapper.fromGateway(e, Stage.COMMIT_STATUS, txId);
        lastStatus = e.getStatus().getCode().name();
        continue;
      } catch (RuntimeException e) {
        last =
            new RegistryException(
                "commit status of transaction " + txId + " unreadable: " + e.getMessage(),
                null,
                Stage.COMMIT_STATUS,
                txId,
                null,
                e);
        lastStatus = null;
        continue;
      }
      connector.answered(index);
      if (status.isSuccessful()) {
        return new Committed(txId, prepared.result(), status.getBlockNumber());
      }
      if (status.getCode() == TxValidationCode.DUPLICATE_TXID) {
        return settleFromLedger(prepared, status.getBlockNumber());
      }
      throw ErrorMapper.invalidated(txId, status.getCode().name());
    }
    if (!sent) {
      // No attempt got as far as the orderers: the transaction cannot be on the ledger.
      throw new NetworkException(
          "transaction "
              + txId
              + " was not submitted: no peer of "
              + connector.credentials().mspId()
              + " could be used"
              + (last == null ? "" : " (" + last.getMessage() + ")"),
          Stage.SUBMIT,
          txId,
          last instanceof NetworkException n ? n.grpcStatus() : null,
          false,
          last);
    }
    Optional<TxValidationCode> onLedger = lookUp(txId);
    if (onLedger.isPresent()) {
      if (onLedger.get() == TxValidationCode.VALID) {
        return new Committed(txId, prepared.result(), -1);
      }
      throw ErrorMapper.invalidated(txId, onLedger.get().name());
    }
    throw unknownOutcome(txId, lastStatus, last);
  }

  private NetworkException unknownOutcome(String txId, String grpcStatus, RegistryException last) {
    return new NetworkException(
        "outcome of transaction "
            + txId
            + " is unknown: no peer of "
            + connector.credentials().mspId()
            + " reported its status and the ledger could not tell"
            + (last == null ? "" : " (" + last.getMessage() + ")")
            + "; rerun the same request: it is idempotent",
        Stage.COMMIT_STATUS,
        txId,
        grpcStatus,
        true,
        last);
  }

  /**
   * Settles a {@code DUPLICATE_TXID} status: a transaction with this id is on the ledger, and the
   * ledger says whether it is valid. Without an answer the outcome is unknown.
   */
  private Committed settleFromLedger(Prepared prepared, long blockNumber) throws RegistryException {
    Optional<TxValidationCode> first = lookUp(prepared.transactionId());
    if (first.isEmpty()) {
      throw unknownOutcome(prepared.transactionId(), null, null);
    }
    if (first.get() == TxValidationCode.VALID) {
      return new Committed(prepared.transactionId(), prepared.result(), blockNumber);
    }
    throw ErrorMapper.invalidated(prepared.transactionId(), first.get().name());
  }

  /**
   * Asks the ledger for a transaction's validation code (qscc GetTransactionByID).
   *
   * @return the code, or empty when the ledger does not hold the transaction or no peer answered
   */
  Optional<TxValidationCode> lookUp(String transactionId) {
    String channel = connector.profile().channel();
    try {
      byte[] bytes =
          connector.withFailover(
              Stage.EVALUATE,
              gateway ->
                  connector
                      .contract(gateway, Connector.QSCC)
                      .evaluateTransaction("GetTransactionByID", channel, transactionId));
      TxValidationCode code =
          TxValidationCode.forNumber(ProcessedTransaction.parseFrom(bytes).getValidationCode());
      return Optional.ofNullable(code);
    } catch (RegistryException | InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }
}
