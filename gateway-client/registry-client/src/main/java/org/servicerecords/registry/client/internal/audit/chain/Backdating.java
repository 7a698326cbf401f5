package org.servicerecords.registry.client.internal.audit.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Watches the timestamps transactions' creators assert in their channel headers against block
 * order: a transaction asserting a time more than a tolerance before the latest time asserted by a
 * valid transaction of an earlier block (a high-water mark) is backdated. Fabric's peers accept a
 * proposal only within {@code peer.authentication.timewindow} (15 minutes by default) of their own
 * clock, but nothing checks the timestamp against the ledger once ordered.
 */
final class Backdating {

  /** Fabric's default {@code peer.authentication.timewindow}. */
  static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(15);

  private final Duration tolerance;
  private Instant highWater;
  private Instant blockLatest;

  Backdating(Duration tolerance) {
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("the time tolerance is negative: " + tolerance);
    }
    this.tolerance = tolerance;
  }

  /**
   * Checks one transaction's asserted time against the earlier blocks' high-water mark.
   *
   * @param timestamp the asserted time (null when absent: not checked)
   * @param valid whether the transaction counts towards the mark once its block is done
   * @return how far it lies before the mark, when beyond the tolerance
   */
  Optional<Duration> check(Instant timestamp, boolean valid) {
    if (timestamp == null) {
      return Optional.empty();
    }
    if (valid && (blockLatest == null || timestamp.isAfter(blockLatest))) {
      blockLatest = timestamp;
    }
    if (highWater != null && timestamp.isBefore(highWater.minus(tolerance))) {
      return Optional.of(Duration.between(timestamp, highWater));
    }
    return Optional.empty();
  }

  /** Ends a block: its valid transactions' latest time raises the mark. */
  void endBlock() {
    if (blockLatest != null && (highWater == null || blockLatest.isAfter(highWater))) {
      highWater = blockLatest;
    }
    blockLatest = null;
  }

  /**
   * The tolerance.
   *
   * @return the tolerance
   */
  Duration tolerance() {
    return tolerance;
  }
}
