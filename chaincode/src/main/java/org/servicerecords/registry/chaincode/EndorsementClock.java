package org.servicerecords.registry.chaincode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The endorsing peer's clock: the contract's one deliberate clock read (docs/contract.md,
 * "Determinism"). It is used only by {@link TimeTolerance} to decide whether to endorse a
 * transaction at all; nothing it returns is ever written, returned or put into an event, so the
 * write set of every endorsement stays a function of the proposal and the ledger. The architecture
 * test allows clock reads in this class only.
 */
final class EndorsementClock {

  private static volatile Clock clock = Clock.systemUTC();

  private EndorsementClock() {}

  /** The current instant of the endorsing peer's host. */
  static Instant now() {
    return clock.instant();
  }

  /**
   * Replaces the clock: for tests on the in-memory stub, which run transactions at fixed
   * timestamps.
   *
   * @param replacement the clock to read from now on
   */
  static void use(Clock replacement) {
    clock = replacement;
  }

  /**
   * Makes the clock read one instant: for harnesses that run transactions at fixed timestamps
   * ({@link InMemoryRuns#enter}).
   *
   * @param instant what the clock reads from now on
   */
  static void useFixed(Instant instant) {
    use(Clock.fixed(instant, ZoneOffset.UTC));
  }
}
