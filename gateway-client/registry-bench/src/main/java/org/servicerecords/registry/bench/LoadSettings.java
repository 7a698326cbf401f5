package org.servicerecords.registry.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link LoadGenerator} runs: its mode, the most operations in flight at once, the rate of
 * the open loop, the warm-up (run but left out of the results), the measured duration and how long
 * to wait at the end for the operations still in flight.
 *
 * @param mode closed or open loop
 * @param window most operations in flight at once (at least 1)
 * @param rate operations per second due in the open loop (ignored in the closed loop)
 * @param warmup run before measuring, excluded from the results
 * @param duration measured time after the warm-up
 * @param drainTimeout how long to wait after the end for operations still in flight
 */
public record LoadSettings(
    Mode mode, int window, double rate, Duration warmup, Duration duration, Duration drainTimeout) {

  /** Checks the values. */
  public LoadSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(warmup, "warmup");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1, not " + window);
    }
    if (mode == Mode.OPEN && !(rate > 0)) {
      throw new IllegalArgumentException("the open loop needs a rate above 0, not " + rate);
    }
    if (warmup.isNegative() || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("warm-up must be >= 0 and duration > 0");
    }
    if (drainTimeout.isNegative()) {
      throw new IllegalArgumentException("drain timeout must be >= 0");
    }
  }

  /**
   * Closed-loop settings.
   *
   * @param concurrency operations kept in flight
   * @param warmup the warm-up
   * @param duration the measured duration
   * @return the settings, with a drain timeout of 60 s
   */
  public static LoadSettings closed(int concurrency, Duration warmup, Duration duration) {
    return new LoadSettings(Mode.CLOSED, concurrency, 0, warmup, duration, Duration.ofSeconds(60));
  }

  /**
   * Open-loop settings.
   *
   * @param rate operations per second
   * @param window most operations in flight
   * @param warmup the warm-up
   * @param duration the measured duration
   * @return the settings, with a drain timeout of 60 s
   */
  public static LoadSettings open(double rate, int window, Duration warmup, Duration duration) {
    return new LoadSettings(Mode.OPEN, window, rate, warmup, duration, Duration.ofSeconds(60));
  }
}
