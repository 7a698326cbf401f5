package org.servicerecords.registry.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The {@code preload-only} workload: anchors a fixed number of records in batches, a bounded number
 * of batches in flight, as fast as they commit, and reports records per second; it grows the ledger
 * between growth measurements and measures nothing else. Progress goes to the log every {@link
 * #PROGRESS_EVERY} records on the ledger.
 *
 * <p>The result is a {@link LoadResult} of the whole run (no warm-up): one operation per batch, its
 * units the batch's records that reached the ledger (a partly failed batch counts those that did; a
 * batch with none is a failure, by cause), latencies per batch.
 */
final class Preloader {

  /** Records between two progress lines. */
  static final long PROGRESS_EVERY = 10_000;

  private final int batchSize;
  private final int window;
  private final Duration drainTimeout;
  private final Function<Throwable, String> classifier;
  private final CpuClock cpu;
  private final PrintStream log;

  private long anchored;
  private long nextProgress = PROGRESS_EVERY;

  /**
   * Creates a preloader.
   *
   * @param batchSize records per batch (1 to the contract's maximum)
   * @param window batches in flight at most
   * @param drainTimeout how long to wait at the end for the batches in flight
   * @param classifier the cause of a failure ({@link FailureCause#of})
   * @param cpu the process CPU clock
   * @param log where progress goes (standard error)
   */
  Preloader(
      int batchSize,
      int window,
      Duration drainTimeout,
      Function<Throwable, String> classifier,
      CpuClock cpu,
      PrintStream log) {
    if (batchSize < 1 || window < 1) {
      throw new IllegalArgumentException("batch size and window must be at least 1");
    }
    this.batchSize = batchSize;
    this.window = window;
    this.drainTimeout = Objects.requireNonNull(drainTimeout, "drainTimeout");
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.cpu = Objects.requireNonNull(cpu, "cpu");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * Anchors {@code total} records.
   *
   * @param anchorBatch starts anchoring that many new records and completes with how many reached
   *     the ledger
   * @param total records to anchor
   * @return what was measured
   * @throws InterruptedException if interrupted while waiting for a window slot
   */
  LoadResult run(IntFunction<CompletionStage<Integer>> anchorBatch, long total)
      throws InterruptedException {
    Objects.requireNonNull(anchorBatch, "anchorBatch");
    Semaphore slots = new Semaphore(window);
    Measurements measured = new Measurements();
    long cpuStart = cpu.cpuNanos();
    long start = System.nanoTime();
    for (long sent = 0; sent < total; sent += batchSize) {
      int size = (int) Math.min(batchSize, total - sent);
      slots.acquire();
      long startedAt = System.nanoTime();
      CompletionStage<Integer> stage;
      try {
        stage = anchorBatch.apply(size);
      } catch (RuntimeException e) {
        stage = CompletableFuture.failedFuture(e);
      }
      stage.whenComplete(
          (count, error) -> {
            try {
              if (error == null) {
                int n = count == null ? 0 : count;
                measured.success(System.nanoTime() - startedAt, n);
                progress(n, total, start);
              } else {
                measured.failure(classifier.apply(error));
              }
            } finally {
              slots.release();
            }
          });
    }
    long unfinished = 0;
    if (!slots.tryAcquire(window, drainTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
      unfinished = window - slots.availablePermits();
    }
    long elapsed = Math.max(1, System.nanoTime() - start);
    long cpuEnd = cpu.cpuNanos();
    LoadSettings settings =
        new LoadSettings(
            Mode.CLOSED, window, 0, Duration.ZERO, Duration.ofNanos(elapsed), drainTimeout);
    return new LoadResult(
        settings,
        elapsed,
        measured.successes(),
        measured.units(),
        measured.failures(),
        0,
        unfinished,
        measured.percentileMillis(50),
        measured.percentileMillis(95),
        measured.percentileMillis(99),
        measured.maxMillis(),
        cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart);
  }

  private synchronized void progress(int count, long total, long start) {
    anchored += count;
    if (anchored >= nextProgress) {
      double seconds = (System.nanoTime() - start) / 1e9;
      log.printf(
          Locale.ROOT,
          "preloaded %d of %d records (%.0f records/s)%n",
          anchored,
          total,
          anchored / seconds);
      while (nextProgress <= anchored) {
        nextProgress += PROGRESS_EVERY;
      }
    }
  }
}
