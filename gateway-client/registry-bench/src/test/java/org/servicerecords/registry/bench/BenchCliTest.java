package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
  void workloadNames() {
    assertThat(Workload.of("anchor-batch")).isEqualTo(Workload.ANCHOR_BATCH);
    assertThat(Workload.VERIFY_ANY.cliName()).isEqualTo("verify-any");
    assertThat(Workload.REFERENCE_GET.reference()).isTrue();
    assertThat(Workload.VERIFY.preloads()).isTrue();
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
