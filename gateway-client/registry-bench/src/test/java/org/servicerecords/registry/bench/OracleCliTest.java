package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.bench.TestRecords.active;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.model.RegistryRecord;

/** {@code registry-bench oracle} on files (a journal and a {@code registry export}): no network. */
class OracleCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path dir;
  private Path journal;
  private Path export;

  private int run(String... args) {
    out.reset();
    err.reset();
    return BenchCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String line(JournalLine l) {
    return l.toJson() + "\n";
  }

  @BeforeEach
  void files() throws Exception {
    journal = dir.resolve("journal.jsonl");
    export = dir.resolve("export.jsonl");
    StringBuilder j = new StringBuilder();
    j.append(
        line(
            new JournalLine.Run(
                "r1", TestRecords.MSP, "records-justice", List.of(TestRecords.TYPE), 0)));
    StringBuilder e = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      String id = "r1-" + i;
      j.append(
          line(new JournalLine.AnchorAttempt(id, TestRecords.hash(id), TestRecords.TYPE, null, 1)));
      j.append(
          line(
              new JournalLine.Anchored(
                  id, TestRecords.hash(id), TestRecords.TYPE, 2, "tx", false, 1)));
      RegistryRecord r = active(id);
      e.append(ExportFileTest.exportLine("records-justice", TestRecords.entry(r))).append('\n');
    }
    Files.writeString(journal, j, StandardCharsets.UTF_8);
    Files.writeString(export, e, StandardCharsets.UTF_8);
  }

  @Test
  void agreesWithAnExportOfTheSameRecords() throws Exception {
    Path json = dir.resolve("out/oracle.json");

    int code =
        run(
            "oracle",
            "--journal",
            journal.toString(),
            "--export",
            export.toString(),
            "--json",
            json.toString());

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("acknowledged 3, present 3, missing 0", "the ledger agrees with the journal");
    JsonObject report = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertThat(report.get("agrees").getAsBoolean()).isTrue();
    assertThat(report.get("present").getAsLong()).isEqualTo(3);
    assertThat(report.get("runId").getAsString()).isEqualTo("r1");
  }

  @Test
  void aFakeAcknowledgedAnchoringIsMissingAndExitsOne() throws Exception {
    String fake = "r1-999";
    Files.writeString(
        journal,
        line(
            new JournalLine.Anchored(
                fake, TestRecords.hash(fake), TestRecords.TYPE, 3, null, false, 1)),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    int code = run("oracle", "--journal", journal.toString(), "--export", export.toString());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("missing 1", "DISAGREES", "r1-999: acknowledged, not on the ledger");
  }

  @Test
  void usageAndUncheckableRunsHaveTheirOwnCodes() throws Exception {
    assertThat(run("oracle")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--journal");
    assertThat(
            run(
                "oracle",
                "--journal",
                journal.toString(),
                "--export",
                export.toString(),
                "--run-id",
                "r2"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("not the journal's run r1");
    assertThat(run("oracle", "--journal", dir.resolve("none.jsonl").toString())).isEqualTo(3);
    Files.writeString(dir.resolve("bad.jsonl"), "garbage\n{}\n", StandardCharsets.UTF_8);
    assertThat(run("oracle", "--journal", dir.resolve("bad.jsonl").toString())).isEqualTo(3);
    assertThat(
            run(
                "oracle",
                "--journal",
                journal.toString(),
                "--export",
                dir.resolve("bad.jsonl").toString()))
        .isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the ledger");
  }
}
