package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.TransactionInvalidatedException;

/**
 * The load generator with synthetic in-process operations (completing after a delay, or failing
 * with a given exception): a test of the scheduler and its accounting, not a stand-in for Fabric.
 */
class LoadGeneratorTest {

  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  /** An operation that completes with 1 unit (or the supplied failure) after {@code millis}. */
  private Operation delayed(long millis, Supplier<Throwable> failure) {
    return () -> {
      started.incrementAndGet();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      CompletableFuture<Integer> done = new CompletableFuture<>();
      timer.schedule(
          () -> {
            inFlight.decrementAndGet();
            Throwable e = failure.get();
            if (e == null) {
              done.complete(1);
            } else {
              done.completeExceptionally(e);
            }
          },
          millis,
          TimeUnit.MILLISECONDS);
      return done;
    };
  }

  private static LoadResult run(LoadSettings settings, Operation op) throws InterruptedException {
    return new LoadGenerator(settings, FailureCause::of, CpuClock.process()).run(op);
  }

  @Test
  void closedLoopKeepsTheWindowFullAndNeverExceedsIt() throws Exception {
    LoadResult r =
        run(
            LoadSettings.closed(4, Duration.ofMillis(100), Duration.ofMillis(600)),
            delayed(20, () -> null));

    assertThat(maxInFlight.get()).isEqualTo(4);
    assertThat(r.successes()).isGreaterThan(20).isEqualTo(r.units());
    assertThat(r.failures()).isEmpty();
    assertThat(r.behind()).isZero();
    assertThat(r.p50Millis()).isGreaterThanOrEqualTo(19.0);
    assertThat(r.p99Millis()).isGreaterThanOrEqualTo(r.p95Millis());
    assertThat(r.p95Millis()).isGreaterThanOrEqualTo(r.p50Millis());
    assertThat(r.measuredSeconds()).isBetween(0.59, 5.0);
    assertThat(inFlight.get()).isZero();
  }

  @Test
  void openLoopStartsWhatIsDueWithinTheWindowAndCountsTheRestAsBehind() throws Exception {
    // 200/s due for 1 s; a window of 2 operations of 100 ms can start about 20 of them.
    LoadResult r =
        run(
            LoadSettings.open(200, 2, Duration.ZERO, Duration.ofSeconds(1)),
            delayed(100, () -> null));

    assertThat(maxInFlight.get()).isLessThanOrEqualTo(2);
    assertThat(started.get() + r.behind()).isEqualTo(200);
    assertThat(r.behind()).isGreaterThan(150);
    assertThat(started.get()).isBetween(2, 40);
  }

  @Test
  void openLoopKeepsItsRateWhenTheSystemKeepsUp() throws Exception {
    long t0 = System.nanoTime();
    LoadResult r =
        run(
            LoadSettings.open(100, 10, Duration.ZERO, Duration.ofSeconds(1)),
            () -> {
              started.incrementAndGet();
              return CompletableFuture.completedFuture(1);
            });
    double elapsed = (System.nanoTime() - t0) / 1e9;

    assertThat(started.get()).isEqualTo(100);
    assertThat(r.behind()).isZero();
    assertThat(r.successes()).isBetween(85L, 100L);
    assertThat(elapsed).isGreaterThanOrEqualTo(0.99);
    assertThat(r.operationsPerSecond()).isBetween(80.0, 101.0);
  }

  @Test
  void warmUpIsRunButLeftOutOfTheResults() throws Exception {
    long t0 = System.nanoTime();
    long failUntil = t0 + Duration.ofMillis(100).toNanos();
    AtomicInteger warmupFailures = new AtomicInteger();
    LoadResult r =
        run(
            LoadSettings.closed(2, Duration.ofMillis(300), Duration.ofMillis(400)),
            delayed(
                5,
                () -> {
                  if (System.nanoTime() < failUntil) {
                    warmupFailures.incrementAndGet();
                    return new IllegalStateException("warming up");
                  }
                  return null;
                }));

    assertThat(warmupFailures.get()).isPositive();
    assertThat(r.failures()).isEmpty();
    assertThat(r.successes()).isPositive();
    assertThat(r.measuredSeconds()).isBetween(0.39, 5.0);
  }

  @Test
  void failuresAreCountedByCauseAndNotAsSuccesses() throws Exception {
    AtomicInteger n = new AtomicInteger();
    LoadResult r =
        run(
            LoadSettings.closed(3, Duration.ZERO, Duration.ofMillis(500)),
            delayed(
                2,
                () ->
                    switch (n.getAndIncrement() % 3) {
                      case 0 ->
                          new TransactionInvalidatedException("x", "tx1", "MVCC_READ_CONFLICT");
                      case 1 ->
                          NetworkException.unreachable(
                              "busy", Stage.ENDORSE, null, "RESOURCE_EXHAUSTED", null);
                      default -> null;
                    }));

    assertThat(r.failures())
        .containsOnlyKeys(FailureCause.MVCC_CONFLICT, FailureCause.GATEWAY_LIMIT);
    long mvcc = r.failures().get(FailureCause.MVCC_CONFLICT);
    long limit = r.failures().get(FailureCause.GATEWAY_LIMIT);
    assertThat(mvcc).isPositive();
    assertThat(limit).isPositive();
    assertThat(r.failureCount()).isEqualTo(mvcc + limit);
    // One success per two failures, give or take the operations at the edges.
    assertThat(r.successes()).isBetween(r.failureCount() / 2 - 3, r.failureCount() / 2 + 3);
  }

  @Test
  void anOperationThatThrowsWhenStartedIsAFailureAndFreesItsPlace() throws Exception {
    LoadResult r =
        run(
            LoadSettings.closed(1, Duration.ZERO, Duration.ofMillis(200)),
            () -> {
              throw new IllegalStateException("cannot start");
            });

    assertThat(r.successes()).isZero();
    assertThat(r.failures()).containsOnlyKeys(FailureCause.OTHER);
    assertThat(r.failures().get(FailureCause.OTHER)).isGreaterThan(10);
  }

  @Test
  void operationsStillInFlightAtTheEndAreUnfinishedNotCounted() throws Exception {
    LoadSettings settings =
        new LoadSettings(
            Mode.CLOSED, 3, 0, Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(100));
    LoadResult r = run(settings, CompletableFuture::new);

    assertThat(r.unfinished()).isEqualTo(3);
    assertThat(r.successes()).isZero();
    assertThat(r.failures()).isEmpty();
  }

  @Test
  void unitsCountRecordsOfABatch() throws Exception {
    LoadResult r =
        run(
            LoadSettings.closed(2, Duration.ZERO, Duration.ofMillis(300)),
            () -> CompletableFuture.supplyAsync(() -> 100, timer));

    assertThat(r.units()).isEqualTo(100 * r.successes());
    assertThat(r.unitsPerSecond()).isCloseTo(100 * r.operationsPerSecond(), withinPercentage(1e-6));
  }
}
