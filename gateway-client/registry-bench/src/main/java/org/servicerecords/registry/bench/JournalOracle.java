package org.servicerecords.registry.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.servicerecords.registry.bench.JournalView.Progress;
import org.servicerecords.registry.bench.LedgerSnapshot.Entry;
import org.servicerecords.registry.bench.OracleReport.Finding;
import org.servicerecords.registry.bench.OracleReport.Offender;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;

/**
 * The journal-versus-ledger comparison, a pure function of a {@link JournalView} and a {@link
 * LedgerSnapshot}: each journal record gets one {@link Finding}, and so does each record of the run
 * on the ledger that the journal never attempted.
 *
 * <p>Per journal record, in this order:
 *
 * <ol>
 *   <li>not listed by the type index: {@code halfWritten} if a direct lookup finds a history (the
 *       state was written, the index that listings and exports walk was not), else {@code missing}
 *       when its anchoring was acknowledged, {@code unacknowledgedAbsent} when not;
 *   <li>listed more than once: {@code duplicated};
 *   <li>internally inconsistent ({@code halfWritten}): no current record or an empty history, a
 *       newest version that is a deletion or that differs from the current record, a status without
 *       its revocation details or revocation details without the status, a deletion anywhere in its
 *       history;
 *   <li>more than one ACTIVE version (anchored twice) or REVOKED version (revoked twice): {@code
 *       duplicated};
 *   <li>content not as journaled ({@code wrong}): kind, issuer, document hash or type (current and
 *       first version), the first version not ACTIVE, a version of another status (SUPERSEDED), and
 *       the status and versions the journal implies — 1 ACTIVE version without a revocation; ACTIVE
 *       then REVOKED with the journal's reason when the revocation was acknowledged; either when it
 *       was only attempted;
 *   <li>otherwise {@code present}, or {@code unacknowledgedPresent} when its anchoring was never
 *       acknowledged.
 * </ol>
 *
 * A record of the run (by {@link RunId#owns}) listed on the ledger but absent from the journal is
 * {@code duplicated} when it carries the document hash of a journal record (a second record of the
 * same document), else {@code unexpected}.
 */
final class JournalOracle {

  private JournalOracle() {}

  /**
   * Compares.
   *
   * @param runId the run id: only the ledger's records of this run are considered
   * @param issuer the issuing agency's MSP id the records must name, or {@code null} not to check
   * @param journal the journal
   * @param ledger the ledger's records of the run
   * @return the report
   */
  static OracleReport compare(
      String runId, String issuer, JournalView journal, LedgerSnapshot ledger) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(ledger, "ledger");
    Tally tally = new Tally();
    Map<String, List<Entry>> listed = new LinkedHashMap<>();
    long ledgerRecords = 0;
    for (Entry e : ledger.listed()) {
      if (RunId.owns(runId, e.id())) {
        listed.computeIfAbsent(e.id(), id -> new ArrayList<>()).add(e);
        ledgerRecords++;
      }
    }
    Map<String, String> idOfHash = new HashMap<>();
    long acknowledged = 0;
    for (JournalView.Entry j : journal.records().values()) {
      if (j.anchor() == Progress.NONE) {
        continue;
      }
      idOfHash.put(j.documentHash(), j.id());
      if (j.anchor() == Progress.ACKNOWLEDGED) {
        acknowledged++;
      }
      List<Entry> listings = listed.getOrDefault(j.id(), List.of());
      Judgement judged = judge(j, listings, ledger.unlisted().get(j.id()), issuer);
      tally.add(j.id(), judged);
      if (j.revocation() != Progress.NONE && listings.size() == 1) {
        RegistryRecord current = listings.get(0).record();
        tally.revocation(
            j.revocation(), current != null && current.status() == RecordStatus.REVOKED);
      } else if (j.revocation() == Progress.ACKNOWLEDGED) {
        tally.revocation(Progress.ACKNOWLEDGED, false);
      } else if (j.revocation() == Progress.ATTEMPTED) {
        tally.revocation(Progress.ATTEMPTED, false);
      }
    }
    for (Map.Entry<String, List<Entry>> e : listed.entrySet()) {
      JournalView.Entry j = journal.records().get(e.getKey());
      if (j != null && j.anchor() != Progress.NONE) {
        continue;
      }
      RegistryRecord r = e.getValue().get(0).record();
      String twin = r == null ? null : idOfHash.get(r.documentHash());
      tally.add(
          e.getKey(),
          twin != null
              ? new Judgement(Finding.DUPLICATED, "a second record of the document of " + twin)
              : new Judgement(Finding.UNEXPECTED, "on the ledger, never attempted by the journal"));
    }
    return new OracleReport(
        runId,
        issuer,
        journal.records().size(),
        acknowledged,
        ledgerRecords,
        tally.counts,
        tally.revocations,
        tally.offenders,
        journal.truncatedLines());
  }

  /** A finding and, for the failing ones, why. */
  record Judgement(Finding finding, String reason) {}

  private static Judgement judge(
      JournalView.Entry j, List<Entry> listings, Entry direct, String issuer) {
    boolean acked = j.anchor() == Progress.ACKNOWLEDGED;
    if (listings.isEmpty()) {
      if (direct != null && direct.everWritten()) {
        return new Judgement(
            Finding.HALF_WRITTEN,
            "its key has "
                + direct.history().size()
                + " version(s) but the type index does not list it");
      }
      return acked
          ? new Judgement(Finding.MISSING, "acknowledged, not on the ledger")
          : new Judgement(Finding.UNACKNOWLEDGED_ABSENT, null);
    }
    if (listings.size() > 1) {
      return new Judgement(Finding.DUPLICATED, "listed " + listings.size() + " times");
    }
    Entry l = listings.get(0);
    String half = inconsistency(l);
    if (half != null) {
      return new Judgement(Finding.HALF_WRITTEN, half);
    }
    List<RegistryRecord> versions = new ArrayList<>();
    for (RecordHistoryEntry h : l.history()) {
      versions.add(0, h.record());
    }
    long actives = versions.stream().filter(v -> v.status() == RecordStatus.ACTIVE).count();
    long revokes = versions.stream().filter(v -> v.status() == RecordStatus.REVOKED).count();
    if (actives > 1) {
      return new Judgement(Finding.DUPLICATED, "anchored " + actives + " times (ACTIVE versions)");
    }
    if (revokes > 1) {
      return new Judgement(Finding.DUPLICATED, "revoked " + revokes + " times (REVOKED versions)");
    }
    String wrong = wrongContent(j, l.record(), versions, issuer);
    if (wrong != null) {
      return new Judgement(Finding.WRONG, wrong);
    }
    return new Judgement(acked ? Finding.PRESENT : Finding.UNACKNOWLEDGED_PRESENT, null);
  }

  /** Why a listed record is half-written, or {@code null} when it is whole. */
  private static String inconsistency(Entry l) {
    RegistryRecord current = l.record();
    if (current == null) {
      return "listed, but there is no current record";
    }
    if (l.history().isEmpty()) {
      return "listed, but its history is empty";
    }
    for (RecordHistoryEntry h : l.history()) {
      if (h.deleted() || h.record() == null) {
        return "its history holds a deletion";
      }
    }
    RegistryRecord newest = l.history().get(0).record();
    if (newest.status() != current.status()
        || !Objects.equals(newest.documentHash(), current.documentHash())
        || !Objects.equals(newest.documentType(), current.documentType())
        || !Objects.equals(reason(newest), reason(current))) {
      return "the current record differs from its newest version";
    }
    boolean revokedStatus = current.status() == RecordStatus.REVOKED;
    if (revokedStatus != (current.revocation() != null)) {
      return revokedStatus
          ? "status REVOKED without revocation details"
          : "revocation details with status " + current.status();
    }
    return null;
  }

  private static String reason(RegistryRecord r) {
    return r.revocation() == null ? null : r.revocation().reasonCode();
  }

  /** Why a whole record is not what the journal says, or {@code null} when it is. */
  private static String wrongContent(
      JournalView.Entry j, RegistryRecord current, List<RegistryRecord> versions, String issuer) {
    if (current.kind() != RecordKind.CERTIFICATE) {
      return "kind " + current.kind() + ", not CERTIFICATE";
    }
    if (issuer != null && !issuer.equals(current.issuerMsp())) {
      return "issuer " + current.issuerMsp() + ", not " + issuer;
    }
    RegistryRecord first = versions.get(0);
    for (RegistryRecord v : List.of(current, first)) {
      if (!Objects.equals(v.documentHash(), j.documentHash())) {
        return "document hash " + v.documentHash() + ", journal says " + j.documentHash();
      }
      if (!Objects.equals(v.documentType(), j.documentType())) {
        return "document type " + v.documentType() + ", journal says " + j.documentType();
      }
    }
    if (first.status() != RecordStatus.ACTIVE) {
      return "first version " + first.status() + ", not ACTIVE";
    }
    for (RegistryRecord v : versions) {
      if (v.status() != RecordStatus.ACTIVE && v.status() != RecordStatus.REVOKED) {
        return "a " + v.status() + " version in its history";
      }
    }
    boolean revoked = current.status() == RecordStatus.REVOKED;
    if (revoked && !Objects.equals(reason(current), j.revocationReason())) {
      return j.revocation() == Progress.NONE
          ? "REVOKED (" + reason(current) + "), journal never revoked it"
          : "revoked with reason " + reason(current) + ", journal says " + j.revocationReason();
    }
    if (!revoked && j.revocation() == Progress.ACKNOWLEDGED) {
      return "status " + current.status() + ", its acknowledged revocation is not on the ledger";
    }
    int expectedVersions = revoked ? 2 : 1;
    if (versions.size() != expectedVersions) {
      return versions.size() + " versions, expected " + expectedVersions;
    }
    return null;
  }

  /** Counts and the first offenders. */
  private static final class Tally {
    final Map<Finding, Long> counts = new EnumMap<>(Finding.class);
    final Map<Finding, List<Offender>> offenders = new EnumMap<>(Finding.class);
    final Map<String, Long> revocations = new LinkedHashMap<>();

    Tally() {
      for (Finding f : Finding.values()) {
        counts.put(f, 0L);
      }
      for (String k :
          List.of("acknowledged", "onLedger", "unacknowledgedApplied", "unacknowledgedAbsent")) {
        revocations.put(k, 0L);
      }
    }

    void add(String id, Judgement j) {
      counts.merge(j.finding(), 1L, Long::sum);
      if (j.finding().fails()) {
        List<Offender> list = offenders.computeIfAbsent(j.finding(), f -> new ArrayList<>());
        if (list.size() < OracleReport.LISTED) {
          list.add(new Offender(id, j.reason()));
        }
      }
    }

    void revocation(Progress progress, boolean revokedOnLedger) {
      if (progress == Progress.ACKNOWLEDGED) {
        revocations.merge("acknowledged", 1L, Long::sum);
        if (revokedOnLedger) {
          revocations.merge("onLedger", 1L, Long::sum);
        }
      } else if (progress == Progress.ATTEMPTED) {
        revocations.merge(
            revokedOnLedger ? "unacknowledgedApplied" : "unacknowledgedAbsent", 1L, Long::sum);
      }
    }
  }
}
