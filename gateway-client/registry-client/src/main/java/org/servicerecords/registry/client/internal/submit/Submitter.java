package org.servicerecords.registry.client.internal.submit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.TransactionInvalidatedException;
import org.servicerecords.registry.client.internal.submit.SubmissionEndpoints.CallFailure;
import org.servicerecords.registry.client.internal.submit.SubmissionEndpoints.TxStatus;
import org.servicerecords.registry.client.profile.Timeouts;

/**
 * Exactly-once submission. (About 500 lines, kept whole: send, commit status, ledger look-up and
 * resubmission are one state machine over a shared trail; endorsement is in {@link Endorser}, the
 * endpoints' contract in {@link SubmissionEndpoints}.)
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

  private final Endorser endorser;
  private final SubmissionEndpoints endpoints;
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
      SubmissionEndpoints endpoints,
      SubmissionCounters counters,
      Duration ledgerWait,
      Clock clock) {
    this.endorser = new Endorser(connector);
    this.endpoints = endpoints;
    this.counters = counters;
    this.ledgerWait = ledgerWait;
    this.clock = clock;
  }

  /**
   * Endorses a transaction on the client's own organisation only ({@link Endorser#endorse(String,
   * String, Map, String...)}).
   *
   * @param chaincode the chaincode
   * @param function the qualified function name
   * @param transientData transient data, may be empty
   * @param args the arguments
   * @return the endorsed transaction
   * @throws RegistryException the mapped failure
   */
  public Prepared endorse(
      String chaincode, String function, Map<String, byte[]> transientData, String... args)
      throws RegistryException {
    return endorser.endorse(chaincode, function, transientData, args);
  }

  /**
   * Endorses a records write on the own organisation and one co-endorser ({@link
   * Endorser#endorseWithCoEndorser}).
   *
   * @param chaincode the records namespace
   * @param function the qualified function name
   * @param coEndorsers candidate co-endorsing MSP ids, preferred first; must not be empty
   * @param args the arguments
   * @return the endorsed transaction
   * @throws RegistryException the mapped failure
   */
  public Prepared endorseWithCoEndorser(
      String chaincode, String function, List<String> coEndorsers, String... args)
      throws RegistryException {
    return endorser.endorseWithCoEndorser(chaincode, function, coEndorsers, args);
  }

  /**
   * Endorses on the organisations the chaincode's policy names ({@link Endorser#endorseByPolicy}).
   *
   * @param chaincode the chaincode
   * @param function the qualified function name
   * @param args the arguments
   * @return the endorsed transaction
   * @throws RegistryException the mapped failure
   */
  public Prepared endorseByPolicy(String chaincode, String function, String... args)
      throws RegistryException {
    return endorser.endorseByPolicy(chaincode, function, args);
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
