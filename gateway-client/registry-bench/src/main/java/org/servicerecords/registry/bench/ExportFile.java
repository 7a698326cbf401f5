package org.servicerecords.registry.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RegistryRecord;

/**
 * Reads the ledger side of the oracle from a file written by {@code registry export --format JSONL}
 * ({@code Auditor.export}: one {@code {"namespace":..,"record":..,"history":[..]}} per record)
 * instead of querying the network: the run's records are kept, nothing is looked up directly (a
 * record missing from the export counts as absent).
 */
final class ExportFile {

  private ExportFile() {}

  /**
   * Reads the run's records of an export.
   *
   * @param file the JSON lines file
   * @param runId the run id
   * @param namespace keep only lines of this namespace, or {@code null} for every line
   * @return the snapshot
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if a line is not an export line
   */
  static LedgerSnapshot read(Path file, String runId, String namespace) throws IOException {
    List<LedgerSnapshot.Entry> listed = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        LedgerSnapshot.Entry e = entry(line, number, runId, namespace);
        if (e != null) {
          listed.add(e);
        }
      }
    }
    return new LedgerSnapshot(listed, Map.of());
  }

  private static LedgerSnapshot.Entry entry(
      String line, int number, String runId, String namespace) {
    try {
      JsonObject o = CanonicalJson.parseStrict(line).getAsJsonObject();
      if (namespace != null && !namespace.equals(o.get("namespace").getAsString())) {
        return null;
      }
      RegistryRecord record =
          CanonicalJson.fromJson(o.get("record").toString(), RegistryRecord.class);
      if (!RunId.owns(runId, record.id())) {
        return null;
      }
      List<RecordHistoryEntry> history = new ArrayList<>();
      for (JsonElement h : o.getAsJsonArray("history")) {
        history.add(CanonicalJson.fromJson(h.toString(), RecordHistoryEntry.class));
      }
      return new LedgerSnapshot.Entry(record.id(), record, history);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "export line " + number + " is not a registry export line: " + e.getMessage(), e);
    }
  }
}
