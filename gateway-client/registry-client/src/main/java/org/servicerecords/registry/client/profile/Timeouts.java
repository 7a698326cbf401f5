package org.servicerecords.registry.client.profile;

import java.time.Duration;
import java.util.Objects;

/**
 * Deadlines per call type, and how long the library waits for a submitted transaction to appear on
 * the ledger before sending it again.
 *
 * @param evaluate queries
 * @param endorse endorsement of a proposal
 * @param submit submission to the orderers
 * @param commitStatus waiting for a transaction's commit status (each call, on each endpoint)
 * @param ledgerWait after the orderers accepted a transaction and no endpoint reported its commit
 *     status: how long, counted from the acceptance, the ledger is asked (qscc {@code
 *     GetTransactionByID}) before the transaction is taken as not on the ledger and sent to the
 *     orderers again (same bytes, same transaction id); profile field {@code ledgerWaitMillis}
 */
public record Timeouts(
    Duration evaluate,
    Duration endorse,
    Duration submit,
    Duration commitStatus,
    Duration ledgerWait) {

  /** Default of {@link #ledgerWait()}: 30 s. */
  public static final Duration DEFAULT_LEDGER_WAIT = Duration.ofSeconds(30);

  /** The defaults: 5 s evaluate, 15 s endorse, 5 s submit, 60 s commit status, 30 s ledger wait. */
  public static final Timeouts DEFAULT =
      new Timeouts(
          Duration.ofSeconds(5),
          Duration.ofSeconds(15),
          Duration.ofSeconds(5),
          Duration.ofSeconds(60),
          DEFAULT_LEDGER_WAIT);

  /** Checks that every deadline is positive. */
  public Timeouts {
    for (Duration d : new Duration[] {evaluate, endorse, submit, commitStatus, ledgerWait}) {
      Objects.requireNonNull(d, "timeout");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive");
      }
    }
  }

  /**
   * Deadlines with the default {@link #ledgerWait()} ({@link #DEFAULT_LEDGER_WAIT}).
   *
   * @param evaluate queries
   * @param endorse endorsement of a proposal
   * @param submit submission to the orderers
   * @param commitStatus waiting for a transaction's commit status
   */
  public Timeouts(Duration evaluate, Duration endorse, Duration submit, Duration commitStatus) {
    this(evaluate, endorse, submit, commitStatus, DEFAULT_LEDGER_WAIT);
  }
}
