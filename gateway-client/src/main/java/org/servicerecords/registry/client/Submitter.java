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
 * asking the ledger itself (qscc {@code GetTransactionByID}).
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
    refuseEvaluateOnly(function);
    String msp = connector.credentials().mspId();
    return connector.withFailover(
        Stage.ENDORSE,
        gateway -> {
          Proposal.Builder builder =
              connector
                  .contract(gateway, chaincode)
                  .newProposal(function)
                  .addArguments(args)
                  .setEndorsingOrganizations(msp);
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
   * Submits a prepared transaction and waits for its commit, resubmitting the same bytes on the
   * next endpoint when one gives no answer.
   */
  Committed submit(Prepared prepared) throws RegistryException {
    int endpoints = connector.endpointCount();
    int start = connector.preferred();
    RegistryException last = null;
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
        throw new RegistryException(
            "cannot rebuild transaction " + prepared.transactionId() + ": " + e.getMessage(),
            null,
            Stage.SUBMIT,
            prepared.transactionId(),
            null,
            e);
      }
      SubmittedTransaction submitted;
      try {
        submitted = tx.submitAsync();
      } catch (SubmitException e) {
        RegistryException mapped =
            ErrorMapper.fromGateway(e, Stage.SUBMIT, prepared.transactionId());
        if (!ErrorMapper.isUnreachable(e)) {
          throw mapped;
        }
        last = mapped;
        continue;
      }
      Status status;
      try {
        status = submitted.getStatus();
      } catch (CommitStatusException e) {
        RegistryException mapped =
            ErrorMapper.fromGateway(e, Stage.COMMIT_STATUS, prepared.transactionId());
        if (!ErrorMapper.isUnreachable(e)) {
          throw mapped;
        }
        last = mapped;
        continue;
      }
      connector.answered(index);
      if (status.isSuccessful()) {
        return new Committed(prepared.transactionId(), prepared.result(), status.getBlockNumber());
      }
      if (status.getCode() == TxValidationCode.DUPLICATE_TXID) {
        return settleFromLedger(prepared, status.getBlockNumber());
      }
      throw ErrorMapper.invalidated(prepared.transactionId(), status.getCode().name());
    }
    Optional<TxValidationCode> onLedger = lookUp(prepared.transactionId());
    if (onLedger.isPresent()) {
      if (onLedger.get() == TxValidationCode.VALID) {
        return new Committed(prepared.transactionId(), prepared.result(), -1);
      }
      throw ErrorMapper.invalidated(prepared.transactionId(), onLedger.get().name());
    }
    throw new NetworkException(
        "outcome of transaction "
            + prepared.transactionId()
            + " is unknown: no peer of "
            + connector.credentials().mspId()
            + " answered"
            + (last == null ? "" : " (" + last.getMessage() + ")")
            + "; rerun the same request: it is idempotent",
        Stage.COMMIT_STATUS,
        prepared.transactionId(),
        last instanceof NetworkException n ? n.grpcStatus() : null,
        true,
        last);
  }

  private Committed settleFromLedger(Prepared prepared, long blockNumber) throws RegistryException {
    Optional<TxValidationCode> first = lookUp(prepared.transactionId());
    if (first.isPresent() && first.get() == TxValidationCode.VALID) {
      return new Committed(prepared.transactionId(), prepared.result(), blockNumber);
    }
    throw ErrorMapper.invalidated(
        prepared.transactionId(), first.map(Enum::name).orElse("DUPLICATE_TXID"));
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
                  gateway
                      .getNetwork(channel)
                      .getContract("qscc")
                      .evaluateTransaction("GetTransactionByID", channel, transactionId));
      TxValidationCode code =
          TxValidationCode.forNumber(ProcessedTransaction.parseFrom(bytes).getValidationCode());
      return Optional.ofNullable(code);
    } catch (RegistryException | InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }
}
