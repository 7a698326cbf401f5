package org.servicerecords.registry.bench;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Runs an {@link Operation} under load: one driver thread (the caller's) starts operations and a
 * {@link Semaphore} of {@link LoadSettings#window()} permits bounds those in flight; a permit is
 * returned by the operation's completion, so no thread waits per request.
 *
 * <ul>
 *   <li>Closed loop: the driver takes a permit and starts an operation, as fast as permits come
 *       back, until the end.
 *   <li>Open loop: operation {@code i} is due at {@code start + i / rate}; the driver waits for
 *       that instant and starts it if a permit is free, else counts it as behind and moves on (it
 *       never queues, so a slow system cannot make the load fall behind its schedule unseen).
 *       Latency is measured from the instant it was due.
 * </ul>
 *
 * <p>An operation counts in the results when it completes within the measured interval, from the
 * end of the warm-up to the end; its latency only if it succeeded. Failures are counted by the
 * cause the classifier gives. The process's CPU time is read at both ends of the measured interval.
 * After the end the generator waits (up to {@link LoadSettings#drainTimeout()}) for the operations
 * still in flight, which are reported as unfinished.
 */
public final class LoadGenerator {

  private final LoadSettings settings;
  private final Function<Throwable, String> classifier;
  private final CpuClock cpu;

  /**
   * Creates a generator.
   *
   * @param settings how to run
   * @param classifier the cause of a failure ({@link FailureCause#of})
   * @param cpu the process CPU clock ({@link CpuClock#process()})
   */
  public LoadGenerator(
      LoadSettings settings, Function<Throwable, String> classifier, CpuClock cpu) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.cpu = Objects.requireNonNull(cpu, "cpu");
  }

  /**
   * Runs the operation for the warm-up and the measured duration, then waits for those in flight.
   *
   * @param operation the operation
   * @return what was measured
   * @throws InterruptedException if the driver thread is interrupted
   */
  public LoadResult run(Operation operation) throws InterruptedException {
    Objects.requireNonNull(operation, "operation");
    Run run = new Run(operation, System.nanoTime());
    if (settings.mode() == Mode.CLOSED) {
      run.closedLoop();
    } else {
      run.openLoop();
    }
    run.sleepUntil(run.end);
    long cpuEnd = cpu.cpuNanos();
    long measuredNanos = System.nanoTime() - run.warmupEnd;
    Semaphore window = run.window;
    long unfinished = 0;
    if (!window.tryAcquire(
        settings.window(), settings.drainTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
      unfinished = settings.window() - window.availablePermits();
    }
    long cpuStart = run.cpuAtWarmupEnd;
    long cpuUsed = cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart;
    Measurements m = run.measured;
    return new LoadResult(
        settings,
        measuredNanos,
        m.successes(),
        m.units(),
        m.failures(),
        run.behind.get(),
        unfinished + run.afterEnd.get(),
        m.percentileMillis(50),
        m.percentileMillis(95),
        m.percentileMillis(99),
        m.maxMillis(),
        cpuUsed);
  }

  /** The state of one run. */
  private final class Run {
    final Operation operation;
    final long start;
    final long warmupEnd;
    final long end;
    final Semaphore window = new Semaphore(settings.window());
    final Measurements measured = new Measurements();
    final AtomicLong behind = new AtomicLong();
    final AtomicLong afterEnd = new AtomicLong();
    long cpuAtWarmupEnd = -1;
    boolean measuring;

    Run(Operation operation, long start) {
      this.operation = operation;
      this.start = start;
      this.warmupEnd = start + settings.warmup().toNanos();
      this.end = warmupEnd + settings.duration().toNanos();
    }

    /** Reads the CPU clock the first time the driver sees the warm-up over. */
    void phase(long now) {
      if (!measuring && now >= warmupEnd) {
        measuring = true;
        cpuAtWarmupEnd = cpu.cpuNanos();
      }
    }

    void closedLoop() throws InterruptedException {
      while (true) {
        long now = System.nanoTime();
        phase(now);
        if (now >= end) {
          return;
        }
        long wakeAt = measuring ? end : warmupEnd;
        if (!window.tryAcquire(wakeAt - now, TimeUnit.NANOSECONDS)) {
          continue;
        }
        long startedAt = System.nanoTime();
        if (startedAt >= end) {
          window.release();
          return;
        }
        launch(startedAt);
      }
    }

    void openLoop() throws InterruptedException {
      double interval = 1e9 / settings.rate();
      for (long i = 0; ; i++) {
        long due = start + (long) (i * interval);
        if (due >= end) {
          return;
        }
        sleepUntil(due);
        phase(System.nanoTime());
        if (window.tryAcquire()) {
          launch(due);
        } else if (due >= warmupEnd) {
          behind.incrementAndGet();
        }
      }
    }

    void launch(long startedAt) {
      CompletionStage<Integer> stage;
      try {
        stage = operation.start();
      } catch (RuntimeException e) {
        stage = CompletableFuture.failedFuture(e);
      }
      stage.whenComplete(
          (units, error) -> {
            try {
              complete(startedAt, System.nanoTime(), units, error);
            } finally {
              window.release();
            }
          });
    }

    void complete(long startedAt, long completedAt, Integer units, Throwable error) {
      if (completedAt < warmupEnd) {
        return;
      }
      if (completedAt > end) {
        afterEnd.incrementAndGet();
        return;
      }
      if (error == null) {
        measured.success(completedAt - startedAt, units == null ? 0 : units);
      } else {
        measured.failure(classifier.apply(error));
      }
    }

    void sleepUntil(long instant) throws InterruptedException {
      long left;
      while ((left = instant - System.nanoTime()) > 0) {
        LockSupport.parkNanos(left);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    }
  }
}
