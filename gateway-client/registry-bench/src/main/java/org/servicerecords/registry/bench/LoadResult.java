package org.servicerecords.registry.bench;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link LoadGenerator} run measured, over the operations that completed within the measured
 * interval (after the warm-up, before the end). Operations that completed during the warm-up, and
 * those still in flight at the end, are left out.
 *
 * @param settings how the run was made
 * @param measuredNanos length of the measured interval
 * @param successes operations that succeeded
 * @param units units those operations made succeed (records for a batch)
 * @param failures failed operations by cause ({@link FailureCause}), sorted
 * @param behind open loop: operations due in the measured interval but not started because the
 *     window was full (0 in the closed loop)
 * @param unfinished operations still in flight at the end (waited for, not counted)
 * @param p50Millis median latency of the successful operations
 * @param p95Millis 95th percentile
 * @param p99Millis 99th percentile
 * @param maxMillis the largest latency
 * @param clientCpuNanos CPU time this process used during the measured interval
 */
public record LoadResult(
    LoadSettings settings,
    long measuredNanos,
    long successes,
    long units,
    Map<String, Long> failures,
    long behind,
    long unfinished,
    double p50Millis,
    double p95Millis,
    double p99Millis,
    double maxMillis,
    long clientCpuNanos) {

  /** Copies the failures, sorted by cause. */
  public LoadResult {
    failures = Collections.unmodifiableMap(new TreeMap<>(failures));
  }

  /**
   * Returns the measured interval in seconds.
   *
   * @return seconds
   */
  public double measuredSeconds() {
    return measuredNanos / 1e9;
  }

  /**
   * Returns the successful units per second (records per second for batches).
   *
   * @return units per second
   */
  public double unitsPerSecond() {
    return units / measuredSeconds();
  }

  /**
   * Returns the successful operations per second.
   *
   * @return operations per second
   */
  public double operationsPerSecond() {
    return successes / measuredSeconds();
  }

  /**
   * Returns the failed operations, all causes.
   *
   * @return the count
   */
  public long failureCount() {
    return failures.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Returns the client's CPU time in milliseconds.
   *
   * @return milliseconds
   */
  public double clientCpuMillis() {
    return clientCpuNanos / 1e6;
  }

  /**
   * Returns the client's CPU milliseconds per 1,000 successful units.
   *
   * @return milliseconds, or {@code NaN} when nothing succeeded
   */
  public double clientCpuMillisPer1000() {
    return units == 0 ? Double.NaN : clientCpuMillis() * 1000.0 / units;
  }
}
