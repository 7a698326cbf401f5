package org.servicerecords.registry.client.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.ContractHarness;
import org.servicerecords.registry.client.ContractHarness.Reply;
import org.servicerecords.registry.client.ContractHarness.Who;
import org.servicerecords.registry.client.DecisionInputsReport;
import org.servicerecords.registry.client.InvalidArgumentException;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.internal.submit.ErrorMapper;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.Decision;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.RecordRef;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verdict;
import org.servicerecords.registry.model.Verification;

/**
 * {@link DecisionInputs}, behind {@code Verifier.verifyDecisionInputs}, on the real contract served
 * by registry-testing's in-memory harness: a decision of records-services citing certificates of
 * records-justice (valid, revoked before the decision, revoked after it, absent, anchored after it)
 * and a record of a namespace no agency owns. The reads are the Gateway version's ({@code
 * GetRecord}, governance's agency of a namespace, {@code VerifyRecord}) evaluated on the harness.
 */
class DecisionInputsTest {

  private static final Instant BASE = Instant.parse("2025-03-01T00:00:00Z");
  private static final String GOVERNANCE = "governance";
  private static final String JUSTICE = "JusticeMSP";
  private static final String SERVICES = "ServicesMSP";
  private static final String JUSTICE_NS = "records-justice";
  private static final String SERVICES_NS = "records-services";
  private static final String NOBODY_NS = "records-nobody";
  private static final String BIRTH = "BIRTH_CERTIFICATE";
  private static final String PERMIT = "PERMIT_DECISION";

  private static final Who VERIFIER = new Who("AuditMSP", "verifier1", "verifier", null);
  private static final Who JUSTICE_ISSUER = new Who(JUSTICE, "issuer1", "issuer", BIRTH);
  private static final Who SERVICES_ISSUER = new Who(SERVICES, "issuer2", "issuer", PERMIT);

  private static final String HASH = "d".repeat(64);
  private static final String SUBJECT = "s".repeat(64);

  private final ContractHarness harness = new ContractHarness();
  private final HarnessReads reads = new HarnessReads(harness);
  private ExecutorService executor;

  @BeforeEach
  void ledger() {
    executor = Executors.newFixedThreadPool(4);
    register(JUSTICE, JUSTICE_NS, BIRTH);
    register(SERVICES, SERVICES_NS, PERMIT);
    anchor("c-valid", BASE);
    anchor("c-revoked-before", BASE);
    anchor("c-revoked-after", BASE);
    revoke("c-revoked-before", BASE.plus(Duration.ofHours(1)));
  }

  @AfterEach
  void stop() throws InterruptedException {
    // A query still running must not reach into the next test's ledger.
    executor.shutdownNow();
    assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void eachInputGetsItsVerdictAtTheDecisionInstant() throws RegistryException {
    Instant decided = BASE.plus(Duration.ofHours(2));
    decide(
        "d-1",
        decided,
        List.of(
            new RecordRef(JUSTICE_NS, "c-valid"),
            new RecordRef(JUSTICE_NS, "c-revoked-before"),
            new RecordRef(JUSTICE_NS, "c-revoked-after"),
            new RecordRef(JUSTICE_NS, "never-anchored"),
            new RecordRef(NOBODY_NS, "c-valid")));
    revoke("c-revoked-after", BASE.plus(Duration.ofHours(3)));

    DecisionInputsReport report = check("d-1");

    assertThat(report.namespace()).isEqualTo(SERVICES_NS);
    assertThat(report.decisionId()).isEqualTo("d-1");
    assertThat(report.decidedAt()).isEqualTo(decided.toString());
    assertThat(report.inputs())
        .extracting(DecisionInputsReport.Input::verdict)
        .containsExactly(
            Verdict.VALID, Verdict.REVOKED, Verdict.VALID, Verdict.UNKNOWN, Verdict.UNKNOWN);
    assertThat(report.inputs())
        .extracting(DecisionInputsReport.Input::validWhenDecided)
        .containsExactly(true, false, true, false, false);
    assertThat(report.allValidWhenDecided()).isFalse();
    assertThat(report.validCount()).isEqualTo(2);

    DecisionInputsReport.Input valid = report.inputs().get(0);
    assertThat(valid.reason()).isNull();
    assertThat(valid.verification().issuer()).isEqualTo(JUSTICE);
    assertThat(valid.verification().at()).isEqualTo(decided.toString());
    assertThat(report.inputs().get(1).reason())
        .isEqualTo("revoked (ISSUED_IN_ERROR) at " + BASE.plus(Duration.ofHours(1)));
    assertThat(report.inputs().get(3).reason()).isEqualTo("no such record in " + JUSTICE_NS);
    DecisionInputsReport.Input nobody = report.inputs().get(4);
    assertThat(nobody.reason())
        .isEqualTo("no agency owns namespace 'records-nobody' in governance");
    assertThat(nobody.verification()).isNull();
    assertThat(reads.verified).as("the unowned namespace is never asked").doesNotContain(NOBODY_NS);

    // The verdicts are the contract's own at decidedAt; now, the later revocation shows.
    for (DecisionInputsReport.Input input : report.inputs().subList(0, 4)) {
      assertThat(input.verification())
          .isEqualTo(contractVerdict(input.ref().namespace(), input.ref().id(), decided));
    }
    assertThat(contractVerdict(JUSTICE_NS, "c-revoked-after", BASE.plus(Duration.ofDays(1))))
        .extracting(Verification::verdict)
        .isEqualTo(Verdict.REVOKED);
  }

  @Test
  void allValidInputsAndRepeatedReferencesAreEachAskedOnce() throws RegistryException {
    decide(
        "d-2",
        BASE.plus(Duration.ofHours(2)),
        List.of(
            new RecordRef(JUSTICE_NS, "c-valid"),
            new RecordRef(JUSTICE_NS, "c-revoked-after"),
            new RecordRef(JUSTICE_NS, "c-valid")));

    DecisionInputsReport report = check("d-2");

    assertThat(report.allValidWhenDecided()).isTrue();
    assertThat(report.inputs())
        .extracting(i -> i.ref().id())
        .containsExactly("c-valid", "c-revoked-after", "c-valid");
    assertThat(reads.verified).hasSize(2);
  }

  @Test
  void aDecisionCitingNothingHadAllItsInputsValid() throws RegistryException {
    decide("d-3", BASE.plus(Duration.ofHours(2)), null);

    DecisionInputsReport report = check("d-3");

    assertThat(report.inputs()).isEmpty();
    assertThat(report.allValidWhenDecided()).isTrue();
  }

  @Test
  void aRecordAnchoredAfterTheDecisionWasNotValidWhenDecided() throws RegistryException {
    // The reference is stored as given; the certificate, valid from before the decision, comes
    // later. The contract judges its anchored version (VALID); it was not on the ledger then.
    Instant decided = BASE.plus(Duration.ofHours(2));
    decide("d-4", decided, List.of(new RecordRef(JUSTICE_NS, "c-late")));
    anchor("c-late", BASE.plus(Duration.ofHours(5)));

    DecisionInputsReport.Input late = check("d-4").inputs().get(0);

    assertThat(late.verdict()).isEqualTo(Verdict.VALID);
    assertThat(late.anchoredAfterDecision()).isTrue();
    assertThat(late.validWhenDecided()).isFalse();
    assertThat(late.reason())
        .isEqualTo("anchored at " + BASE.plus(Duration.ofHours(5)) + ", after the decision");
  }

  @Test
  void aMissingDecisionIsNotFoundAndACertificateIsNoDecision() {
    assertThatThrownBy(() -> check("no-such-decision"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no record 'no-such-decision' in records-services")
        .extracting(e -> ((RegistryException) e).code())
        .isEqualTo(ErrorCode.RECORD_NOT_FOUND);
    assertThatThrownBy(() -> new DecisionInputs(reads, executor).check(JUSTICE_NS, "c-valid"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("is a CERTIFICATE, not a DECISION");
  }

  @Test
  void moreReferencesThanTheContractStoresAreRefusedBeforeAnyQuery() throws RegistryException {
    decide("d-5", BASE.plus(Duration.ofHours(2)), List.of(new RecordRef(JUSTICE_NS, "c-valid")));
    RegistryRecord stored = reads.record(SERVICES_NS, "d-5");
    List<RecordRef> many = new ArrayList<>();
    for (int i = 0; i <= InputRules.MAX_LIST; i++) {
      many.add(new RecordRef(JUSTICE_NS, "c-" + i));
    }
    RegistryRecord inflated = withInputs(stored, many);
    DecisionInputs.Reads fake =
        new DelegatingReads(reads) {
          @Override
          public RegistryRecord record(String namespace, String id) {
            return inflated;
          }
        };

    assertThatThrownBy(() -> new DecisionInputs(fake, executor).check(SERVICES_NS, "d-5"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("cites 65 input records, more than the contract allows (64)");
    assertThat(reads.verified).isEmpty();
  }

  @Test
  void namespacesAreAskedInParallel() throws RegistryException {
    decide("d-6", BASE.plus(Duration.ofHours(2)), List.of(new RecordRef(JUSTICE_NS, "c-valid")));
    RegistryRecord stored = reads.record(SERVICES_NS, "d-6");
    List<RecordRef> refs =
        List.of(
            new RecordRef(JUSTICE_NS, "a"),
            new RecordRef(SERVICES_NS, "b"),
            new RecordRef(JUSTICE_NS, "c"));
    CountDownLatch allStarted = new CountDownLatch(refs.size());
    DecisionInputs.Reads fake =
        new DelegatingReads(reads) {
          @Override
          public RegistryRecord record(String namespace, String id) {
            return withInputs(stored, refs);
          }

          @Override
          public Verification verifyRecord(String namespace, String id, Instant at)
              throws RegistryException {
            allStarted.countDown();
            try {
              // Asked one after the other, the first query would wait here in vain.
              assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new AssertionError(e);
            }
            return super.verifyRecord(namespace, id, at);
          }
        };

    DecisionInputsReport report = new DecisionInputs(fake, executor).check(SERVICES_NS, "d-6");

    assertThat(report.inputs()).hasSize(3).allMatch(i -> i.verdict() == Verdict.UNKNOWN);
  }

  @Test
  void aRefusingNamespaceMakesItsReferenceUnknownButUnreachablePeersFailTheCheck()
      throws RegistryException {
    decide(
        "d-7",
        BASE.plus(Duration.ofHours(2)),
        List.of(new RecordRef(JUSTICE_NS, "c-valid"), new RecordRef(SERVICES_NS, "x")));
    DecisionInputs.Reads refusing =
        new DelegatingReads(reads) {
          @Override
          public Verification verifyRecord(String namespace, String id, Instant at)
              throws RegistryException {
            if (namespace.equals(SERVICES_NS)) {
              throw ErrorMapper.forCode(
                  ErrorCode.WRONG_NAMESPACE, "not served here", Stage.EVALUATE, null, null);
            }
            return super.verifyRecord(namespace, id, at);
          }
        };
    DecisionInputsReport report = new DecisionInputs(refusing, executor).check(SERVICES_NS, "d-7");
    assertThat(report.inputs())
        .extracting(DecisionInputsReport.Input::verdict)
        .containsExactly(Verdict.VALID, Verdict.UNKNOWN);
    assertThat(report.inputs().get(1).reason())
        .isEqualTo("records-services refused VerifyRecord: WRONG_NAMESPACE: not served here");

    DecisionInputs.Reads unreachable =
        new DelegatingReads(reads) {
          @Override
          public Verification verifyRecord(String namespace, String id, Instant at)
              throws RegistryException {
            throw new NetworkException(
                "peer unreachable", Stage.EVALUATE, null, "UNAVAILABLE", false, null);
          }
        };
    assertThatThrownBy(() -> new DecisionInputs(unreachable, executor).check(SERVICES_NS, "d-7"))
        .isInstanceOf(NetworkException.class);
  }

  private DecisionInputsReport check(String decisionId) throws RegistryException {
    return new DecisionInputs(reads, executor).check(SERVICES_NS, decisionId);
  }

  private Verification contractVerdict(String namespace, String id, Instant at) {
    Reply reply =
        harness.evaluate(VERIFIER, BASE, namespace, "records:VerifyRecord", id, at.toString());
    assertThat(reply.ok()).as("%s", reply).isTrue();
    return CanonicalJson.fromJson(reply.payload(), Verification.class);
  }

  private static RegistryRecord withInputs(RegistryRecord r, List<RecordRef> refs) {
    Decision d = r.decision();
    return new RegistryRecord(
        r.id(),
        r.kind(),
        r.documentType(),
        r.issuerMsp(),
        r.documentHash(),
        r.subjectRef(),
        r.validFrom(),
        r.validUntil(),
        r.status(),
        r.supersedes(),
        r.supersededBy(),
        r.revocation(),
        new Decision(
            d.applicationId(),
            d.serviceCode(),
            d.outcome(),
            d.legalBasis(),
            d.receivedAt(),
            d.decidedAt(),
            refs,
            d.resultRecordIds()),
        r.applicationId(),
        r.metadata(),
        r.privateDetailsHash(),
        r.detailsPurged(),
        r.actor(),
        r.txId(),
        r.timestamp());
  }

  private void register(String msp, String namespace, String type) {
    ok(
        harness.govern(
            BASE.minus(Duration.ofDays(1)),
            "governance:RegisterAgency",
            CanonicalJson.toJson(
                AgencyRequest.builder()
                    .msp(msp)
                    .displayName(msp + " agency")
                    .namespace(namespace)
                    .documentTypes(List.of(type))
                    .activeFrom(BASE.minus(Duration.ofDays(30)).toString())
                    .build())));
  }

  private void anchor(String id, Instant at) {
    ok(
        harness.submit(
            JUSTICE_ISSUER,
            at,
            Map.of(),
            JUSTICE_NS,
            "records:AnchorCertificate",
            CanonicalJson.toJson(
                CertificateRequest.builder()
                    .id(id)
                    .documentType(BIRTH)
                    .documentHash(HASH)
                    .subjectRef(SUBJECT)
                    .validFrom(BASE.minus(Duration.ofDays(1)).toString())
                    .build())));
  }

  private void revoke(String id, Instant at) {
    ok(
        harness.submit(
            JUSTICE_ISSUER, at, Map.of(), JUSTICE_NS, "records:Revoke", id, "ISSUED_IN_ERROR"));
  }

  private void decide(String id, Instant at, List<RecordRef> inputs) {
    String applicationId = "app-" + id;
    ok(
        harness.submit(
            SERVICES_ISSUER,
            at.minus(Duration.ofMinutes(30)),
            Map.of(),
            SERVICES_NS,
            "records:RecordApplication",
            CanonicalJson.toJson(
                ApplicationRequest.builder()
                    .applicationId(applicationId)
                    .serviceCode("PERMIT_SERVICE")
                    .receivedAt(at.minus(Duration.ofHours(1)).toString())
                    .build())));
    ok(
        harness.submit(
            SERVICES_ISSUER,
            at,
            Map.of(),
            SERVICES_NS,
            "records:RecordDecision",
            CanonicalJson.toJson(
                DecisionRequest.builder()
                    .id(id)
                    .applicationId(applicationId)
                    .outcome(DecisionOutcome.APPROVED)
                    .legalBasis("Act-12/s3")
                    .documentType(PERMIT)
                    .documentHash(HASH)
                    .subjectRef(SUBJECT)
                    .inputRecords(inputs)
                    .build())));
  }

  private static void ok(Reply reply) {
    assertThat(reply.ok()).as("%s", reply).isTrue();
  }

  /**
   * The reads of {@link DecisionInputs} evaluated on the harness's contracts, as the Gateway
   * version evaluates them on peers; refusals become the library's typed exceptions. The harness is
   * not made for concurrent calls, so calls into it are serialised here.
   */
  private static final class HarnessReads implements DecisionInputs.Reads {
    private final ContractHarness harness;

    /** The namespaces {@code VerifyRecord} was evaluated in, one entry per call. */
    final List<String> verified = Collections.synchronizedList(new ArrayList<>());

    HarnessReads(ContractHarness harness) {
      this.harness = harness;
    }

    @Override
    public RegistryRecord record(String namespace, String id) throws RegistryException {
      Reply reply = evaluate(namespace, "records:GetRecord", id);
      return absent(reply, ErrorCode.RECORD_NOT_FOUND)
          ? null
          : CanonicalJson.fromJson(reply.payload(), RegistryRecord.class);
    }

    @Override
    public AgencyEntry agencyByNamespace(String namespace) throws RegistryException {
      Reply reply = evaluate(GOVERNANCE, "governance:GetAgencyByNamespace", namespace);
      return absent(reply, ErrorCode.AGENCY_NOT_FOUND)
          ? null
          : CanonicalJson.fromJson(reply.payload(), AgencyEntry.class);
    }

    @Override
    public Verification verifyRecord(String namespace, String id, Instant at)
        throws RegistryException {
      verified.add(namespace);
      Reply reply = evaluate(namespace, "records:VerifyRecord", id, at.toString());
      if (!reply.ok()) {
        throw refusal(reply);
      }
      return CanonicalJson.fromJson(reply.payload(), Verification.class);
    }

    private Reply evaluate(String chaincode, String function, String... args) {
      synchronized (harness) {
        return harness.evaluate(
            VERIFIER, BASE.plus(Duration.ofDays(10)), chaincode, function, args);
      }
    }

    private static boolean absent(Reply reply, ErrorCode notFound) throws RegistryException {
      if (reply.ok()) {
        return false;
      }
      if (reply.code() == notFound) {
        return true;
      }
      throw refusal(reply);
    }

    private static RegistryException refusal(Reply reply) {
      if (reply.code() == null) {
        return new RegistryException(reply.message(), null, Stage.EVALUATE, null, null, null);
      }
      String prefix = reply.code().name() + ": ";
      String detail =
          reply.message().startsWith(prefix)
              ? reply.message().substring(prefix.length())
              : reply.message();
      return ErrorMapper.forCode(reply.code(), detail, Stage.EVALUATE, null, reply.message());
    }
  }

  /** Reads passed through to another, for tests that change one answer. */
  private static class DelegatingReads implements DecisionInputs.Reads {
    private final DecisionInputs.Reads inner;

    DelegatingReads(DecisionInputs.Reads inner) {
      this.inner = inner;
    }

    @Override
    public RegistryRecord record(String namespace, String id) throws RegistryException {
      return inner.record(namespace, id);
    }

    @Override
    public AgencyEntry agencyByNamespace(String namespace) throws RegistryException {
      return inner.agencyByNamespace(namespace);
    }

    @Override
    public Verification verifyRecord(String namespace, String id, Instant at)
        throws RegistryException {
      return inner.verifyRecord(namespace, id, at);
    }
  }
}
