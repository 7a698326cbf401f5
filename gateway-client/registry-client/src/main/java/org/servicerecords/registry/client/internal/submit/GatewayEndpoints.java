package org.servicerecords.registry.client.internal.submit;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.Commit;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.internal.submit.SubmissionEndpoints.CallFailure;
import org.servicerecords.registry.client.internal.submit.SubmissionEndpoints.TxStatus;
import org.servicerecords.registry.client.internal.submit.Submitter.Prepared;

/**
 * The submitter's endpoints over Fabric's Gateway: one {@link Gateway} per endpoint of the
 * organisation, from the {@link Connector}.
 */
public final class GatewayEndpoints extends ConnectorEndpoints implements SubmissionEndpoints {

  /**
   * What qscc answers when the peer's ledger does not hold a transaction: {@code Failed to get
   * transaction with id TXID, error Entry not found in index} or {@code ... error no such
   * transaction ID [TXID] in index}, depending on the peer's version.
   */
  private static final Pattern NOT_ON_LEDGER =
      Pattern.compile(
          "Failed to get transaction with id [^,]*, error"
              + " (?:Entry not found|no such transaction ID \\[[^\\]]*\\]) in index");

  GatewayEndpoints(Connector connector) {
    super(connector);
  }

  @Override
  public String mspId() {
    return connector.credentials().mspId();
  }

  @Override
  public byte[] send(int index, Prepared prepared) throws CallFailure {
    String txId = prepared.transactionId();
    Gateway gateway = gateway(index);
    Transaction tx;
    try {
      tx = gateway.newTransaction(prepared.bytes());
    } catch (RuntimeException e) {
      throw local("cannot rebuild transaction " + txId, Stage.SUBMIT, txId, e);
    }
    try {
      return tx.submitAsync().getBytes();
    } catch (SubmitException e) {
      throw callFailure(e, Stage.SUBMIT, txId);
    }
  }

  @Override
  public TxStatus status(int index, String transactionId, byte[] commitRequest) throws CallFailure {
    Gateway gateway = gateway(index);
    try {
      // The signed commit-status request of the first send: same identity on every endpoint.
      Commit commit = gateway.newCommit(commitRequest);
      Status status = commit.getStatus();
      return new TxStatus(status.getCode(), status.getBlockNumber());
    } catch (CommitStatusException e) {
      throw callFailure(e, Stage.COMMIT_STATUS, transactionId);
    } catch (RuntimeException e) {
      throw local(
          "commit status of transaction " + transactionId + " unreadable",
          Stage.COMMIT_STATUS,
          transactionId,
          e);
    }
  }

  @Override
  public Optional<TxValidationCode> lookUp(int index, String transactionId) throws CallFailure {
    Gateway gateway = gateway(index);
    byte[] bytes;
    try {
      bytes =
          connector
              .contract(gateway, Connector.QSCC)
              .evaluateTransaction(
                  "GetTransactionByID", connector.profile().channel(), transactionId);
    } catch (GatewayException e) {
      if (!ErrorMapper.isUnreachable(e) && notOnLedger(messagesOf(e))) {
        return Optional.empty();
      }
      throw callFailure(e, Stage.EVALUATE, transactionId);
    } catch (RuntimeException e) {
      throw local(
          "ledger look-up of " + transactionId + " failed", Stage.EVALUATE, transactionId, e);
    }
    try {
      TxValidationCode code =
          TxValidationCode.forNumber(ProcessedTransaction.parseFrom(bytes).getValidationCode());
      if (code == null) {
        throw local(
            "ledger look-up of " + transactionId + ": unknown validation code",
            Stage.EVALUATE,
            transactionId,
            null);
      }
      return Optional.of(code);
    } catch (InvalidProtocolBufferException e) {
      throw local(
          "ledger look-up of " + transactionId + ": not a ProcessedTransaction",
          Stage.EVALUATE,
          transactionId,
          e);
    }
  }

  /**
   * Says whether a qscc {@code GetTransactionByID} error means the peer's ledger does not hold the
   * transaction (as opposed to any other failure, which says nothing about the ledger).
   *
   * @param message the Gateway's status message and the peers' detail messages
   * @return true for qscc's "not in the index" answers
   */
  static boolean notOnLedger(String message) {
    return message != null && NOT_ON_LEDGER.matcher(message).find();
  }

  private static String messagesOf(GatewayException e) {
    StringBuilder text = new StringBuilder();
    if (e.getStatus().getDescription() != null) {
      text.append(e.getStatus().getDescription());
    }
    for (ErrorDetail detail : e.getDetails()) {
      text.append('\n').append(detail.getMessage());
    }
    return text.toString();
  }

  private Gateway gateway(int index) throws CallFailure {
    try {
      return connector.gateway(index);
    } catch (NetworkException e) {
      throw new CallFailure(CallFailure.Kind.SETUP, null, e);
    }
  }

  /** A Gateway call that failed: its gRPC status and the mapped exception. */
  private static CallFailure callFailure(GatewayException e, Stage stage, String txId) {
    return new CallFailure(
        CallFailure.Kind.CALL, e.getStatus().getCode(), ErrorMapper.fromGateway(e, stage, txId));
  }

  private static CallFailure local(String what, Stage stage, String txId, Exception e) {
    return new CallFailure(
        CallFailure.Kind.LOCAL,
        null,
        RegistryException.at(stage, e == null ? what : what + ": " + e.getMessage(), txId, e));
  }
}
