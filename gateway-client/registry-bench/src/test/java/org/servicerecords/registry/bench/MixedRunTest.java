package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.bench.JournalView.Progress;
import org.servicerecords.registry.bench.OperationMix.Kind;
import org.servicerecords.registry.bench.OracleReport.Finding;
import org.servicerecords.registry.model.Verdict;

/**
 * The mixed load against an in-memory ledger that loses answers ({@link FakeAgency}), then the
 * oracle on its journal and that ledger: the load's retries keep the journal true, and the oracle
 * catches what the ledger loses afterwards.
 */
class MixedRunTest {

  private static final String RUN = "t1";
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @TempDir Path dir;

  private MixedRun.Settings settings;

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private MixedRun.Outcome run(FakeAgency ledger, double rate, Duration settle) throws Exception {
    settings =
        new MixedRun.Settings(
            LoadSettings.open(rate, 16, Duration.ZERO, Duration.ofMillis(1200)),
            settle,
            RUN,
            List.of("BIRTH_CERTIFICATE", "NOTARIAL_ACT"),
            OperationMix.parse(OperationMix.DEFAULT),
            BatchSizes.parse("2-5"));
    try (RunJournal journal = RunJournal.create(dir.resolve("journal.jsonl"), Clock.systemUTC())) {
      return MixedRun.run(
          ledger,
          journal,
          new JournalLine.Run(RUN, TestRecords.MSP, "records-justice", settings.documentTypes(), 0),
          settings,
          pool,
          new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(10)),
          CpuClock.process());
    }
  }

  private JournalView journal() throws Exception {
    return JournalView.read(dir.resolve("journal.jsonl"));
  }

  @Test
  void lostAnswersAreRetriedUntilAcknowledgedAndTheOracleAgrees() throws Exception {
    FakeAgency ledger = new FakeAgency(7, 5, 6);

    MixedRun.Outcome outcome = run(ledger, 250, Duration.ofSeconds(10));

    MixedStats stats = outcome.stats();
    JournalView journal = journal();
    OracleReport report = JournalOracle.compare(RUN, TestRecords.MSP, journal, ledger.snapshot());
    assertThat(report.agrees()).as(report.summary()).isTrue();
    assertThat(report.count(Finding.PRESENT))
        .isEqualTo(report.acknowledged())
        .isEqualTo(stats.recordsAcknowledged())
        .isEqualTo(ledger.records());
    assertThat(report.count(Finding.UNACKNOWLEDGED_ABSENT)).isZero();
    assertThat(report.revocations().get("acknowledged"))
        .isEqualTo(stats.of(Kind.REVOKE).acknowledged.sum())
        .isPositive();
    assertThat(stats.attempted()).isEqualTo(stats.acknowledged()).isGreaterThan(100);
    assertThat(stats.wrongVerdicts()).isZero();
    assertThat(stats.of(Kind.VERIFY).acknowledged.sum()).isPositive();
    assertThat(stats.of(Kind.SINGLE).unknownOutcomeRetries.sum()).isPositive();
    assertThat(stats.of(Kind.SINGLE).alreadyOnLedger.sum()).isPositive();
    assertThat(stats.of(Kind.BATCH).alreadyOnLedger.sum()).isPositive();
    assertThat(stats.of(Kind.VERIFY).retriesByCause).containsKey(RetryPolicy.UNAVAILABLE);
    assertThat(outcome.inFlightAtClose()).isZero();
    assertThat(journal.header().runId()).isEqualTo(RUN);
    assertThat(journal.records().keySet()).allMatch(id -> RunId.owns(RUN, id));
    assertThat(journal.documentTypes()).containsExactly("BIRTH_CERTIFICATE", "NOTARIAL_ACT");
    MixedReport.Context context =
        new MixedReport.Context(RUN, TestRecords.MSP, "records-justice", "j.jsonl", settings);
    assertThat(MixedReport.summary(context, outcome))
        .startsWith("mixed open run t1: " + stats.acknowledged() + " of " + stats.attempted());
    assertThat(MixedReport.json(MixedReport.fields(context, outcome, null)))
        .contains("\"wrong_verdicts\": 0", "\"run_id\": \"t1\"", "\"unknown_outcome_retries\"");
  }

  @Test
  void theOracleCatchesARecordTheLedgerLosesAfterItsAcknowledgement() throws Exception {
    FakeAgency ledger = new FakeAgency(0, 0, 0);
    run(ledger, 100, Duration.ofSeconds(5));
    JournalView journal = journal();
    String lost =
        journal.records().values().stream()
            .filter(e -> e.anchor() == Progress.ACKNOWLEDGED)
            .findFirst()
            .orElseThrow()
            .id();

    ledger.lose(lost);
    OracleReport report = JournalOracle.compare(RUN, TestRecords.MSP, journal, ledger.snapshot());

    assertThat(report.agrees()).isFalse();
    assertThat(report.count(Finding.MISSING)).isEqualTo(1);
    assertThat(report.offenders().get(Finding.MISSING).get(0).id()).isEqualTo(lost);
  }

  @Test
  void verdictsThatNeverAgreeWithTheJournalAreWrong() throws Exception {
    FakeAgency ledger = new FakeAgency(0, 0, 0);
    ledger.forcedVerdict = Verdict.UNKNOWN;

    MixedRun.Outcome outcome = run(ledger, 100, Duration.ofSeconds(5));

    long verifications = outcome.stats().of(Kind.VERIFY).acknowledged.sum();
    assertThat(verifications).isPositive();
    assertThat(outcome.stats().wrongVerdicts()).isEqualTo(verifications);
    assertThat(outcome.stats().wrongVerdictExamples().get(0)).contains("UNKNOWN, journal says");
    assertThat(outcome.stats().of(Kind.VERIFY).retriesByCause)
        .containsKey(MixedLoad.VERDICT_MISMATCH);
  }

  @Test
  void aLedgerThatNeverAnswersLeavesEveryOperationUnacknowledgedInTheJournal() throws Exception {
    FakeAgency ledger = new FakeAgency(1, 0, 0);

    MixedRun.Outcome outcome = run(ledger, 50, Duration.ofMillis(200));

    MixedStats stats = outcome.stats();
    assertThat(stats.acknowledged()).isZero();
    assertThat(stats.of(Kind.SINGLE).failures).containsKey(RetryPolicy.UNAVAILABLE);
    JournalView journal = journal();
    assertThat(journal.records()).isNotEmpty();
    assertThat(journal.records().values()).allMatch(e -> e.anchor() == Progress.ATTEMPTED);
    OracleReport report = JournalOracle.compare(RUN, TestRecords.MSP, journal, ledger.snapshot());
    assertThat(report.agrees()).isTrue();
    assertThat(report.count(Finding.UNACKNOWLEDGED_ABSENT)).isEqualTo(journal.records().size());
  }
}
