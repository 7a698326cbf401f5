package org.servicerecords.registry.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.servicerecords.registry.bench.OperationMix.Kind;

/**
 * The mixed load's tally, per kind of operation: operations attempted and acknowledged, records of
 * the anchorings, retries by cause (those after which the outcome was unknown counted apart),
 * operations given up by cause, latency of the acknowledged ones (from start to acknowledgement,
 * retries included), and for verifications the verdicts that disagreed with the journal.
 * Thread-safe.
 */
final class MixedStats {

  /** Ids of wrong verdicts kept for the report. */
  static final int EXAMPLES = 20;

  /** The counts of one kind. */
  static final class PerKind {
    final LongAdder attempted = new LongAdder();
    final LongAdder acknowledged = new LongAdder();
    final LongAdder alreadyOnLedger = new LongAdder();
    final LongAdder recordsAttempted = new LongAdder();
    final LongAdder recordsAcknowledged = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder unknownOutcomeRetries = new LongAdder();
    final LongAdder substitutes = new LongAdder();
    final Map<String, LongAdder> retriesByCause = new ConcurrentHashMap<>();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final Histogram latencyMicros = new ConcurrentHistogram(3);

    /**
     * Returns the fields of this kind for the report.
     *
     * @param kind the kind
     * @return the fields, in order
     */
    Map<String, Object> fields(Kind kind) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("attempted", attempted.sum());
      f.put("acknowledged", acknowledged.sum());
      f.put("unacknowledged", sum(failures));
      if (kind == Kind.SINGLE || kind == Kind.BATCH) {
        f.put("records_attempted", recordsAttempted.sum());
        f.put("records_acknowledged", recordsAcknowledged.sum());
        f.put("records_already_on_ledger", alreadyOnLedger.sum());
      }
      f.put("retries", retries.sum());
      f.put("unknown_outcome_retries", unknownOutcomeRetries.sum());
      f.put("retries_by_cause", sorted(retriesByCause));
      f.put("failures", sorted(failures));
      if (kind != Kind.SINGLE) {
        f.put("replaced_by_single", substitutes.sum());
      }
      f.put("p50_ms", percentile(latencyMicros, 50));
      f.put("p95_ms", percentile(latencyMicros, 95));
      f.put("p99_ms", percentile(latencyMicros, 99));
      f.put(
          "max_ms",
          latencyMicros.getTotalCount() == 0 ? 0.0 : round(latencyMicros.getMaxValue() / 1000.0));
      return f;
    }
  }

  private final Map<Kind, PerKind> kinds = new EnumMap<>(Kind.class);
  private final Histogram allLatencyMicros = new ConcurrentHistogram(3);
  private final LongAdder wrongVerdicts = new LongAdder();
  private final LongAdder staleVerdicts = new LongAdder();
  private final List<String> wrongVerdictExamples = Collections.synchronizedList(new ArrayList<>());

  /** Creates an empty tally. */
  MixedStats() {
    for (Kind k : Kind.values()) {
      kinds.put(k, new PerKind());
    }
  }

  /**
   * Returns the counts of one kind.
   *
   * @param kind the kind
   * @return its counts
   */
  PerKind of(Kind kind) {
    return kinds.get(kind);
  }

  /**
   * Counts an operation started.
   *
   * @param kind its kind
   * @param records the records it anchors (0 for revocations and verifications)
   */
  void attempted(Kind kind, int records) {
    PerKind k = kinds.get(kind);
    k.attempted.increment();
    k.recordsAttempted.add(records);
  }

  /**
   * Counts a revocation or verification replaced by a single anchoring, for want of a target.
   *
   * @param kind the kind that was drawn
   */
  void substituted(Kind kind) {
    kinds.get(kind).substitutes.increment();
  }

  /**
   * Counts a retry.
   *
   * @param kind the operation's kind
   * @param cause the failure's label
   * @param outcomeUnknown whether the failed attempt may have committed
   */
  void retrying(Kind kind, String cause, boolean outcomeUnknown) {
    PerKind k = kinds.get(kind);
    k.retries.increment();
    if (outcomeUnknown) {
      k.unknownOutcomeRetries.increment();
    }
    k.retriesByCause.computeIfAbsent(cause, c -> new LongAdder()).increment();
  }

  /**
   * Counts records of an anchoring acknowledged.
   *
   * @param kind {@link Kind#SINGLE} or {@link Kind#BATCH}
   * @param records how many
   * @param alreadyOnLedger how many of those the library found on the ledger already
   */
  void recordsAcknowledged(Kind kind, int records, int alreadyOnLedger) {
    PerKind k = kinds.get(kind);
    k.recordsAcknowledged.add(records);
    k.alreadyOnLedger.add(alreadyOnLedger);
  }

  /**
   * Counts an operation acknowledged.
   *
   * @param kind its kind
   * @param latencyNanos from its start to its acknowledgement
   */
  void acknowledged(Kind kind, long latencyNanos) {
    PerKind k = kinds.get(kind);
    k.acknowledged.increment();
    long micros = Math.max(0, latencyNanos / 1000);
    k.latencyMicros.recordValue(micros);
    allLatencyMicros.recordValue(micros);
  }

  /**
   * Counts an operation given up.
   *
   * @param kind its kind
   * @param cause why
   */
  void gaveUp(Kind kind, String cause) {
    kinds.get(kind).failures.computeIfAbsent(cause, c -> new LongAdder()).increment();
  }

  /**
   * Counts a verification whose verdict never agreed with the journal.
   *
   * @param id the record
   * @param expected the journal's verdict
   * @param got the verdict answered
   */
  void wrongVerdict(String id, Object expected, Object got) {
    wrongVerdicts.increment();
    synchronized (wrongVerdictExamples) {
      if (wrongVerdictExamples.size() < EXAMPLES) {
        wrongVerdictExamples.add(id + ": " + got + ", journal says " + expected);
      }
    }
  }

  /** Counts a verification that disagreed at first and agreed when asked again. */
  void staleVerdict() {
    staleVerdicts.increment();
  }

  /**
   * Returns the wrong verdicts.
   *
   * @return the count
   */
  long wrongVerdicts() {
    return wrongVerdicts.sum();
  }

  /**
   * Returns the verdicts that agreed only when asked again.
   *
   * @return the count
   */
  long staleVerdicts() {
    return staleVerdicts.sum();
  }

  /**
   * Returns up to {@value #EXAMPLES} wrong verdicts, as {@code id: verdict, journal says V}.
   *
   * @return the examples
   */
  List<String> wrongVerdictExamples() {
    synchronized (wrongVerdictExamples) {
      return List.copyOf(wrongVerdictExamples);
    }
  }

  /**
   * Returns the operations of every kind attempted.
   *
   * @return the count
   */
  long attempted() {
    return kinds.values().stream().mapToLong(k -> k.attempted.sum()).sum();
  }

  /**
   * Returns the operations of every kind acknowledged.
   *
   * @return the count
   */
  long acknowledged() {
    return kinds.values().stream().mapToLong(k -> k.acknowledged.sum()).sum();
  }

  /**
   * Returns the records acknowledged by both kinds of anchoring.
   *
   * @return the count
   */
  long recordsAcknowledged() {
    return kinds.get(Kind.SINGLE).recordsAcknowledged.sum()
        + kinds.get(Kind.BATCH).recordsAcknowledged.sum();
  }

  /**
   * Returns a latency percentile over every acknowledged operation.
   *
   * @param percentile for example 99
   * @return milliseconds, 0 when none
   */
  double percentileMillis(double percentile) {
    return percentile(allLatencyMicros, percentile);
  }

  private static double percentile(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0.0 : round(h.getValueAtPercentile(percentile) / 1000.0);
  }

  private static long sum(Map<String, LongAdder> counts) {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((cause, n) -> copy.put(cause, n.sum()));
    return copy;
  }

  static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
