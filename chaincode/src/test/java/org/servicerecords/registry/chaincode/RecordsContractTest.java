package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicerecords.registry.chaincode.Fixtures.*;
import static org.servicerecords.registry.chaincode.Outcomes.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.ApplicationReceipt;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.BatchRequest;
import org.servicerecords.registry.model.BatchResult;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.DetailsCipher;
import org.servicerecords.registry.model.DetailsCipherException;
import org.servicerecords.registry.model.DetailsRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.RecordEvent;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordPage;
import org.servicerecords.registry.model.RecordRef;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.TransientKeys;
import org.servicerecords.registry.model.Verdict;
import org.servicerecords.registry.model.Verification;
import org.servicerecords.registry.testing.Ledger;
import org.servicerecords.registry.testing.Network;

class RecordsContractTest {

  private Network network;

  @BeforeEach
  void consortium() {
    network = Fixtures.consortium();
  }

  private Network.Call records(String function, String... args) {
    return network.call(JUSTICE_NS, "records:" + function, args);
  }

  private RegistryRecord record(String id) {
    String json = assertOk(records("GetRecord", id).by(JUSTICE_VERIFIER).evaluate());
    return CanonicalJson.fromJson(json, RegistryRecord.class);
  }

  /** A governance change approved by a majority of the members; the applying transaction. */
  private Network.Result governance(String function, String... args) {
    return Fixtures.govern(network, function, args);
  }

  private static CertificateRequest withId(CertificateRequest r, String id) {
    return new CertificateRequest(
        id,
        r.documentType(),
        r.documentHash(),
        r.subjectRef(),
        r.validFrom(),
        r.validUntil(),
        r.applicationId(),
        r.metadata(),
        r.detailsHash());
  }

  /** The details commitment stored for a record of JusticeMSP's namespace, or {@code null}. */
  private DetailsCommitment commitment(String id) {
    byte[] value =
        network
            .ledger(JUSTICE_NS)
            .state()
            .get(new CompositeKey(Keys.DETAILS_COMMITMENT, id).toString());
    return value == null ? null : CanonicalJson.fromBytes(value, DetailsCommitment.class);
  }

  @Nested
  class AnchorCertificate {

    @Test
    void storesTheRecordWithItsIndexesAndActorWithoutNames() {
      Network.Result result =
          records("AnchorCertificate", json(certificate("c1"))).by(JUSTICE_ISSUER).submit();

      RegistryRecord stored = CanonicalJson.fromJson(assertOk(result), RegistryRecord.class);
      assertThat(stored.kind()).isEqualTo(RecordKind.CERTIFICATE);
      assertThat(stored.status()).isEqualTo(RecordStatus.ACTIVE);
      assertThat(stored.issuerMsp()).isEqualTo(JUSTICE);
      assertThat(stored.txId()).isEqualTo(result.txId());
      assertThat(stored.timestamp()).isEqualTo(result.timestamp().toString());
      assertThat(stored.actor().msp()).isEqualTo(JUSTICE);
      assertThat(stored.actor().role()).isEqualTo("issuer");
      assertThat(stored.actor().idHash()).matches("[0-9a-f]{64}");
      assertThat(result.payload()).doesNotContain("issuer1");
      assertThat(result.writes())
          .extracting(Object::toString)
          .containsExactly(
              "PUT \\0rec\\0c1\\0",
              "PUT \\0rec~hash\\0" + HASH_A + "\\0c1\\0",
              "PUT \\0rec~type\\0" + BIRTH + "\\0c1\\0",
              "PUT \\0rec~subject\\0" + SUBJECT + "\\0c1\\0");
      assertThat(result.writes().get(1).value()).containsExactly(0);
      assertThat(record("c1")).isEqualTo(stored);
    }

    @Test
    void emitsOneEventWithIdKindAndAction() {
      RecordEvent event =
          assertOneEvent(
              records("AnchorCertificate", json(certificate("c1"))).by(JUSTICE_ISSUER).submit());
      assertThat(event.namespace()).isEqualTo(JUSTICE_NS);
      assertThat(event.entries())
          .containsExactly(new RecordEvent.Entry("c1", "CERTIFICATE", "ANCHORED"));
    }

    @Test
    void indexesTheApplicationWhenGiven() {
      CertificateRequest request =
          new CertificateRequest(
              "c1", BIRTH, HASH_A, SUBJECT, "2025-01-01T00:00:00Z", null, "app-1", null);
      Network.Result result =
          records("AnchorCertificate", json(request)).by(JUSTICE_ISSUER).submit();
      assertOk(result);
      assertThat(result.writes())
          .extracting(Object::toString)
          .contains("PUT \\0rec~app\\0app-1\\0c1\\0");
    }

    @Test
    void normalisesInstantsToUtc() {
      CertificateRequest request =
          new CertificateRequest(
              "c1",
              BIRTH,
              HASH_A,
              SUBJECT,
              "2025-01-01T02:00:00+02:00",
              "2026-01-01T00:00:00.000Z",
              null,
              null);
      assertOk(records("AnchorCertificate", json(request)).by(JUSTICE_ISSUER).submit());
      assertThat(record("c1").validFrom()).isEqualTo("2025-01-01T00:00:00Z");
      assertThat(record("c1").validUntil()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void commitsToTheDetailsByTheirHashAndStoresNothingPrivate() {
      String details = details("Ana Example");
      String hash = Digests.sha256Hex(details.getBytes(StandardCharsets.UTF_8));
      Network.Result result =
          records("AnchorCertificate", json(certificate("c1").withDetailsHash(hash)))
              .by(JUSTICE_ISSUER)
              .submit();

      RegistryRecord stored = CanonicalJson.fromJson(assertOk(result), RegistryRecord.class);
      assertThat(stored.privateDetailsHash()).isEqualTo(hash);
      assertThat(stored.detailsPurged()).isFalse();
      assertThat(result.writes())
          .extracting(Object::toString)
          .containsExactly(
              "PUT \\0rec\\0c1\\0",
              "PUT \\0rec~hash\\0" + HASH_A + "\\0c1\\0",
              "PUT \\0rec~type\\0" + BIRTH + "\\0c1\\0",
              "PUT \\0rec~subject\\0" + SUBJECT + "\\0c1\\0",
              "PUT \\0commitment\\0c1\\0");
      assertThat(new String(result.writes().get(4).value(), StandardCharsets.UTF_8))
          .isEqualTo(
              "{\"detailsHash\":\""
                  + hash
                  + "\",\"issuerMsp\":\"JusticeMSP\",\"purged\":false,"
                  + "\"recordId\":\"c1\"}");
      assertThat(commitment("c1")).isEqualTo(new DetailsCommitment("c1", JUSTICE, hash, false));
      assertThat(network.ledger(JUSTICE_NS).privateData()).isEmpty();
      assertThat(result.payload()).doesNotContain("Ana");
      assertThat(result.event()).doesNotContain("Ana");
      Network.Result read = readDetails(network, "c1", JUSTICE_ISSUER).evaluate();
      assertRefused(read, ErrorCode.INVALID_STATE);
      assertThat(read.message()).contains("has no private details");
    }

    @Test
    void writesNoCommitmentForARecordWithoutDetails() {
      assertOk(records("AnchorCertificate", json(certificate("c1"))).by(JUSTICE_ISSUER).submit());
      assertThat(commitment("c1")).isNull();
      assertThat(record("c1").privateDetailsHash()).isNull();
      assertRefused(
          Fixtures.storeDetails(network, "c1", "Ana").submit(), ErrorCode.RECORD_NOT_FOUND);
    }

    @Test
    void refusesADuplicateIdAndLeavesTheExistingRecordUntouched() {
      anchor(network, "c1");
      RegistryRecord before = record("c1");
      CertificateRequest other = certificate("c1", MARRIAGE, HASH_B);

      assertRefused(
          records("AnchorCertificate", json(other)).by(JUSTICE_ISSUER).submit(),
          ErrorCode.ALREADY_EXISTS);
      assertThat(record("c1")).isEqualTo(before);
    }

    @Test
    void refusesACallerWithoutTheIssuerRole() {
      for (Network.User user : List.of(JUSTICE_CLERK, JUSTICE_VERIFIER, JUSTICE_NO_ROLE)) {
        assertRefused(
            records("AnchorCertificate", json(certificate("c1"))).by(user).submit(),
            ErrorCode.NOT_AUTHORIZED);
      }
    }

    @Test
    void refusesADocumentTypeMissingFromTheCallersCertificate() {
      assertRefused(
          records("AnchorCertificate", json(certificate("c1", MARRIAGE, HASH_A)))
              .by(JUSTICE_BIRTH_ONLY)
              .submit(),
          ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void refusesAnotherAgencyWritingIntoThisNamespaceThroughAnyPeer() {
      for (String peer : List.of(SERVICES, JUSTICE, AUDIT)) {
        Network.Result result =
            records("AnchorCertificate", json(certificate("c1")))
                .by(SERVICES_ISSUER)
                .onPeerOf(peer)
                .submit();
        assertRefused(result, ErrorCode.NOT_AUTHORIZED);
        assertThat(result.message())
            .isEqualTo(
                "NOT_AUTHORIZED: namespace records-justice belongs to JusticeMSP, not ServicesMSP");
      }
    }

    @Test
    void refusesATypeGovernanceDoesNotAllowTheAgency() {
      Network.User issuer = user(JUSTICE, "wide", "issuer", BIRTH + ";" + LICENCE);
      assertRefused(
          records("AnchorCertificate", json(certificate("c1", LICENCE, HASH_A)))
              .by(issuer)
              .submit(),
          ErrorCode.ISSUER_NOT_AUTHORIZED);
    }

    @Test
    void refusesASuspendedAgencyAndAcceptsItAgainWhenReinstated() {
      assertOk(governance("SuspendAgency", JUSTICE, "AUDIT_FINDING"));
      assertRefused(
          records("AnchorCertificate", json(certificate("c1"))).by(JUSTICE_ISSUER).submit(),
          ErrorCode.AGENCY_SUSPENDED);
      assertOk(governance("ReinstateAgency", JUSTICE));
      assertOk(records("AnchorCertificate", json(certificate("c1"))).by(JUSTICE_ISSUER).submit());
    }

    @Test
    void refusesAnAgencyBeforeItsActivePeriodAsInactive() {
      assertOk(
          records("AnchorCertificate", json(certificate("c1")))
              .by(JUSTICE_ISSUER)
              .at(Instant.parse("2024-06-01T00:00:00Z"))
              .submit());
      assertOk(
          records("AnchorCertificate", json(certificate("c3", MARRIAGE, HASH_C)))
              .by(JUSTICE_ISSUER)
              .at(Instant.parse("2024-01-01T00:00:00Z"))
              .submit());
      assertRefused(
          records("AnchorCertificate", json(certificate("c2")))
              .by(JUSTICE_ISSUER)
              .at(Instant.parse("2023-06-01T00:00:00Z"))
              .submit(),
          ErrorCode.AGENCY_INACTIVE);
      assertRefused(
          records("AnchorCertificate", json(certificate("c2")))
              .by(JUSTICE_ISSUER)
              .at(Instant.parse("2023-12-31T23:59:59Z"))
              .submit(),
          ErrorCode.AGENCY_INACTIVE);
    }

    @Test
    void refusesAnAgencyFromTheEndOfItsActivePeriodAsInactive() {
      Network ended = Fixtures.members();
      assertOk(
          Fixtures.govern(
              ended,
              "RegisterAgency",
              json(
                  new AgencyRequest(
                      JUSTICE,
                      "Justice until the end of 2024",
                      JUSTICE_NS,
                      List.of(BIRTH, MARRIAGE),
                      "2024-01-01T00:00:00Z",
                      "2025-01-01T00:00:00Z"))));
      assertOk(
          ended
              .call(JUSTICE_NS, "records:AnchorCertificate", json(certificate("c1")))
              .by(JUSTICE_ISSUER)
              .at(Instant.parse("2024-12-31T23:59:59Z"))
              .submit());
      for (String at : List.of("2025-01-01T00:00:00Z", "2026-06-01T00:00:00Z")) {
        assertRefused(
            ended
                .call(
                    JUSTICE_NS,
                    "records:AnchorCertificate",
                    json(certificate("c2", MARRIAGE, HASH_B)))
                .by(JUSTICE_ISSUER)
                .at(Instant.parse(at))
                .submit(),
            ErrorCode.AGENCY_INACTIVE);
      }
    }

    @Test
    void refusesASuspendedAgencyOutsideItsActivePeriodAsSuspended() {
      assertOk(governance("SuspendAgency", JUSTICE, "AUDIT_FINDING"));
      assertRefused(
          records("AnchorCertificate", json(certificate("c1")))
              .by(JUSTICE_ISSUER)
              .at(Instant.parse("2023-06-01T00:00:00Z"))
              .submit(),
          ErrorCode.AGENCY_SUSPENDED);
      assertOk(governance("ReinstateAgency", JUSTICE));
      assertRefused(
          records("AnchorCertificate", json(certificate("c1")))
              .by(JUSTICE_ISSUER)
              .at(Instant.parse("2023-06-01T00:00:00Z"))
              .submit(),
          ErrorCode.AGENCY_INACTIVE);
    }

    @Test
    void refusesANamespaceGovernanceDoesNotKnow() {
      Network.Result result =
          network
              .call("records-unknown", "records:AnchorCertificate", json(certificate("c1")))
              .by(JUSTICE_ISSUER)
              .submit();
      assertRefused(result, ErrorCode.AGENCY_NOT_FOUND);
    }

    /**
     * The co-endorsing organisation would see transient data: anchoring takes none, not even the
     * details it commits to, and says so before looking at the caller or any state.
     */
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"details", "details:c1", "personal", "responseKey", ""})
    void refusesAnyTransientDataBeforeTheCallerOrAnyState(String key) {
      for (Network.User user : List.of(JUSTICE_ISSUER, AUDITOR)) {
        Network.Result result =
            records("AnchorCertificate", json(committed("c1", "Ana")))
                .by(user)
                .withTransient(key, details("Ana"))
                .submit();
        assertRefused(result, ErrorCode.TRANSIENT_DATA_INVALID);
        assertThat(result.message())
            .isEqualTo(
                "TRANSIENT_DATA_INVALID: transient '"
                    + key
                    + "' is not expected by this transaction")
            .doesNotContain("Ana");
        assertThat(result.stub().reads()).isEmpty();
      }
      assertRefused(
          records("AnchorCertificate", json(committed("c1", "Ana")))
              .by(JUSTICE_ISSUER)
              .withTransient(key, new byte[0])
              .submit(),
          ErrorCode.TRANSIENT_DATA_INVALID);
      assertThat(network.ledger(JUSTICE_NS).state()).isEmpty();
      assertOk(
          records("AnchorCertificate", json(committed("c1", "Ana"))).by(JUSTICE_ISSUER).submit());
    }

    @Test
    void answersWithTheSameBytesForTheSameInputs() {
      Network other = Fixtures.consortium();
      Network.Result first =
          records("AnchorCertificate", json(committed("c1", "Ana"))).by(JUSTICE_ISSUER).submit();
      Network.Result second =
          other
              .call(JUSTICE_NS, "records:AnchorCertificate", json(committed("c1", "Ana")))
              .by(JUSTICE_ISSUER)
              .submit();
      assertThat(second.payload()).isEqualTo(first.payload());
      assertThat(second.event()).isEqualTo(first.event());
      assertThat(second.writes()).hasSameSizeAs(first.writes());
      for (int i = 0; i < first.writes().size(); i++) {
        assertThat(second.writes().get(i).key()).isEqualTo(first.writes().get(i).key());
        assertThat(second.writes().get(i).value()).isEqualTo(first.writes().get(i).value());
      }
    }
  }

  @Nested
  class AnchorBatch {

    private List<CertificateRequest> batch(int size) {
      List<CertificateRequest> records = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        records.add(certificate("b" + i, BIRTH, String.format("%064x", i)));
      }
      return records;
    }

    @Test
    void anchorsEveryRecordWithOneEventEntryEachAndReturnsTheOutcomes() {
      List<CertificateRequest> records = batch(3);
      records.set(1, records.get(1).withDetailsHash(detailsHash("Ana")));
      Network.Result result =
          records("AnchorBatch", json(new BatchRequest(records))).by(JUSTICE_ISSUER).submit();

      BatchResult outcome = CanonicalJson.fromJson(assertOk(result), BatchResult.class);
      assertThat(outcome.txId()).isEqualTo(result.txId());
      assertThat(outcome.records())
          .extracting(BatchResult.Outcome::id)
          .containsExactly("b0", "b1", "b2");
      assertThat(outcome.records().get(1).privateDetailsHash()).isEqualTo(detailsHash("Ana"));
      assertThat(outcome.records().get(0).privateDetailsHash()).isNull();
      assertThat(assertOneEvent(result).entries()).hasSize(3);
      assertThat(record("b2").documentHash()).isEqualTo(String.format("%064x", 2));
      assertThat(record("b1").privateDetailsHash()).isEqualTo(detailsHash("Ana"));
      assertThat(result.writes()).allMatch(w -> w.kind() == Ledger.Write.Kind.PUT);
      assertThat(result.writes())
          .filteredOn(w -> w.key().startsWith("\u0000commitment\u0000"))
          .singleElement()
          .extracting(Ledger.Write::key)
          .isEqualTo("\u0000commitment\u0000b1\u0000");
      assertThat(commitment("b1"))
          .isEqualTo(new DetailsCommitment("b1", JUSTICE, detailsHash("Ana"), false));
    }

    @Test
    void acceptsTheMaximumAndRefusesOneMore() {
      assertThat(assertOk(records("GetBatchMaximum").by(JUSTICE_VERIFIER).evaluate()))
          .isEqualTo("500");
      assertOk(
          records("AnchorBatch", json(new BatchRequest(batch(500)))).by(JUSTICE_ISSUER).submit());
      List<CertificateRequest> tooMany = batch(501);
      assertRefused(
          records("AnchorBatch", json(new BatchRequest(tooMany))).by(JUSTICE_ISSUER).submit(),
          ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void refusesAnEmptyBatch() {
      assertRefused(
          records("AnchorBatch", json(new BatchRequest(List.of()))).by(JUSTICE_ISSUER).submit(),
          ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void refusesDuplicateIdsWithinTheBatch() {
      List<CertificateRequest> records = batch(2);
      records.add(withId(records.get(0), "b1"));
      Network.Result result =
          records("AnchorBatch", json(new BatchRequest(records))).by(JUSTICE_ISSUER).submit();
      assertRefused(result, ErrorCode.INVALID_ARGUMENT);
      assertThat(result.message()).contains("records[2].id");
    }

    @Test
    void refusesTheWholeBatchWhenOneRecordIsInvalidOrExists() {
      anchor(network, "b2");
      List<CertificateRequest> records = batch(3);
      assertRefused(
          records("AnchorBatch", json(new BatchRequest(records))).by(JUSTICE_ISSUER).submit(),
          ErrorCode.ALREADY_EXISTS);

      List<CertificateRequest> invalid = batch(3);
      invalid.set(1, certificate("b1", BIRTH, "XYZ"));
      Network.Result result =
          records("AnchorBatch", json(new BatchRequest(invalid))).by(JUSTICE_ISSUER).submit();
      assertRefused(result, ErrorCode.INVALID_ARGUMENT);
      assertThat(result.message()).contains("records[1].documentHash");
      assertThat(network.ledger(JUSTICE_NS).state().keySet()).noneMatch(k -> k.contains("b0"));
    }

    @Test
    void refusesTransientDetailsForAnyRecordInTheBatchOrNot() {
      List<CertificateRequest> records = batch(2);
      records.set(0, records.get(0).withDetailsHash(detailsHash("Ana")));
      for (String key : List.of("details:b0", "details:zz", "details")) {
        Network.Result result =
            records("AnchorBatch", json(new BatchRequest(records)))
                .by(JUSTICE_ISSUER)
                .withTransient(key, details("Ana"))
                .submit();
        assertRefused(result, ErrorCode.TRANSIENT_DATA_INVALID);
        assertThat(result.message()).contains("'" + key + "' is not expected");
        assertThat(result.stub().reads()).isEmpty();
      }
    }

    @Test
    void refusesWhenAnyTypeIsOutsideTheCallersCertificate() {
      List<CertificateRequest> records = batch(2);
      records.add(certificate("m1", MARRIAGE, HASH_C));
      assertRefused(
          records("AnchorBatch", json(new BatchRequest(records))).by(JUSTICE_BIRTH_ONLY).submit(),
          ErrorCode.NOT_AUTHORIZED);
    }
  }

  /**
   * A network in which each of {@link #coEndorsedWrite}'s transactions succeeds: the consortium,
   * certificate c1 committed to details (not stored) and the undecided application app-1 in
   * JusticeMSP's namespace.
   */
  private static Network everyWritePossible() {
    Network prepared = Fixtures.consortium();
    assertOk(
        prepared
            .call(JUSTICE_NS, "records:AnchorCertificate", json(committed("c1", "Ana")))
            .by(JUSTICE_ISSUER)
            .submit());
    assertOk(
        prepared
            .call(
                JUSTICE_NS,
                "records:RecordApplication",
                json(new ApplicationRequest("app-1", "PERMIT", "2025-01-01T09:00:00Z")))
            .by(JUSTICE_CLERK)
            .submit());
    return prepared;
  }

  /**
   * One of the co-endorsed writes, by JusticeMSP's issuer or clerk into its namespace, valid on
   * {@link #everyWritePossible()}.
   */
  private static Network.Call coEndorsedWrite(Network on, String function) {
    String name = "records:" + function;
    return switch (function) {
      case "AnchorCertificate" ->
          on.call(JUSTICE_NS, name, json(committed("c2", "Bo"))).by(JUSTICE_ISSUER);
      case "AnchorBatch" ->
          on.call(
                  JUSTICE_NS,
                  name,
                  json(
                      new BatchRequest(
                          List.of(committed("c2", "Bo"), certificate("c3", MARRIAGE, HASH_B)))))
              .by(JUSTICE_ISSUER);
      case "Supersede" ->
          on.call(JUSTICE_NS, name, "c1", json(committed("c2", "Bo"))).by(JUSTICE_ISSUER);
      case "Revoke" -> on.call(JUSTICE_NS, name, "c1", "FRAUD").by(JUSTICE_ISSUER);
      case "PurgeDetails" -> on.call(JUSTICE_NS, name, "c1").by(JUSTICE_ISSUER);
      case "RecordApplication" ->
          on.call(
                  JUSTICE_NS,
                  name,
                  json(new ApplicationRequest("app-2", "PERMIT", "2025-01-01T09:00:00Z")))
              .by(JUSTICE_CLERK);
      case "RecordDecision" ->
          on.call(
                  JUSTICE_NS,
                  name,
                  json(
                      new DecisionRequest(
                          "d1",
                          "app-1",
                          DecisionOutcome.APPROVED,
                          "LAW-12/2020:art.5",
                          DECISION,
                          HASH_C,
                          SUBJECT,
                          List.of(new RecordRef(SERVICES_NS, "lic-9")),
                          List.of("c1"),
                          null)))
              .by(JUSTICE_CLERK);
      default -> throw new IllegalArgumentException(function);
    };
  }

  @Nested
  class StoreDetails {

    private final String ana = details("Ana Example");

    @BeforeEach
    void anchoredWithACommitment() {
      assertOk(
          records("AnchorCertificate", json(committed("c1", "Ana Example")))
              .by(JUSTICE_ISSUER)
              .submit());
    }

    private Network.Call store(String id, String detailsJson) {
      return records("StoreDetails", json(new DetailsRequest(List.of(id))))
          .by(JUSTICE_ISSUER)
          .withTransient(TransientKeys.batchDetails(id), detailsJson);
    }

    private Map<String, byte[]> privateData() {
      return network
          .ledger(JUSTICE_NS)
          .privateData()
          .getOrDefault("_implicit_org_JusticeMSP", new TreeMap<>());
    }

    @Test
    void storesTheDetailsOnlyInTheOwnersImplicitCollectionAndReadDetailsOpensThem() {
      Network.Result result = store("c1", ana).submit();

      RecordEvent event = assertOneEvent(result);
      assertThat(event.namespace()).isEqualTo(JUSTICE_NS);
      assertThat(event.entries())
          .containsExactly(new RecordEvent.Entry("c1", "CERTIFICATE", "DETAILS_STORED"));
      assertThat(CanonicalJson.fromJson(result.payload(), DetailsRequest.class))
          .isEqualTo(new DetailsRequest(List.of("c1")));
      assertThat(result.writes())
          .singleElement()
          .satisfies(
              w -> {
                assertThat(w.kind()).isEqualTo(Ledger.Write.Kind.PUT_PRIVATE);
                assertThat(w.collection()).isEqualTo("_implicit_org_JusticeMSP");
                assertThat(w.key()).isEqualTo("\u0000details\u0000c1\u0000");
                assertThat(new String(w.value(), StandardCharsets.UTF_8)).isEqualTo(ana);
              });
      assertThat(result.payload()).doesNotContain("Ana");
      assertThat(result.event()).doesNotContain("Ana");
      assertThat(
              network
                  .ledger(JUSTICE_NS)
                  .privateHashes()
                  .get("_implicit_org_JusticeMSP")
                  .get("\u0000details\u0000c1\u0000"))
          .isEqualTo(HexFormat.of().parseHex(record("c1").privateDetailsHash()));
      assertThat(opened(assertOk(readDetails(network, "c1", JUSTICE_ISSUER).evaluate()), "c1"))
          .isEqualTo(ana);
      assertThat(opened(assertOk(readDetails(network, "c1", JUSTICE_CLERK).evaluate()), "c1"))
          .isEqualTo(ana);
    }

    @Test
    void readsNothingButTheCommitmentsAndAsksNoGovernance() {
      assertOk(
          records("AnchorCertificate", json(certificate("c2", MARRIAGE, HASH_B)))
              .by(JUSTICE_ISSUER)
              .submit());
      assertOk(records("Supersede", "c2", json(committed("c3", "Bo"))).by(JUSTICE_ISSUER).submit());
      Map<String, String> names = new LinkedHashMap<>();
      names.put("c3", "Bo");
      names.put("c1", "Ana Example");
      Network.Result result = Fixtures.storeDetails(network, names).submit();
      assertOk(result);
      assertThat(result.stub().reads())
          .containsExactly(
              "records-justice state \\0commitment\\0c3\\0",
              "records-justice state \\0commitment\\0c1\\0");
    }

    @Test
    void storesTheDetailsOfSeveralRecordsAllTogetherInTheOrderGiven() {
      List<CertificateRequest> batch = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        batch.add(
            certificate("b" + i, BIRTH, String.format("%064x", i))
                .withDetailsHash(detailsHash("Holder " + i)));
      }
      assertOk(records("AnchorBatch", json(new BatchRequest(batch))).by(JUSTICE_ISSUER).submit());
      Map<String, String> names = new LinkedHashMap<>();
      names.put("b2", "Holder 2");
      names.put("b0", "Holder 0");
      names.put("c1", "Ana Example");

      Network.Result result = Fixtures.storeDetails(network, names).submit();

      assertThat(CanonicalJson.fromJson(assertOk(result), DetailsRequest.class).ids())
          .containsExactly("b2", "b0", "c1");
      assertThat(assertOneEvent(result).entries())
          .containsExactly(
              new RecordEvent.Entry("b2", "CERTIFICATE", "DETAILS_STORED"),
              new RecordEvent.Entry("b0", "CERTIFICATE", "DETAILS_STORED"),
              new RecordEvent.Entry("c1", "CERTIFICATE", "DETAILS_STORED"));
      assertThat(result.writes())
          .extracting(Object::toString)
          .containsExactly(
              "PUT_PRIVATE _implicit_org_JusticeMSP \\0details\\0b2\\0",
              "PUT_PRIVATE _implicit_org_JusticeMSP \\0details\\0b0\\0",
              "PUT_PRIVATE _implicit_org_JusticeMSP \\0details\\0c1\\0");
      assertThat(opened(assertOk(readDetails(network, "b2", JUSTICE_ISSUER).evaluate()), "b2"))
          .isEqualTo(details("Holder 2"));
      assertRefused(readDetails(network, "b1", JUSTICE_ISSUER).evaluate(), ErrorCode.INVALID_STATE);
    }

    @Test
    void storingTheSameDetailsAgainChangesNothing() {
      Network.Result first = store("c1", ana).submit();
      Map<String, String> before = Transcript.ledgers(network);
      Network.Result second = store("c1", ana).submit();
      assertOneEvent(second);
      assertThat(second.payload()).isEqualTo(first.payload());
      assertThat(second.writes()).hasSize(1);
      assertThat(second.writes().get(0).toString()).isEqualTo(first.writes().get(0).toString());
      assertThat(second.writes().get(0).value()).isEqualTo(first.writes().get(0).value());
      assertThat(Transcript.ledgers(network)).isEqualTo(before);
    }

    @Test
    void acceptsTheMaximumNumberOfIdsAndRefusesOneMore() {
      List<CertificateRequest> batch = new ArrayList<>();
      Map<String, String> names = new LinkedHashMap<>();
      for (int i = 0; i < RecordsContract.BATCH_MAXIMUM; i++) {
        batch.add(
            certificate("b" + i, BIRTH, String.format("%064x", i))
                .withDetailsHash(detailsHash("Holder " + i)));
        names.put("b" + i, "Holder " + i);
      }
      assertOk(records("AnchorBatch", json(new BatchRequest(batch))).by(JUSTICE_ISSUER).submit());
      Network.Result stored = Fixtures.storeDetails(network, names).submit();
      assertThat(assertOneEvent(stored).entries()).hasSize(RecordsContract.BATCH_MAXIMUM);
      assertThat(stored.writes()).hasSize(RecordsContract.BATCH_MAXIMUM);

      names.put("c1", "Ana Example");
      Network.Result tooMany = Fixtures.storeDetails(network, names).submit();
      assertRefused(tooMany, ErrorCode.INVALID_ARGUMENT);
      assertThat(tooMany.message()).contains("ids holds more than 500");
    }

    @Test
    void refusesARecordWithoutACommitmentInThisNamespace() {
      anchor(network, "c2");
      assertOk(
          records(
                  "RecordApplication",
                  json(new ApplicationRequest("app-1", "PERMIT", "2025-01-01T09:00:00Z")))
              .by(JUSTICE_CLERK)
              .submit());
      assertOk(
          records(
                  "RecordDecision",
                  json(
                      new DecisionRequest(
                          "d1",
                          "app-1",
                          DecisionOutcome.APPROVED,
                          "L1",
                          DECISION,
                          HASH_C,
                          SUBJECT,
                          null,
                          null,
                          null)))
              .by(JUSTICE_CLERK)
              .submit());
      for (String id : List.of("nope", "c2", "d1")) {
        Network.Result result = store(id, ana).submit();
        assertRefused(result, ErrorCode.RECORD_NOT_FOUND);
        assertThat(result.message())
            .isEqualTo(
                "RECORD_NOT_FOUND: no record '"
                    + id
                    + "' with a details commitment is committed in this namespace");
      }
      // c1's commitment lives in JusticeMSP's namespace only.
      assertRefused(
          network
              .call(SERVICES_NS, "records:StoreDetails", json(new DetailsRequest(List.of("c1"))))
              .by(SERVICES_ISSUER)
              .withTransient("details:c1", ana)
              .submit(),
          ErrorCode.RECORD_NOT_FOUND);
      assertThat(privateData()).isEmpty();
    }

    @Test
    void refusesAnotherAgencysRecordThroughItsOwnPeerOrTheOwners() {
      Network.Result ownPeer =
          records("StoreDetails", json(new DetailsRequest(List.of("c1"))))
              .by(SERVICES_ISSUER)
              .withTransient("details:c1", ana)
              .submit();
      assertRefused(ownPeer, ErrorCode.NOT_AUTHORIZED);
      assertThat(ownPeer.message())
          .isEqualTo("NOT_AUTHORIZED: only the issuing agency stores the details of 'c1'");
      assertRefused(
          records("StoreDetails", json(new DetailsRequest(List.of("c1"))))
              .by(SERVICES_ISSUER)
              .onPeerOf(JUSTICE)
              .withTransient("details:c1", ana)
              .submit(),
          ErrorCode.NOT_AUTHORIZED);
      assertThat(privateData()).isEmpty();
    }

    @Test
    void refusesAnyoneButAnIssuerThroughItsOwnOrganisationsPeer() {
      for (Network.User user : List.of(JUSTICE_CLERK, JUSTICE_VERIFIER, JUSTICE_NO_ROLE)) {
        assertRefused(store("c1", ana).by(user).submit(), ErrorCode.NOT_AUTHORIZED);
      }
      for (String peer : List.of(SERVICES, AUDIT)) {
        Network.Result result = store("c1", ana).onPeerOf(peer).submit();
        assertRefused(result, ErrorCode.NOT_AUTHORIZED);
        assertThat(result.message())
            .isEqualTo(
                "NOT_AUTHORIZED: caller JusticeMSP must submit through its own organisation's peer");
      }
      Network.Result unknownPeer = store("c1", ana).onPeerOf(null).submit();
      assertRefused(unknownPeer, ErrorCode.NOT_AUTHORIZED);
      assertThat(unknownPeer.message())
          .isEqualTo("NOT_AUTHORIZED: the endorsing peer's MSP is unknown");
      assertThat(privateData()).isEmpty();
      assertOneEvent(store("c1", ana).onPeerOf(JUSTICE).submit());
    }

    @Test
    void refusesTheDetailsOfAPurgedRecordStoredOrNot() {
      assertOk(records("PurgeDetails", "c1").by(JUSTICE_ISSUER).submit());
      assertRefused(store("c1", ana).submit(), ErrorCode.INVALID_STATE);

      Fixtures.anchorWithDetails(network, "c2", "Bo");
      assertOk(records("PurgeDetails", "c2").by(JUSTICE_ISSUER).submit());
      Network.Result again = Fixtures.storeDetails(network, "c2", "Bo").submit();
      assertRefused(again, ErrorCode.INVALID_STATE);
      assertThat(again.message())
          .isEqualTo("INVALID_STATE: the details of record 'c2' were purged");
      assertThat(privateData()).isEmpty();
    }

    @Test
    void refusesDetailsThatDoNotHashToTheCommitmentWithoutEchoingThem() {
      String otherSalt =
          json(new PrivateDetails("f".repeat(32), new TreeMap<>(Map.of("name", "Ana Example"))));
      for (String wrong : List.of(details("Bo Sample"), otherSalt, ana.replace(",", ", "))) {
        Network.Result result = store("c1", wrong).submit();
        assertRefused(result, ErrorCode.TRANSIENT_DATA_INVALID);
        assertThat(result.message())
            .isEqualTo(
                "TRANSIENT_DATA_INVALID: transient 'details:c1' does not match the record's"
                    + " details commitment")
            .doesNotContain("Ana")
            .doesNotContain("Bo");
      }
      assertThat(privateData()).isEmpty();
    }

    @Test
    void refusesTheWholeRequestWhenOneRecordFails() {
      assertOk(
          records("AnchorCertificate", json(certificate("c2").withDetailsHash(detailsHash("Bo"))))
              .by(JUSTICE_ISSUER)
              .submit());
      Map<String, String> swapped = new LinkedHashMap<>();
      swapped.put("c1", "Ana Example");
      swapped.put("c2", "Ana Example");
      assertRefused(
          Fixtures.storeDetails(network, swapped).submit(), ErrorCode.TRANSIENT_DATA_INVALID);
      Map<String, String> unknown = new LinkedHashMap<>();
      unknown.put("c1", "Ana Example");
      unknown.put("nope", "Bo");
      assertRefused(Fixtures.storeDetails(network, unknown).submit(), ErrorCode.RECORD_NOT_FOUND);
      assertThat(privateData()).isEmpty();
      assertRefused(readDetails(network, "c1", JUSTICE_ISSUER).evaluate(), ErrorCode.INVALID_STATE);
    }

    @Test
    void refusesMissingOrUnexpectedTransientKeysBeforeTheCallerOrAnyState() {
      String oneId = json(new DetailsRequest(List.of("c1")));
      String twoIds = json(new DetailsRequest(List.of("c1", "c2")));
      List<Network.Call> calls =
          List.of(
              records("StoreDetails", oneId),
              records("StoreDetails", oneId)
                  .withTransient("details:c1", ana)
                  .withTransient("details", ana),
              records("StoreDetails", oneId).withTransient("details:c2", ana),
              records("StoreDetails", oneId)
                  .withTransient(TransientKeys.RESPONSE_KEY, RESPONSE_KEY),
              records("StoreDetails", twoIds).withTransient("details:c1", ana));
      List<String> messages =
          List.of(
              "transient 'details:c1' is required",
              "transient 'details' is not expected by this transaction",
              "transient 'details:c2' is not expected by this transaction",
              "transient 'responseKey' is not expected by this transaction",
              "transient 'details:c2' is required");
      for (int i = 0; i < calls.size(); i++) {
        Network.Result result = calls.get(i).by(AUDITOR).onPeerOf(SERVICES).submit();
        assertRefused(result, ErrorCode.TRANSIENT_DATA_INVALID);
        assertThat(result.message()).isEqualTo("TRANSIENT_DATA_INVALID: " + messages.get(i));
        assertThat(result.message()).doesNotContain("Ana");
        assertThat(result.stub().reads()).isEmpty();
      }
    }

    @Test
    void refusesDetailsWithAShortSaltTooLargeEmptyOrNotStrictJsonBeforeAnyState() {
      String weak = "{\"details\":{\"name\":\"Ana\"},\"salt\":\"abcd\"}";
      String big =
          json(new PrivateDetails(SALT, new TreeMap<>(Map.of("photo", "x".repeat(17_000)))));
      String duplicate = "{\"salt\":\"" + SALT + "\",\"salt\":\"" + SALT + "\",\"details\":{}}";
      String noDetails = "{\"salt\":\"" + SALT + "\",\"details\":{}}";
      String unknown = ana.replace("{\"details\"", "{\"nationalId\":\"Ana 1\",\"details\"");
      for (String bad : List.of(weak, big, duplicate, noDetails, unknown, "", "not json")) {
        Network.Result result = store("c1", bad).submit();
        assertRefused(result, ErrorCode.TRANSIENT_DATA_INVALID);
        assertThat(result.message()).startsWith("TRANSIENT_DATA_INVALID: transient 'details:c1' ");
        assertThat(result.message()).doesNotContain("Ana");
        assertThat(result.stub().reads()).isEmpty();
      }
      assertThat(privateData()).isEmpty();
    }

    /**
     * Only a purge changes a commitment: revoking or superseding the record, or suspending its
     * agency, does not stop its details from being stored (nor make a details transaction endorsed
     * before them fail at commit).
     */
    @Test
    void remainsPossibleAfterRevocationSupersessionOrSuspension() {
      assertOk(records("Revoke", "c1", "FRAUD").by(JUSTICE_ISSUER).submit());
      Fixtures.anchorWithDetails(network, "c9", "Cy");
      assertOk(
          records("AnchorCertificate", json(committed("c2", "Bo"))).by(JUSTICE_ISSUER).submit());
      assertOk(records("Supersede", "c2", json(committed("c3", "Cy"))).by(JUSTICE_ISSUER).submit());
      assertOk(governance("SuspendAgency", JUSTICE, "AUDIT_FINDING"));

      Map<String, String> names = new LinkedHashMap<>();
      names.put("c1", "Ana Example");
      names.put("c2", "Bo");
      names.put("c3", "Cy");
      assertOneEvent(Fixtures.storeDetails(network, names).submit());
      assertThat(opened(assertOk(readDetails(network, "c3", JUSTICE_ISSUER).evaluate()), "c3"))
          .isEqualTo(details("Cy"));
    }

    /** Owner-only: no co-endorser, so no second clock; nothing it writes carries a time. */
    @Test
    void doesNotCheckTheAssertedTime() {
      assertOneEvent(
          store("c1", ana).endorserClockAt(network.now().plus(Duration.ofHours(1))).submit());
    }
  }

  /**
   * Every co-endorsed write refuses to be endorsed when its asserted time lies more than five
   * minutes from the endorsing peer's clock, after checking the caller and before reading any
   * state.
   */
  @Nested
  class AssertedTime {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void theToleranceIsFiveMinutes() {
      assertThat(TimeTolerance.TOLERANCE).isEqualTo(TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "AnchorCertificate",
          "AnchorBatch",
          "Supersede",
          "Revoke",
          "PurgeDetails",
          "RecordApplication",
          "RecordDecision"
        })
    void refusesATimeBeyondTheToleranceBeforeReadingAnyState(String function) {
      Network prepared = everyWritePossible();
      Instant at = prepared.now();
      for (Duration skew :
          List.of(
              Duration.ofHours(1),
              Duration.ofHours(-1),
              TOLERANCE.plusSeconds(1),
              TOLERANCE.negated().minusSeconds(1),
              Duration.ofDays(365))) {
        Network.Result result =
            coEndorsedWrite(prepared, function).at(at).endorserClockAt(at.plus(skew)).submit();
        assertRefused(result, ErrorCode.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(result.message())
            .as(skew.toString())
            .isEqualTo(
                "TIMESTAMP_OUT_OF_TOLERANCE: the transaction time "
                    + at
                    + " is "
                    + skew.abs().toSeconds()
                    + " s from this endorsing peer's clock; at most 300 s are accepted");
        assertThat(result.stub().reads()).isEmpty();
      }
      assertThat(Transcript.ledgers(prepared)).isEqualTo(Transcript.ledgers(everyWritePossible()));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "AnchorCertificate",
          "AnchorBatch",
          "Supersede",
          "Revoke",
          "PurgeDetails",
          "RecordApplication",
          "RecordDecision"
        })
    void acceptsATimeExactlyAtTheToleranceOnEitherSide(String function) {
      for (Duration skew : List.of(TOLERANCE, TOLERANCE.negated(), Duration.ofSeconds(-299))) {
        Network prepared = everyWritePossible();
        Instant at = prepared.now();
        Network.Result result =
            coEndorsedWrite(prepared, function).at(at).endorserClockAt(at.plus(skew)).submit();
        assertOneEvent(result);
        assertThat(result.timestamp()).isEqualTo(at);
      }
    }

    @Test
    void checksTheCallerFirstAndGovernanceAfter() {
      Instant at = network.now();
      Instant peer = at.plus(Duration.ofHours(1));
      assertRefused(
          records("AnchorCertificate", json(certificate("c1")))
              .by(JUSTICE_CLERK)
              .at(at)
              .endorserClockAt(peer)
              .submit(),
          ErrorCode.NOT_AUTHORIZED);
      assertRefused(
          records("AnchorCertificate", json(certificate("c1", MARRIAGE, HASH_A)))
              .by(JUSTICE_BIRTH_ONLY)
              .at(at)
              .endorserClockAt(peer)
              .submit(),
          ErrorCode.NOT_AUTHORIZED);
      assertOk(governance("SuspendAgency", JUSTICE, "AUDIT_FINDING"));
      Instant later = network.now();
      assertRefused(
          records("AnchorCertificate", json(certificate("c1")))
              .by(JUSTICE_ISSUER)
              .at(later)
              .endorserClockAt(later.minus(Duration.ofHours(1)))
              .submit(),
          ErrorCode.TIMESTAMP_OUT_OF_TOLERANCE);
      assertRefused(
          network
              .call("records-unknown", "records:Revoke", "c1", "FRAUD")
              .by(JUSTICE_ISSUER)
              .at(later)
              .endorserClockAt(later.plus(Duration.ofHours(1)))
              .submit(),
          ErrorCode.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    /**
     * An agency whose active period has ended cannot pass off a new record as issued before the
     * end: the endorsers' clocks show the present.
     */
    @Test
    void anAgencyPastItsActivePeriodCannotBackdateARecordIntoIt() {
      Network ended = Fixtures.members();
      Instant end = Instant.parse("2025-01-01T12:00:00Z");
      assertOk(
          Fixtures.govern(
              ended,
              "RegisterAgency",
              json(
                  new AgencyRequest(
                      JUSTICE,
                      "Justice until noon",
                      JUSTICE_NS,
                      List.of(BIRTH),
                      "2024-01-01T00:00:00Z",
                      end.toString()))));
      Instant now = end.plus(Duration.ofDays(1));
      Network.Result backdated =
          ended
              .call(JUSTICE_NS, "records:AnchorCertificate", json(certificate("c1")))
              .by(JUSTICE_ISSUER)
              .at(end.minusSeconds(1))
              .endorserClockAt(now)
              .submit();
      assertRefused(backdated, ErrorCode.TIMESTAMP_OUT_OF_TOLERANCE);
      assertRefused(
          ended
              .call(JUSTICE_NS, "records:AnchorCertificate", json(certificate("c1")))
              .by(JUSTICE_ISSUER)
              .at(now)
              .endorserClockAt(now)
              .submit(),
          ErrorCode.AGENCY_INACTIVE);
      // Within the tolerance, an assertion just before the end is accepted: the stated limit.
      assertOk(
          ended
              .call(JUSTICE_NS, "records:AnchorCertificate", json(certificate("c1")))
              .by(JUSTICE_ISSUER)
              .at(end.minusSeconds(1))
              .endorserClockAt(end.plus(Duration.ofMinutes(4)))
              .submit());
    }

    @Test
    void queriesAndOwnerOnlyTransactionsDoNotCheckIt() {
      Fixtures.anchorWithDetails(network, "c1", "Ana");
      Instant far = network.now().plus(Duration.ofDays(30));
      assertOk(records("GetRecord", "c1").by(AUDITOR).endorserClockAt(far).evaluate());
      assertOk(records("VerifyRecord", "c1", "").by(AUDITOR).endorserClockAt(far).evaluate());
      assertOk(readDetails(network, "c1", JUSTICE_ISSUER).endorserClockAt(far).evaluate());
      assertOk(Fixtures.storeDetails(network, "c1", "Ana").endorserClockAt(far).submit());
    }
  }

  /**
   * Every records write is endorsed by the owner's peer and a peer of another organisation running
   * the same contract: the two endorsements must be byte-identical (else the client gets
   * "ProposalResponsePayloads do not match" and nothing is ordered), and whatever the owner's peer
   * would refuse, the co-endorser's refuses too.
   */
  @Nested
  class CoEndorsement {

    @Test
    void theOwnersAndTheCoEndorsersPeerEndorseAnAnchoringByteForByte() {
      Network owner = Fixtures.consortium();
      Network coEndorser = Fixtures.consortium();
      Instant at = owner.now();
      Network.Result first =
          owner
              .call(JUSTICE_NS, "records:AnchorCertificate", json(committed("c1", "Ana")))
              .by(JUSTICE_ISSUER)
              .onPeerOf(JUSTICE)
              .at(at)
              .submit();
      Network.Result second =
          coEndorser
              .call(JUSTICE_NS, "records:AnchorCertificate", json(committed("c1", "Ana")))
              .by(JUSTICE_ISSUER)
              .onPeerOf(SERVICES)
              .at(at)
              .endorserClockAt(at.plusSeconds(90))
              .submit();

      assertOneEvent(first);
      assertThat(second.status()).isEqualTo(first.status());
      assertThat(second.payload()).isEqualTo(first.payload());
      assertThat(second.event()).isEqualTo(first.event());
      assertThat(second.writes()).hasSameSizeAs(first.writes());
      for (int i = 0; i < first.writes().size(); i++) {
        assertThat(second.writes().get(i).kind()).isEqualTo(first.writes().get(i).kind());
        assertThat(second.writes().get(i).key()).isEqualTo(first.writes().get(i).key());
        assertThat(second.writes().get(i).value()).isEqualTo(first.writes().get(i).value());
      }
      assertThat(second.stub().reads()).isEqualTo(first.stub().reads());
      assertThat(first.stub().reads())
          .as("both endorsements carry governance's entry in their read sets")
          .contains("governance state \\0agency~ns\\0records-justice\\0");
      assertThat(Transcript.ledgers(coEndorser)).isEqualTo(Transcript.ledgers(owner));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "AnchorCertificate",
          "AnchorBatch",
          "Supersede",
          "Revoke",
          "PurgeDetails",
          "RecordApplication",
          "RecordDecision"
        })
    void everyWriteIsEndorsedIdenticallyOnEveryOrganisationsPeer(String function) {
      Network owner = everyWritePossible();
      Instant at = owner.now();
      Network.Result expected = coEndorsedWrite(owner, function).onPeerOf(JUSTICE).at(at).submit();
      assertOneEvent(expected);
      for (String peer : List.of(SERVICES, AUDIT)) {
        for (Duration skew : List.of(Duration.ofMinutes(4), Duration.ofSeconds(-300))) {
          Network coEndorser = everyWritePossible();
          Network.Result result =
              coEndorsedWrite(coEndorser, function)
                  .onPeerOf(peer)
                  .at(at)
                  .endorserClockAt(at.plus(skew))
                  .submit();
          String what = function + " on " + peer + "'s peer, clock " + skew;
          assertThat(Transcript.of(result)).as(what).isEqualTo(Transcript.of(expected));
          assertThat(result.stub().reads()).as(what).isEqualTo(expected.stub().reads());
          assertThat(Transcript.ledgers(coEndorser)).as(what).isEqualTo(Transcript.ledgers(owner));
        }
      }
    }

    /** The same refusal, with the same message, on the owner's peer and on a co-endorser's. */
    private void refusedAlikeOnEveryPeer(Function<String, Network.Result> endorse, ErrorCode code) {
      Network.Result onOwner = endorse.apply(JUSTICE);
      assertRefused(onOwner, code);
      for (String peer : List.of(SERVICES, AUDIT)) {
        Network.Result onCoEndorser = endorse.apply(peer);
        assertRefused(onCoEndorser, code);
        assertThat(onCoEndorser.message()).as(peer).isEqualTo(onOwner.message());
        assertThat(onCoEndorser.stub().reads()).as(peer).isEqualTo(onOwner.stub().reads());
      }
    }

    @Test
    void theCoEndorserRefusesASuspendedAgency() {
      anchor(network, "c1");
      assertOk(governance("SuspendAgency", JUSTICE, "AUDIT_FINDING"));
      refusedAlikeOnEveryPeer(
          peer ->
              records("AnchorCertificate", json(committed("c2", "Ana")))
                  .by(JUSTICE_ISSUER)
                  .onPeerOf(peer)
                  .submit(),
          ErrorCode.AGENCY_SUSPENDED);
      refusedAlikeOnEveryPeer(
          peer ->
              records("Supersede", "c1", json(certificate("c2")))
                  .by(JUSTICE_ISSUER)
                  .onPeerOf(peer)
                  .submit(),
          ErrorCode.AGENCY_SUSPENDED);
    }

    @Test
    void theCoEndorserRefusesADocumentTypeGovernanceDidNotGrant() {
      Network.User wide = user(JUSTICE, "wide", "issuer", BIRTH + ";" + LICENCE);
      refusedAlikeOnEveryPeer(
          peer ->
              records("AnchorCertificate", json(certificate("c1", LICENCE, HASH_A)))
                  .by(wide)
                  .onPeerOf(peer)
                  .submit(),
          ErrorCode.ISSUER_NOT_AUTHORIZED);
      refusedAlikeOnEveryPeer(
          peer ->
              records(
                      "AnchorBatch",
                      json(
                          new BatchRequest(
                              List.of(certificate("c1"), certificate("c2", LICENCE, HASH_B)))))
                  .by(wide)
                  .onPeerOf(peer)
                  .submit(),
          ErrorCode.ISSUER_NOT_AUTHORIZED);
    }

    @Test
    void theCoEndorserRefusesAnAgencyOutsideItsActivePeriod() {
      Instant before = Instant.parse("2023-06-01T00:00:00Z");
      refusedAlikeOnEveryPeer(
          peer ->
              records("AnchorCertificate", json(certificate("c1")))
                  .by(JUSTICE_ISSUER)
                  .onPeerOf(peer)
                  .at(before)
                  .submit(),
          ErrorCode.AGENCY_INACTIVE);
    }

    @Test
    void theCoEndorserRefusesAnotherAgencyOrAnotherRoleWritingIntoTheNamespace() {
      anchor(network, "c1");
      refusedAlikeOnEveryPeer(
          peer ->
              records("AnchorCertificate", json(certificate("c2")))
                  .by(SERVICES_ISSUER)
                  .onPeerOf(peer)
                  .submit(),
          ErrorCode.NOT_AUTHORIZED);
      refusedAlikeOnEveryPeer(
          peer -> records("Revoke", "c1", "FRAUD").by(SERVICES_ISSUER).onPeerOf(peer).submit(),
          ErrorCode.NOT_AUTHORIZED);
      refusedAlikeOnEveryPeer(
          peer -> records("Revoke", "c1", "FRAUD").by(JUSTICE_CLERK).onPeerOf(peer).submit(),
          ErrorCode.NOT_AUTHORIZED);
      refusedAlikeOnEveryPeer(
          peer ->
              records("AnchorCertificate", json(certificate("c2", MARRIAGE, HASH_B)))
                  .by(JUSTICE_BIRTH_ONLY)
                  .onPeerOf(peer)
                  .submit(),
          ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void theCoEndorserRefusesStateConflictsAlike() {
      anchor(network, "c1");
      refusedAlikeOnEveryPeer(
          peer ->
              records("AnchorCertificate", json(certificate("c1")))
                  .by(JUSTICE_ISSUER)
                  .onPeerOf(peer)
                  .submit(),
          ErrorCode.ALREADY_EXISTS);
      refusedAlikeOnEveryPeer(
          peer -> records("PurgeDetails", "c1").by(JUSTICE_ISSUER).onPeerOf(peer).submit(),
          ErrorCode.INVALID_STATE);
    }

    @Test
    void theCoEndorserNeverSeesDetailsAndCannotStoreThem() {
      Network.Result anchored =
          records("AnchorCertificate", json(committed("c1", "Ana")))
              .by(JUSTICE_ISSUER)
              .onPeerOf(SERVICES)
              .submit();
      assertOk(anchored);
      assertThat(anchored.stub().getTransient()).isEmpty();
      assertThat(Transcript.of(anchored)).noneMatch(line -> line.contains("Ana"));
      assertRefused(
          Fixtures.storeDetails(network, "c1", "Ana").onPeerOf(SERVICES).submit(),
          ErrorCode.NOT_AUTHORIZED);
      assertOneEvent(Fixtures.storeDetails(network, "c1", "Ana").onPeerOf(JUSTICE).submit());
    }
  }

  @Nested
  class RecordApplication {

    @Test
    void recordsTheReceiptForAnIssuerOrClerk() {
      Network.Result result =
          records(
                  "RecordApplication",
                  json(new ApplicationRequest("app-1", "PERMIT", "2025-01-01T09:00:00Z")))
              .by(JUSTICE_CLERK)
              .submit();
      ApplicationReceipt receipt =
          CanonicalJson.fromJson(assertOk(result), ApplicationReceipt.class);
      assertThat(receipt.decisionId()).isNull();
      assertThat(result.writes())
          .extracting(Object::toString)
          .containsExactly("PUT \\0app\\0app-1\\0");
      assertThat(assertOneEvent(result).entries())
          .containsExactly(new RecordEvent.Entry("app-1", "APPLICATION", "RECEIVED"));
      assertThat(
              CanonicalJson.fromJson(
                  assertOk(records("GetApplication", "app-1").by(AUDITOR).evaluate()),
                  ApplicationReceipt.class))
          .isEqualTo(receipt);
    }

    @Test
    void refusesAVerifierADuplicateAndABadInstant() {
      String request = json(new ApplicationRequest("app-1", "PERMIT", "2025-01-01T09:00:00Z"));
      assertRefused(
          records("RecordApplication", request).by(JUSTICE_VERIFIER).submit(),
          ErrorCode.NOT_AUTHORIZED);
      assertOk(records("RecordApplication", request).by(JUSTICE_ISSUER).submit());
      assertRefused(
          records("RecordApplication", request).by(JUSTICE_ISSUER).submit(),
          ErrorCode.ALREADY_EXISTS);
      assertRefused(
          records("RecordApplication", json(new ApplicationRequest("app-2", "PERMIT", "yesterday")))
              .by(JUSTICE_ISSUER)
              .submit(),
          ErrorCode.INVALID_ARGUMENT);
    }
  }

  @Nested
  class RecordDecision {

    private DecisionRequest decision(String id, DecisionOutcome outcome, List<String> results) {
      return new DecisionRequest(
          id,
          "app-1",
          outcome,
          "LAW-12/2020:art.5",
          DECISION,
          HASH_C,
          SUBJECT,
          List.of(new RecordRef(SERVICES_NS, "lic-9")),
          results,
          null);
    }

    @BeforeEach
    void application() {
      assertOk(
          records(
                  "RecordApplication",
                  json(new ApplicationRequest("app-1", "PERMIT", "2025-01-01T09:00:00Z")))
              .by(JUSTICE_CLERK)
              .submit());
    }

    @Test
    void anchorsADecisionLinkedToTheApplicationAndItsResults() {
      anchor(network, "c1");
      Network.Result result =
          records("RecordDecision", json(decision("d1", DecisionOutcome.APPROVED, List.of("c1"))))
              .by(JUSTICE_CLERK)
              .submit();
      RegistryRecord stored = CanonicalJson.fromJson(assertOk(result), RegistryRecord.class);
      assertThat(stored.kind()).isEqualTo(RecordKind.DECISION);
      assertThat(stored.decision().serviceCode()).isEqualTo("PERMIT");
      assertThat(stored.decision().receivedAt()).isEqualTo("2025-01-01T09:00:00Z");
      assertThat(stored.decision().decidedAt()).isEqualTo(result.timestamp().toString());
      assertThat(stored.decision().inputRecords())
          .containsExactly(new RecordRef(SERVICES_NS, "lic-9"));
      assertThat(stored.validFrom()).isEqualTo(result.timestamp().toString());
      assertThat(assertOneEvent(result).entries())
          .containsExactly(
              new RecordEvent.Entry("d1", "DECISION", "DECIDED"),
              new RecordEvent.Entry("app-1", "APPLICATION", "DECIDED"));
      ApplicationReceipt receipt =
          CanonicalJson.fromJson(
              assertOk(records("GetApplication", "app-1").by(AUDITOR).evaluate()),
              ApplicationReceipt.class);
      assertThat(receipt.decisionId()).isEqualTo("d1");
      RecordPage page =
          CanonicalJson.fromJson(
              assertOk(records("ListByApplication", "app-1", "10", "").by(AUDITOR).evaluate()),
              RecordPage.class);
      assertThat(page.records()).extracting(RegistryRecord::id).containsExactly("d1");
    }

    @Test
    void refusesAnUnknownApplicationAnUnknownResultAndASecondDecision() {
      DecisionRequest unknownApp =
          new DecisionRequest(
              "d1",
              "app-404",
              DecisionOutcome.REJECTED,
              "L1",
              DECISION,
              HASH_C,
              SUBJECT,
              null,
              null,
              null);
      assertRefused(
          records("RecordDecision", json(unknownApp)).by(JUSTICE_CLERK).submit(),
          ErrorCode.APPLICATION_NOT_FOUND);
      assertRefused(
          records("RecordDecision", json(decision("d1", DecisionOutcome.APPROVED, List.of("nope"))))
              .by(JUSTICE_CLERK)
              .submit(),
          ErrorCode.RECORD_NOT_FOUND);
      assertOk(
          records("RecordDecision", json(decision("d1", DecisionOutcome.REJECTED, null)))
              .by(JUSTICE_CLERK)
              .submit());
      assertRefused(
          records("RecordDecision", json(decision("d2", DecisionOutcome.APPROVED, null)))
              .by(JUSTICE_CLERK)
              .submit(),
          ErrorCode.INVALID_STATE);
      // The same decision again (a rerun after an unknown outcome) is ALREADY_EXISTS, which the
      // library compares with the ledger, not "already decided".
      Network.Result rerun =
          records("RecordDecision", json(decision("d1", DecisionOutcome.REJECTED, null)))
              .by(JUSTICE_CLERK)
              .submit();
      assertRefused(rerun, ErrorCode.ALREADY_EXISTS);
      assertThat(rerun.writes()).isEmpty();
    }

    @Test
    void allowsANewDecisionAfterTheApplicationWasReturned() {
      assertOk(
          records("RecordDecision", json(decision("d1", DecisionOutcome.RETURNED, null)))
              .by(JUSTICE_CLERK)
              .submit());
      assertOk(
          records("RecordDecision", json(decision("d2", DecisionOutcome.APPROVED, null)))
              .by(JUSTICE_CLERK)
              .submit());
    }

    @Test
    void refusesAnUnknownOutcomeAndAReferenceToAMalformedNamespace() {
      String badOutcome =
          json(decision("d1", DecisionOutcome.APPROVED, null)).replace("APPROVED", "MAYBE");
      assertRefused(
          records("RecordDecision", badOutcome).by(JUSTICE_CLERK).submit(),
          ErrorCode.INVALID_ARGUMENT);
      DecisionRequest badRef =
          new DecisionRequest(
              "d1",
              "app-1",
              DecisionOutcome.APPROVED,
              "L1",
              DECISION,
              HASH_C,
              SUBJECT,
              List.of(new RecordRef("bad namespace", "x")),
              null,
              null);
      assertRefused(
          records("RecordDecision", json(badRef)).by(JUSTICE_CLERK).submit(),
          ErrorCode.INVALID_ARGUMENT);
    }

    private DecisionRequest withLegalBasis(String legalBasis) {
      DecisionRequest d = decision("d1", DecisionOutcome.APPROVED, null);
      return new DecisionRequest(
          d.id(),
          d.applicationId(),
          d.outcome(),
          legalBasis,
          d.documentType(),
          d.documentHash(),
          d.subjectRef(),
          d.inputRecords(),
          d.resultRecordIds(),
          d.metadata());
    }

    @Test
    void storesALegalBasisWithSpacesAndPunctuationAsGiven() {
      String basis = "Civil Code, art. 12 (1) – § 3";
      RegistryRecord stored =
          CanonicalJson.fromJson(
              assertOk(
                  records("RecordDecision", json(withLegalBasis(basis)))
                      .by(JUSTICE_CLERK)
                      .submit()),
              RegistryRecord.class);
      assertThat(stored.decision().legalBasis()).isEqualTo(basis);
      RegistryRecord read =
          CanonicalJson.fromJson(
              assertOk(records("GetRecord", "d1").by(AUDITOR).evaluate()), RegistryRecord.class);
      assertThat(read.decision().legalBasis()).isEqualTo(basis);
    }

    @Test
    void refusesALegalBasisWithControlCharactersOrOuterSpacesOrTooLong() {
      for (String basis :
          List.of(
              "Civil Code,\tart. 12",
              "Civil Code\u0000",
              "Civil Code\udbff\udfff",
              " Civil Code",
              "Civil Code ",
              "y".repeat(InputRules.MAX_LEGAL_BASIS + 1))) {
        Network.Result result =
            records("RecordDecision", json(withLegalBasis(basis))).by(JUSTICE_CLERK).submit();
        assertRefused(result, ErrorCode.INVALID_ARGUMENT);
        assertThat(result.message())
            .as(basis)
            .isEqualTo("INVALID_ARGUMENT: legalBasis must be " + InputRules.LEGAL_BASIS_RULE);
      }
    }

    @Test
    void refusesAVerifier() {
      assertRefused(
          records("RecordDecision", json(decision("d1", DecisionOutcome.APPROVED, null)))
              .by(JUSTICE_VERIFIER)
              .submit(),
          ErrorCode.NOT_AUTHORIZED);
    }
  }

  @Nested
  class Revoke {

    @Test
    void marksTheRecordRevokedWithReasonTimeAndActor() {
      anchor(network, "c1");
      Network.Result result =
          records("Revoke", "c1", "ISSUED_IN_ERROR").by(JUSTICE_ISSUER).submit();
      RegistryRecord revoked = CanonicalJson.fromJson(assertOk(result), RegistryRecord.class);
      assertThat(revoked.status()).isEqualTo(RecordStatus.REVOKED);
      assertThat(revoked.revocation().reasonCode()).isEqualTo("ISSUED_IN_ERROR");
      assertThat(revoked.revocation().revokedAt()).isEqualTo(result.timestamp().toString());
      assertThat(result.writes())
          .extracting(Object::toString)
          .containsExactly("PUT \\0rec\\0c1\\0");
      assertThat(assertOneEvent(result).entries())
          .containsExactly(new RecordEvent.Entry("c1", "CERTIFICATE", "REVOKED"));
    }

    @Test
    void refusesAnotherAgencyAnUnknownRecordAndASecondRevocation() {
      anchor(network, "c1");
      assertRefused(
          records("Revoke", "c1", "X").by(SERVICES_ISSUER).submit(), ErrorCode.NOT_AUTHORIZED);
      assertRefused(
          records("Revoke", "c1", "X").by(SERVICES_ISSUER).onPeerOf(JUSTICE).submit(),
          ErrorCode.NOT_AUTHORIZED);
      assertRefused(
          records("Revoke", "nope", "X").by(JUSTICE_ISSUER).submit(), ErrorCode.RECORD_NOT_FOUND);
      assertOk(records("Revoke", "c1", "X").by(JUSTICE_ISSUER).submit());
      assertRefused(
          records("Revoke", "c1", "X").by(JUSTICE_ISSUER).submit(), ErrorCode.INVALID_STATE);
    }

    @Test
    void refusesAClerkAndABadReasonCode() {
      anchor(network, "c1");
      assertRefused(
          records("Revoke", "c1", "X").by(JUSTICE_CLERK).submit(), ErrorCode.NOT_AUTHORIZED);
      assertRefused(
          records("Revoke", "c1", "not a code").by(JUSTICE_ISSUER).submit(),
          ErrorCode.INVALID_ARGUMENT);
    }

    /**
     * Times are asserted by the submitter: a revocation stamped before the anchoring it follows (a
     * slow clock) takes effect together with it, so the record is REVOKED from then on, never VALID
     * again; a revocation stamped in the future takes effect at its time and locks nothing.
     */
    @Test
    void aChangeStampedBeforeTheLastOneTakesEffectWithItAndAFutureOneLocksNothing() {
      Network.Result anchored = anchor(network, "c1");
      Instant anchoredAt = anchored.timestamp();
      assertOk(
          records("Revoke", "c1", "FRAUD")
              .by(JUSTICE_ISSUER)
              .at(anchoredAt.minusSeconds(30))
              .submit());
      for (Instant at : List.of(anchoredAt, anchoredAt.plusSeconds(1), network.now())) {
        assertThat(verify("c1", at.toString()).verdict())
            .as(at.toString())
            .isEqualTo(Verdict.REVOKED);
      }
      assertThat(verify("c1", "").verdict()).isEqualTo(Verdict.REVOKED);

      Network.Result future =
          records("AnchorCertificate", json(committed("c2", "Ana"))).by(JUSTICE_ISSUER).submit();
      assertOk(future);
      Instant nextYear = future.timestamp().plus(java.time.Duration.ofDays(365));
      assertOk(records("Revoke", "c2", "FRAUD").by(JUSTICE_ISSUER).at(nextYear).submit());
      assertThat(verify("c2", network.now().toString()).verdict()).isEqualTo(Verdict.VALID);
      assertThat(verify("c2", nextYear.toString()).verdict()).isEqualTo(Verdict.REVOKED);
      assertOk(records("PurgeDetails", "c2").by(JUSTICE_ISSUER).submit());
      assertThat(verify("c2", nextYear.toString()).verdict()).isEqualTo(Verdict.REVOKED);
    }

    @Test
    void aRevocationCommittedAfterAFutureDatedAnchoringIsInForceAtOnce() {
      Instant nextYear = network.now().plus(java.time.Duration.ofDays(365));
      assertOk(
          records("AnchorCertificate", json(certificate("c9")))
              .by(JUSTICE_ISSUER)
              .at(nextYear)
              .submit());
      Network.Result revoked = records("Revoke", "c9", "FRAUD").by(JUSTICE_ISSUER).submit();
      assertOk(revoked);
      assertThat(verify("c9", revoked.timestamp().toString()).verdict()).isEqualTo(Verdict.REVOKED);
      assertThat(verify("c9", nextYear.plusSeconds(1).toString()).verdict())
          .isEqualTo(Verdict.REVOKED);
    }

    private Verification verify(String id, String at) {
      return CanonicalJson.fromJson(
          assertOk(records("VerifyRecord", id, at).by(AUDITOR).evaluate()), Verification.class);
    }

    @Test
    void remainsPossibleWhileTheAgencyIsSuspended() {
      anchor(network, "c1");
      assertOk(governance("SuspendAgency", JUSTICE, "AUDIT"));
      assertOk(records("Revoke", "c1", "FRAUD").by(JUSTICE_ISSUER).submit());
    }
  }

  @Nested
  class Supersede {

    @Test
    void linksBothRecordsAndTheOldOneVerifiesAsSuperseded() {
      anchor(network, "c1");
      Network.Result result =
          records("Supersede", "c1", json(certificate("c2", BIRTH, HASH_B)))
              .by(JUSTICE_ISSUER)
              .submit();
      RegistryRecord replacement = CanonicalJson.fromJson(assertOk(result), RegistryRecord.class);
      assertThat(replacement.supersedes()).isEqualTo("c1");
      assertThat(record("c1").supersededBy()).isEqualTo("c2");
      assertThat(record("c1").status()).isEqualTo(RecordStatus.SUPERSEDED);
      assertThat(assertOneEvent(result).entries())
          .containsExactly(
              new RecordEvent.Entry("c1", "CERTIFICATE", "SUPERSEDED"),
              new RecordEvent.Entry("c2", "CERTIFICATE", "ANCHORED"));

      Verification verification =
          CanonicalJson.fromJson(
              assertOk(records("VerifyRecord", "c1", "").by(AUDITOR).evaluate()),
              Verification.class);
      assertThat(verification.verdict()).isEqualTo(Verdict.SUPERSEDED);
      assertThat(verification.currentRecordId()).isEqualTo("c2");
    }

    @Test
    void namesTheRecordInForceAtTheEndOfAChain() {
      anchor(network, "c1");
      assertOk(
          records("Supersede", "c1", json(certificate("c2", BIRTH, HASH_B)))
              .by(JUSTICE_ISSUER)
              .submit());
      assertOk(
          records("Supersede", "c2", json(certificate("c3", BIRTH, HASH_C)))
              .by(JUSTICE_ISSUER)
              .submit());
      Verification verification =
          CanonicalJson.fromJson(
              assertOk(records("VerifyRecord", "c1", "").by(AUDITOR).evaluate()),
              Verification.class);
      assertThat(verification.currentRecordId()).isEqualTo("c3");
    }

    @Test
    void refusesAnotherAgencyAnExistingNewIdTheSameIdAndASupersededRecord() {
      anchor(network, "c1");
      anchor(network, "c9");
      assertRefused(
          records("Supersede", "c1", json(certificate("c2")))
              .by(SERVICES_ISSUER)
              .onPeerOf(SERVICES)
              .submit(),
          ErrorCode.NOT_AUTHORIZED);
      assertRefused(
          records("Supersede", "c1", json(certificate("c9"))).by(JUSTICE_ISSUER).submit(),
          ErrorCode.ALREADY_EXISTS);
      assertRefused(
          records("Supersede", "c1", json(certificate("c1"))).by(JUSTICE_ISSUER).submit(),
          ErrorCode.INVALID_ARGUMENT);
      assertRefused(
          records("Supersede", "nope", json(certificate("c2"))).by(JUSTICE_ISSUER).submit(),
          ErrorCode.RECORD_NOT_FOUND);
      assertOk(records("Supersede", "c1", json(certificate("c2"))).by(JUSTICE_ISSUER).submit());
      assertRefused(
          records("Supersede", "c1", json(certificate("c3"))).by(JUSTICE_ISSUER).submit(),
          ErrorCode.INVALID_STATE);
    }

    @Test
    void refusesASuspendedAgency() {
      anchor(network, "c1");
      assertOk(governance("SuspendAgency", JUSTICE, "AUDIT"));
      assertRefused(
          records("Supersede", "c1", json(certificate("c2"))).by(JUSTICE_ISSUER).submit(),
          ErrorCode.AGENCY_SUSPENDED);
    }

    @Test
    void refusesAnAgencyOutsideItsActivePeriod() {
      anchor(network, "c1");
      assertRefused(
          records("Supersede", "c1", json(certificate("c2")))
              .by(JUSTICE_ISSUER)
              .at(Instant.parse("2023-06-01T00:00:00Z"))
              .submit(),
          ErrorCode.AGENCY_INACTIVE);
    }
  }

  @Nested
  class PurgeDetails {

    @BeforeEach
    void anchoredWithDetails() {
      Fixtures.anchorWithDetails(network, "c1", "Ana");
    }

    @Test
    void purgesTheValueAndItsPrivateHashButKeepsThePublicEvidence() {
      String hash = record("c1").privateDetailsHash();
      assertThat(hash).isEqualTo(detailsHash("Ana"));
      Network.Result result = records("PurgeDetails", "c1").by(JUSTICE_ISSUER).submit();
      assertThat(assertOneEvent(result).entries())
          .containsExactly(new RecordEvent.Entry("c1", "CERTIFICATE", "DETAILS_PURGED"));
      assertThat(result.writes())
          .extracting(Object::toString)
          .containsExactly(
              "PURGE_PRIVATE _implicit_org_JusticeMSP \\0details\\0c1\\0",
              "PUT \\0commitment\\0c1\\0",
              "PUT \\0rec\\0c1\\0");
      assertThat(record("c1").detailsPurged()).isTrue();
      assertThat(record("c1").privateDetailsHash()).isEqualTo(hash);
      assertThat(commitment("c1")).isEqualTo(new DetailsCommitment("c1", JUSTICE, hash, true));
      assertThat(
              network
                  .ledger(JUSTICE_NS)
                  .privateValue("_implicit_org_JusticeMSP", "\u0000details\u0000c1\u0000"))
          .isNull();
      assertThat(network.ledger(JUSTICE_NS).privateHashes().get("_implicit_org_JusticeMSP"))
          .isEmpty();
      assertRefused(readDetails(network, "c1", JUSTICE_ISSUER).evaluate(), ErrorCode.INVALID_STATE);
    }

    @Test
    void marksTheCommitmentPurgedSoTheDetailsCanNeverBeStoredAgain() {
      assertThat(commitment("c1").purged()).isFalse();
      assertOk(records("PurgeDetails", "c1").by(JUSTICE_ISSUER).submit());
      assertThat(commitment("c1").purged()).isTrue();
      Network.Result again = Fixtures.storeDetails(network, "c1", "Ana").submit();
      assertRefused(again, ErrorCode.INVALID_STATE);
      assertThat(again.message())
          .isEqualTo("INVALID_STATE: the details of record 'c1' were purged");
      assertThat(network.ledger(JUSTICE_NS).privateData().get("_implicit_org_JusticeMSP"))
          .isEmpty();
    }

    @Test
    void purgesTheCommitmentOfDetailsNeverStored() {
      assertOk(
          records("AnchorCertificate", json(committed("c2", "Bo"))).by(JUSTICE_ISSUER).submit());
      Network.Result result = records("PurgeDetails", "c2").by(JUSTICE_ISSUER).submit();
      assertOneEvent(result);
      assertThat(commitment("c2"))
          .isEqualTo(new DetailsCommitment("c2", JUSTICE, detailsHash("Bo"), true));
      assertThat(record("c2").detailsPurged()).isTrue();
      assertRefused(Fixtures.storeDetails(network, "c2", "Bo").submit(), ErrorCode.INVALID_STATE);
    }

    @Test
    void refusesAnotherAgencyAClerkASecondPurgeAndARecordWithoutDetails() {
      assertRefused(
          records("PurgeDetails", "c1").by(SERVICES_ISSUER).submit(), ErrorCode.NOT_AUTHORIZED);
      assertRefused(
          records("PurgeDetails", "c1").by(JUSTICE_CLERK).submit(), ErrorCode.NOT_AUTHORIZED);
      assertOk(records("PurgeDetails", "c1").by(JUSTICE_ISSUER).submit());
      assertRefused(
          records("PurgeDetails", "c1").by(JUSTICE_ISSUER).submit(), ErrorCode.INVALID_STATE);
      anchor(network, "c2");
      assertRefused(
          records("PurgeDetails", "c2").by(JUSTICE_ISSUER).submit(), ErrorCode.INVALID_STATE);
      assertThat(commitment("c2")).isNull();
    }
  }

  @Nested
  class ReadDetails {

    private final String stored = details("Ana");

    @BeforeEach
    void anchoredWithDetails() {
      Fixtures.anchorWithDetails(network, "c1", "Ana");
    }

    private Network.Call read(String id, byte[] key, byte[] nonce) {
      return records("ReadDetails", id)
          .by(JUSTICE_CLERK)
          .withTransient(TransientKeys.RESPONSE_KEY, key)
          .withTransient(TransientKeys.RESPONSE_NONCE, nonce);
    }

    @Test
    void sealsTheStoredDetailsForTheOwnersIssuerAndClerkOnly() {
      Network.Result issuer = readDetails(network, "c1", JUSTICE_ISSUER).evaluate();
      assertThat(opened(assertOk(issuer), "c1")).isEqualTo(stored);
      assertThat(issuer.writes()).isEmpty();
      assertThat(issuer.events()).isEmpty();
      assertThat(opened(assertOk(readDetails(network, "c1", JUSTICE_CLERK).evaluate()), "c1"))
          .isEqualTo(stored);
      assertRefused(
          readDetails(network, "c1", JUSTICE_VERIFIER).evaluate(), ErrorCode.NOT_AUTHORIZED);
      assertRefused(
          readDetails(network, "c1", JUSTICE_NO_ROLE).evaluate(), ErrorCode.NOT_AUTHORIZED);
      assertRefused(
          readDetails(network, "c1", SERVICES_ISSUER).evaluate(), ErrorCode.NOT_AUTHORIZED);
      assertRefused(
          readDetails(network, "c1", SERVICES_ISSUER).onPeerOf(JUSTICE).evaluate(),
          ErrorCode.NOT_AUTHORIZED);
      assertRefused(
          readDetails(network, "c1", JUSTICE_ISSUER).onPeerOf(SERVICES).evaluate(),
          ErrorCode.NOT_AUTHORIZED);
      assertRefused(
          readDetails(network, "nope", JUSTICE_ISSUER).evaluate(), ErrorCode.RECORD_NOT_FOUND);
    }

    @Test
    void refusesARecordWithoutDetailsOrWithPurgedDetails() {
      anchor(network, "c2");
      Network.Result none = readDetails(network, "c2", JUSTICE_ISSUER).evaluate();
      assertRefused(none, ErrorCode.INVALID_STATE);
      assertThat(none.message()).contains("has no private details");
      assertOk(
          records("AnchorCertificate", json(committed("c3", "Bo"))).by(JUSTICE_ISSUER).submit());
      Network.Result notYet = readDetails(network, "c3", JUSTICE_ISSUER).evaluate();
      assertRefused(notYet, ErrorCode.INVALID_STATE);
      assertThat(notYet.message()).contains("has no private details on this peer");
      assertOk(records("PurgeDetails", "c1").by(JUSTICE_ISSUER).submit());
      Network.Result purged = readDetails(network, "c1", JUSTICE_ISSUER).evaluate();
      assertRefused(purged, ErrorCode.INVALID_STATE);
      assertThat(purged.message()).contains("were purged");
    }

    @Test
    void theAnswerOpensOnlyWithTheCallersKeyAndForItsRecord() {
      byte[] answer =
          Base64.getDecoder().decode(assertOk(read("c1", RESPONSE_KEY, RESPONSE_NONCE).evaluate()));
      assertThat(DetailsCipher.open(RESPONSE_KEY, RESPONSE_NONCE, "c1", answer))
          .isEqualTo(stored.getBytes(StandardCharsets.UTF_8));
      byte[] otherKey = bytes(DetailsCipher.KEY_BYTES, 0x11);
      assertThatThrownBy(() -> DetailsCipher.open(otherKey, RESPONSE_NONCE, "c1", answer))
          .isInstanceOf(DetailsCipherException.class);
      byte[] otherNonce = bytes(DetailsCipher.NONCE_BYTES, 0x71);
      assertThatThrownBy(() -> DetailsCipher.open(RESPONSE_KEY, otherNonce, "c1", answer))
          .isInstanceOf(DetailsCipherException.class);
      assertThatThrownBy(() -> DetailsCipher.open(RESPONSE_KEY, RESPONSE_NONCE, "c2", answer))
          .isInstanceOf(DetailsCipherException.class);
    }

    @Test
    void theAnswerHoldsNoPlaintextDetail() {
      String answer = assertOk(read("c1", RESPONSE_KEY, RESPONSE_NONCE).evaluate());
      assertThat(answer).matches("[A-Za-z0-9+/]+={0,2}");
      assertThat(Base64.getDecoder().decode(answer))
          .hasSize(stored.getBytes(StandardCharsets.UTF_8).length + DetailsCipher.OVERHEAD_BYTES);
      String decoded = new String(Base64.getDecoder().decode(answer), StandardCharsets.ISO_8859_1);
      for (String plain : List.of("Ana", SALT, "salt", "details", "name")) {
        assertThat(answer).doesNotContain(plain);
        assertThat(decoded).doesNotContain(plain);
      }
    }

    @Test
    void theAnswerIsAFunctionOfKeyNonceAndRecord() {
      String answer = assertOk(read("c1", RESPONSE_KEY, RESPONSE_NONCE).evaluate());
      network.advance(Duration.ofHours(1));
      assertThat(assertOk(read("c1", RESPONSE_KEY, RESPONSE_NONCE).evaluate())).isEqualTo(answer);
      assertThat(assertOk(readDetails(network, "c1", JUSTICE_ISSUER).evaluate())).isEqualTo(answer);
      String otherNonce =
          assertOk(read("c1", RESPONSE_KEY, bytes(DetailsCipher.NONCE_BYTES, 0x71)).evaluate());
      String otherKey =
          assertOk(read("c1", bytes(DetailsCipher.KEY_BYTES, 0x11), RESPONSE_NONCE).evaluate());
      // The same details under another record id: the id is authenticated, so the tag differs.
      assertOk(
          records(
                  "AnchorCertificate",
                  json(certificate("c3", MARRIAGE, HASH_B).withDetailsHash(detailsHash("Ana"))))
              .by(JUSTICE_ISSUER)
              .submit());
      assertOk(Fixtures.storeDetails(network, "c3", "Ana").submit());
      String otherRecord = assertOk(read("c3", RESPONSE_KEY, RESPONSE_NONCE).evaluate());
      assertThat(List.of(answer, otherNonce, otherKey, otherRecord)).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0} of {1} bytes")
    @CsvSource({
      "responseKey, 0",
      "responseKey, 16",
      "responseKey, 31",
      "responseKey, 33",
      "responseKey, 64",
      "responseNonce, 0",
      "responseNonce, 8",
      "responseNonce, 11",
      "responseNonce, 13",
      "responseNonce, 16"
    })
    void refusesAKeyOrNonceOfTheWrongSize(String name, int size) {
      byte[] key = name.equals(TransientKeys.RESPONSE_KEY) ? new byte[size] : RESPONSE_KEY;
      byte[] nonce = name.equals(TransientKeys.RESPONSE_NONCE) ? new byte[size] : RESPONSE_NONCE;
      Network.Result result = read("c1", key, nonce).evaluate();
      assertRefused(result, ErrorCode.TRANSIENT_DATA_INVALID);
      int expected =
          name.equals(TransientKeys.RESPONSE_KEY)
              ? DetailsCipher.KEY_BYTES
              : DetailsCipher.NONCE_BYTES;
      assertThat(result.message())
          .isEqualTo(
              "TRANSIENT_DATA_INVALID: transient '"
                  + name
                  + "' must hold exactly "
                  + expected
                  + " bytes");
    }

    @Test
    void refusesAMissingKeyOrNonce() {
      Network.Result nothing = records("ReadDetails", "c1").by(JUSTICE_CLERK).evaluate();
      assertRefused(nothing, ErrorCode.TRANSIENT_DATA_INVALID);
      assertThat(nothing.message())
          .isEqualTo(
              "TRANSIENT_DATA_INVALID: transient 'responseKey' is required: exactly 32 bytes");
      Network.Result noNonce =
          records("ReadDetails", "c1")
              .by(JUSTICE_CLERK)
              .withTransient(TransientKeys.RESPONSE_KEY, RESPONSE_KEY)
              .evaluate();
      assertThat(noNonce.message())
          .isEqualTo(
              "TRANSIENT_DATA_INVALID: transient 'responseNonce' is required: exactly 12 bytes");
      Network.Result noKey =
          records("ReadDetails", "c1")
              .by(JUSTICE_CLERK)
              .withTransient(TransientKeys.RESPONSE_NONCE, RESPONSE_NONCE)
              .evaluate();
      assertThat(noKey.message())
          .isEqualTo(
              "TRANSIENT_DATA_INVALID: transient 'responseKey' is required: exactly 32 bytes");
    }

    @Test
    void refusesAnyOtherTransientKey() {
      for (String other : List.of("details", "details:c1", "responsekey", "")) {
        Network.Result result =
            read("c1", RESPONSE_KEY, RESPONSE_NONCE).withTransient(other, "x").evaluate();
        assertRefused(result, ErrorCode.TRANSIENT_DATA_INVALID);
        assertThat(result.message())
            .as(other)
            .isEqualTo(
                "TRANSIENT_DATA_INVALID: transient '"
                    + other
                    + "' is not expected by this transaction");
      }
    }

    @Test
    void checksTheTransientDataAfterTheArgumentAndBeforeTheCallerOrAnyState() {
      byte[] shortKey = new byte[DetailsCipher.KEY_BYTES - 1];
      // An unknown record, a caller without the role, another organisation's peer: the transient
      // data is refused first, without reading any state.
      Network.Result unknown =
          records("ReadDetails", "nope")
              .by(JUSTICE_VERIFIER)
              .onPeerOf(SERVICES)
              .withTransient(TransientKeys.RESPONSE_KEY, shortKey)
              .withTransient(TransientKeys.RESPONSE_NONCE, RESPONSE_NONCE)
              .evaluate();
      assertRefused(unknown, ErrorCode.TRANSIENT_DATA_INVALID);
      assertThat(unknown.stub().stateReads()).isZero();
      Network.Result unexpected =
          records("ReadDetails", "nope").by(AUDITOR).withTransient("details", stored).evaluate();
      assertRefused(unexpected, ErrorCode.TRANSIENT_DATA_INVALID);
      assertThat(unexpected.stub().stateReads()).isZero();
      assertThat(unexpected.message()).doesNotContain("Ana");
      // A malformed argument comes before the transient data.
      assertRefused(
          records("ReadDetails", "a b")
              .by(JUSTICE_CLERK)
              .withTransient(TransientKeys.RESPONSE_KEY, shortKey)
              .evaluate(),
          ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void aSubmittedReadWritesNothingAndCarriesOnlyCiphertext() {
      Network.Result submitted = readDetails(network, "c1", JUSTICE_ISSUER).submit();
      assertThat(submitted.writes()).isEmpty();
      assertThat(submitted.events()).isEmpty();
      assertThat(assertOk(submitted)).doesNotContain("Ana");
      assertThat(opened(submitted.payload(), "c1")).isEqualTo(stored);
    }
  }

  @Nested
  class GetRecordAndApplication {

    @Test
    void refuseUnknownIdsWithNotFoundCodes() {
      assertRefused(
          records("GetRecord", "nope").by(AUDITOR).evaluate(), ErrorCode.RECORD_NOT_FOUND);
      assertRefused(
          records("GetApplication", "nope").by(AUDITOR).evaluate(),
          ErrorCode.APPLICATION_NOT_FOUND);
    }

    @Test
    void refuseMalformedIds() {
      assertRefused(records("GetRecord", "a b").by(AUDITOR).evaluate(), ErrorCode.INVALID_ARGUMENT);
      assertRefused(
          records("GetRecord", "x".repeat(129)).by(AUDITOR).evaluate(), ErrorCode.INVALID_ARGUMENT);
      assertRefused(
          records("GetRecord", "a\u0000b").by(AUDITOR).evaluate(), ErrorCode.INVALID_ARGUMENT);
    }
  }

  @Nested
  class VerifyRecord {

    private Verification verify(String id, String at) {
      return CanonicalJson.fromJson(
          assertOk(records("VerifyRecord", id, at).by(AUDITOR).evaluate()), Verification.class);
    }

    @Test
    void namesGovernancesAgencyAsIssuerAndSaysValid() {
      anchor(network, "c1");
      Verification v = verify("c1", "");
      assertThat(v.verdict()).isEqualTo(Verdict.VALID);
      assertThat(v.issuer()).isEqualTo(JUSTICE);
      assertThat(v.issuerDisplayName()).isEqualTo("JusticeMSP agency");
      assertThat(v.namespace()).isEqualTo(JUSTICE_NS);
      assertThat(v.record().id()).isEqualTo("c1");
    }

    @Test
    void saysUnknownForAMissingRecord() {
      assertThat(verify("nope", "").verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void derivesExpiredAndNotYetValidFromTheWindow() {
      anchor(network, "c1");
      assertThat(verify("c1", "2031-01-01T00:00:00Z").verdict()).isEqualTo(Verdict.EXPIRED);
      assertThat(verify("c1", "2030-01-01T00:00:00Z").verdict()).isEqualTo(Verdict.EXPIRED);
      assertThat(verify("c1", "2024-12-31T23:59:59Z").verdict()).isEqualTo(Verdict.NOT_YET_VALID);
    }

    @Test
    void answersPointInTimeFromHistory() {
      anchor(network, "c1");
      Instant beforeRevocation = network.now();
      network.advance(Duration.ofDays(10));
      Network.Result revoked = records("Revoke", "c1", "X").by(JUSTICE_ISSUER).submit();
      assertOk(revoked);
      assertThat(verify("c1", beforeRevocation.toString()).verdict()).isEqualTo(Verdict.VALID);
      assertThat(verify("c1", revoked.timestamp().toString()).verdict()).isEqualTo(Verdict.REVOKED);
      assertThat(verify("c1", "").verdict()).isEqualTo(Verdict.REVOKED);
    }

    @Test
    void keepsValidForARecordAnchoredBeforeItsTypeWasWithdrawn() {
      anchor(network, "c1");
      network.advance(Duration.ofDays(1));
      assertOk(governance("SetDocumentTypes", JUSTICE, "[\"" + MARRIAGE + "\"]"));
      assertThat(verify("c1", "").verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void saysIssuerNotAuthorizedForARecordBackdatedBeforeTheAgencyWasRegistered() {
      assertOk(
          records("AnchorCertificate", json(certificate("c1")))
              .by(JUSTICE_ISSUER)
              .at(Instant.parse("2024-06-01T00:00:00Z"))
              .submit());
      assertThat(verify("c1", "").verdict()).isEqualTo(Verdict.ISSUER_NOT_AUTHORIZED);
    }

    @Test
    void saysIssuerNotAuthorizedWhenTheTypeWasNotAllowedAtTheAssertedAnchoringTime() {
      network.advance(Duration.ofDays(1));
      Instant withdrawn = network.now();
      assertOk(governance("SetDocumentTypes", JUSTICE, "[\"" + MARRIAGE + "\"]"));
      network.advance(Duration.ofDays(1));
      assertOk(governance("SetDocumentTypes", JUSTICE, "[\"" + BIRTH + "\",\"" + MARRIAGE + "\"]"));
      assertOk(
          records("AnchorCertificate", json(certificate("c9")))
              .by(JUSTICE_ISSUER)
              .at(withdrawn.plus(Duration.ofHours(1)))
              .submit());
      Verification v = verify("c9", "");
      assertThat(v.verdict()).isEqualTo(Verdict.ISSUER_NOT_AUTHORIZED);
      assertThat(v.issuer()).isEqualTo(JUSTICE);
    }

    @Test
    void namesTheIssuerFromGovernanceNotFromTheStoredField() {
      anchor(network, "c1");
      Ledger ledger = network.ledger(JUSTICE_NS);
      String key = "\u0000rec\u0000c1\u0000";
      RegistryRecord stored =
          CanonicalJson.fromBytes(ledger.state().get(key), RegistryRecord.class);
      String forged =
          CanonicalJson.toJson(stored)
              .replace("\"issuerMsp\":\"JusticeMSP\"", "\"issuerMsp\":\"ServicesMSP\"");
      ledger.state().put(key, forged.getBytes(StandardCharsets.UTF_8));
      Verification v = verify("c1", "");
      assertThat(v.issuer()).isEqualTo(JUSTICE);
      assertThat(v.verdict()).isEqualTo(Verdict.ISSUER_NOT_AUTHORIZED);
    }

    @Test
    void refusesAMalformedInstant() {
      assertRefused(
          records("VerifyRecord", "c1", "2025-13-01").by(AUDITOR).evaluate(),
          ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void runsNoHistoryQueryForAnUnchangedRecordAndWritesNothing() {
      anchor(network, "c1");
      Network.Result result = records("VerifyRecord", "c1", "").by(AUDITOR).evaluate();
      assertOk(result);
      assertThat(result.stub().historyQueries()).isZero();
      assertThat(result.writes()).isEmpty();
      assertThat(result.events()).isEmpty();
    }
  }

  @Nested
  class VerifyHash {

    @Test
    void verifiesEveryRecordWithTheHash() {
      anchor(network, "c1");
      assertOk(
          records("AnchorCertificate", json(certificate("c2", MARRIAGE, HASH_A)))
              .by(JUSTICE_ISSUER)
              .submit());
      assertOk(records("Revoke", "c2", "X").by(JUSTICE_ISSUER).submit());
      Verification[] verifications =
          CanonicalJson.fromJson(
              assertOk(records("VerifyHash", HASH_A, "").by(AUDITOR).evaluate()),
              Verification[].class);
      assertThat(verifications)
          .extracting(Verification::verdict)
          .containsExactly(Verdict.VALID, Verdict.REVOKED);
    }

    @Test
    void callsGovernanceOnceForRecordsAnchoredAtDifferentInstants() {
      // The harness fails a transaction that calls into governance twice (as the shim on a peer
      // may lose the second call): one question must answer for every record's anchoring instant.
      anchor(network, "c1");
      network.advance(Duration.ofDays(1));
      assertOk(
          records("AnchorCertificate", json(certificate("c2", MARRIAGE, HASH_A)))
              .by(JUSTICE_ISSUER)
              .submit());
      network.advance(Duration.ofDays(1));
      assertOk(
          records("AnchorCertificate", json(certificate("c3", BIRTH, HASH_A)))
              .by(JUSTICE_ISSUER)
              .submit());

      Verification[] verifications =
          CanonicalJson.fromJson(
              assertOk(records("VerifyHash", HASH_A, "").by(AUDITOR).evaluate()),
              Verification[].class);

      assertThat(verifications)
          .extracting(Verification::verdict)
          .containsExactly(Verdict.VALID, Verdict.VALID, Verdict.VALID);
    }

    @Test
    void answersOneUnknownEntryWhenNothingMatches() {
      Verification[] verifications =
          CanonicalJson.fromJson(
              assertOk(records("VerifyHash", HASH_B, "").by(AUDITOR).evaluate()),
              Verification[].class);
      assertThat(verifications)
          .singleElement()
          .extracting(Verification::verdict)
          .isEqualTo(Verdict.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"", "ABC", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void refusesAHashThatIsNot64LowercaseHexDigits(String hash) {
      assertRefused(
          records("VerifyHash", hash, "").by(AUDITOR).evaluate(), ErrorCode.INVALID_ARGUMENT);
    }
  }

  @Nested
  class GetHistory {

    @Test
    void returnsEveryVersionNewestFirstWithTheActingIdentity() {
      Network.Result anchored = anchor(network, "c1");
      Network.Result revoked = records("Revoke", "c1", "X").by(JUSTICE_ISSUER).submit();
      RecordHistoryEntry[] history =
          CanonicalJson.fromJson(
              assertOk(records("GetHistory", "c1").by(AUDITOR).evaluate()),
              RecordHistoryEntry[].class);
      assertThat(history)
          .extracting(RecordHistoryEntry::txId)
          .containsExactly(revoked.txId(), anchored.txId());
      assertThat(history[0].record().status()).isEqualTo(RecordStatus.REVOKED);
      assertThat(history[0].record().actor().role()).isEqualTo("issuer");
      assertThat(history[1].timestamp()).isEqualTo(anchored.timestamp().toString());
      assertRefused(
          records("GetHistory", "nope").by(AUDITOR).evaluate(), ErrorCode.RECORD_NOT_FOUND);
    }
  }

  @Nested
  class Listings {

    @Test
    void pageThroughATypeWithBookmarks() {
      for (int i = 0; i < 5; i++) {
        anchor(network, "c" + i);
      }
      anchor(network, "other");
      List<String> seen = new ArrayList<>();
      String bookmark = "";
      int pages = 0;
      do {
        RecordPage page =
            CanonicalJson.fromJson(
                assertOk(records("ListByType", BIRTH, "2", bookmark).by(AUDITOR).evaluate()),
                RecordPage.class);
        assertThat(page.fetchedCount()).isEqualTo(page.records().size());
        page.records().forEach(r -> seen.add(r.id()));
        bookmark = page.bookmark();
        pages++;
      } while (!bookmark.isEmpty());
      assertThat(seen).containsExactly("c0", "c1", "c2", "c3", "c4", "other");
      assertThat(pages).isEqualTo(3);
    }

    @Test
    void listBySubjectAndLeaveOtherValuesOut() {
      anchor(network, "c1");
      CertificateRequest other =
          new CertificateRequest(
              "c2", BIRTH, HASH_B, SUBJECT_2, "2025-01-01T00:00:00Z", null, null, null);
      assertOk(records("AnchorCertificate", json(other)).by(JUSTICE_ISSUER).submit());
      RecordPage page =
          CanonicalJson.fromJson(
              assertOk(records("ListBySubject", SUBJECT_2, "10", "").by(AUDITOR).evaluate()),
              RecordPage.class);
      assertThat(page.records()).extracting(RegistryRecord::id).containsExactly("c2");
      assertThat(page.bookmark()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-1", "ten", ""})
    void refuseAPageSizeOutsideOneTo500(String size) {
      assertRefused(
          records("ListByType", BIRTH, size, "").by(AUDITOR).evaluate(),
          ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void refuseABookmarkOfAnotherListing() {
      String foreign = "\u0000rec~type\u0000" + MARRIAGE + "\u0000c1\u0000";
      assertRefused(
          records("ListByType", BIRTH, "10", foreign).by(AUDITOR).evaluate(),
          ErrorCode.INVALID_ARGUMENT);
    }
  }
}
