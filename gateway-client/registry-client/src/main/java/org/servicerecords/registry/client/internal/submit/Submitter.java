package org.servicerecords.registry.client.internal.submit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.servicerecords.registry.client.ContractException;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.TransactionInvalidatedException;
import org.servicerecords.registry.client.profile.Timeouts;

/**
 * Exactly-once submission.
 *
 * <p>The endorsed transaction's bytes and id are kept before anything is sent to the orderers. Once
 * the orderers accepted the transaction, a failed commit-status call is answered by asking the
 * status again on the other endpoints of the organisation, then by asking the ledger itself (qscc
 * {@code GetTransactionByID}) until the ledger wait passes; only a transaction still not on the
 * ledger then is sent again, rebuilt from its bytes ({@code gateway.newTransaction(bytes)}): it
 * keeps its id, so at most one copy can be valid on the ledger (a repeat is marked {@code
 * DUPLICATE_TXID}, and settled with qscc). Once the orderers may have the transaction, no failure
 * is reported as a refusal: it is either settled or an unknown outcome ({@link #outcomeUnknown}).
 * See {@link #submit(Prepared)}.
 */
public final class Submitter {

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
  private final Endpoints endpoints;
  private final SubmissionCounters counters;
  private final Duration ledgerWait;
  private final Clock clock;

  /** A submitter over the connector's endpoints, with counters of its own. */
  public Submitter(Connector connector) {
    this(connector, new SubmissionCounters());
  }

  /** A submitter over the connector's endpoints, counting into {@code counters}. */
  public Submitter(Connector connector, SubmissionCounters counters) {
    this(
        connector,
        connector == null ? null : new GatewayEndpoints(connector),
        counters,
        connector == null
            ? Timeouts.DEFAULT.ledgerWait()
            : connector.profile().timeouts().ledgerWait(),
        Clock.SYSTEM);
  }

  /**
   * A submitter with given endpoints and clock.
   *
   * @param connector endorsements go through it
   * @param endpoints submissions, commit statuses and ledger look-ups go through them
   * @param counters where submissions are counted
   * @param ledgerWait how long after acceptance the ledger is asked before sending again
   * @param clock time for the ledger wait
   */
  public Submitter(
      Connector connector,
      Endpoints endpoints,
      SubmissionCounters counters,
      Duration ledgerWait,
      Clock clock) {
    this.connector = connector;
    this.endpoints = endpoints;
    this.counters = counters;
    this.ledgerWait = ledgerWait;
    this.clock = clock;
  }

  /**
   * Endorses a transaction on the client's own organisation only, failing over between its
   * endpoints while they give no answer (nothing has been sent to the orderers yet, so a new
   * proposal is safe).
   */
  public Prepared endorse(
      String chaincode, String function, Map<String, byte[]> transientData, String... args)
      throws RegistryException {
    return endorse(chaincode, function, transientData, true, args);
  }

  /**
   * Endorses a records write on the client's own organisation and one co-endorsing organisation,
   * named by the library so that the Gateway's plan never follows a policy of a chaincode the
   * transaction only reads (governance's majority). The co-endorsers are tried in the given order;
   * the next one is asked when a co-endorser gives no answer (its peers down or unreachable) or
   * when the refusal came from the co-endorser's peer alone (an error with a code that the own
   * organisation's peer did not give: a co-endorser whose clock is off, whose ledger lags, or that
   * refuses on purpose cannot block the agency while the policy accepts another). A refusal by the
   * own organisation's peer is final; so is a refusal every co-endorser gave, except that a record
   * or application not found by all of them (their peers may not have committed the block yet) is
   * asked once more after {@link #CO_ENDORSER_LAG}. Nothing has been sent to the orderers before
   * this returns, so every attempt may build a new proposal. Takes no transient data: the
   * co-endorser would see it.
   *
   * @param chaincode the records namespace
   * @param function the qualified function name
   * @param coEndorsers candidate co-endorsing MSP ids, preferred first; must not be empty
   * @param args the arguments
   * @return the endorsed transaction
   */
  public Prepared endorseWithCoEndorser(
      String chaincode, String function, List<String> coEndorsers, String... args)
      throws RegistryException {
    refuseEvaluateOnly(function);
    if (coEndorsers.isEmpty()) {
      throw RegistryException.local(
          "no other organisation is known to co-endorse " + chaincode + " " + function);
    }
    String msp = connector.credentials().mspId();
    List<String> tried = new ArrayList<>();
    RegistryException last = null;
    ContractException firstRefusal = null;
    for (int round = 0; round < 2; round++) {
      boolean allNotFound = true;
      for (String coEndorser : coEndorsers) {
        try {
          return connector.withFailover(
              Stage.ENDORSE,
              gateway -> {
                try {
                  Transaction tx =
                      endorse(
                          connector
                              .contract(gateway, chaincode)
                              .newProposal(function)
                              .addArguments(args)
                              .setEndorsingOrganizations(msp, coEndorser)
                              .build());
                  return new Prepared(tx.getTransactionId(), tx.getBytes(), tx.getResult());
                } catch (EndorseException e) {
                  if (refusedOnlyBy(e, coEndorser)) {
                    throw new CoEndorserRefusal(ErrorMapper.fromGateway(e, Stage.ENDORSE, null));
                  }
                  throw e;
                }
              });
        } catch (CoEndorserRefusal refusal) {
          tried.add(coEndorser + " (refused)");
          last = refusal.mapped;
          if (refusal.mapped instanceof ContractException coded) {
            firstRefusal = firstRefusal == null ? coded : firstRefusal;
            allNotFound &= coded instanceof NotFoundException;
          }
        } catch (ContractException ownRefusal) {
          throw ownRefusal;
        } catch (RegistryException e) {
          tried.add(coEndorser);
          last = e;
          allNotFound = false;
        }
      }
      if (firstRefusal == null || !allNotFound || round == 1) {
        break;
      }
      pause(CO_ENDORSER_LAG);
      tried.clear();
    }
    if (firstRefusal != null) {
      throw firstRefusal;
    }
    throw NetworkException.unreachable(
        "no co-endorser answered for "
            + chaincode
            + " "
            + function
            + " (tried "
            + String.join(", ", tried)
            + "): "
            + last.getMessage(),
        Stage.ENDORSE,
        null,
        last instanceof NetworkException n ? n.grpcStatus() : null,
        last);
  }

  /** How long co-endorsers that all did not find a record are given to commit its block. */
  static final Duration CO_ENDORSER_LAG = Duration.ofSeconds(2);

  /** A refusal that came from the co-endorser's peer alone, carried out of the Gateway call. */
  private static final class CoEndorserRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RegistryException mapped;

    CoEndorserRefusal(RegistryException mapped) {
      super(mapped.getMessage(), null, false, false);
      this.mapped = mapped;
    }
  }

  /**
   * Whether the only peers that refused with a contract error code belong to {@code coEndorser}.
   */
  static boolean refusedOnlyBy(EndorseException e, String coEndorser) {
    Set<String> refusing = new java.util.TreeSet<>();
    for (ErrorDetail detail : e.getDetails()) {
      if (org.servicerecords.registry.model.ErrorCode.fromMessage(detail.getMessage()) != null) {
        refusing.add(detail.getMspId());
      }
    }
    return refusing.equals(Set.of(coEndorser));
  }

  /** Waits, turning an interruption into a {@link RegistryException} (the thread stays flagged). */
  public static void pause(Duration duration) throws RegistryException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.local("interrupted", e);
    }
  }

  /**
   * Endorses a transaction without transient data on the organisations the Gateway's endorsement
   * plan names for the chaincode's policy ({@code governance}: a majority of the organisations),
   * with the same failover as {@link #endorse(String, String, Map, String...)}.
   */
  public Prepared endorseByPolicy(String chaincode, String function, String... args)
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
      throw RegistryException.local(
          function
              + " returns personal data and is only ever evaluated: the response of a submitted"
              + " transaction would be written into the block");
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
  public <T> T submit(Prepared prepared, Class<T> answer, String what) throws RegistryException {
    T value = Ledger.parse(prepared.result(), answer, what);
    submit(prepared);
    return value;
  }

  /**
   * Submits a prepared transaction and waits for its commit, sending it to the orderers again only
   * when that is needed.
   *
   * <ol>
   *   <li>The transaction is sent through the preferred endpoint. A deliberate refusal ({@link
   *       #SUBMIT_REFUSALS}) of a first send is definite. Any other failure of the submission call
   *       may hide a transaction the orderers received: the same bytes go out at once through the
   *       next endpoint (Fabric's Gateway has already tried the channel's orderers; a copy that
   *       reaches a block twice is marked {@code DUPLICATE_TXID}).
   *   <li>Once the orderers accepted it, its commit status is asked on the endpoint that sent it,
   *       and, if that call fails, on each other endpoint of the organisation in turn (never
   *       another organisation's).
   *   <li>If no endpoint reports a status, the ledger is asked (qscc {@code GetTransactionByID} on
   *       each endpoint) every {@link #LEDGER_POLL} until the ledger wait ({@code
   *       timeouts.ledgerWaitMillis}, counted from the acceptance) has passed.
   *   <li>Only when some endpoint's ledger still says the transaction is not there after that wait
   *       is it sent again (same bytes, same transaction id), and settled the same way.
   * </ol>
   *
   * A status {@code DUPLICATE_TXID} means another copy of the transaction is on the ledger: the
   * outcome is that copy's validation code, read with qscc. At most {@code 2 × endpoints} sends are
   * made; when the outcome cannot be settled a {@link NetworkException} with {@link
   * NetworkException#outcomeUnknown()} is thrown.
   *
   * @param prepared the endorsed transaction
   * @return the committed transaction; its block number is -1 when the outcome was read with qscc
   * @throws TransactionInvalidatedException when the ledger marked the transaction invalid
   * @throws NetworkException when nothing could be sent ({@code outcomeUnknown()} false) or the
   *     outcome is unknown ({@code outcomeUnknown()} true)
   * @throws RegistryException when a first send was refused deliberately
   */
  public Committed submit(Prepared prepared) throws RegistryException {
    counters.submission();
    int count = endpoints.count();
    int start = endpoints.preferred();
    String txId = prepared.transactionId();
    Trail trail = new Trail();
    // Whether some attempt may have reached the orderers: from then on no failure is definite.
    boolean sent = false;
    for (int attempt = 0; attempt < count * 2; attempt++) {
      int index = (start + attempt) % count;
      byte[] commitRequest;
      try {
        commitRequest = endpoints.send(index, prepared);
      } catch (CallFailure f) {
        if (f.kind() == CallFailure.Kind.SETUP) {
          trail.note(f);
          continue;
        }
        if (f.kind() == CallFailure.Kind.LOCAL) {
          if (!sent) {
            throw f.mapped();
          }
          trail.note(f);
          continue;
        }
        if (sent) {
          counters.resubmission();
        }
        if (!outcomeUnknown(Stage.SUBMIT, f.code(), sent)) {
          throw f.mapped();
        }
        sent = true;
        trail.note(f);
        continue;
      }
      if (sent) {
        counters.resubmission();
      }
      sent = true;
      long acceptedAt = clock.nanoTime();
      Committed committed = settle(prepared, index, commitRequest, acceptedAt, trail);
      if (committed != null) {
        return committed;
      }
      // The ledger wait passed and the ledger does not hold it: the orderers lost it, send again.
    }
    if (!sent) {
      // No attempt got as far as the orderers: the transaction cannot be on the ledger.
      throw NetworkException.unreachable(
          "transaction "
              + txId
              + " was not submitted: no peer of "
              + endpoints.mspId()
              + " could be used"
              + (trail.last == null ? "" : " (" + trail.last.getMessage() + ")"),
          Stage.SUBMIT,
          txId,
          trail.last instanceof NetworkException n ? n.grpcStatus() : null,
          trail.last);
    }
    Optional<TxValidationCode> onLedger = askLedger(txId, trail).code();
    if (onLedger.isPresent()) {
      return fromLedger(prepared, onLedger.get());
    }
    throw unknownOutcome(txId, trail);
  }

  /**
   * Settles a transaction the orderers accepted.
   *
   * @return the committed transaction, or {@code null} when the ledger wait passed and an endpoint
   *     says its ledger does not hold the transaction (it may be sent again)
   */
  private Committed settle(
      Prepared prepared, int sentAt, byte[] commitRequest, long acceptedAt, Trail trail)
      throws RegistryException {
    String txId = prepared.transactionId();
    int count = endpoints.count();
    for (int k = 0; k < count; k++) {
      int index = (sentAt + k) % count;
      TxStatus status;
      try {
        status = endpoints.status(index, txId, commitRequest);
      } catch (CallFailure f) {
        // outcomeUnknown(Stage.COMMIT_STATUS, ...) holds for every code: the orderers have it.
        if (k > 0 && f.kind() != CallFailure.Kind.SETUP) {
          counters.commitStatusRetry();
        }
        trail.note(f);
        continue;
      }
      if (k > 0) {
        counters.commitStatusRetry();
      }
      endpoints.answered(index);
      return fromStatus(prepared, status, trail);
    }
    long wait = ledgerWait.toNanos();
    while (true) {
      LedgerAnswer answer = askLedger(txId, trail);
      if (answer.code().isPresent()) {
        return fromLedger(prepared, answer.code().get());
      }
      long remaining = wait - (clock.nanoTime() - acceptedAt);
      if (remaining <= 0) {
        if (answer.notFound()) {
          return null;
        }
        throw unknownOutcome(txId, trail);
      }
      long millis = Math.min(LEDGER_POLL.toMillis(), (remaining + 999_999) / 1_000_000);
      try {
        clock.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw unknownOutcome(txId, trail);
      }
    }
  }

  private Committed fromStatus(Prepared prepared, TxStatus status, Trail trail)
      throws RegistryException {
    String txId = prepared.transactionId();
    if (status.code() == TxValidationCode.VALID) {
      return new Committed(txId, prepared.result(), status.blockNumber());
    }
    if (status.code() == TxValidationCode.DUPLICATE_TXID) {
      // Another copy of this transaction is on the ledger: its validation code is the outcome.
      counters.duplicateTransactionId();
      Optional<TxValidationCode> original = askLedger(txId, trail).code();
      if (original.isEmpty()) {
        throw unknownOutcome(txId, trail);
      }
      return fromLedger(prepared, original.get());
    }
    throw ErrorMapper.invalidated(txId, String.valueOf(status.code()));
  }

  private static Committed fromLedger(Prepared prepared, TxValidationCode code)
      throws TransactionInvalidatedException {
    if (code == TxValidationCode.VALID) {
      return new Committed(prepared.transactionId(), prepared.result(), -1);
    }
    throw ErrorMapper.invalidated(prepared.transactionId(), code.name());
  }

  /**
   * What the ledger says of a transaction.
   *
   * @param code its validation code, when some endpoint's ledger holds it
   * @param notFound whether some endpoint answered that its ledger does not hold it
   */
  record LedgerAnswer(Optional<TxValidationCode> code, boolean notFound) {}

  /**
   * Asks each endpoint of the organisation, from the preferred one, for the transaction (qscc
   * {@code GetTransactionByID}) until one holds it. A {@code DUPLICATE_TXID} code there says
   * nothing of the copy that counts and is passed over.
   */
  private LedgerAnswer askLedger(String txId, Trail trail) {
    int count = endpoints.count();
    int start = endpoints.preferred();
    boolean notFound = false;
    for (int k = 0; k < count; k++) {
      int index = (start + k) % count;
      Optional<TxValidationCode> code;
      try {
        code = endpoints.lookUp(index, txId);
      } catch (CallFailure f) {
        if (f.kind() != CallFailure.Kind.SETUP) {
          counters.ledgerLookup();
        }
        trail.note(f);
        continue;
      }
      counters.ledgerLookup();
      endpoints.answered(index);
      if (code.isEmpty()) {
        notFound = true;
      } else if (code.get() != TxValidationCode.DUPLICATE_TXID) {
        return new LedgerAnswer(code, notFound);
      }
    }
    return new LedgerAnswer(Optional.empty(), notFound);
  }

  private NetworkException unknownOutcome(String txId, Trail trail) {
    counters.unknownOutcome();
    RegistryException last = trail.last;
    return NetworkException.unknownOutcome(
        "outcome of transaction "
            + txId
            + " is unknown: no peer of "
            + endpoints.mspId()
            + " reported its status and the ledger could not tell"
            + (last == null ? "" : " (" + last.getMessage() + ")")
            + "; rerun the same request: it is idempotent",
        Stage.COMMIT_STATUS,
        txId,
        trail.status,
        last);
  }

  /** The last failure seen while submitting, for the final exception. */
  private static final class Trail {
    private RegistryException last;
    private String status;

    void note(CallFailure failure) {
      last = failure.mapped();
      status = failure.code() == null ? null : failure.code().name();
    }
  }

  /** How often the ledger is asked while waiting for an accepted transaction. */
  static final Duration LEDGER_POLL = Duration.ofSeconds(2);

  /** A commit status as an endpoint reported it. */
  record TxStatus(TxValidationCode code, long blockNumber) {}

  /** A call to one endpoint that gave no usable answer. */
  static final class CallFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** Where the call failed. */
    enum Kind {
      /** The endpoint's connection could not be set up: nothing left the process. */
      SETUP,
      /** The request or answer could not be built or read in the process. */
      LOCAL,
      /** The endpoint failed the call (gRPC status in {@link CallFailure#code()}). */
      CALL
    }

    private final Kind kind;
    private final transient io.grpc.Status.Code code;
    private final RegistryException mapped;

    CallFailure(Kind kind, io.grpc.Status.Code code, RegistryException mapped) {
      super(mapped.getMessage(), mapped, false, false);
      this.kind = kind;
      this.code = code;
      this.mapped = mapped;
    }

    Kind kind() {
      return kind;
    }

    /** The gRPC status code, or {@code null} when the call failed without one. */
    io.grpc.Status.Code code() {
      return code;
    }

    /** The failure as the library reports it. */
    RegistryException mapped() {
      return mapped;
    }
  }

  /**
   * The organisation's endpoints as the submitter uses them. {@link GatewayEndpoints} is the one
   * over Fabric's Gateway; tests give their own.
   */
  interface Endpoints extends EndpointOrder {

    /** The organisation's MSP id, for messages. */
    String mspId();

    /**
     * Rebuilds the transaction from its bytes on an endpoint and sends it to the orderers.
     *
     * @return the commit-status request for it (reusable on every endpoint of the organisation)
     * @throws CallFailure when the orderers did not accept it, or it is not known whether they did
     */
    byte[] send(int index, Prepared prepared) throws CallFailure;

    /**
     * Asks an endpoint for a sent transaction's commit status, waiting for its commit up to the
     * commit-status deadline.
     *
     * @throws CallFailure when the endpoint reported no status
     */
    TxStatus status(int index, String transactionId, byte[] commitRequest) throws CallFailure;

    /**
     * Asks an endpoint's ledger for a transaction (qscc {@code GetTransactionByID}).
     *
     * @return its validation code, or empty when the endpoint answered that its ledger does not
     *     hold the transaction
     * @throws CallFailure when the endpoint gave no such answer
     */
    Optional<TxValidationCode> lookUp(int index, String transactionId) throws CallFailure;
  }

  /** Time, for the ledger wait; tests give their own. */
  interface Clock {

    /** The real clock. */
    Clock SYSTEM =
        new Clock() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
          }
        };

    /** A monotonic time in nanoseconds. */
    long nanoTime();

    /** Waits, interruptibly. */
    void sleep(long millis) throws InterruptedException;
  }
}
