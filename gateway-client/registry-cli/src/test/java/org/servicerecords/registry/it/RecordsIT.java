package org.servicerecords.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicerecords.registry.it.ItNetwork.AUDIT;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_MSP;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_NS;
import static org.servicerecords.registry.it.ItNetwork.SERVICES;
import static org.servicerecords.registry.it.ItNetwork.SERVICES_MSP;
import static org.servicerecords.registry.it.ItNetwork.SERVICES_NS;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.AlreadyExistsException;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.AnchorResult;
import org.servicerecords.registry.client.BatchReport;
import org.servicerecords.registry.client.DecisionInputsReport;
import org.servicerecords.registry.client.DocumentHash;
import org.servicerecords.registry.client.InvalidArgumentException;
import org.servicerecords.registry.client.InvalidStateException;
import org.servicerecords.registry.client.ListQuery;
import org.servicerecords.registry.client.ListRequest;
import org.servicerecords.registry.client.NotAuthorizedException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RecordOutcome;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.VerificationReport;
import org.servicerecords.registry.client.VerificationRequest;
import org.servicerecords.registry.model.ApplicationReceipt;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordPage;
import org.servicerecords.registry.model.RecordRef;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verdict;
import org.servicerecords.registry.model.Verification;

/**
 * The records contract's transactions through the client library on the real network, each checking
 * the answer and then the ledger as other identities read it. Justice's issuer anchors in {@code
 * records-justice}, Services' in {@code records-services}; verifiers of the audit office read.
 */
class RecordsIT {

  private static final String BIRTH = "BIRTH_CERTIFICATE";
  private static final String MARRIAGE = "MARRIAGE_CERTIFICATE";
  private static final String NOTARIAL = "NOTARIAL_ACT";
  private static final String PERMIT = "BUILDING_PERMIT";
  private static final String SERVICE_DECISION = "SERVICE_DECISION";

  private static RegistryConnection justiceIssuer;
  private static RegistryConnection justiceClerk;
  private static RegistryConnection justiceVerifier;
  private static RegistryConnection servicesIssuer;
  private static RegistryConnection servicesClerk;
  private static RegistryConnection servicesVerifier;
  private static RegistryConnection auditVerifier;
  private static RegistryConnection auditor;

  /** One reader per organisation: its peer must have committed what a test reads back. */
  private static List<RegistryConnection> readers;

  @BeforeAll
  static void connect() throws Exception {
    justiceIssuer = ItNetwork.connect(JUSTICE, "issuer1");
    justiceClerk = ItNetwork.connect(JUSTICE, "clerk1");
    justiceVerifier = ItNetwork.connect(JUSTICE, "verifier1");
    servicesIssuer = ItNetwork.connect(SERVICES, "issuer1");
    servicesClerk = ItNetwork.connect(SERVICES, "clerk1");
    auditVerifier = ItNetwork.connect(AUDIT, "verifier1");
    auditor = ItNetwork.connect(AUDIT, "auditor1");
    servicesVerifier = ItNetwork.connect(SERVICES, "verifier1");
    readers = List.of(justiceVerifier, servicesVerifier, auditVerifier);
  }

  @AfterAll
  static void close() {
    for (RegistryConnection c :
        new RegistryConnection[] {
          justiceIssuer,
          justiceClerk,
          justiceVerifier,
          servicesIssuer,
          servicesClerk,
          servicesVerifier,
          auditVerifier,
          auditor
        }) {
      if (c != null) {
        c.close();
      }
    }
  }

  static CertificateRequest certificate(String id, String type, String validFrom) {
    return new CertificateRequest(
        id, type, ItNetwork.newHash(), ItNetwork.newSubjectRef(), validFrom, null, null, null);
  }

  static SortedMap<String, String> personalDetails() {
    return new TreeMap<>(
        Map.of(
            "fullName",
            ItPersonalDetails.value("records.fullName") + " " + ItNetwork.RUN,
            "placeOfBirth",
            ItPersonalDetails.value("records.placeOfBirth") + " " + ItNetwork.RUN));
  }

  static AnchorResult anchor(RegistryConnection issuer, CertificateRequest certificate)
      throws RegistryException {
    return anchor(issuer, AnchorRequest.of(certificate));
  }

  /** Anchors, then waits until every organisation's peer has committed the record. */
  static AnchorResult anchor(RegistryConnection issuer, AnchorRequest request)
      throws RegistryException {
    AnchorResult result = issuer.registryClient().anchorCertificate(request);
    settled(issuer.registryClient().namespace(), result.record());
    return result;
  }

  /**
   * Waits until every organisation's peer has committed the record's version: the submission
   * returned once the submitter's own peer had, and the tests read back through the others.
   */
  static RegistryRecord settled(String namespace, RegistryRecord record) {
    ItNetwork.awaitOnEveryPeer(readers, namespace, record.id(), record.txId());
    return record;
  }

  /** The record as the audit office's verifier reads it: its newest history entry. */
  static RegistryRecord onLedger(String namespace, String id) throws RegistryException {
    return auditor.auditor().history(namespace, id).get(0).record();
  }

  @Nested
  class AnchorCertificate {

    @Test
    void anchorsWithPrivateDetailsAndEveryoneReadsThePublicRecord() throws Exception {
      CertificateRequest certificate =
          new CertificateRequest(
              ItNetwork.id("bc"),
              BIRTH,
              ItNetwork.newHash(),
              ItNetwork.newSubjectRef(),
              "2026-01-01T02:00:00+02:00",
              "2076-01-01T00:00:00Z",
              null,
              new TreeMap<>(Map.of("office", "Cluj-1")));

      AnchorResult result =
          anchor(justiceIssuer, new AnchorRequest(certificate, personalDetails()));

      RegistryRecord stored = result.record();
      assertThat(result.alreadyAnchored()).isFalse();
      assertThat(stored.id()).isEqualTo(certificate.id());
      assertThat(stored.kind()).isEqualTo(RecordKind.CERTIFICATE);
      assertThat(stored.documentType()).isEqualTo(BIRTH);
      assertThat(stored.issuerMsp()).isEqualTo(JUSTICE_MSP);
      assertThat(stored.documentHash()).isEqualTo(certificate.documentHash());
      assertThat(stored.subjectRef()).isEqualTo(certificate.subjectRef());
      assertThat(stored.validFrom()).isEqualTo("2026-01-01T00:00:00Z");
      assertThat(stored.validUntil()).isEqualTo("2076-01-01T00:00:00Z");
      assertThat(stored.status()).isEqualTo(RecordStatus.ACTIVE);
      assertThat(stored.metadata()).containsExactly(Map.entry("office", "Cluj-1"));
      assertThat(stored.privateDetailsHash()).matches("[0-9a-f]{64}");
      assertThat(stored.detailsPurged()).isFalse();
      assertThat(stored.actor().msp()).isEqualTo(JUSTICE_MSP);
      assertThat(stored.actor().role()).isEqualTo("issuer");
      assertThat(stored.actor().idHash()).matches("[0-9a-f]{64}");
      assertThat(stored.txId()).matches("[0-9a-f]{64}");
      assertThat(CanonicalJson.toJson(stored))
          .doesNotContain(
              ItPersonalDetails.value("records.fullName"),
              ItPersonalDetails.value("records.placeOfBirth"));

      // The ledger: the issuer's GetRecord, the audit office's history, the block holding it.
      assertThat(justiceIssuer.registryClient().getRecord(certificate.id())).isEqualTo(stored);
      assertThat(auditor.auditor().history(JUSTICE_NS, certificate.id()))
          .singleElement()
          .satisfies(
              h -> {
                assertThat(h.record()).isEqualTo(stored);
                assertThat(h.txId()).isEqualTo(stored.txId());
                assertThat(h.deleted()).isFalse();
              });
      assertThat(auditor.auditor().blockNumberOf(stored.txId())).isPositive();
      // Only in the issuing agency's namespace.
      assertThatThrownBy(() -> servicesIssuer.registryClient().getRecord(certificate.id()))
          .isInstanceOf(NotFoundException.class)
          .extracting(e -> ((RegistryException) e).code())
          .isEqualTo(ErrorCode.RECORD_NOT_FOUND);
    }

    @Test
    void anchorsADocumentFileByItsStreamedHash(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("birth.pdf");
      Files.write(file, ("%PDF-1.7 birth certificate " + ItNetwork.RUN).getBytes());
      CertificateRequest certificate =
          new CertificateRequest(
              ItNetwork.id("bc-file"),
              BIRTH,
              null,
              ItNetwork.newSubjectRef(),
              "2026-01-01T00:00:00Z",
              null,
              null,
              null);

      AnchorResult result =
          justiceIssuer.registryClient().anchorDocument(file, AnchorRequest.of(certificate));
      settled(JUSTICE_NS, result.record());

      assertThat(result.record().documentHash()).isEqualTo(DocumentHash.ofFile(file));
      VerificationReport report =
          auditVerifier.verifier().verify(VerificationRequest.forFile(file).build());
      assertThat(report.verdict()).isEqualTo(Verdict.VALID);
      assertThat(report.matches())
          .singleElement()
          .extracting(v -> v.record().id())
          .isEqualTo(certificate.id());
    }

    @Test
    void aRerunWithIdenticalContentCountsAsAnchoredAndWritesNothing() throws Exception {
      CertificateRequest certificate =
          certificate(ItNetwork.id("bc-rerun"), BIRTH, "2026-01-01T00:00:00Z");
      AnchorResult first = anchor(justiceIssuer, new AnchorRequest(certificate, personalDetails()));

      // Same record, new salt for the details: the contract answers ALREADY_EXISTS, the library
      // compares with the ledger and reports success.
      AnchorResult again = anchor(justiceIssuer, new AnchorRequest(certificate, personalDetails()));

      assertThat(again.alreadyAnchored()).isTrue();
      assertThat(again.record()).isEqualTo(first.record());
      assertThat(auditor.auditor().history(JUSTICE_NS, certificate.id())).hasSize(1);
    }

    @Test
    void aDifferentRecordWithATakenIdIsRefusedAlreadyExists() throws Exception {
      CertificateRequest certificate =
          certificate(ItNetwork.id("bc-taken"), BIRTH, "2026-01-01T00:00:00Z");
      RegistryRecord first = anchor(justiceIssuer, certificate).record();
      CertificateRequest other =
          new CertificateRequest(
              certificate.id(),
              BIRTH,
              ItNetwork.newHash(),
              certificate.subjectRef(),
              certificate.validFrom(),
              null,
              null,
              null);

      assertThatThrownBy(() -> anchor(justiceIssuer, other))
          .isInstanceOf(AlreadyExistsException.class)
          .satisfies(
              e -> {
                assertThat(((RegistryException) e).code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
                assertThat(((RegistryException) e).stage()).isEqualTo(Stage.ENDORSE);
              });
      assertThat(onLedger(JUSTICE_NS, certificate.id())).isEqualTo(first);
      assertThat(auditor.auditor().history(JUSTICE_NS, certificate.id())).hasSize(1);
    }

    @Test
    void aTypeTheCertificateDoesNotGrantIsRefusedByLibraryAndContract() throws Exception {
      // Justice's issuer certificate lists BIRTH;MARRIAGE;NOTARIAL only.
      CertificateRequest permit =
          certificate(ItNetwork.id("bp-justice"), PERMIT, "2026-01-01T00:00:00Z");

      assertThatThrownBy(() -> anchor(justiceIssuer, permit))
          .isInstanceOf(NotAuthorizedException.class)
          .satisfies(e -> assertThat(((RegistryException) e).stage()).isEqualTo(Stage.LOCAL));

      // The same proposal sent past the library's early check: the contract refuses it.
      try (ItNetwork.RawGateway raw = ItNetwork.rawGateway(JUSTICE, "issuer1")) {
        assertThatThrownBy(
                () ->
                    raw.gateway()
                        .getNetwork("registry")
                        .getContract(JUSTICE_NS, "records")
                        .newProposal("AnchorCertificate")
                        .addArguments(CanonicalJson.toJson(permit))
                        .setEndorsingOrganizations(JUSTICE_MSP)
                        .build()
                        .endorse())
            .isInstanceOf(EndorseException.class)
            .satisfies(
                e ->
                    assertThat(peerText((GatewayException) e))
                        .contains("NOT_AUTHORIZED")
                        .contains(PERMIT));
      }
      assertThatThrownBy(() -> auditor.auditor().history(JUSTICE_NS, permit.id()))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Nested
  class VerifyHash {

    @Test
    void validWithAndWithoutNamingTheIssuer() throws Exception {
      RegistryRecord record =
          anchor(
                  justiceIssuer,
                  certificate(ItNetwork.id("bc-verify"), BIRTH, "2026-01-01T00:00:00Z"))
              .record();

      VerificationReport unknownIssuer =
          auditVerifier
              .verifier()
              .verify(VerificationRequest.forHash(record.documentHash()).build());
      assertThat(unknownIssuer.verdict()).isEqualTo(Verdict.VALID);
      assertThat(unknownIssuer.matches())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.verdict()).isEqualTo(Verdict.VALID);
                assertThat(v.record()).isEqualTo(record);
                assertThat(v.issuer()).isEqualTo(JUSTICE_MSP);
                assertThat(v.issuerDisplayName()).isEqualTo("Ministry of Justice");
                assertThat(v.namespace()).isEqualTo(JUSTICE_NS);
              });
      for (String issuer : List.of(JUSTICE_NS, JUSTICE_MSP)) {
        VerificationReport named =
            auditVerifier
                .verifier()
                .verify(VerificationRequest.forHash(record.documentHash()).issuer(issuer).build());
        assertThat(named.verdict()).isEqualTo(Verdict.VALID);
        assertThat(named.matches())
            .singleElement()
            .extracting(Verification::record)
            .isEqualTo(record);
      }
      // Asked of the wrong agency, the document is unknown there.
      assertThat(
              auditVerifier
                  .verifier()
                  .verify(
                      VerificationRequest.forHash(record.documentHash())
                          .issuer(SERVICES_NS)
                          .build())
                  .verdict())
          .isEqualTo(Verdict.UNKNOWN);
      // Another agency's verifier gets the same answer.
      assertThat(
              justiceVerifier
                  .verifier()
                  .verify(VerificationRequest.forHash(record.documentHash()).build())
                  .verdict())
          .isEqualTo(Verdict.VALID);
    }

    @Test
    void anUnknownHashIsUnknown() throws Exception {
      VerificationReport report =
          auditVerifier.verifier().verify(VerificationRequest.forHash(ItNetwork.newHash()).build());
      assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN);
      assertThat(report.matches()).isEmpty();
    }

    @Test
    void pointInTimeFollowsTheValidityWindow() throws Exception {
      CertificateRequest certificate =
          new CertificateRequest(
              ItNetwork.id("mc-window"),
              MARRIAGE,
              ItNetwork.newHash(),
              ItNetwork.newSubjectRef(),
              "2024-03-01T00:00:00Z",
              "2025-03-01T00:00:00Z",
              null,
              null);
      anchor(justiceIssuer, certificate);
      String hash = certificate.documentHash();

      assertThat(verdictAt(hash, Instant.parse("2024-02-29T23:59:59Z")))
          .isEqualTo(Verdict.NOT_YET_VALID);
      assertThat(verdictAt(hash, Instant.parse("2024-03-01T00:00:00Z"))).isEqualTo(Verdict.VALID);
      assertThat(verdictAt(hash, Instant.parse("2025-02-28T12:00:00Z"))).isEqualTo(Verdict.VALID);
      assertThat(verdictAt(hash, Instant.parse("2025-03-01T00:00:00Z"))).isEqualTo(Verdict.EXPIRED);
      assertThat(
              auditVerifier.verifier().verify(VerificationRequest.forHash(hash).build()).verdict())
          .isEqualTo(Verdict.EXPIRED);
      VerificationReport report =
          auditVerifier
              .verifier()
              .verify(
                  VerificationRequest.forHash(hash)
                      .at(Instant.parse("2024-01-01T00:00:00Z"))
                      .build());
      assertThat(report.at()).isEqualTo("2024-01-01T00:00:00Z");
      assertThat(report.matches())
          .singleElement()
          .extracting(Verification::at)
          .isEqualTo("2024-01-01T00:00:00Z");
    }

    @Test
    void theContractsVerdictAndTheLibrarysLocalVerdictAgree() throws Exception {
      RegistryRecord record =
          anchor(
                  justiceIssuer,
                  certificate(ItNetwork.id("bc-local"), BIRTH, "2026-01-01T00:00:00Z"))
              .record();
      settled(JUSTICE_NS, justiceIssuer.registryClient().revoke(record.id(), "ISSUED_IN_ERROR"));
      Instant beforeRevocation = Instant.parse(record.timestamp());
      Instant now = Instant.now();

      for (Instant at : List.of(beforeRevocation, now, Instant.parse("2025-12-31T00:00:00Z"))) {
        Verification contract = auditVerifier.verifier().verifyRecord(JUSTICE_NS, record.id(), at);
        Verification local =
            auditVerifier.verifier().verifyRecordLocally(JUSTICE_NS, record.id(), at);
        assertThat(local).as("at %s", at).isEqualTo(contract);
      }
      assertThat(auditVerifier.verifier().verifyRecord(JUSTICE_NS, record.id(), now).verdict())
          .isEqualTo(Verdict.REVOKED);
      assertThat(
              auditVerifier
                  .verifier()
                  .verifyRecord(JUSTICE_NS, record.id(), beforeRevocation)
                  .verdict())
          .isEqualTo(Verdict.VALID);
    }

    private Verdict verdictAt(String hash, Instant at) throws RegistryException {
      return auditVerifier
          .verifier()
          .verify(VerificationRequest.forHash(hash).at(at).issuer(JUSTICE_MSP).build())
          .verdict();
    }
  }

  @Nested
  class Revoke {

    @Test
    void revokesAndTheLedgerSaysRevokedFromThenOn() throws Exception {
      RegistryRecord anchored =
          anchor(
                  justiceIssuer,
                  certificate(ItNetwork.id("bc-revoke"), BIRTH, "2026-01-01T00:00:00Z"))
              .record();

      RegistryRecord revoked =
          settled(JUSTICE_NS, justiceIssuer.registryClient().revoke(anchored.id(), "FRAUD"));

      assertThat(revoked.status()).isEqualTo(RecordStatus.REVOKED);
      assertThat(revoked.revocation().reasonCode()).isEqualTo("FRAUD");
      assertThat(revoked.revocation().revokedBy().msp()).isEqualTo(JUSTICE_MSP);
      assertThat(revoked.revocation().revokedAt()).isEqualTo(revoked.timestamp());
      assertThat(revoked.txId()).isNotEqualTo(anchored.txId());
      assertThat(onLedger(JUSTICE_NS, anchored.id())).isEqualTo(revoked);
      assertThat(
              auditVerifier
                  .verifier()
                  .verify(VerificationRequest.forHash(anchored.documentHash()).build())
                  .verdict())
          .isEqualTo(Verdict.REVOKED);
      assertThat(
              auditVerifier
                  .verifier()
                  .verify(
                      VerificationRequest.forHash(anchored.documentHash())
                          .at(Instant.parse(anchored.timestamp()))
                          .build())
                  .verdict())
          .isEqualTo(Verdict.VALID);

      // Again with the same reason: the revoked record, nothing written.
      assertThat(justiceIssuer.registryClient().revoke(anchored.id(), "FRAUD")).isEqualTo(revoked);
      // With another reason: refused for the record's state.
      assertThatThrownBy(() -> justiceIssuer.registryClient().revoke(anchored.id(), "OTHER"))
          .isInstanceOf(InvalidStateException.class);
      assertThat(auditor.auditor().history(JUSTICE_NS, anchored.id())).hasSize(2);
    }

    @Test
    void badArgumentsAreRefusedByTheLibraryWithEveryProblemAndNothingIsSent() throws Exception {
      RegistryRecord anchored =
          anchor(
                  justiceIssuer,
                  certificate(ItNetwork.id("bc-badrevoke"), BIRTH, "2026-01-01T00:00:00Z"))
              .record();

      assertThatThrownBy(
              () -> justiceIssuer.registryClient().revoke(anchored.id(), "no spaces allowed"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("reasonCode")
          .satisfies(e -> assertThat(((RegistryException) e).stage()).isEqualTo(Stage.LOCAL));
      // Both arguments wrong: both named, in the contract's words.
      assertThatThrownBy(() -> justiceIssuer.registryClient().revoke("bad id", "bad code"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("id ")
          .hasMessageContaining("reasonCode ");
      assertThatThrownBy(() -> justiceIssuer.registryClient().purgeDetails("bad id"))
          .isInstanceOf(InvalidArgumentException.class)
          .satisfies(e -> assertThat(((RegistryException) e).stage()).isEqualTo(Stage.LOCAL));
      assertThatThrownBy(
              () ->
                  justiceIssuer
                      .registryClient()
                      .recordApplication(
                          new ApplicationRequest("bad id", "bad code", "not an instant")))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("applicationId ")
          .hasMessageContaining("serviceCode ")
          .hasMessageContaining("receivedAt ")
          .satisfies(e -> assertThat(((RegistryException) e).stage()).isEqualTo(Stage.LOCAL));

      assertThat(onLedger(JUSTICE_NS, anchored.id())).isEqualTo(anchored);
      assertThat(auditor.auditor().history(JUSTICE_NS, anchored.id())).hasSize(1);
    }
  }

  @Nested
  class Supersede {

    @Test
    void theOldRecordIsSupersededAndTheNewOneActive() throws Exception {
      RegistryRecord old =
          anchor(
                  justiceIssuer,
                  certificate(ItNetwork.id("mc-old"), MARRIAGE, "2026-01-01T00:00:00Z"))
              .record();
      CertificateRequest replacement =
          new CertificateRequest(
              ItNetwork.id("mc-new"),
              MARRIAGE,
              ItNetwork.newHash(),
              old.subjectRef(),
              "2026-02-01T00:00:00Z",
              null,
              null,
              null);

      RegistryRecord fresh =
          settled(
              JUSTICE_NS,
              justiceIssuer
                  .registryClient()
                  .supersede(old.id(), new AnchorRequest(replacement, personalDetails())));
      ItNetwork.awaitOnEveryPeer(readers, JUSTICE_NS, old.id(), fresh.txId());

      assertThat(fresh.id()).isEqualTo(replacement.id());
      assertThat(fresh.status()).isEqualTo(RecordStatus.ACTIVE);
      assertThat(fresh.supersedes()).isEqualTo(old.id());
      assertThat(fresh.privateDetailsHash()).matches("[0-9a-f]{64}");
      RegistryRecord oldNow = onLedger(JUSTICE_NS, old.id());
      assertThat(oldNow.status()).isEqualTo(RecordStatus.SUPERSEDED);
      assertThat(oldNow.supersededBy()).isEqualTo(fresh.id());
      assertThat(oldNow.txId()).isEqualTo(fresh.txId());
      assertThat(onLedger(JUSTICE_NS, fresh.id())).isEqualTo(fresh);

      VerificationReport oldReport =
          auditVerifier.verifier().verify(VerificationRequest.forHash(old.documentHash()).build());
      assertThat(oldReport.verdict()).isEqualTo(Verdict.SUPERSEDED);
      assertThat(oldReport.matches())
          .singleElement()
          .extracting(Verification::currentRecordId)
          .isEqualTo(fresh.id());
      assertThat(
              auditVerifier
                  .verifier()
                  .verify(VerificationRequest.forHash(fresh.documentHash()).build())
                  .verdict())
          .isEqualTo(Verdict.VALID);
      // A rerun of the same supersession counts as done.
      assertThat(
              justiceIssuer
                  .registryClient()
                  .supersede(old.id(), new AnchorRequest(replacement, personalDetails())))
          .isEqualTo(fresh);
    }
  }

  @Nested
  class GetHistory {

    @Test
    void newestFirstWithWhoActedInEachVersion() throws Exception {
      RegistryRecord anchored =
          anchor(
                  justiceIssuer,
                  certificate(ItNetwork.id("na-hist"), NOTARIAL, "2026-01-01T00:00:00Z"))
              .record();
      RegistryRecord revoked =
          settled(JUSTICE_NS, justiceIssuer.registryClient().revoke(anchored.id(), "WITHDRAWN"));

      List<RecordHistoryEntry> history = auditor.auditor().history(JUSTICE_NS, anchored.id());

      assertThat(history)
          .extracting(RecordHistoryEntry::txId)
          .containsExactly(revoked.txId(), anchored.txId());
      assertThat(history).extracting(RecordHistoryEntry::record).containsExactly(revoked, anchored);
      assertThat(Instant.parse(history.get(0).timestamp()))
          .isAfterOrEqualTo(Instant.parse(history.get(1).timestamp()));
      assertThat(history)
          .allSatisfy(h -> assertThat(h.record().actor().msp()).isEqualTo(JUSTICE_MSP));
      assertThatThrownBy(() -> auditor.auditor().history(JUSTICE_NS, ItNetwork.id("absent")))
          .isInstanceOf(NotFoundException.class)
          .extracting(e -> ((RegistryException) e).code())
          .isEqualTo(ErrorCode.RECORD_NOT_FOUND);
    }
  }

  @Nested
  class Listings {

    @Test
    void pagesThroughATypeWithBookmarks() throws Exception {
      List<String> ours = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ours.add(
            anchor(
                    justiceIssuer,
                    certificate(ItNetwork.id("na-list"), NOTARIAL, "2026-01-01T00:00:00Z"))
                .record()
                .id());
      }

      List<String> listed = new ArrayList<>();
      String bookmark = "";
      int pages = 0;
      while (true) {
        RecordPage page =
            auditor
                .auditor()
                .list(
                    ListRequest.of(JUSTICE_NS, ListQuery.TYPE, NOTARIAL)
                        .pageSize(2)
                        .bookmark(bookmark)
                        .build());
        pages++;
        assertThat(page.records()).hasSizeLessThanOrEqualTo(2);
        assertThat(page.records())
            .allSatisfy(r -> assertThat(r.documentType()).isEqualTo(NOTARIAL));
        page.records().forEach(r -> listed.add(r.id()));
        if (page.bookmark() == null || page.bookmark().isEmpty() || page.records().isEmpty()) {
          break;
        }
        assertThat(page.records()).hasSize(2);
        bookmark = page.bookmark();
      }

      assertThat(pages).isGreaterThanOrEqualTo(2);
      // Index key order: ids in string order ("-10" before "-9").
      assertThat(listed)
          .doesNotHaveDuplicates()
          .isSorted()
          .containsSubsequence(ours.stream().sorted().toList());
    }

    @Test
    void pagesThroughASubjectsRecords() throws Exception {
      String subject = ItNetwork.newSubjectRef();
      List<String> ours = new ArrayList<>();
      for (String type : List.of(BIRTH, MARRIAGE, NOTARIAL)) {
        CertificateRequest c =
            new CertificateRequest(
                ItNetwork.id("subj"),
                type,
                ItNetwork.newHash(),
                subject,
                "2026-01-01T00:00:00Z",
                null,
                null,
                null);
        ours.add(anchor(justiceIssuer, c).record().id());
      }

      RecordPage first =
          auditor
              .auditor()
              .list(ListRequest.of(JUSTICE_MSP, ListQuery.SUBJECT, subject).pageSize(2).build());
      assertThat(first.records())
          .extracting(RegistryRecord::id)
          .containsExactlyElementsOf(ours.subList(0, 2));
      assertThat(first.bookmark()).isNotEmpty();
      RecordPage second =
          auditor
              .auditor()
              .list(
                  ListRequest.of(JUSTICE_MSP, ListQuery.SUBJECT, subject)
                      .pageSize(2)
                      .bookmark(first.bookmark())
                      .build());
      assertThat(second.records()).extracting(RegistryRecord::id).containsExactly(ours.get(2));
      assertThat(second.bookmark()).isEmpty();
    }
  }

  @Nested
  class ApplicationsAndDecisions {

    @Test
    void aDecisionOnAnApplicationCitesARecordOfAnotherNamespace() throws Exception {
      RegistryRecord birth =
          anchor(
                  justiceIssuer,
                  certificate(ItNetwork.id("bc-input"), BIRTH, "2026-01-01T00:00:00Z"))
              .record();
      String applicationId = ItNetwork.id("app");
      ApplicationRequest application =
          new ApplicationRequest(
              applicationId, "BUILDING_PERMIT_REQUEST", "2026-03-01T09:30:00+02:00");

      ApplicationReceipt receipt = servicesClerk.registryClient().recordApplication(application);

      assertThat(receipt.applicationId()).isEqualTo(applicationId);
      assertThat(receipt.serviceCode()).isEqualTo("BUILDING_PERMIT_REQUEST");
      assertThat(receipt.receivedAt()).isEqualTo("2026-03-01T07:30:00Z");
      assertThat(receipt.decisionId()).isNull();
      assertThat(receipt.actor().msp()).isEqualTo(SERVICES_MSP);
      assertThat(receipt.actor().role()).isEqualTo("clerk");
      // A rerun reads the stored receipt back.
      assertThat(servicesClerk.registryClient().recordApplication(application)).isEqualTo(receipt);

      CertificateRequest permitRequest =
          new CertificateRequest(
              ItNetwork.id("bp"),
              PERMIT,
              ItNetwork.newHash(),
              birth.subjectRef(),
              "2026-03-10T00:00:00Z",
              null,
              applicationId,
              null);
      RegistryRecord permit = anchor(servicesIssuer, permitRequest).record();
      assertThat(permit.applicationId()).isEqualTo(applicationId);

      DecisionRequest decision =
          new DecisionRequest(
              ItNetwork.id("dec"),
              applicationId,
              DecisionOutcome.APPROVED,
              "Law-50/1991:art.7",
              SERVICE_DECISION,
              ItNetwork.newHash(),
              birth.subjectRef(),
              List.of(new RecordRef(JUSTICE_NS, birth.id())),
              List.of(permit.id()),
              null);

      RegistryRecord decided =
          settled(SERVICES_NS, servicesIssuer.registryClient().recordDecision(decision));

      assertThat(decided.kind()).isEqualTo(RecordKind.DECISION);
      assertThat(decided.issuerMsp()).isEqualTo(SERVICES_MSP);
      assertThat(decided.status()).isEqualTo(RecordStatus.ACTIVE);
      assertThat(decided.decision().applicationId()).isEqualTo(applicationId);
      assertThat(decided.decision().serviceCode()).isEqualTo("BUILDING_PERMIT_REQUEST");
      assertThat(decided.decision().receivedAt()).isEqualTo("2026-03-01T07:30:00Z");
      assertThat(decided.decision().outcome()).isEqualTo(DecisionOutcome.APPROVED);
      assertThat(decided.decision().decidedAt()).isEqualTo(decided.timestamp());
      assertThat(decided.validFrom()).isEqualTo(decided.timestamp());
      assertThat(decided.decision().inputRecords())
          .containsExactly(new RecordRef(JUSTICE_NS, birth.id()));
      assertThat(decided.decision().resultRecordIds()).containsExactly(permit.id());

      // The ledger: the decision, the receipt now naming it, the application's index.
      assertThat(onLedger(SERVICES_NS, decided.id())).isEqualTo(decided);
      assertThat(servicesClerk.registryClient().recordApplication(application).decisionId())
          .isEqualTo(decided.id());
      RecordPage byApplication =
          auditor
              .auditor()
              .list(
                  ListRequest.of(SERVICES_NS, ListQuery.APPLICATION, applicationId)
                      .pageSize(10)
                      .build());
      assertThat(byApplication.records())
          .extracting(RegistryRecord::id)
          .containsExactlyInAnyOrder(permit.id(), decided.id());
      // A rerun of the decision counts as done; the reference is checked when read.
      assertThat(servicesIssuer.registryClient().recordDecision(decision)).isEqualTo(decided);
      DecisionInputsReport inputs =
          auditVerifier.verifier().verifyDecisionInputs(SERVICES_NS, decided.id());
      assertThat(inputs.allValidWhenDecided()).isTrue();
      assertThat(inputs.decidedAt()).isEqualTo(decided.timestamp());
      assertThat(inputs.inputs())
          .singleElement()
          .satisfies(
              input -> {
                assertThat(input.ref()).isEqualTo(new RecordRef(JUSTICE_NS, birth.id()));
                assertThat(input.verdict()).isEqualTo(Verdict.VALID);
                assertThat(input.verification().issuer()).isEqualTo(JUSTICE_MSP);
              });
      assertThat(
              auditVerifier
                  .verifier()
                  .verify(VerificationRequest.forHash(decision.documentHash()).build())
                  .verdict())
          .isEqualTo(Verdict.VALID);
    }

    @Test
    void aDecisionOnAnUnknownApplicationIsRefused() throws Exception {
      DecisionRequest decision =
          new DecisionRequest(
              ItNetwork.id("dec-orphan"),
              ItNetwork.id("app-none"),
              DecisionOutcome.REJECTED,
              "Law-50/1991:art.7",
              SERVICE_DECISION,
              ItNetwork.newHash(),
              ItNetwork.newSubjectRef(),
              null,
              null,
              null);
      assertThatThrownBy(() -> servicesIssuer.registryClient().recordDecision(decision))
          .isInstanceOf(NotFoundException.class)
          .extracting(e -> ((RegistryException) e).code())
          .isEqualTo(ErrorCode.APPLICATION_NOT_FOUND);
      assertThatThrownBy(() -> auditor.auditor().history(SERVICES_NS, decision.id()))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Nested
  class AnchorBatch {

    @Test
    void anchorsInOneTransactionAndARerunAnchorsOnlyWhatIsMissing() throws Exception {
      List<AnchorRequest> batch = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        CertificateRequest c = certificate(ItNetwork.id("batch"), BIRTH, "2026-01-01T00:00:00Z");
        batch.add(i == 0 ? new AnchorRequest(c, personalDetails()) : AnchorRequest.of(c));
      }

      BatchReport report =
          justiceIssuer
              .registryClient()
              .anchorBatch(org.servicerecords.registry.client.AnchorBatch.of(batch).build());

      assertThat(report.complete()).isTrue();
      assertThat(report.outcomes())
          .extracting(RecordOutcome::id)
          .containsExactlyElementsOf(batch.stream().map(r -> r.certificate().id()).toList());
      assertThat(report.outcomes())
          .extracting(RecordOutcome::status)
          .containsOnly(RecordOutcome.Status.ANCHORED);
      String txId = report.outcomes().get(0).transactionId();
      for (AnchorRequest request : batch) {
        ItNetwork.awaitOnEveryPeer(readers, JUSTICE_NS, request.certificate().id(), txId);
      }
      assertThat(report.outcomes()).extracting(RecordOutcome::transactionId).containsOnly(txId);
      for (AnchorRequest request : batch) {
        RegistryRecord stored = onLedger(JUSTICE_NS, request.certificate().id());
        assertThat(stored.txId()).isEqualTo(txId);
        assertThat(stored.documentHash()).isEqualTo(request.certificate().documentHash());
        assertThat(stored.status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(stored.privateDetailsHash() != null)
            .isEqualTo(!request.personalDetails().isEmpty());
      }
      assertThat(
              justiceClerk.registryClient().readDetails(batch.get(0).certificate().id()).details())
          .isEqualTo(personalDetails());

      // A rerun with one new record: the three are already anchored, the new one is anchored.
      List<AnchorRequest> rerun = new ArrayList<>(batch);
      rerun.add(
          AnchorRequest.of(certificate(ItNetwork.id("batch"), MARRIAGE, "2026-01-01T00:00:00Z")));
      BatchReport second =
          justiceIssuer
              .registryClient()
              .anchorBatch(org.servicerecords.registry.client.AnchorBatch.of(rerun).build());
      assertThat(second.complete()).isTrue();
      ItNetwork.awaitOnEveryPeer(
          readers,
          JUSTICE_NS,
          rerun.get(3).certificate().id(),
          second.outcomes().get(3).transactionId());
      assertThat(second.outcomes())
          .extracting(RecordOutcome::status)
          .containsExactly(
              RecordOutcome.Status.ALREADY_ANCHORED,
              RecordOutcome.Status.ALREADY_ANCHORED,
              RecordOutcome.Status.ALREADY_ANCHORED,
              RecordOutcome.Status.ANCHORED);
      assertThat(second.outcomes().get(0).transactionId()).isEqualTo(txId);
      assertThat(onLedger(JUSTICE_NS, rerun.get(3).certificate().id()).txId())
          .isEqualTo(second.outcomes().get(3).transactionId());
      for (AnchorRequest request : batch) {
        assertThat(auditor.auditor().history(JUSTICE_NS, request.certificate().id())).hasSize(1);
      }
    }
  }

  @Nested
  class ReadDetails {

    @Test
    void theOwnersClerkReadsThemAndNobodyElse() throws Exception {
      CertificateRequest certificate =
          certificate(ItNetwork.id("bc-details"), BIRTH, "2026-01-01T00:00:00Z");
      RegistryRecord stored =
          anchor(justiceIssuer, new AnchorRequest(certificate, personalDetails())).record();

      PrivateDetails details = justiceClerk.registryClient().readDetails(certificate.id());

      assertThat(details.details()).isEqualTo(personalDetails());
      assertThat(details.salt()).matches("[0-9a-f]{64}");
      assertThat(
              ItNetwork.sha256Hex(CanonicalJson.toJson(details).getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(stored.privateDetailsHash());
      assertThat(justiceIssuer.registryClient().readDetails(certificate.id())).isEqualTo(details);

      // Services' clerk, on its own peer, reading records-justice: not the issuing agency.
      try (RegistryConnection otherAgency =
          RegistryConnection.open(
              ItNetwork.profile(SERVICES, "clerk1")
                  .withEnvironment(Map.of("REGISTRY_RECORDS_CHAINCODE", JUSTICE_NS)))) {
        assertThat(otherAgency.registryClient().namespace()).isEqualTo(JUSTICE_NS);
        assertThatThrownBy(() -> otherAgency.registryClient().readDetails(certificate.id()))
            .isInstanceOf(NotAuthorizedException.class)
            .satisfies(
                e ->
                    assertThat(e.getMessage())
                        .doesNotContain(ItPersonalDetails.value("records.fullName")));
      }
      // Justice's own verifier: the wrong role.
      assertThatThrownBy(() -> justiceVerifier.registryClient().readDetails(certificate.id()))
          .isInstanceOf(NotAuthorizedException.class)
          .satisfies(
              e -> {
                assertThat(((RegistryException) e).code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
                assertThat(e.getMessage())
                    .doesNotContain(ItPersonalDetails.value("records.fullName"));
              });
    }
  }

  @Nested
  class PurgeDetails {

    @Test
    void theDetailsAreGoneAndTheEvidenceHashStays() throws Exception {
      CertificateRequest certificate =
          certificate(ItNetwork.id("bc-purge"), BIRTH, "2026-01-01T00:00:00Z");
      RegistryRecord stored =
          anchor(justiceIssuer, new AnchorRequest(certificate, personalDetails())).record();
      assertThat(justiceClerk.registryClient().readDetails(certificate.id()).details())
          .isEqualTo(personalDetails());

      RegistryRecord purged =
          settled(JUSTICE_NS, justiceIssuer.registryClient().purgeDetails(certificate.id()));

      assertThat(purged.detailsPurged()).isTrue();
      assertThat(purged.privateDetailsHash()).isEqualTo(stored.privateDetailsHash());
      assertThat(purged.status()).isEqualTo(RecordStatus.ACTIVE);
      assertThat(onLedger(JUSTICE_NS, certificate.id())).isEqualTo(purged);
      assertThatThrownBy(() -> justiceClerk.registryClient().readDetails(certificate.id()))
          .isInstanceOf(InvalidStateException.class);
      assertThatThrownBy(() -> justiceIssuer.registryClient().purgeDetails(certificate.id()))
          .isInstanceOf(InvalidStateException.class);
      assertThat(
              auditVerifier
                  .verifier()
                  .verify(VerificationRequest.forHash(stored.documentHash()).build())
                  .verdict())
          .isEqualTo(Verdict.VALID);
      assertThat(auditor.auditor().history(JUSTICE_NS, certificate.id())).hasSize(2);
    }

    @Test
    void aRecordWithoutDetailsHasNothingToPurge() throws Exception {
      RegistryRecord stored =
          anchor(
                  justiceIssuer,
                  certificate(ItNetwork.id("bc-nopurge"), BIRTH, "2026-01-01T00:00:00Z"))
              .record();
      assertThatThrownBy(() -> justiceIssuer.registryClient().purgeDetails(stored.id()))
          .isInstanceOf(InvalidStateException.class);
      assertThat(onLedger(JUSTICE_NS, stored.id())).isEqualTo(stored);
    }
  }

  /** Everything a Gateway failure says: its message and every peer's detail. */
  static String peerText(GatewayException e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    e.getDetails().forEach(d -> text.append("; ").append(d.getMessage()));
    return text.toString();
  }
}
