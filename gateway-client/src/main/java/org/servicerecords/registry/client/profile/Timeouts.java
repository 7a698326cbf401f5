package org.servicerecords.registry.client.profile;

import java.time.Duration;
import java.util.Objects;

/**
 * Deadlines per call type.
 *
 * @param evaluate queries
 * @param endorse endorsement of a proposal
 * @param submit submission to the orderers
 * @param commitStatus waiting for a transaction's commit status
 */
public record Timeouts(
    Duration evaluate, Duration endorse, Duration submit, Duration commitStatus) {

  /** The defaults: 5 s evaluate, 15 s endorse, 5 s submit, 60 s commit status. */
  public static final Timeouts DEFAULT =
      new Timeouts(
          Duration.ofSeconds(5),
          Duration.ofSeconds(15),
          Duration.ofSeconds(5),
          Duration.ofSeconds(60));

  /** Checks that every deadline is positive. */
  public Timeouts {
    for (Duration d : new Duration[] {evaluate, endorse, submit, commitStatus}) {
      Objects.requireNonNull(d, "timeout");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive");
      }
    }
  }
}
