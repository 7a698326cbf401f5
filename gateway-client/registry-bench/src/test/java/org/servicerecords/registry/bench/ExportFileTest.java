package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicerecords.registry.bench.TestRecords.active;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RegistryRecord;

/** The oracle's ledger from a {@code registry export --format JSONL} file. */
class ExportFileTest {

  /** One export line, as {@code Auditor.export} writes it. */
  static String exportLine(String namespace, LedgerSnapshot.Entry e) {
    JsonObject line = new JsonObject();
    line.addProperty("namespace", namespace);
    line.add("record", CanonicalJson.parseStrict(CanonicalJson.toJson(e.record())));
    JsonArray versions = new JsonArray();
    for (RecordHistoryEntry h : e.history()) {
      versions.add(CanonicalJson.parseStrict(CanonicalJson.toJson(h)));
    }
    line.add("history", versions);
    return CanonicalJson.toJson(line);
  }

  @Test
  void keepsTheRunsRecordsOfTheNamespaceWithTheirHistories(@TempDir Path dir) throws Exception {
    RegistryRecord a = active("r1-0");
    LedgerSnapshot.Entry revoked = TestRecords.entry(a, TestRecords.revoked(a, "WHY"));
    Path file = dir.resolve("export.jsonl");
    Files.writeString(
        file,
        String.join(
            "\n",
            exportLine("records-justice", revoked),
            exportLine("records-justice", TestRecords.entry(active("r2-0"))),
            exportLine("records-services", TestRecords.entry(active("r1-1"))),
            ""),
        StandardCharsets.UTF_8);

    LedgerSnapshot snapshot = ExportFile.read(file, "r1", "records-justice");

    assertThat(snapshot.listed()).singleElement().isEqualTo(revoked);
    assertThat(snapshot.unlisted()).isEmpty();
    assertThat(ExportFile.read(file, "r1", null).listed()).hasSize(2);
  }

  @Test
  void refusesWhatIsNotAnExport(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("export.jsonl");
    Files.writeString(file, "{\"namespace\":\"x\"}\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ExportFile.read(file, "r1", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("export line 1");
  }
}
