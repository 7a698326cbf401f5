package org.servicerecords.registry.model;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The verdict rules, as pure functions shared by the contract ({@code records:VerifyRecord}, {@code
 * records:VerifyHash}) and the client library, so both give the same answer for the same inputs.
 *
 * <p>The inputs of a verdict are: the record version in force at the instant asked about ({@link
 * #versionAt}), the instant it was anchored ({@link #anchoredAt}), governance's agency for the
 * namespace now (which names the issuer) and that agency's entry as it was at the anchoring instant
 * (from governance history). Times are as asserted by the submitters of the transactions; the
 * version in force at an instant is the newest committed one asserted by then ({@link #inForceAt}).
 *
 * <p>Order of the rules: no record gives {@link Verdict#UNKNOWN}; an agency not authorised for the
 * type when it anchored gives {@link Verdict#ISSUER_NOT_AUTHORIZED}; then the stored status at the
 * instant ({@link Verdict#REVOKED}, {@link Verdict#SUPERSEDED}); then the validity window ({@link
 * Verdict#NOT_YET_VALID} before {@code validFrom}, {@link Verdict#EXPIRED} from {@code validUntil}
 * on); otherwise {@link Verdict#VALID}.
 */
public final class VerdictRules {

  private VerdictRules() {}

  /**
   * Parses an ISO-8601 instant ({@code 2024-05-01T10:00:00Z}, offsets allowed).
   *
   * @param text the instant
   * @return the instant
   * @throws IllegalArgumentException if the text is not an ISO-8601 instant
   */
  public static Instant parseInstant(String text) {
    if (text == null) {
      throw new IllegalArgumentException("instant is missing");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 instant: " + text, e);
    }
  }

  /**
   * Whether an agency was active at an instant: not suspended, at or after {@code activeFrom}, and
   * before {@code activeUntil} if any.
   *
   * @param agency the agency entry in force at that instant, may be {@code null}
   * @param at the instant
   * @return {@code true} if active
   */
  public static boolean activeAt(AgencyEntry agency, Instant at) {
    if (agency == null || agency.suspended()) {
      return false;
    }
    if (at.isBefore(parseInstant(agency.activeFrom()))) {
      return false;
    }
    return agency.activeUntil() == null || at.isBefore(parseInstant(agency.activeUntil()));
  }

  /**
   * Whether an agency entry authorised issuing a document type in a namespace at an instant.
   *
   * @param agency the agency entry in force at that instant, may be {@code null}
   * @param namespace the records namespace
   * @param documentType the document type
   * @param at the instant
   * @return {@code true} if the entry names the namespace, is active and lists the type
   */
  public static boolean authorizedAt(
      AgencyEntry agency, String namespace, String documentType, Instant at) {
    return agency != null
        && namespace.equals(agency.namespace())
        && activeAt(agency, at)
        && agency.documentTypes() != null
        && agency.documentTypes().contains(documentType);
  }

  /**
   * Whether a stored record is still the version written when it was anchored. Every later change
   * (revocation, supersession, purge of details) alters one of the fields checked, so for such a
   * record its own {@code timestamp} is the anchoring instant and it is the version in force at
   * every instant: no history is needed.
   *
   * @param record the current record
   * @return {@code true} if the record was never changed
   */
  public static boolean unchangedSinceAnchoring(RegistryRecord record) {
    return record.status() == RecordStatus.ACTIVE
        && record.revocation() == null
        && record.supersededBy() == null
        && !record.detailsPurged();
  }

  /**
   * The version of a value in force at an instant: the newest version committed whose asserted
   * timestamp is at or before it. Versions come newest first, as Fabric's history returns them
   * (commit order, reversed), so commit order decides among the versions that had been asserted by
   * then. A change stamped before the change it follows (a slow clock) is in force from its own
   * time on and is never hidden by the version it follows; a version stamped in the future hides
   * only itself until its time, and every change committed after it with an earlier time is in
   * force over it, then and afterwards: no timestamp can lock a value or hide a later change.
   *
   * @param newestFirst the versions, newest first
   * @param timestampOf a version's asserted timestamp (ISO-8601)
   * @param at the instant
   * @param <T> the version type
   * @return the version in force, or {@code null} if none had been asserted at or before {@code at}
   */
  public static <T> T inForceAt(List<T> newestFirst, Function<T, String> timestampOf, Instant at) {
    for (T version : newestFirst) {
      if (!parseInstant(timestampOf.apply(version)).isAfter(at)) {
        return version;
      }
    }
    return null;
  }

  /**
   * An agency's entry in force at an instant ({@link #inForceAt}), as {@code
   * governance:GetAgencyAt} answers it.
   *
   * @param newestFirst the entry's versions, newest first as Fabric's history returns them
   * @param at the instant
   * @return the entry, or {@code null} if no version had been asserted by then or the one in force
   *     is a deletion
   */
  public static AgencyEntry agencyAt(List<AgencyHistoryEntry> newestFirst, Instant at) {
    AgencyHistoryEntry inForce = inForceAt(newestFirst, AgencyHistoryEntry::timestamp, at);
    return inForce == null || inForce.deleted() ? null : inForce.agency();
  }

  /**
   * The anchoring instant of a record: the timestamp of its first version (the oldest committed).
   *
   * @param history the record's history, newest first as Fabric returns it
   * @return the first version's timestamp, or {@code null} if the history holds no version
   */
  public static Instant anchoredAt(List<RecordHistoryEntry> history) {
    List<RecordHistoryEntry> versions = versions(history);
    return versions.isEmpty() ? null : parseInstant(versions.get(versions.size() - 1).timestamp());
  }

  /**
   * The version of a record in force at an instant ({@link #inForceAt}). For an instant before the
   * anchoring, the anchored version (its validity window then decides).
   *
   * @param history the record's history, newest first as Fabric returns it
   * @param at the instant
   * @return the version, or {@code null} if the history holds no version
   */
  public static RegistryRecord versionAt(List<RecordHistoryEntry> history, Instant at) {
    List<RecordHistoryEntry> versions = versions(history);
    if (versions.isEmpty()) {
      return null;
    }
    RecordHistoryEntry inForce = inForceAt(versions, RecordHistoryEntry::timestamp, at);
    return (inForce != null ? inForce : versions.get(versions.size() - 1)).record();
  }

  private static List<RecordHistoryEntry> versions(List<RecordHistoryEntry> history) {
    List<RecordHistoryEntry> versions = new ArrayList<>(history.size());
    for (RecordHistoryEntry entry : history) {
      if (!entry.deleted() && entry.record() != null) {
        versions.add(entry);
      }
    }
    return versions;
  }

  /**
   * Computes the verdict on one record.
   *
   * @param namespace the records namespace the record was read from
   * @param version the record version in force at {@code at}, or {@code null} if none exists
   * @param anchoredAt when the record was anchored (ignored when {@code version} is null)
   * @param issuer governance's agency for {@code namespace} now, or {@code null} if none
   * @param issuerAtAnchoring that agency's governance entry as it was at {@code anchoredAt}, or
   *     {@code null} if it did not exist then
   * @param at the instant the verdict is for
   * @param currentRecordId for a superseded record, the id of the record in force now
   * @return the verification
   */
  public static Verification verify(
      String namespace,
      RegistryRecord version,
      Instant anchoredAt,
      AgencyEntry issuer,
      AgencyEntry issuerAtAnchoring,
      Instant at,
      String currentRecordId) {
    String atText = at.toString();
    if (version == null) {
      return new Verification(Verdict.UNKNOWN, null, null, null, namespace, atText, null);
    }
    String issuerMsp = issuer == null ? null : issuer.msp();
    String issuerName = issuer == null ? null : issuer.displayName();
    Verdict verdict = verdictOf(namespace, version, anchoredAt, issuer, issuerAtAnchoring, at);
    String current = verdict == Verdict.SUPERSEDED ? currentRecordId : null;
    return new Verification(verdict, version, issuerMsp, issuerName, namespace, atText, current);
  }

  private static Verdict verdictOf(
      String namespace,
      RegistryRecord version,
      Instant anchoredAt,
      AgencyEntry issuer,
      AgencyEntry issuerAtAnchoring,
      Instant at) {
    boolean sameAgency =
        issuer != null
            && issuerAtAnchoring != null
            && issuer.msp().equals(issuerAtAnchoring.msp())
            && issuer.msp().equals(version.issuerMsp());
    if (!sameAgency
        || !authorizedAt(issuerAtAnchoring, namespace, version.documentType(), anchoredAt)) {
      return Verdict.ISSUER_NOT_AUTHORIZED;
    }
    if (version.status() == RecordStatus.REVOKED) {
      return Verdict.REVOKED;
    }
    if (version.status() == RecordStatus.SUPERSEDED) {
      return Verdict.SUPERSEDED;
    }
    if (at.isBefore(parseInstant(version.validFrom()))) {
      return Verdict.NOT_YET_VALID;
    }
    if (version.validUntil() != null && !at.isBefore(parseInstant(version.validUntil()))) {
      return Verdict.EXPIRED;
    }
    return Verdict.VALID;
  }
}
