package org.servicerecords.registry.client.internal.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.client.GovernanceAndVerdictTest.NOW;
import static org.servicerecords.registry.client.GovernanceAndVerdictTest.SNAPSHOT;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.RecordOutcome.Status;
import org.servicerecords.registry.model.CertificateRequest;

class BatchCheckTest {

  private static final String JUSTICE = "JusticeMSP";

  /** An issuer whose certificate allows birth and marriage certificates. */
  private static final CallerRights ISSUER =
      new CallerRights("issuer", List.of("BIRTH_CERTIFICATE", "MARRIAGE_CERTIFICATE"));

  private static AnchorRequest record(String id, String type) {
    return AnchorRequest.of(
        new CertificateRequest(
            id, type, "a".repeat(64), "s".repeat(40), "2025-01-01T00:00:00Z", null, null, null));
  }

  private static final List<AnchorRequest> WITH_ONE_TYPE_OUTSIDE_THE_CERTIFICATE =
      List.of(
          record("b1", "BIRTH_CERTIFICATE"),
          record("d1", "DRIVING_LICENCE"),
          record("b2", "BIRTH_CERTIFICATE"));

  @Test
  void aValidBatchGoesAheadWhole() {
    List<AnchorRequest> batch =
        List.of(record("b1", "BIRTH_CERTIFICATE"), record("b2", "BIRTH_CERTIFICATE"));
    BatchCheck check = BatchCheck.of(batch, false, ISSUER, SNAPSHOT, JUSTICE, NOW);
    assertThat(check.toSubmit()).isEqualTo(batch);
    assertThat(check.outcomes()).isEmpty();
    assertThat(check.order()).containsExactly("b1", "b2");
  }

  @Test
  void aTypeTheCertificateDoesNotAllowStopsTheWholeBatch() {
    BatchCheck check =
        BatchCheck.of(WITH_ONE_TYPE_OUTSIDE_THE_CERTIFICATE, false, ISSUER, SNAPSHOT, JUSTICE, NOW);

    assertThat(check.toSubmit()).isEmpty();
    assertThat(check.outcomes().get("d1").status()).isEqualTo(Status.INVALID);
    assertThat(check.outcomes().get("d1").message())
        .startsWith("record 2: NOT_AUTHORIZED: the signing certificate does not allow");
    assertThat(check.outcomes().get("b1").status()).isEqualTo(Status.NOT_SUBMITTED);
    assertThat(check.outcomes().get("b2").status()).isEqualTo(Status.NOT_SUBMITTED);
  }

  @Test
  void inPartialModeTheValidRecordsGoAhead() {
    BatchCheck check =
        BatchCheck.of(WITH_ONE_TYPE_OUTSIDE_THE_CERTIFICATE, true, ISSUER, SNAPSHOT, JUSTICE, NOW);

    assertThat(check.toSubmit()).extracting(r -> r.certificate().id()).containsExactly("b1", "b2");
    assertThat(check.outcomes()).containsOnlyKeys("d1");
  }

  @Test
  void aTypeTheCertificateAllowsButGovernanceDoesNotIsInvalid() {
    BatchCheck check =
        BatchCheck.of(
            List.of(record("m1", "MARRIAGE_CERTIFICATE")), false, ISSUER, SNAPSHOT, JUSTICE, NOW);
    assertThat(check.toSubmit()).isEmpty();
    assertThat(check.outcomes().get("m1").message()).contains("ISSUER_NOT_AUTHORIZED");
  }

  @Test
  void aCallerWithoutTheIssuerRoleAnchorsNothing() {
    BatchCheck check =
        BatchCheck.of(
            List.of(record("b1", "BIRTH_CERTIFICATE")),
            true,
            new CallerRights("clerk", List.of("BIRTH_CERTIFICATE")),
            SNAPSHOT,
            JUSTICE,
            NOW);
    assertThat(check.toSubmit()).isEmpty();
    assertThat(check.outcomes().get("b1").message()).contains("anchoring requires role issuer");
  }

  @Test
  void aRepeatedIdIsInvalidAndKeyedByItsPosition() {
    BatchCheck check =
        BatchCheck.of(
            List.of(record("b1", "BIRTH_CERTIFICATE"), record("b1", "BIRTH_CERTIFICATE")),
            false,
            ISSUER,
            SNAPSHOT,
            JUSTICE,
            NOW);
    assertThat(check.order()).containsExactly("b1", "#1");
    assertThat(check.outcomes().get("#1").message())
        .isEqualTo("record 2: id repeats 'b1' in the batch");
    assertThat(check.toSubmit()).isEmpty();
  }
}
