package org.servicerecords.registry.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictRulesTest {

  private static final Instant ANCHORED = Instant.parse("2025-01-01T00:00:00Z");
  private static final AgencyEntry AGENCY =
      new AgencyEntry(
          "JusticeMSP",
          "Justice",
          "records-justice",
          List.of("BIRTH"),
          "2024-01-01T00:00:00Z",
          null,
          false,
          null,
          null,
          "t0",
          "2024-01-01T00:00:00Z");

  private static RegistryRecord record(RecordStatus status, String timestamp) {
    return new RegistryRecord(
        "c1",
        RecordKind.CERTIFICATE,
        "BIRTH",
        "JusticeMSP",
        "a".repeat(64),
        "s".repeat(64),
        "2025-01-01T00:00:00Z",
        "2030-01-01T00:00:00Z",
        status,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        "t",
        timestamp);
  }

  private static Verdict verdict(RegistryRecord version, AgencyEntry then, String at) {
    return VerdictRules.verify(
            "records-justice", version, ANCHORED, AGENCY, then, Instant.parse(at), null)
        .verdict();
  }

  @Test
  void ordersTheRules() {
    RegistryRecord active = record(RecordStatus.ACTIVE, ANCHORED.toString());
    assertThat(verdict(null, AGENCY, "2026-01-01T00:00:00Z")).isEqualTo(Verdict.UNKNOWN);
    assertThat(verdict(active, null, "2026-01-01T00:00:00Z"))
        .isEqualTo(Verdict.ISSUER_NOT_AUTHORIZED);
    assertThat(verdict(record(RecordStatus.REVOKED, "x"), AGENCY, "2026-01-01T00:00:00Z"))
        .isEqualTo(Verdict.REVOKED);
    assertThat(verdict(active, AGENCY, "2024-06-01T00:00:00Z")).isEqualTo(Verdict.NOT_YET_VALID);
    assertThat(verdict(active, AGENCY, "2030-01-01T00:00:00Z")).isEqualTo(Verdict.EXPIRED);
    assertThat(verdict(active, AGENCY, "2026-01-01T00:00:00Z")).isEqualTo(Verdict.VALID);
  }

  @Test
  void picksTheVersionInForceFromNewestFirstHistory() {
    RegistryRecord active = record(RecordStatus.ACTIVE, "2025-01-01T00:00:00Z");
    RegistryRecord revoked = record(RecordStatus.REVOKED, "2025-06-01T00:00:00Z");
    List<RecordHistoryEntry> history =
        List.of(
            new RecordHistoryEntry("t2", "2025-06-01T00:00:00Z", false, revoked),
            new RecordHistoryEntry("t1", "2025-01-01T00:00:00Z", false, active));
    assertThat(VerdictRules.versionAt(history, Instant.parse("2025-03-01T00:00:00Z")))
        .isEqualTo(active);
    assertThat(VerdictRules.versionAt(history, Instant.parse("2025-07-01T00:00:00Z")))
        .isEqualTo(revoked);
    assertThat(VerdictRules.versionAt(history, Instant.parse("2020-01-01T00:00:00Z")))
        .isEqualTo(active);
    assertThat(VerdictRules.anchoredAt(history)).isEqualTo(ANCHORED);
  }

  /** A version: its name and asserted time; lists are newest first, as Fabric's history. */
  private record V(String name, String timestamp) {}

  private static String inForce(List<V> newestFirst, String at) {
    V v = VerdictRules.inForceAt(newestFirst, V::timestamp, Instant.parse(at));
    return v == null ? null : v.name();
  }

  @Test
  void aVersionStampedBeforeTheOneItFollowsIsInForceFromItsOwnTime() {
    List<V> history =
        List.of(
            new V("revoked", "2025-01-01T00:00:30Z"), new V("anchored", "2025-01-01T00:01:00Z"));
    assertThat(inForce(history, "2025-01-01T00:00:29Z")).isNull();
    assertThat(inForce(history, "2025-01-01T00:00:30Z")).isEqualTo("revoked");
    assertThat(inForce(history, "2025-01-01T00:01:00Z")).isEqualTo("revoked");
    assertThat(inForce(history, "2026-01-01T00:00:00Z")).isEqualTo("revoked");
  }

  @Test
  void aFutureVersionHidesOnlyItselfAndNeverALaterCommittedOne() {
    List<V> history =
        List.of(
            new V("reinstated", "2025-02-01T00:00:00Z"),
            new V("suspended", "2099-01-01T00:00:00Z"),
            new V("registered", "2025-01-01T00:00:00Z"));
    assertThat(inForce(history, "2025-01-15T00:00:00Z")).isEqualTo("registered");
    assertThat(inForce(history, "2025-06-01T00:00:00Z")).isEqualTo("reinstated");
    assertThat(inForce(history, "2099-06-01T00:00:00Z")).isEqualTo("reinstated");
    List<V> alone =
        List.of(
            new V("suspended", "2099-01-01T00:00:00Z"),
            new V("registered", "2025-01-01T00:00:00Z"));
    assertThat(inForce(alone, "2025-06-01T00:00:00Z")).isEqualTo("registered");
    assertThat(inForce(alone, "2099-01-01T00:00:00Z")).isEqualTo("suspended");
  }

  @Test
  void ofEqualTimesTheVersionCommittedLastIsInForce() {
    List<V> history =
        List.of(new V("second", "2025-01-01T00:00:00Z"), new V("first", "2025-01-01T00:00:00Z"));
    assertThat(inForce(history, "2025-01-01T00:00:00Z")).isEqualTo("second");
  }
}
