package org.servicerecords.registry.client.internal.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.internal.audit.Csv;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.InputRules;
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

  private static RegistryRecord stored(String detailsHash) {
    return new RegistryRecord(
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
        detailsHash,
        false,
        null,
        "tx",
        "2025-01-01T00:00:00Z");
  }

  @Test
  void storedRecordWithTheSameContentCountsAsAlreadyAnchored() {
    RegistryRecord stored = stored(null);
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
  void detailsSaltsAre256BitsDerivedPerIdentityNamespaceAndRecord() throws Exception {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    DetailsSalt one = DetailsSalt.of(generator.generateKeyPair().getPrivate());
    DetailsSalt other = DetailsSalt.of(generator.generateKeyPair().getPrivate());
    String a = one.forRecord("records-justice", "bc-1");
    assertThat(a).matches("[0-9a-f]{64}");
    // The same identity derives the same salt for the same record: a rerun commits to the same
    // details, so it can store them after an interrupted first run.
    assertThat(one.forRecord("records-justice", "bc-1")).isEqualTo(a);
    assertThat(one.forRecord("records-justice", "bc-2")).isNotEqualTo(a);
    assertThat(one.forRecord("records-services", "bc-1")).isNotEqualTo(a);
    assertThat(other.forRecord("records-justice", "bc-1")).isNotEqualTo(a);
    // Namespace and id are separated: ("a", "bc") and ("ab", "c") do not collide.
    assertThat(one.forRecord("a", "bc")).isNotEqualTo(one.forRecord("ab", "c"));
  }

  @Test
  void aKeyThatCannotBeExportedGetsRandomSalts() {
    DetailsSalt random = DetailsSalt.of(null);
    String a = random.forRecord("records-justice", "bc-1");
    assertThat(a).matches("[0-9a-f]{64}");
    assertThat(random.forRecord("records-justice", "bc-1")).isNotEqualTo(a);
  }

  @Test
  void theDetailsCommitmentIsComparedApartFromTheContent() {
    RegistryRecord stored = stored("d".repeat(64));
    // The same record, whatever the details: a rerun by another identity is the same record...
    assertThat(SameContent.certificate(GOOD.withDetailsHash("e".repeat(64)), stored, "JusticeMSP"))
        .isTrue();
    // ...whose details only the identity that derived the same salt can store.
    assertThat(SameContent.sameDetails(GOOD.withDetailsHash("d".repeat(64)), stored)).isTrue();
    assertThat(SameContent.sameDetails(GOOD.withDetailsHash("e".repeat(64)), stored)).isFalse();
    assertThat(SameContent.sameDetails(GOOD, stored)).isFalse();
    assertThat(SameContent.sameDetails(GOOD, stored(null))).isTrue();
  }

  @Test
  void csvFieldsWithSeparatorsAreQuoted() {
    assertThat(Csv.row(java.util.Arrays.asList("a", "b,c", "say \"hi\"", null)))
        .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\r\n");
  }

  @Test
  void personalDetailsAreCheckedAgainstTheContractsLimitsWithoutEchoingValues() {
    java.util.SortedMap<String, String> many = new TreeMap<>();
    for (int i = 0; i <= org.servicerecords.registry.model.InputRules.MAX_DETAILS_ENTRIES; i++) {
      many.put("d" + i, "v");
    }
    assertThat(RequestChecks.anchor(new AnchorRequest(GOOD, many)))
        .containsExactly("personalDetails needs 1 to 32 details");

    java.util.SortedMap<String, String> longName = new TreeMap<>();
    longName.put("n".repeat(65), "secret-value");
    assertThat(String.join("|", RequestChecks.anchor(new AnchorRequest(GOOD, longName))))
        .contains("personalDetails has a detail name outside 1 to 64 chars")
        .doesNotContain("secret-value");

    java.util.SortedMap<String, String> large = new TreeMap<>();
    large.put("photo", "secret".repeat(3000));
    assertThat(String.join("|", RequestChecks.anchor(new AnchorRequest(GOOD, large))))
        .contains("personalDetails must hold 1 to 16384 bytes")
        .doesNotContain("secret");

    java.util.SortedMap<String, String> fits = new TreeMap<>();
    fits.put("name", "Ana Pop");
    assertThat(RequestChecks.anchor(new AnchorRequest(GOOD, fits))).isEmpty();
    assertThat(RequestChecks.detailsBytes(BatchSizeTest.maximalDetails()))
        .isLessThanOrEqualTo(org.servicerecords.registry.model.InputRules.MAX_DETAILS_BYTES);
  }

  @Test
  void metadataLargerThanTheContractsTotalIsRefused() {
    java.util.SortedMap<String, String> metadata = new TreeMap<>(BatchSizeTest.maximalMetadata());
    CertificateRequest g = GOOD;
    CertificateRequest atLimit =
        new CertificateRequest(
            g.id(),
            g.documentType(),
            g.documentHash(),
            g.subjectRef(),
            g.validFrom(),
            null,
            null,
            metadata);
    assertThat(RequestChecks.certificate(atLimit)).isEmpty();
    metadata.put(metadata.firstKey(), metadata.get(metadata.firstKey()) + "x");
    CertificateRequest over =
        new CertificateRequest(
            g.id(),
            g.documentType(),
            g.documentHash(),
            g.subjectRef(),
            g.validFrom(),
            null,
            null,
            metadata);
    assertThat(RequestChecks.certificate(over))
        .containsExactly("metadata is larger than 4096 UTF-8 bytes in total");
  }

  private static DecisionRequest decisionCiting(String legalBasis) {
    return new DecisionRequest(
        "d-1",
        "app-1",
        DecisionOutcome.APPROVED,
        legalBasis,
        "PERMIT_DECISION",
        "a".repeat(64),
        "s".repeat(40),
        List.of(),
        List.of(),
        null);
  }

  @Test
  void aLegalBasisMayHoldSpacesAndPunctuation() {
    assertThat(RequestChecks.decision(decisionCiting("Civil Code, art. 12"))).isEmpty();
    assertThat(RequestChecks.decision(decisionCiting("Law 554/2004, art. 8 (1) – § 3"))).isEmpty();
  }

  @Test
  void aLegalBasisWithControlCharactersOrOuterSpacesIsRefusedInTheContractsWords() {
    for (String basis : List.of("Civil\tCode", "Civil\u0000Code", " Civil Code", "x".repeat(129))) {
      assertThat(RequestChecks.decision(decisionCiting(basis)))
          .as(basis)
          .containsExactly("legalBasis must be " + InputRules.LEGAL_BASIS_RULE);
    }
  }
}
