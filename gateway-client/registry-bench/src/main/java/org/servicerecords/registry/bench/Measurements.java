package org.servicerecords.registry.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The thread-safe tally of one run's measured operations: latencies of the successes (microseconds,
 * three significant digits), their count and units, and failures per cause.
 */
final class Measurements {

  private final Histogram latencyMicros = new ConcurrentHistogram(3);
  private final LongAdder successes = new LongAdder();
  private final LongAdder units = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

  /**
   * Counts a success.
   *
   * @param latencyNanos its latency
   * @param unitCount the units it made succeed
   */
  void success(long latencyNanos, int unitCount) {
    latencyMicros.recordValue(Math.max(0, latencyNanos / 1000));
    successes.increment();
    units.add(unitCount);
  }

  /**
   * Counts a failure.
   *
   * @param cause its cause
   */
  void failure(String cause) {
    failures.computeIfAbsent(cause, c -> new LongAdder()).increment();
  }

  long successes() {
    return successes.sum();
  }

  long units() {
    return units.sum();
  }

  Map<String, Long> failures() {
    Map<String, Long> copy = new TreeMap<>();
    failures.forEach((cause, count) -> copy.put(cause, count.sum()));
    return copy;
  }

  /**
   * Returns a latency percentile.
   *
   * @param percentile for example 99.0
   * @return milliseconds, 0 when nothing succeeded
   */
  double percentileMillis(double percentile) {
    return latencyMicros.getTotalCount() == 0
        ? 0
        : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  double maxMillis() {
    return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getMaxValue() / 1000.0;
  }
}
