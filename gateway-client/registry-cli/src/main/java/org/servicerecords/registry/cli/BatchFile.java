package org.servicerecords.registry.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.DocumentHash;
import org.servicerecords.registry.client.io.FileRefusedException;
import org.servicerecords.registry.client.io.SmallFiles;
import org.servicerecords.registry.model.CertificateRequest;

/**
 * Reads a batch for {@code issue-batch}: a CSV file with a header line, or a folder holding {@code
 * batch.csv}. Columns: {@code id, documentType, subjectRef, validFrom} (required), {@code
 * documentHash} or {@code file} (one of them; a file is relative to the CSV's folder and hashed),
 * {@code validUntil, applicationId} (optional). Any other column {@code detail.NAME} becomes a
 * personal detail (transient only), {@code meta.NAME} a metadata entry.
 */
final class BatchFile {

  /** A row that could not be turned into a request. */
  record RowProblem(int line, String id, String problem) {}

  /** The requests, and the rows that failed to read. */
  record Parsed(List<AnchorRequest> requests, List<RowProblem> problems) {}

  /**
   * The most bytes of a batch CSV: 64 MiB, some hundred thousand rows. A batch is read whole before
   * it is checked, so a larger one is refused rather than read.
   */
  static final int MAX_BYTES = 64 << 20;

  private BatchFile() {}

  static Path csvOf(Path source) {
    return Files.isDirectory(source) ? source.resolve("batch.csv") : source;
  }

  static Parsed read(Path source) throws IOException {
    Path csv = csvOf(source);
    Path base = csv.toAbsolutePath().getParent();
    List<String> lines;
    try {
      lines = SmallFiles.readString(csv, MAX_BYTES, StandardCharsets.UTF_8).lines().toList();
    } catch (FileRefusedException e) {
      throw new IllegalArgumentException("batch file " + csv + " refused: " + e.getReason(), e);
    }
    List<AnchorRequest> requests = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(csv + " is empty (a header line is required)");
    }
    List<String> header = parseLine(lines.get(0));
    for (String required : List.of("id", "documentType", "subjectRef", "validFrom")) {
      if (!header.contains(required)) {
        throw new IllegalArgumentException(csv + ": header lacks column '" + required + "'");
      }
    }
    if (!header.contains("documentHash") && !header.contains("file")) {
      throw new IllegalArgumentException(csv + ": header needs a 'documentHash' or 'file' column");
    }
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> cells = parseLine(lines.get(i));
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.size() && c < cells.size(); c++) {
        if (!cells.get(c).isEmpty()) {
          row.put(header.get(c), cells.get(c));
        }
      }
      String id = row.get("id");
      try {
        String hash = row.get("documentHash");
        if (hash == null && row.get("file") != null) {
          hash = DocumentHash.ofFile(base.resolve(row.get("file")));
        } else if (hash != null) {
          hash = DocumentHash.normalize(hash);
        }
        Map<String, String> details = new java.util.TreeMap<>();
        java.util.TreeMap<String, String> metadata = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : row.entrySet()) {
          if (e.getKey().startsWith("detail.")) {
            details.put(e.getKey().substring(7), e.getValue());
          } else if (e.getKey().startsWith("meta.")) {
            metadata.put(e.getKey().substring(5), e.getValue());
          }
        }
        requests.add(
            new AnchorRequest(
                CertificateRequest.builder()
                    .id(id)
                    .documentType(row.get("documentType"))
                    .documentHash(hash)
                    .subjectRef(row.get("subjectRef"))
                    .validFrom(row.get("validFrom"))
                    .validUntil(row.get("validUntil"))
                    .applicationId(row.get("applicationId"))
                    .metadata(metadata.isEmpty() ? null : metadata)
                    .build(),
                new java.util.TreeMap<>(details)));
      } catch (IOException | IllegalArgumentException e) {
        problems.add(new RowProblem(i + 1, id, e.getMessage()));
      }
    }
    return new Parsed(requests, problems);
  }

  /** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). */
  static List<String> parseLine(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().trim());
    return cells;
  }
}
