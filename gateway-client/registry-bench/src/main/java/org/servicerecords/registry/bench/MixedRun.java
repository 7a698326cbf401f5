package org.servicerecords.registry.bench;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * One run of the {@code mixed} workload: writes the journal's header, drives a {@link MixedLoad}
 * with the {@link LoadGenerator} (open or closed loop, as the other workloads) for the warm-up and
 * the duration, lets the operations in flight retry until the end plus the settle period, waits for
 * them (a further {@link #ATTEMPT_GRACE} for attempts already started), and closes the journal,
 * which marks whatever is still in flight as unacknowledged.
 */
final class MixedRun {

  /** How long after the settle period an attempt already started is waited for. */
  static final Duration ATTEMPT_GRACE = Duration.ofSeconds(150);

  /**
   * How the run is made.
   *
   * @param load mode, window, rate, warm-up and duration (its drain timeout is ignored)
   * @param settle how long after the end operations in flight keep retrying
   * @param runId the run id
   * @param documentTypes the types of the new certificates
   * @param mix the kinds' weights
   * @param batchSizes the batches' sizes
   */
  record Settings(
      LoadSettings load,
      Duration settle,
      String runId,
      List<String> documentTypes,
      OperationMix mix,
      BatchSizes batchSizes) {

    /** Checks the values. */
    Settings {
      Objects.requireNonNull(load, "load");
      Objects.requireNonNull(settle, "settle");
      RunId.check(runId);
      documentTypes = List.copyOf(documentTypes);
      Objects.requireNonNull(mix, "mix");
      Objects.requireNonNull(batchSizes, "batchSizes");
      if (settle.isNegative()) {
        throw new IllegalArgumentException("--settle must be >= 0");
      }
      if (documentTypes.isEmpty()) {
        throw new IllegalArgumentException("no document type");
      }
    }
  }

  /**
   * What the run did.
   *
   * @param stats the tally
   * @param generator the load generator's own result (its {@code behind} is used)
   * @param loadSeconds how long operations were started (warm-up and duration)
   * @param elapsedSeconds from the start until every operation had ended (or the journal closed)
   * @param inFlightAtClose operations the journal marked unacknowledged at its close
   * @param journalLines lines written to the journal
   * @param activeRecords records acknowledged and not revoked, at the end
   * @param revokedRecords records whose revocation was acknowledged
   * @param clientCpuNanos the process's CPU time over the run, or -1
   */
  record Outcome(
      MixedStats stats,
      LoadResult generator,
      double loadSeconds,
      double elapsedSeconds,
      int inFlightAtClose,
      long journalLines,
      int activeRecords,
      int revokedRecords,
      long clientCpuNanos) {}

  private MixedRun() {}

  /**
   * Makes the run.
   *
   * @param calls the library calls (or a test's)
   * @param journal a new journal; closed by this method
   * @param header the journal's first line
   * @param settings how
   * @param pool where blocking calls and retries run
   * @param policy the retry policy ({@link RetryPolicy#standard()})
   * @param cpu the process CPU clock
   * @return what it did
   * @throws InterruptedException if interrupted while driving the load
   * @throws IOException if the journal cannot be written or closed
   */
  static Outcome run(
      AgencyCalls calls,
      RunJournal journal,
      JournalLine.Run header,
      Settings settings,
      Executor pool,
      RetryPolicy policy,
      CpuClock cpu)
      throws InterruptedException, IOException {
    journal.write(header);
    LoadSettings given = settings.load();
    LoadSettings load =
        new LoadSettings(
            given.mode(),
            given.window(),
            given.rate(),
            given.warmup(),
            given.duration(),
            settings.settle().plus(ATTEMPT_GRACE));
    MixedStats stats = new MixedStats();
    RunState state = new RunState();
    MixedLoad operation =
        new MixedLoad(
            calls,
            journal,
            RecordFactory.forRun(
                settings.runId(), settings.documentTypes().get(0), Clock.systemUTC()),
            settings.documentTypes(),
            settings.mix(),
            settings.batchSizes(),
            state,
            stats,
            new RetryLoop(policy, pool, System::nanoTime),
            pool,
            settings.runId());
    long cpuStart = cpu.cpuNanos();
    long start = System.nanoTime();
    Duration loadTime = load.warmup().plus(load.duration());
    operation.until(start + loadTime.plus(settings.settle()).toNanos());
    // Every operation is counted by MixedStats; the generator's measured window is the whole run.
    LoadResult generated = new LoadGenerator(load, FailureCause::of, cpu).run(operation);
    int inFlight = journal.outstanding();
    journal.close();
    long elapsed = System.nanoTime() - start;
    long cpuEnd = cpu.cpuNanos();
    return new Outcome(
        stats,
        generated,
        loadTime.toNanos() / 1e9,
        elapsed / 1e9,
        inFlight,
        journal.lines(),
        state.activeCount(),
        state.revokedCount(),
        cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart);
  }
}
