package org.servicerecords.registry.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RequestRulesTest {

  private static final CertificateRequest GOOD =
      new CertificateRequest(
          "bc-1",
          "BIRTH",
          "a".repeat(64),
          "s".repeat(40),
          "2025-01-01T00:00:00Z",
          null,
          null,
          null);

  private static List<String> words(List<Problem> problems) {
    return problems.stream().map(Problem::detail).toList();
  }

  @Test
  void anAcceptableRequestHasNoProblem() {
    assertThat(RequestRules.certificate(GOOD)).isEmpty();
    assertThat(RequestRules.batch(new BatchRequest(List.of(GOOD)))).isEmpty();
  }

  @Test
  void everyProblemIsListedInFieldOrder() {
    CertificateRequest bad =
        new CertificateRequest(
            "bad id!", "", "ABC", "short", "yesterday", "2020-01-01T00:00:00Z", "?", null, "x");
    assertThat(words(RequestRules.certificate(bad)))
        .containsExactly(
            "id must be " + InputRules.ID_RULE,
            "documentType is required",
            "documentHash must be " + InputRules.HASH_RULE,
            "subjectRef must be " + InputRules.SUBJECT_REF_RULE,
            "validFrom must be " + InputRules.INSTANT_RULE,
            "applicationId must be " + InputRules.ID_RULE,
            "detailsHash must be " + InputRules.HASH_RULE);
    assertThat(RequestRules.certificate(bad))
        .extracting(Problem::code)
        .containsOnly(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void theWindowIsCheckedOnlyBetweenAcceptableInstants() {
    CertificateRequest empty =
        new CertificateRequest(
            "x",
            "T",
            "a".repeat(64),
            "s".repeat(40),
            "2025-01-01T00:00:00Z",
            "2025-01-01T00:00:00Z",
            null,
            null);
    assertThat(words(RequestRules.certificate(empty)))
        .containsExactly("validUntil must be after validFrom");
  }

  @Test
  void aBatchNamesEachRecordsFieldsAndRepeatedIds() {
    CertificateRequest noHash =
        new CertificateRequest(
            "bc-2", "BIRTH", "", "s".repeat(40), GOOD.validFrom(), null, null, null);
    List<Problem> problems = RequestRules.batch(new BatchRequest(List.of(GOOD, noHash, GOOD)));
    assertThat(words(problems))
        .containsExactly(
            "records[1].documentHash is required", "records[2].id repeats 'bc-1' in the batch");
    assertThat(words(RequestRules.batch(new BatchRequest(List.of()))))
        .containsExactly("records must hold 1 to " + InputRules.BATCH_MAXIMUM + " records");
  }

  @Test
  void aDecisionListsItsListsProblems() {
    DecisionRequest decision =
        new DecisionRequest(
            "d-1",
            "app-1",
            null,
            "Civil Code, art. 12",
            "PERMIT",
            "a".repeat(64),
            "s".repeat(40),
            List.of(new RecordRef("bad namespace", "x")),
            List.of("r-1", "r-1", "d-1"),
            null);
    assertThat(words(RequestRules.decision(decision)))
        .containsExactly(
            "outcome must be one of " + List.of(DecisionOutcome.values()),
            "inputRecords[0].namespace must be " + InputRules.NAMESPACE_RULE,
            "resultRecordIds repeats 'r-1'");
    DecisionRequest itself =
        new DecisionRequest(
            "d-1",
            "app-1",
            DecisionOutcome.APPROVED,
            "Civil Code, art. 12",
            "PERMIT",
            "a".repeat(64),
            "s".repeat(40),
            null,
            List.of("d-1"),
            null);
    assertThat(words(RequestRules.decision(itself)))
        .containsExactly("resultRecordIds must not name the decision itself");
  }

  @Test
  void privateDetailsProblemsAreTransientAndNeverEchoADetail() {
    TreeMap<String, String> details = new TreeMap<>();
    details.put("n".repeat(65), "secret-1");
    details.put("m".repeat(66), "secret-2");
    details.put("name", null);
    List<Problem> problems =
        RequestRules.privateDetails("transient 'details'", new PrivateDetails("short", details));
    assertThat(words(problems))
        .containsExactly(
            "transient 'details' needs a salt of 32 to 128 lowercase hex digits",
            "transient 'details' has a detail name outside 1 to 64 chars",
            "transient 'details' has a detail that is not a string");
    assertThat(problems).extracting(Problem::code).containsOnly(ErrorCode.TRANSIENT_DATA_INVALID);
    assertThat(words(RequestRules.detailsSize("personalDetails", 16385)))
        .containsExactly("personalDetails must hold 1 to 16384 bytes");
  }

  @Test
  void governanceArgumentsAreCheckedAlike() {
    AgencyRequest agency =
        new AgencyRequest(
            "JusticeMSP",
            "Justice",
            InputRules.GOVERNANCE_NAMESPACE,
            List.of("B", "A", "B"),
            "2025-01-01T00:00:00Z",
            "2024-01-01T00:00:00Z");
    assertThat(words(GovernanceRules.agency(agency)))
        .containsExactly(
            "namespace must not be the governance namespace",
            "documentTypes repeats 'B'",
            "activeUntil must be after activeFrom");
    assertThat(words(GovernanceRules.members(List.of())))
        .containsExactly("members must hold 1 to " + ConsortiumMembers.MAX_MEMBERS + " MSP ids");
    assertThat(words(GovernanceRules.suspension("", "bad code")))
        .containsExactly("msp is required", "reasonCode must be " + InputRules.CODE_RULE);
    assertThat(words(RequestRules.supersession("bc-1", GOOD)))
        .containsExactly("id of the new record must differ from oldId");
  }
}
