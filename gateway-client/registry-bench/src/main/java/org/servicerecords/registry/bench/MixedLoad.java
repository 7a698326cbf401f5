package org.servicerecords.registry.bench;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.servicerecords.registry.bench.JournalLine.Target;
import org.servicerecords.registry.bench.OperationMix.Kind;
import org.servicerecords.registry.bench.RetryLoop.Result;
import org.servicerecords.registry.bench.RetryLoop.Step;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.BatchReport;
import org.servicerecords.registry.client.RecordOutcome;
import org.servicerecords.registry.client.RecordOutcome.Status;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.Verdict;

/**
 * The {@code mixed} workload's operation: each start draws a kind from the {@link OperationMix} and
 * runs it to its end, journaling as it goes ({@link RunJournal}) and retrying as an agency system
 * would ({@link RetryLoop}) until the deadline set by {@link #until}:
 *
 * <ul>
 *   <li><b>single</b>: one new certificate, {@code anchorCertificate};
 *   <li><b>batch</b>: a batch of new certificates ({@link BatchSizes}), {@code anchorBatch}; each
 *       record is journaled as acknowledged as soon as a report says it is on the ledger, and the
 *       others are sent again (the same requests) until they are;
 *   <li><b>revoke</b>: a record the run anchored and acknowledged, still active and not being
 *       verified, revoked with reason {@value #REVOKE_REASON};
 *   <li><b>verify</b>: the hash of an acknowledged record, verified with the agency as issuer; the
 *       verdict must be VALID for an active record and REVOKED for one whose revocation was
 *       acknowledged. A verdict that disagrees is asked again (up to {@value #VERDICT_ASKS} times,
 *       with the retry backoff): agreeing then, it counts as stale; never agreeing, as wrong.
 * </ul>
 *
 * A revocation or verification drawn before the run has a target is replaced by a single anchoring.
 * The operation always completes normally (with 1): every outcome is in the journal and the {@link
 * MixedStats}, nothing is left to the load generator's failure count.
 */
final class MixedLoad implements Operation {

  /** The reason code of the mixed load's revocations. */
  static final String REVOKE_REASON = "MIXED_LOAD";

  /** How many times a verdict is asked before a disagreement counts as wrong. */
  static final int VERDICT_ASKS = 3;

  /** The retry cause of a verdict that disagreed with the journal. */
  static final String VERDICT_MISMATCH = "verdict_mismatch";

  /** The cause of an operation whose attempt line could not be written (it was not sent). */
  static final String JOURNAL_WRITE = "journal_write";

  private final AgencyCalls calls;
  private final RunJournal journal;
  private final RecordFactory records;
  private final List<String> documentTypes;
  private final OperationMix mix;
  private final BatchSizes batchSizes;
  private final RunState state;
  private final MixedStats stats;
  private final RetryLoop retry;
  private final Executor pool;
  private final String runId;
  private final AtomicLong batches = new AtomicLong();
  private volatile long deadlineNanos = Long.MAX_VALUE;

  /**
   * Creates the workload.
   *
   * @param calls the library calls
   * @param journal the journal
   * @param records new certificates, ids {@code <runId>-<n>}
   * @param documentTypes the types drawn from for each new certificate
   * @param mix the kinds' weights
   * @param batchSizes the batches' sizes
   * @param state the run's own records
   * @param stats the tally
   * @param retry the retry loop
   * @param pool where the blocking calls run (sized to the window)
   * @param runId the run id (batch names are {@code <runId>-batch-<k>})
   */
  MixedLoad(
      AgencyCalls calls,
      RunJournal journal,
      RecordFactory records,
      List<String> documentTypes,
      OperationMix mix,
      BatchSizes batchSizes,
      RunState state,
      MixedStats stats,
      RetryLoop retry,
      Executor pool,
      String runId) {
    this.calls = Objects.requireNonNull(calls, "calls");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.records = Objects.requireNonNull(records, "records");
    this.documentTypes = List.copyOf(documentTypes);
    if (this.documentTypes.isEmpty()) {
      throw new IllegalArgumentException("no document type");
    }
    this.mix = Objects.requireNonNull(mix, "mix");
    this.batchSizes = Objects.requireNonNull(batchSizes, "batchSizes");
    this.state = Objects.requireNonNull(state, "state");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.runId = RunId.check(runId);
  }

  /**
   * Sets the instant after which no attempt starts: the run's end plus its settle period.
   *
   * @param deadline an instant of {@link System#nanoTime()}
   */
  void until(long deadline) {
    this.deadlineNanos = deadline;
  }

  @Override
  public CompletionStage<Integer> start() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Kind kind = mix.pick(random.nextDouble());
    long started = System.nanoTime();
    CompletionStage<?> done =
        switch (kind) {
          case SINGLE -> single(Kind.SINGLE, started);
          case BATCH -> batch(started);
          case REVOKE -> {
            Optional<RunState.Entry> target = state.claimForRevocation(random);
            if (target.isEmpty()) {
              stats.substituted(Kind.REVOKE);
              yield single(Kind.SINGLE, started);
            }
            yield revoke(target.get(), started);
          }
          case VERIFY -> {
            Optional<RunState.Target> target = state.claimForVerification(random);
            if (target.isEmpty()) {
              stats.substituted(Kind.VERIFY);
              yield single(Kind.SINGLE, started);
            }
            yield verify(target.get(), started);
          }
        };
    return done.thenApply(ignored -> 1);
  }

  private String nextType() {
    return documentTypes.get(ThreadLocalRandom.current().nextInt(documentTypes.size()));
  }

  private boolean journal(JournalLine line) {
    try {
      journal.write(line);
      return true;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  private RetryLoop.Listener retries(Kind kind) {
    return (cause, unknown) -> stats.retrying(kind, cause, unknown);
  }

  private CompletionStage<?> single(Kind kind, long started) {
    AnchorRequest request = records.next(nextType());
    CertificateRequest c = request.certificate();
    stats.attempted(kind, 1);
    if (!journal(
        new JournalLine.AnchorAttempt(
            c.id(), c.documentHash(), c.documentType(), null, journal.nowMillis()))) {
      stats.gaveUp(kind, JOURNAL_WRITE);
      return CompletableFuture.completedFuture(null);
    }
    return retry
        .<AgencyCalls.Ack>run(
            n -> CompletableFuture.supplyAsync(() -> attemptAnchor(request), pool),
            deadlineNanos,
            retries(kind))
        .thenAccept(
            result -> {
              if (result.acknowledged()) {
                AgencyCalls.Ack ack = result.value();
                acknowledgeRecord(c, ack.txId(), ack.alreadyOnLedger(), result.attempts());
                stats.recordsAcknowledged(kind, 1, ack.alreadyOnLedger() ? 1 : 0);
                stats.acknowledged(kind, System.nanoTime() - started);
              } else {
                unacknowledged(Target.ANCHOR, c.id(), result);
                stats.gaveUp(kind, result.cause());
              }
            });
  }

  private Step<AgencyCalls.Ack> attemptAnchor(AnchorRequest request) {
    try {
      return new Step.Done<>(calls.anchor(request));
    } catch (Exception e) {
      return retry.fromFailure(e);
    }
  }

  /** Journals an acknowledged anchoring, then makes the record a target. */
  private void acknowledgeRecord(CertificateRequest c, String txId, boolean already, int attempts) {
    journal(
        new JournalLine.Anchored(
            c.id(),
            c.documentHash(),
            c.documentType(),
            journal.nowMillis(),
            txId,
            already,
            attempts));
    state.anchored(new RunState.Entry(c.id(), c.documentHash()));
  }

  private void unacknowledged(Target target, String id, Result<?> result) {
    journal(
        new JournalLine.Unacknowledged(
            target, id, result.cause(), result.attempts(), journal.nowMillis()));
  }

  private CompletionStage<?> batch(long started) {
    int size = batchSizes.pick(ThreadLocalRandom.current().nextDouble());
    String batchName = runId + "-batch-" + batches.incrementAndGet();
    Map<String, AnchorRequest> pending = new LinkedHashMap<>();
    stats.attempted(Kind.BATCH, size);
    for (int i = 0; i < size; i++) {
      AnchorRequest request = records.next(nextType());
      CertificateRequest c = request.certificate();
      if (!journal(
          new JournalLine.AnchorAttempt(
              c.id(), c.documentHash(), c.documentType(), batchName, journal.nowMillis()))) {
        // What was journaled is given up unsent, so the journal stays complete.
        for (String id : pending.keySet()) {
          journal(
              new JournalLine.Unacknowledged(
                  Target.ANCHOR, id, JOURNAL_WRITE, 0, journal.nowMillis()));
        }
        stats.gaveUp(Kind.BATCH, JOURNAL_WRITE);
        return CompletableFuture.completedFuture(null);
      }
      pending.put(c.id(), request);
    }
    BatchProgress progress = new BatchProgress(pending);
    return retry
        .<Integer>run(
            n -> CompletableFuture.supplyAsync(() -> progress.attempt(n), pool),
            deadlineNanos,
            retries(Kind.BATCH))
        .thenAccept(
            result -> {
              for (String id : progress.pending.keySet()) {
                unacknowledged(Target.ANCHOR, id, result);
              }
              if (result.acknowledged() && progress.refused == 0) {
                stats.acknowledged(Kind.BATCH, System.nanoTime() - started);
              } else {
                stats.gaveUp(Kind.BATCH, result.acknowledged() ? progress.refusal : result.cause());
              }
            });
  }

  /**
   * The records of a batch not yet settled. Its attempts run one after the other (each starts when
   * the one before completed), so the map needs no lock.
   */
  private final class BatchProgress {
    final Map<String, AnchorRequest> pending;
    int refused;
    String refusal;

    BatchProgress(Map<String, AnchorRequest> pending) {
      this.pending = pending;
    }

    /** Sends the pending records; settles those the report settles. */
    Step<Integer> attempt(int number) {
      List<AnchorRequest> sent = new ArrayList<>(pending.values());
      BatchReport report;
      try {
        report = calls.anchorBatch(sent);
      } catch (Exception e) {
        return retry.fromFailure(e);
      }
      int acknowledged = 0;
      int already = 0;
      RecordOutcome unsettled = null;
      for (RecordOutcome outcome : report.outcomes()) {
        AnchorRequest request = pending.get(outcome.id());
        if (request == null) {
          continue;
        }
        if (outcome.status().onLedger()) {
          pending.remove(outcome.id());
          boolean wasThere = outcome.status() == Status.ALREADY_ANCHORED;
          acknowledgeRecord(request.certificate(), outcome.transactionId(), wasThere, number);
          acknowledged++;
          already += wasThere ? 1 : 0;
        } else if (outcome.status() == Status.INVALID || outcome.status() == Status.CONFLICT) {
          pending.remove(outcome.id());
          refused++;
          refusal = RetryPolicy.REFUSED + outcome.status().name();
          journal(
              new JournalLine.Unacknowledged(
                  Target.ANCHOR, outcome.id(), refusal, number, journal.nowMillis()));
        } else if (unsettled == null) {
          unsettled = outcome;
        }
      }
      stats.recordsAcknowledged(Kind.BATCH, acknowledged, already);
      if (pending.isEmpty()) {
        return new Step.Done<>(acknowledged);
      }
      if (unsettled == null) {
        return new Step.Retry<>(RetryPolicy.OTHER, false);
      }
      boolean unknown = unsettled.status() == Status.OUTCOME_UNKNOWN;
      String cause = unknown ? RetryPolicy.OUTCOME_UNKNOWN : causeOfText(unsettled.message());
      return new Step.Retry<>(cause, unknown);
    }
  }

  /** A batch record's failure carries only the library's message: its cause is read from it. */
  private static String causeOfText(String message) {
    String cause = FailureCause.fromText(message);
    return switch (cause) {
      case FailureCause.MVCC_CONFLICT -> RetryPolicy.MVCC_CONFLICT;
      case FailureCause.GATEWAY_LIMIT -> RetryPolicy.GATEWAY_LIMIT;
      case FailureCause.TIMEOUT -> RetryPolicy.TIMEOUT;
      case FailureCause.ENDORSEMENT -> RetryPolicy.ENDORSEMENT;
      default ->
          message != null && message.toUpperCase(Locale.ROOT).contains("UNAVAILABLE")
              ? RetryPolicy.UNAVAILABLE
              : RetryPolicy.OTHER;
    };
  }

  private CompletionStage<?> revoke(RunState.Entry target, long started) {
    stats.attempted(Kind.REVOKE, 0);
    if (!journal(new JournalLine.RevokeAttempt(target.id(), REVOKE_REASON, journal.nowMillis()))) {
      stats.gaveUp(Kind.REVOKE, JOURNAL_WRITE);
      return CompletableFuture.completedFuture(null);
    }
    return retry
        .<AgencyCalls.Ack>run(
            n ->
                CompletableFuture.supplyAsync(
                    () -> {
                      try {
                        return new Step.Done<>(calls.revoke(target.id(), REVOKE_REASON));
                      } catch (Exception e) {
                        return retry.<AgencyCalls.Ack>fromFailure(e);
                      }
                    },
                    pool),
            deadlineNanos,
            retries(Kind.REVOKE))
        .thenAccept(
            result -> {
              if (result.acknowledged()) {
                journal(
                    new JournalLine.Revoked(
                        target.id(),
                        REVOKE_REASON,
                        journal.nowMillis(),
                        result.value().txId(),
                        result.attempts()));
                state.revoked(target);
                stats.acknowledged(Kind.REVOKE, System.nanoTime() - started);
              } else {
                unacknowledged(Target.REVOKE, target.id(), result);
                stats.gaveUp(Kind.REVOKE, result.cause());
              }
            });
  }

  private CompletionStage<?> verify(RunState.Target target, long started) {
    stats.attempted(Kind.VERIFY, 0);
    Verdict[] last = new Verdict[1];
    int[] mismatches = new int[1];
    return retry
        .<Verdict>run(
            n ->
                CompletableFuture.supplyAsync(
                    () -> {
                      Verdict got;
                      try {
                        got = calls.verify(target.entry().documentHash());
                      } catch (Exception e) {
                        return retry.<Verdict>fromFailure(e);
                      }
                      last[0] = got;
                      if (got == target.expected()) {
                        return new Step.Done<>(got);
                      }
                      mismatches[0]++;
                      return mismatches[0] < VERDICT_ASKS
                          ? new Step.Retry<>(VERDICT_MISMATCH, false)
                          : new Step.Done<>(got);
                    },
                    pool),
            deadlineNanos,
            retries(Kind.VERIFY))
        .whenComplete((result, error) -> state.verified(target.entry()))
        .thenAccept(
            result -> {
              boolean answered = result.acknowledged() || VERDICT_MISMATCH.equals(result.cause());
              if (!answered) {
                stats.gaveUp(Kind.VERIFY, result.cause());
                return;
              }
              Verdict got = result.acknowledged() ? result.value() : last[0];
              stats.acknowledged(Kind.VERIFY, System.nanoTime() - started);
              if (got != target.expected()) {
                stats.wrongVerdict(target.entry().id(), target.expected(), got);
              } else if (mismatches[0] > 0) {
                stats.staleVerdict();
              }
            });
  }
}
