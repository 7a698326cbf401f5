package org.servicerecords.registry.bench;

import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.servicerecords.registry.bench.OperationMix.Kind;
import org.servicerecords.registry.client.SubmissionMetrics;

/**
 * The {@code mixed} workload's output: the summary JSON object ({@code --json}) and a short human
 * summary (docs/performance.md, "Mixed load and journal" lists the fields).
 */
final class MixedReport {

  private MixedReport() {}

  /**
   * What the run was, for the report.
   *
   * @param runId the run id
   * @param issuer the agency's MSP id
   * @param namespace its records namespace
   * @param journal the journal file, as given
   * @param settings the run's settings
   */
  record Context(
      String runId, String issuer, String namespace, String journal, MixedRun.Settings settings) {}

  /**
   * The JSON object's fields.
   *
   * @param context what the run was
   * @param outcome what it did
   * @param library the library's submission counts, or {@code null}
   * @return the fields, in order
   */
  static Map<String, Object> fields(
      Context context, MixedRun.Outcome outcome, SubmissionMetrics library) {
    MixedRun.Settings s = context.settings();
    LoadSettings load = s.load();
    MixedStats stats = outcome.stats();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("workload", Workload.MIXED.cliName());
    json.put("run_id", context.runId());
    json.put("issuer", context.issuer());
    json.put("namespace", context.namespace());
    json.put("journal", context.journal());
    json.put("mode", load.mode().name().toLowerCase(Locale.ROOT));
    json.put("window", load.window());
    json.put("rate", load.mode() == Mode.OPEN ? load.rate() : null);
    json.put("mix", s.mix().toString());
    json.put("batch_sizes", s.batchSizes().min() + "-" + s.batchSizes().max());
    json.put("document_types", s.documentTypes());
    json.put("warmup_s", load.warmup().toMillis() / 1000.0);
    json.put("duration_s", load.duration().toMillis() / 1000.0);
    json.put("settle_s", s.settle().toMillis() / 1000.0);
    json.put("elapsed_s", MixedStats.round(outcome.elapsedSeconds()));
    json.put("attempted", stats.attempted());
    json.put("acknowledged", stats.acknowledged());
    json.put("records_acknowledged", stats.recordsAcknowledged());
    json.put("ops_per_s", MixedStats.round(stats.acknowledged() / outcome.loadSeconds()));
    json.put(
        "records_per_s", MixedStats.round(stats.recordsAcknowledged() / outcome.loadSeconds()));
    json.put("p50_ms", stats.percentileMillis(50));
    json.put("p95_ms", stats.percentileMillis(95));
    json.put("p99_ms", stats.percentileMillis(99));
    json.put("wrong_verdicts", stats.wrongVerdicts());
    json.put("wrong_verdict_examples", stats.wrongVerdictExamples());
    json.put("stale_verdicts", stats.staleVerdicts());
    json.put("behind", outcome.generator().behind());
    json.put("in_flight_at_close", outcome.inFlightAtClose());
    json.put("journal_lines", outcome.journalLines());
    json.put("active_records", outcome.activeRecords());
    json.put("revoked_records", outcome.revokedRecords());
    Map<String, Object> kinds = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      kinds.put(k.label(), stats.of(k).fields(k));
    }
    json.put("operations", kinds);
    if (library == null) {
      json.put("library", null);
    } else {
      Map<String, Object> lib = new LinkedHashMap<>();
      lib.put("submissions", library.submissions());
      lib.put("resubmissions", library.resubmissions());
      lib.put("duplicate_transaction_ids", library.duplicateTransactionIds());
      lib.put("commit_status_retries", library.commitStatusRetries());
      lib.put("ledger_lookups", library.ledgerLookups());
      lib.put("unknown_outcomes", library.unknownOutcomes());
      json.put("library", lib);
    }
    json.put(
        "client_cpu_ms",
        outcome.clientCpuNanos() < 0 ? null : MixedStats.round(outcome.clientCpuNanos() / 1e6));
    return json;
  }

  /**
   * The JSON text.
   *
   * @param fields from {@link #fields}
   * @return pretty-printed JSON, nulls kept
   */
  static String json(Map<String, Object> fields) {
    return new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .setPrettyPrinting()
            .create()
            .toJson(fields)
        + "\n";
  }

  /**
   * The summary: one line for the run, one per kind.
   *
   * @param context what the run was
   * @param outcome what it did
   * @return the lines
   */
  static String summary(Context context, MixedRun.Outcome outcome) {
    MixedStats stats = outcome.stats();
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "mixed %s run %s: %d of %d operations acknowledged (%.1f ops/s, %d records, %.1f"
                + " records/s), p50 %s ms, p95 %s ms, p99 %s ms, wrong verdicts %d, stale %d,"
                + " behind %d, in flight at close %d, journal %s (%d lines)",
            context.settings().load().mode().name().toLowerCase(Locale.ROOT),
            context.runId(),
            stats.acknowledged(),
            stats.attempted(),
            stats.acknowledged() / outcome.loadSeconds(),
            stats.recordsAcknowledged(),
            stats.recordsAcknowledged() / outcome.loadSeconds(),
            stats.percentileMillis(50),
            stats.percentileMillis(95),
            stats.percentileMillis(99),
            stats.wrongVerdicts(),
            stats.staleVerdicts(),
            outcome.generator().behind(),
            outcome.inFlightAtClose(),
            context.journal(),
            outcome.journalLines()));
    for (Kind k : Kind.values()) {
      Map<String, Object> f = stats.of(k).fields(k);
      s.append(
          String.format(
              Locale.ROOT,
              "%n  %-7s attempted %s, acknowledged %s, retries %s (outcome unknown %s) %s,"
                  + " failures %s, p99 %s ms",
              k.label(),
              f.get("attempted"),
              f.get("acknowledged"),
              f.get("retries"),
              f.get("unknown_outcome_retries"),
              f.get("retries_by_cause"),
              f.get("failures"),
              f.get("p99_ms")));
    }
    return s.toString();
  }
}
