package org.servicerecords.registry.bench;

import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The oracle's verdict on one run: how many of the journal's records the ledger holds as journaled,
 * how many it lacks or holds wrongly, and the first {@value #LISTED} ids of each kind of
 * discrepancy with the reason. {@link #agrees()} is the exit status: no record missing, duplicated,
 * wrong, half-written or unexpected.
 *
 * @param runId the run id
 * @param issuer the namespace's agency (or namespace) the ledger was read from
 * @param journalRecords records the journal names
 * @param acknowledged records whose anchoring the journal says was acknowledged
 * @param ledgerRecords listings of the run's records on the ledger
 * @param counts records per finding (every finding present, 0 when none)
 * @param revocations revocation counts: {@code acknowledged}, {@code onLedger} (acknowledged and
 *     REVOKED on the ledger), {@code unacknowledgedApplied}, {@code unacknowledgedAbsent}
 * @param offenders per failing finding, the first {@value #LISTED} ids with why
 * @param truncatedJournalLines a last journal line skipped because it was cut short
 */
record OracleReport(
    String runId,
    String issuer,
    long journalRecords,
    long acknowledged,
    long ledgerRecords,
    Map<Finding, Long> counts,
    Map<String, Long> revocations,
    Map<Finding, List<Offender>> offenders,
    int truncatedJournalLines) {

  /** Offending ids kept per finding. */
  static final int LISTED = 20;

  /** What the oracle found for one record. */
  enum Finding {
    /** Acknowledged, on the ledger exactly once with the journal's content. */
    PRESENT("present", false),
    /** Acknowledged, not on the ledger. */
    MISSING("missing", true),
    /**
     * On the ledger more than once: listed more than once, anchored or revoked more than once in
     * its history, or a second record of the run with the same document.
     */
    DUPLICATED("duplicated", true),
    /** On the ledger, complete, but not as journaled (hash, type, status, reason, versions). */
    WRONG("wrong", true),
    /**
     * On the ledger incompletely: not in the type index, its current record and newest version
     * disagreeing, a status without its revocation details (or the reverse), an empty history.
     */
    HALF_WRITTEN("halfWritten", true),
    /** Never acknowledged, on the ledger as journaled (its attempt committed; allowed). */
    UNACKNOWLEDGED_PRESENT("unacknowledgedPresent", false),
    /** Never acknowledged, not on the ledger (allowed). */
    UNACKNOWLEDGED_ABSENT("unacknowledgedAbsent", false),
    /** A record of the run on the ledger that the journal never attempted. */
    UNEXPECTED("unexpected", true);

    private final String label;
    private final boolean fails;

    Finding(String label, boolean fails) {
      this.label = label;
      this.fails = fails;
    }

    /**
     * Returns the name in the report.
     *
     * @return for example {@code halfWritten}
     */
    String label() {
      return label;
    }

    /**
     * Says whether a record with this finding makes the oracle fail.
     *
     * @return true for missing, duplicated, wrong, half-written and unexpected
     */
    boolean fails() {
      return fails;
    }
  }

  /**
   * An offending record.
   *
   * @param id the record id
   * @param reason what is wrong with it
   */
  record Offender(String id, String reason) {}

  /** Copies the maps. */
  OracleReport {
    counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    revocations = Collections.unmodifiableMap(new LinkedHashMap<>(revocations));
    Map<Finding, List<Offender>> copy = new EnumMap<>(Finding.class);
    offenders.forEach((f, list) -> copy.put(f, List.copyOf(list)));
    offenders = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the records with a finding.
   *
   * @param finding the finding
   * @return the count
   */
  long count(Finding finding) {
    return counts.getOrDefault(finding, 0L);
  }

  /**
   * Says whether the ledger agrees with the journal.
   *
   * @return true when no record is missing, duplicated, wrong, half-written or unexpected
   */
  boolean agrees() {
    for (Finding f : Finding.values()) {
      if (f.fails() && count(f) > 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The JSON object's fields.
   *
   * @return the fields, in order
   */
  Map<String, Object> fields() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("runId", runId);
    json.put("issuer", issuer);
    json.put("agrees", agrees());
    json.put("journalRecords", journalRecords);
    json.put("ledgerRecords", ledgerRecords);
    json.put("acknowledged", acknowledged);
    for (Finding f : Finding.values()) {
      json.put(f.label(), count(f));
    }
    json.put("revocations", revocations);
    Map<String, Object> listed = new LinkedHashMap<>();
    for (Finding f : Finding.values()) {
      if (f.fails()) {
        List<Map<String, String>> ids = new ArrayList<>();
        for (Offender o : offenders.getOrDefault(f, List.of())) {
          Map<String, String> one = new LinkedHashMap<>();
          one.put("id", o.id());
          one.put("reason", o.reason());
          ids.add(one);
        }
        listed.put(f.label(), ids);
      }
    }
    json.put("offenders", listed);
    json.put("truncatedJournalLines", truncatedJournalLines);
    return json;
  }

  /**
   * The JSON text.
   *
   * @return pretty-printed JSON
   */
  String json() {
    return new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .setPrettyPrinting()
            .create()
            .toJson(fields())
        + "\n";
  }

  /**
   * The human summary: the counts, the verdict and the offending ids.
   *
   * @return the lines
   */
  String summary() {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "oracle run %s (%s): journal %d records, %d acknowledged; ledger %d listings of the"
                + " run%n",
            runId,
            issuer,
            journalRecords,
            acknowledged,
            ledgerRecords));
    s.append("acknowledged ").append(acknowledged);
    for (Finding f : Finding.values()) {
      s.append(", ").append(f.label()).append(' ').append(count(f));
    }
    s.append(String.format(Locale.ROOT, "%nrevocations %s%n", revocations));
    if (truncatedJournalLines > 0) {
      s.append("skipped a last journal line cut short\n");
    }
    s.append(
        agrees() ? "the ledger agrees with the journal" : "the ledger DISAGREES with the journal");
    for (Finding f : Finding.values()) {
      List<Offender> list = offenders.getOrDefault(f, List.of());
      if (!list.isEmpty()) {
        s.append(String.format(Locale.ROOT, "%n%s (first %d):", f.label(), LISTED));
        for (Offender o : list) {
          s.append(String.format(Locale.ROOT, "%n  %s: %s", o.id(), o.reason()));
        }
      }
    }
    return s.toString();
  }
}
