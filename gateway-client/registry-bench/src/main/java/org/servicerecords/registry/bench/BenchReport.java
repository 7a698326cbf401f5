package org.servicerecords.registry.bench;

import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load client's output: a one-line human summary and the JSON object {@code scripts/bench.sh}
 * reads (docs/performance.md, "Load client", lists its fields).
 */
final class BenchReport {

  private BenchReport() {}

  /**
   * The fields of the growth workloads, in every object ({@code null} where they do not apply):
   * {@code preload} (records asked for: {@code preload-only}, or written before {@code verify},
   * {@code verify-any}, {@code reference-get}, {@code history-revoked}), {@code hashes_from_ledger}
   * (verify: the hashes were read from the ledger, nothing was written), {@code page_size} and
   * {@code pages_known} ({@code list-page}: pages of the walk discovered), {@code last_page_seen}
   * ({@code list-page}: the walk reached the end of the listing), {@code history_versions}
   * (versions of the history read: 2 for {@code history-revoked}, the agency entry's for {@code
   * history-governance}).
   */
  static final List<String> GROWTH_FIELDS =
      List.of(
          "preload",
          "hashes_from_ledger",
          "page_size",
          "pages_known",
          "last_page_seen",
          "history_versions");

  /**
   * The JSON object of a result.
   *
   * @param workload the workload
   * @param result the result
   * @param batchSize records per operation for {@link Workload#ANCHOR_BATCH}, else 1
   * @return the object's fields, in order
   */
  static Map<String, Object> fields(Workload workload, LoadResult result, int batchSize) {
    return fields(workload, result, batchSize, Map.of());
  }

  /**
   * The JSON object of a result, with the workload's own fields appended.
   *
   * @param workload the workload
   * @param result the result
   * @param batchSize records per operation for the batch workloads, else ignored
   * @param extra the workload's fields ({@link #GROWTH_FIELDS}), in order; those not given are
   *     {@code null}
   * @return the object's fields, in order
   */
  static Map<String, Object> fields(
      Workload workload, LoadResult result, int batchSize, Map<String, Object> extra) {
    LoadSettings s = result.settings();
    boolean batches = batches(workload);
    int txPerOperation = batches ? Workloads.transactionsPerBatch(batchSize) : 1;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("workload", workload.cliName());
    json.put("mode", s.mode().name().toLowerCase(Locale.ROOT));
    json.put("window", s.window());
    json.put("rate", s.mode() == Mode.OPEN ? s.rate() : null);
    json.put("batch_size", batches ? batchSize : null);
    json.put("warmup_s", s.warmup().toMillis() / 1000.0);
    json.put("duration_s", round(result.measuredSeconds()));
    json.put("successes", result.units());
    json.put("successful_operations", result.successes());
    json.put("ops_per_s", round(result.unitsPerSecond()));
    json.put("tx_per_s", round(result.operationsPerSecond() * txPerOperation));
    json.put("p50_ms", round(result.p50Millis()));
    json.put("p95_ms", round(result.p95Millis()));
    json.put("p99_ms", round(result.p99Millis()));
    json.put("max_ms", round(result.maxMillis()));
    json.put("failures", result.failures());
    json.put("behind", result.behind());
    json.put("unfinished", result.unfinished());
    json.put("client_cpu_ms", result.clientCpuNanos() < 0 ? null : round(result.clientCpuMillis()));
    double per1000 = result.clientCpuMillisPer1000();
    json.put(
        "client_cpu_ms_per_1000",
        result.clientCpuNanos() < 0 || Double.isNaN(per1000) ? null : round(per1000));
    for (String field : GROWTH_FIELDS) {
      json.put(field, extra.get(field));
    }
    return json;
  }

  private static boolean batches(Workload workload) {
    return workload == Workload.ANCHOR_BATCH || workload == Workload.PRELOAD_ONLY;
  }

  /**
   * The JSON text.
   *
   * @param fields from {@link #fields}
   * @return pretty-printed JSON, nulls kept
   */
  static String json(Map<String, Object> fields) {
    return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(fields) + "\n";
  }

  /**
   * The one-line summary.
   *
   * @param workload the workload
   * @param result the result
   * @param batchSize records per operation of a batch workload
   * @return the line
   */
  static String summary(Workload workload, LoadResult result, int batchSize) {
    return summary(workload, result, batchSize, Map.of());
  }

  /**
   * The one-line summary, the workload's own fields given appended as {@code name=value}.
   *
   * @param workload the workload
   * @param result the result
   * @param batchSize records per operation of a batch workload
   * @param extra the workload's fields ({@link #GROWTH_FIELDS})
   * @return the line
   */
  static String summary(
      Workload workload, LoadResult result, int batchSize, Map<String, Object> extra) {
    Map<String, Object> f = fields(workload, result, batchSize, extra);
    StringBuilder own = new StringBuilder();
    for (String field : GROWTH_FIELDS) {
      if (f.get(field) != null) {
        own.append(", ").append(field).append('=').append(f.get(field));
      }
    }
    String unit = batches(workload) ? "records/s" : "ops/s";
    return String.format(
            Locale.ROOT,
            "%s %s window=%d%s: %s %s (%s tx/s) over %s s, p50 %s ms, p95 %s ms, p99 %s ms,"
                + " failures %s, behind %d, unfinished %d, client CPU %s ms per 1000",
            f.get("workload"),
            f.get("mode"),
            result.settings().window(),
            result.settings().mode() == Mode.OPEN ? " rate=" + result.settings().rate() : "",
            f.get("ops_per_s"),
            unit,
            f.get("tx_per_s"),
            f.get("duration_s"),
            f.get("p50_ms"),
            f.get("p95_ms"),
            f.get("p99_ms"),
            result.failures(),
            result.behind(),
            result.unfinished(),
            f.get("client_cpu_ms_per_1000"))
        + own;
  }

  private static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
