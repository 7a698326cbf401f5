package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's refusals and the report's fields; nothing here connects. */
class BenchCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return BenchCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void usageErrorsExitWith2() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--workload");
    assertThat(run("--workload", "sideways")).isEqualTo(2);
    assertThat(run("--workload", "verify", "--mode", "both")).isEqualTo(2);
    assertThat(run("--workload", "verify", "--mode", "open", "--rate", "0")).isEqualTo(2);
    assertThat(run("--workload", "verify", "--concurrency", "0")).isEqualTo(2);
  }

  @Test
  void growthUsageErrorsExitWith2BeforeConnecting() {
    assertThat(run("--workload", "preload-only")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("preload-only needs --preload N");
    assertThat(run("--workload", "preload-only", "--preload", "0")).isEqualTo(2);
    assertThat(run("--workload", "history-revoked", "--preload", "-1")).isEqualTo(2);
    assertThat(run("--workload", "list-page", "--verify-from-ledger")).isEqualTo(2);
    assertThat(run("--workload", "preload-only", "--preload", "10", "--batch-size", "0"))
        .isEqualTo(2);
  }

  private static BenchCli parsed(String... args) {
    BenchCli bench = new BenchCli();
    new CommandLine(bench).parseArgs(args);
    return bench;
  }

  @Test
  void preloadDefaultsAndThePreloadOnlyBatchAndWindow() {
    BenchCli defaults = parsed("--workload", "preload-only", "--preload", "10000");
    assertThat(defaults.preloadCount(Workload.PRELOAD_ONLY)).isEqualTo(10_000);
    assertThat(defaults.batchSize(Workload.PRELOAD_ONLY)).isEqualTo(500);
    assertThat(defaults.window(Workload.PRELOAD_ONLY)).isEqualTo(4);
    assertThat(defaults.batchSize(Workload.ANCHOR_BATCH)).isEqualTo(100);
    assertThat(defaults.window(Workload.ANCHOR_BATCH)).isEqualTo(50);

    BenchCli given =
        parsed(
            "--workload",
            "preload-only",
            "--preload",
            "7",
            "--batch-size",
            "250",
            "--concurrency",
            "2");
    assertThat(given.batchSize(Workload.PRELOAD_ONLY)).isEqualTo(250);
    assertThat(given.window(Workload.PRELOAD_ONLY)).isEqualTo(2);

    BenchCli none = parsed("--workload", "history-revoked");
    assertThat(none.preloadCount(Workload.HISTORY_REVOKED)).isEqualTo(50);
    assertThat(none.preloadCount(Workload.VERIFY)).isEqualTo(1000);
    assertThat(none.preloadCount(Workload.REFERENCE_GET)).isEqualTo(1000);
    assertThat(none.preloadCount(Workload.LIST_PAGE)).isZero();
    assertThat(none.preloadCount(Workload.HISTORY_GOVERNANCE)).isZero();

    BenchCli fromLedger = parsed("--workload", "verify", "--verify-from-ledger");
    assertThat(fromLedger.verifyFromLedger).isTrue();
    fromLedger.check(Workload.VERIFY);
    fromLedger.check(Workload.VERIFY_ANY);
  }

  @Test
  void growthWorkloadNames() {
    assertThat(Workload.of("list-page")).isEqualTo(Workload.LIST_PAGE);
    assertThat(Workload.of("history-revoked")).isEqualTo(Workload.HISTORY_REVOKED);
    assertThat(Workload.of("history-governance")).isEqualTo(Workload.HISTORY_GOVERNANCE);
    assertThat(Workload.of("preload-only")).isEqualTo(Workload.PRELOAD_ONLY);
    assertThat(Workload.PRELOAD_ONLY.preloads()).isTrue();
    assertThat(Workload.PRELOAD_ONLY.defaultPreload()).isZero();
    assertThat(Workload.HISTORY_REVOKED.defaultPreload()).isEqualTo(50);
    assertThat(Workload.LIST_PAGE.preloads()).isFalse();
    assertThat(Workload.HISTORY_GOVERNANCE.preloads()).isFalse();
    assertThat(Workload.ANCHOR_SINGLE.preloads()).isFalse();
  }

  @Test
  void jsonHasTheGrowthFieldsNullWhereTheyDoNotApply() {
    LoadResult result =
        new LoadResult(
            LoadSettings.closed(1, Duration.ofSeconds(5), Duration.ofSeconds(10)),
            10_000_000_000L,
            200,
            200,
            Map.of(),
            0,
            0,
            40.0,
            50.0,
            60.0,
            70.0,
            1_000_000_000L);

    JsonObject batch =
        JsonParser.parseString(
                BenchReport.json(BenchReport.fields(Workload.ANCHOR_BATCH, result, 100)))
            .getAsJsonObject();
    for (String field : BenchReport.GROWTH_FIELDS) {
      assertThat(batch.has(field)).as(field).isTrue();
      assertThat(batch.get(field).isJsonNull()).as(field).isTrue();
    }

    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("page_size", 100);
    extra.put("pages_known", 12);
    extra.put("last_page_seen", false);
    JsonObject list =
        JsonParser.parseString(
                BenchReport.json(BenchReport.fields(Workload.LIST_PAGE, result, 100, extra)))
            .getAsJsonObject();
    assertThat(list.get("workload").getAsString()).isEqualTo("list-page");
    assertThat(list.get("batch_size").isJsonNull()).isTrue();
    assertThat(list.get("ops_per_s").getAsDouble()).isEqualTo(20.0);
    assertThat(list.get("page_size").getAsInt()).isEqualTo(100);
    assertThat(list.get("pages_known").getAsInt()).isEqualTo(12);
    assertThat(list.get("last_page_seen").getAsBoolean()).isFalse();
    assertThat(list.get("history_versions").isJsonNull()).isTrue();
    assertThat(BenchReport.summary(Workload.LIST_PAGE, result, 100, extra))
        .startsWith("list-page closed window=1: 20.0 ops/s")
        .endsWith(", page_size=100, pages_known=12, last_page_seen=false");

    JsonObject governance =
        JsonParser.parseString(
                BenchReport.json(
                    BenchReport.fields(
                        Workload.HISTORY_GOVERNANCE, result, 100, Map.of("history_versions", 3))))
            .getAsJsonObject();
    assertThat(governance.get("history_versions").getAsInt()).isEqualTo(3);

    JsonObject preload =
        JsonParser.parseString(
                BenchReport.json(
                    BenchReport.fields(Workload.PRELOAD_ONLY, result, 500, Map.of("preload", 200))))
            .getAsJsonObject();
    assertThat(preload.get("batch_size").getAsInt()).isEqualTo(500);
    assertThat(preload.get("preload").getAsInt()).isEqualTo(200);
    assertThat(BenchReport.summary(Workload.PRELOAD_ONLY, result, 500))
        .contains(": 20.0 records/s (20.0 tx/s)");
  }

  @Test
  void mixedUsageErrorsExitWith2BeforeConnecting() {
    assertThat(run("--workload", "mixed")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("mixed needs --journal FILE");
    assertThat(run("--workload", "mixed", "--journal", "j", "--mix", "verify=1")).isEqualTo(2);
    assertThat(run("--workload", "mixed", "--journal", "j", "--batch-sizes", "0")).isEqualTo(2);
    assertThat(run("--workload", "mixed", "--journal", "j", "--run-id", "a b")).isEqualTo(2);
    assertThat(run("--workload", "mixed", "--journal", "j", "--settle", "-1")).isEqualTo(2);
    assertThat(run("--workload", "anchor-single", "--journal", "j")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--journal is for the mixed workload");
  }

  @Test
  void mixedDefaults() {
    BenchCli bench =
        parsed(
            "--workload",
            "mixed",
            "--journal",
            "j",
            "--document-type",
            "BIRTH_CERTIFICATE, NOTARIAL_ACT",
            "--run-id",
            "faults-1");
    MixedRun.Settings s = bench.mixedSettings(bench.settings());

    assertThat(s.load().warmup()).isEqualTo(Duration.ZERO);
    assertThat(s.settle()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.runId()).isEqualTo("faults-1");
    assertThat(s.documentTypes()).containsExactly("BIRTH_CERTIFICATE", "NOTARIAL_ACT");
    assertThat(s.batchSizes()).isEqualTo(new BatchSizes(10, 50));
    assertThat(s.mix().toString()).isEqualTo(OperationMix.DEFAULT);
    assertThat(parsed("--workload", "verify").settings().warmup())
        .isEqualTo(Duration.ofSeconds(10));
    BenchCli drawn = parsed("--workload", "mixed", "--journal", "j");
    assertThat(drawn.mixedSettings(drawn.settings()).runId())
        .isEqualTo(drawn.mixedSettings(drawn.settings()).runId())
        .startsWith("mixed-");
  }

  @Test
  void workloadNames() {
    assertThat(Workload.of("anchor-batch")).isEqualTo(Workload.ANCHOR_BATCH);
    assertThat(Workload.VERIFY_ANY.cliName()).isEqualTo("verify-any");
    assertThat(Workload.REFERENCE_GET.reference()).isTrue();
    assertThat(Workload.VERIFY.preloads()).isTrue();
    assertThat(Workload.of("mixed")).isEqualTo(Workload.MIXED);
    assertThat(Workload.MIXED.preloads()).isFalse();
  }

  @Test
  void jsonOfABatchRunGivesRecordsAndTransactionsPerSecond() {
    LoadResult result =
        new LoadResult(
            LoadSettings.open(50, 4, Duration.ofSeconds(5), Duration.ofSeconds(10)),
            10_000_000_000L,
            40,
            4000,
            Map.of(FailureCause.TIMEOUT, 2L),
            7,
            1,
            80.0,
            120.0,
            150.0,
            170.0,
            2_000_000_000L);

    JsonObject json =
        JsonParser.parseString(
                BenchReport.json(BenchReport.fields(Workload.ANCHOR_BATCH, result, 100)))
            .getAsJsonObject();

    assertThat(json.get("workload").getAsString()).isEqualTo("anchor-batch");
    assertThat(json.get("mode").getAsString()).isEqualTo("open");
    assertThat(json.get("window").getAsInt()).isEqualTo(4);
    assertThat(json.get("duration_s").getAsDouble()).isEqualTo(10.0);
    assertThat(json.get("successes").getAsLong()).isEqualTo(4000);
    assertThat(json.get("ops_per_s").getAsDouble()).isEqualTo(400.0);
    assertThat(json.get("tx_per_s").getAsDouble()).isEqualTo(4.0);
    assertThat(json.get("p99_ms").getAsDouble()).isEqualTo(150.0);
    assertThat(json.getAsJsonObject("failures").get("timeout").getAsLong()).isEqualTo(2);
    assertThat(json.get("behind").getAsLong()).isEqualTo(7);
    assertThat(json.get("client_cpu_ms").getAsDouble()).isEqualTo(2000.0);
    assertThat(json.get("client_cpu_ms_per_1000").getAsDouble()).isEqualTo(500.0);
    assertThat(BenchReport.summary(Workload.ANCHOR_BATCH, result, 100))
        .startsWith("anchor-batch open window=4 rate=50.0: 400.0 records/s (4.0 tx/s)");
  }
}
