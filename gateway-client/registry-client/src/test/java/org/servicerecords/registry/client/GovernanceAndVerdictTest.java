package org.servicerecords.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verdict;
import org.servicerecords.registry.model.VerdictRules;
import org.servicerecords.registry.model.Verification;

public class GovernanceAndVerdictTest {

  public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final AgencyEntry JUSTICE =
      new AgencyEntry(
          "JusticeMSP",
          "Ministry of Justice",
          "records-justice",
          List.of("BIRTH_CERTIFICATE"),
          "2025-01-01T00:00:00Z",
          null,
          false,
          null,
          null,
          "t0",
          "2025-01-01T00:00:00Z");
  static final AgencyEntry SUSPENDED =
      new AgencyEntry(
          "ServicesMSP",
          "Public Services",
          "records-services",
          List.of("BUSINESS_LICENCE"),
          "2025-01-01T00:00:00Z",
          null,
          true,
          "AUDIT_FINDING",
          null,
          "t1",
          "2025-01-01T00:00:00Z");
  static final AgencyEntry AUDIT =
      new AgencyEntry(
          "AuditMSP",
          "Audit",
          null,
          List.of(),
          "2025-01-01T00:00:00Z",
          null,
          false,
          null,
          null,
          "t2",
          "2025-01-01T00:00:00Z");

  /** Active from 2025-01-01 until (before) 2026-01-01. */
  static final AgencyEntry ENDED =
      new AgencyEntry(
          "HealthMSP",
          "Health",
          "records-health",
          List.of("VACCINATION_CERTIFICATE"),
          "2025-01-01T00:00:00Z",
          "2026-01-01T00:00:00Z",
          false,
          null,
          null,
          "t3",
          "2025-01-01T00:00:00Z");

  /** Suspended, and active only from 2027-01-01. */
  static final AgencyEntry SUSPENDED_NOT_YET_ACTIVE =
      new AgencyEntry(
          "TaxMSP",
          "Tax",
          "records-tax",
          List.of("TAX_CLEARANCE"),
          "2027-01-01T00:00:00Z",
          null,
          true,
          "AUDIT_FINDING",
          null,
          "t4",
          "2025-01-01T00:00:00Z");

  public static final GovernanceSnapshot SNAPSHOT =
      GovernanceSnapshot.of(List.of(JUSTICE, SUSPENDED, AUDIT), NOW);
  static final GovernanceSnapshot WITH_PERIODS =
      GovernanceSnapshot.of(List.of(JUSTICE, ENDED, SUSPENDED_NOT_YET_ACTIVE), NOW);

  @Nested
  class EarlyRefusal {
    @Test
    void authorisedTypePasses() throws Exception {
      SNAPSHOT.checkMayIssue("JusticeMSP", "BIRTH_CERTIFICATE", NOW);
    }

    @Test
    void typeNotAllowedIsRefusedLocallyAsIssuerNotAuthorized() {
      assertThatThrownBy(() -> SNAPSHOT.checkMayIssue("JusticeMSP", "BUSINESS_LICENCE", NOW))
          .isInstanceOf(IssuerNotAuthorizedException.class)
          .hasMessageContaining("may not issue BUSINESS_LICENCE")
          .satisfies(e -> assertThat(((RegistryException) e).stage()).isEqualTo(Stage.LOCAL));
    }

    @Test
    void suspendedAgencyIsRefused() {
      assertThatThrownBy(() -> SNAPSHOT.checkMayIssue("ServicesMSP", "BUSINESS_LICENCE", NOW))
          .isInstanceOf(AgencySuspendedException.class)
          .satisfies(
              e ->
                  assertThat(((RegistryException) e).code()).isEqualTo(ErrorCode.AGENCY_SUSPENDED));
    }

    @Test
    void agencyBeforeItsActivePeriodIsRefusedAsInactive() {
      assertThatThrownBy(
              () ->
                  WITH_PERIODS.checkMayIssue(
                      "JusticeMSP", "BIRTH_CERTIFICATE", Instant.parse("2024-12-31T23:59:59Z")))
          .isInstanceOf(AgencyInactiveException.class)
          .hasMessageStartingWith("AGENCY_INACTIVE: ")
          .satisfies(e -> assertThat(((RegistryException) e).stage()).isEqualTo(Stage.LOCAL))
          .satisfies(
              e -> assertThat(((RegistryException) e).code()).isEqualTo(ErrorCode.AGENCY_INACTIVE));
    }

    @Test
    void agencyFromTheEndOfItsActivePeriodIsRefusedAsInactive() throws Exception {
      WITH_PERIODS.checkMayIssue(
          "HealthMSP", "VACCINATION_CERTIFICATE", Instant.parse("2025-12-31T23:59:59Z"));
      for (Instant at :
          List.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"))) {
        assertThatThrownBy(
                () -> WITH_PERIODS.checkMayIssue("HealthMSP", "VACCINATION_CERTIFICATE", at))
            .isInstanceOf(AgencyInactiveException.class)
            .satisfies(
                e ->
                    assertThat(((RegistryException) e).code())
                        .isEqualTo(ErrorCode.AGENCY_INACTIVE));
      }
    }

    @Test
    void suspendedAgencyOutsideItsActivePeriodIsRefusedAsSuspendedLikeTheContract() {
      assertThatThrownBy(() -> WITH_PERIODS.checkMayIssue("TaxMSP", "TAX_CLEARANCE", NOW))
          .isInstanceOf(AgencySuspendedException.class)
          .satisfies(
              e ->
                  assertThat(((RegistryException) e).code()).isEqualTo(ErrorCode.AGENCY_SUSPENDED));
    }

    @Test
    void organisationWithoutNamespaceIsNotAnIssuingAgency() {
      assertThatThrownBy(() -> SNAPSHOT.checkMayIssue("AuditMSP", "X", NOW))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void issuerNamedByMspOrNamespaceResolvesToTheNamespace() {
      assertThat(SNAPSHOT.resolveNamespace("JusticeMSP")).isEqualTo("records-justice");
      assertThat(SNAPSHOT.resolveNamespace("records-services")).isEqualTo("records-services");
      assertThat(SNAPSHOT.resolveNamespace("AuditMSP")).isNull();
      assertThat(SNAPSHOT.namespaces()).containsExactly("records-justice", "records-services");
    }
  }

  @Nested
  class Verdicts {
    RegistryRecord record(RecordStatus status, String validUntil) {
      return new RegistryRecord(
          "r1",
          RecordKind.CERTIFICATE,
          "BIRTH_CERTIFICATE",
          "JusticeMSP",
          "a".repeat(64),
          "s".repeat(32),
          "2025-02-01T00:00:00Z",
          validUntil,
          status,
          null,
          status == RecordStatus.SUPERSEDED ? "r2" : null,
          null,
          null,
          null,
          null,
          null,
          false,
          null,
          "tx",
          "2025-02-01T00:00:00Z");
    }

    Verification verify(RegistryRecord r, Instant at) {
      return VerdictRules.verify(
          "records-justice", r, Instant.parse("2025-02-01T00:00:00Z"), JUSTICE, JUSTICE, at, "r2");
    }

    @Test
    void clientSideVerdictsFollowTheSharedRules() {
      assertThat(verify(record(RecordStatus.ACTIVE, null), NOW).verdict()).isEqualTo(Verdict.VALID);
      assertThat(verify(record(RecordStatus.REVOKED, null), NOW).verdict())
          .isEqualTo(Verdict.REVOKED);
      Verification superseded = verify(record(RecordStatus.SUPERSEDED, null), NOW);
      assertThat(superseded.verdict()).isEqualTo(Verdict.SUPERSEDED);
      assertThat(superseded.currentRecordId()).isEqualTo("r2");
      assertThat(verify(record(RecordStatus.ACTIVE, "2026-01-01T00:00:00Z"), NOW).verdict())
          .isEqualTo(Verdict.EXPIRED);
      assertThat(
              verify(record(RecordStatus.ACTIVE, null), Instant.parse("2025-01-15T00:00:00Z"))
                  .verdict())
          .isEqualTo(Verdict.NOT_YET_VALID);
      assertThat(verify(null, NOW).verdict()).isEqualTo(Verdict.UNKNOWN);
      assertThat(verify(record(RecordStatus.ACTIVE, null), NOW).issuerDisplayName())
          .isEqualTo("Ministry of Justice");
    }

    @Test
    void overallVerdictIsValidWhenAnyMatchIsValidAndUnknownWhenNoneMatches() {
      Verification valid = verify(record(RecordStatus.ACTIVE, null), NOW);
      Verification revoked = verify(record(RecordStatus.REVOKED, null), NOW);
      Verification unknown = verify(null, NOW);
      assertThat(VerificationReport.of("h", null, List.of(revoked, valid)).verdict())
          .isEqualTo(Verdict.VALID);
      assertThat(VerificationReport.of("h", null, List.of(revoked, unknown)).verdict())
          .isEqualTo(Verdict.REVOKED);
      VerificationReport none = VerificationReport.of("h", null, List.of(unknown, unknown));
      assertThat(none.verdict()).isEqualTo(Verdict.UNKNOWN);
      assertThat(none.matches()).isEmpty();
    }
  }
}
