package org.servicerecords.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;

class RequestRulesTest {

  static final CertificateRequest GOOD =
      new CertificateRequest(
          "bc-1",
          "BIRTH_CERTIFICATE",
          "a".repeat(64),
          "s".repeat(40),
          "2025-01-01T00:00:00Z",
          null,
          null,
          null);

  @Test
  void validRequestHasNoProblems() {
    assertThat(RequestChecks.certificate(GOOD)).isEmpty();
  }

  @Test
  void everyBrokenFieldIsNamed() {
    CertificateRequest bad =
        new CertificateRequest(
            "bad id!", "", "ABC", "short", "yesterday", "2020-01-01T00:00:00Z", null, null);
    assertThat(String.join("|", RequestChecks.certificate(bad)))
        .contains(
            "id must be",
            "documentType is required",
            "documentHash must be",
            "subjectRef must be",
            "validFrom must be an ISO-8601 instant");
  }

  @Test
  void validityWindowMustNotBeEmpty() {
    CertificateRequest r =
        new CertificateRequest(
            "x",
            "T",
            "a".repeat(64),
            "s".repeat(40),
            "2025-01-01T00:00:00Z",
            "2025-01-01T00:00:00Z",
            null,
            null);
    assertThat(RequestChecks.certificate(r)).containsExactly("validUntil must be after validFrom");
  }

  @Test
  void storedRecordWithTheSameContentCountsAsAlreadyAnchored() {
    RegistryRecord stored =
        new RegistryRecord(
            "bc-1",
            RecordKind.CERTIFICATE,
            "BIRTH_CERTIFICATE",
            "JusticeMSP",
            "a".repeat(64),
            "s".repeat(40),
            "2025-01-01T00:00:00.000Z",
            null,
            RecordStatus.ACTIVE,
            null,
            null,
            null,
            null,
            null,
            new TreeMap<>(),
            "h",
            false,
            null,
            "tx",
            "2025-01-01T00:00:00Z");
    assertThat(SameContent.certificate(GOOD, stored, "JusticeMSP")).isTrue();
    assertThat(SameContent.certificate(GOOD, stored, "ServicesMSP")).isFalse();
    CertificateRequest otherHash =
        new CertificateRequest(
            "bc-1",
            "BIRTH_CERTIFICATE",
            "b".repeat(64),
            "s".repeat(40),
            "2025-01-01T00:00:00Z",
            null,
            null,
            null);
    assertThat(SameContent.certificate(otherHash, stored, "JusticeMSP")).isFalse();
  }

  @Test
  void saltsAreAtLeast128BitsOfLowercaseHexAndDiffer() {
    String a = RegistryClientImpl.newSalt();
    assertThat(a).matches("[0-9a-f]{64}");
    assertThat(RegistryClientImpl.newSalt()).isNotEqualTo(a);
  }

  @Test
  void csvFieldsWithSeparatorsAreQuoted() {
    assertThat(Csv.row(java.util.Arrays.asList("a", "b,c", "say \"hi\"", null)))
        .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\r\n");
  }
}
