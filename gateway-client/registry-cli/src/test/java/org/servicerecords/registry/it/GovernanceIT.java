package org.servicerecords.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicerecords.registry.it.ItNetwork.AUDIT;
import static org.servicerecords.registry.it.ItNetwork.AUDIT_MSP;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_MSP;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_NS;
import static org.servicerecords.registry.it.ItNetwork.SERVICES;
import static org.servicerecords.registry.it.ItNetwork.SERVICES_MSP;
import static org.servicerecords.registry.it.ItNetwork.SERVICES_NS;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.AgencySuspendedException;
import org.servicerecords.registry.client.AlreadyExistsException;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.GovernanceAdmin;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.VerificationRequest;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.AgencyHistoryEntry;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.ConsortiumMembers;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.GovernanceChange;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verdict;

/**
 * Governance on the real network: its reads, and a suspension decided by a majority of the
 * consortium's admins (Services and the audit office suspend Justice), during which Justice's
 * anchoring is refused, followed by a reinstatement, always, so that the network is left as it was
 * found. Also: an anchoring endorsed before a suspension committed first is invalidated at commit
 * ({@code MVCC_READ_CONFLICT}).
 */
class GovernanceIT {

  private static RegistryConnection justiceAdmin;
  private static RegistryConnection servicesAdmin;
  private static RegistryConnection auditAdmin;
  private static RegistryConnection justiceIssuer;
  private static RegistryConnection auditVerifier;

  @BeforeAll
  static void connect() throws Exception {
    justiceAdmin = ItNetwork.connect(JUSTICE, "admin1");
    servicesAdmin = ItNetwork.connect(SERVICES, "admin1");
    auditAdmin = ItNetwork.connect(AUDIT, "admin1");
    justiceIssuer = ItNetwork.connect(JUSTICE, "issuer1");
    auditVerifier = ItNetwork.connect(AUDIT, "verifier1");
    // A run that died between suspension and reinstatement left Justice suspended.
    reinstateIfSuspended(JUSTICE_MSP);
  }

  @AfterAll
  static void leaveGovernanceAsFound() throws Exception {
    try {
      if (servicesAdmin != null && auditAdmin != null) {
        reinstateIfSuspended(JUSTICE_MSP);
      }
    } finally {
      for (RegistryConnection c :
          new RegistryConnection[] {
            justiceAdmin, servicesAdmin, auditAdmin, justiceIssuer, auditVerifier
          }) {
        if (c != null) {
          c.close();
        }
      }
    }
  }

  /**
   * Reinstates an agency while it is suspended: members' admins approve the reinstatement of the
   * current entry one after the other (an approval already given is skipped) until it applies, and
   * then every peer has committed it.
   */
  static void reinstateIfSuspended(String msp) throws RegistryException {
    for (RegistryConnection admin : List.of(servicesAdmin, auditAdmin, justiceAdmin)) {
      if (!admin.governanceAdmin().agency(msp).suspended()) {
        break;
      }
      try {
        GovernanceChange change = admin.governanceAdmin().reinstateAgency(msp);
        if (change.applied()) {
          break;
        }
        awaitApprovalOnEveryPeer(change, admin.credentials().mspId());
      } catch (AlreadyExistsException approvedAlready) {
        // This organisation approved this reinstatement before: the next one decides.
      }
    }
    awaitAgencyOnEveryPeer(msp, "not suspended", a -> !a.suspended());
  }

  /** The admins' connections, one per organisation's peer. */
  private static List<RegistryConnection> everyPeer() {
    return List.of(justiceAdmin, servicesAdmin, auditAdmin);
  }

  /**
   * Waits until every peer has committed an organisation's approval of a change: the next approval
   * is endorsed by a majority of peers, and a peer that had not seen this one would answer
   * differently (and its endorsement would not match).
   */
  static void awaitApprovalOnEveryPeer(GovernanceChange change, String approver) {
    for (RegistryConnection peer : everyPeer()) {
      ItNetwork.await(
          approver
              + "'s approval of "
              + change.changeId()
              + " on the peer of "
              + peer.credentials().mspId(),
          () -> peer.governanceAdmin().approvals(change.changeId()),
          approvals -> approvals.stream().anyMatch(a -> approver.equals(a.actor().msp())));
    }
  }

  /** Waits until every peer answers an agency entry that satisfies the condition. */
  static void awaitAgencyOnEveryPeer(String msp, String what, Predicate<AgencyEntry> condition) {
    for (RegistryConnection peer : everyPeer()) {
      ItNetwork.await(
          msp + " " + what + " on the peer of " + peer.credentials().mspId(),
          () -> peer.governanceAdmin().agency(msp),
          condition);
    }
  }

  @Nested
  class Reads {

    @Test
    void getMembersNamesTheThreeOrganisationsAndTheMajority() throws Exception {
      ConsortiumMembers members = auditVerifier.governanceAdmin().members();
      assertThat(members.members()).containsExactly(AUDIT_MSP, JUSTICE_MSP, SERVICES_MSP);
      assertThat(members.required()).isEqualTo(2);
      assertThat(members.txId()).matches("[0-9a-f]{64}");
      assertThat(auditVerifier.auditor().blockNumberOf(members.txId())).isPositive();
    }

    @Test
    void getAgencyAnswersTheRegisteredEntry() throws Exception {
      AgencyEntry justice = auditVerifier.governanceAdmin().agency(JUSTICE_MSP);
      assertThat(justice.msp()).isEqualTo(JUSTICE_MSP);
      assertThat(justice.displayName()).isEqualTo("Ministry of Justice");
      assertThat(justice.namespace()).isEqualTo(JUSTICE_NS);
      assertThat(justice.documentTypes())
          .containsExactly("BIRTH_CERTIFICATE", "MARRIAGE_CERTIFICATE", "NOTARIAL_ACT");
      assertThat(justice.suspended()).isFalse();
      assertThat(auditVerifier.governanceAdmin().agency(SERVICES_MSP).namespace())
          .isEqualTo(SERVICES_NS);
      assertThatThrownBy(() -> auditVerifier.governanceAdmin().agency("NoSuchMSP"))
          .isInstanceOf(NotFoundException.class)
          .extracting(e -> ((RegistryException) e).code())
          .isEqualTo(ErrorCode.AGENCY_NOT_FOUND);
      // The audit office is a member but issues nothing: no agency entry.
      assertThatThrownBy(() -> auditVerifier.governanceAdmin().agency(AUDIT_MSP))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listAgenciesAnswersEveryAgencyByMspAsTheClientsSnapshotDoes() throws Exception {
      List<AgencyEntry> agencies = auditVerifier.governanceAdmin().agencies();
      assertThat(agencies).extracting(AgencyEntry::msp).containsExactly(JUSTICE_MSP, SERVICES_MSP);
      assertThat(agencies.get(0)).isEqualTo(auditVerifier.governanceAdmin().agency(JUSTICE_MSP));
      assertThat(justiceIssuer.registryClient().governance().agencies()).isEqualTo(agencies);
      assertThat(justiceIssuer.registryClient().governance().namespaces())
          .containsExactly(JUSTICE_NS, SERVICES_NS);
    }

    @Test
    void getAgencyAtAnswersTheVersionInForceThen() throws Exception {
      GovernanceAdmin governance = auditVerifier.governanceAdmin();
      AgencyEntry now = governance.agency(JUSTICE_MSP);
      List<AgencyHistoryEntry> history = governance.agencyHistory(JUSTICE_MSP);
      AgencyHistoryEntry registration = history.get(history.size() - 1);
      Instant registered = Instant.parse(registration.timestamp());

      assertThat(history.get(0).agency()).isEqualTo(now);
      assertThat(governance.agencyAt(JUSTICE_MSP, Instant.now())).isEqualTo(now);
      assertThat(governance.agencyAt(JUSTICE_MSP, registered)).isEqualTo(registration.agency());
      assertThatThrownBy(() -> governance.agencyAt(JUSTICE_MSP, registered.minusSeconds(1)))
          .isInstanceOf(NotFoundException.class)
          .extracting(e -> ((RegistryException) e).code())
          .isEqualTo(ErrorCode.AGENCY_NOT_FOUND);
    }
  }

  @Nested
  class Suspension {

    @Test
    void aSuspendedAgencysAnchoringIsRefusedUntilAMajorityReinstatesIt() throws Exception {
      String reason = "IT_AUDIT_" + ItNetwork.RUN;
      RegistryRecord before = anchor(ItNetwork.id("gov-before"));
      try {
        // One member's approval is not enough.
        GovernanceChange first = servicesAdmin.governanceAdmin().suspendAgency(JUSTICE_MSP, reason);
        assertThat(first.action()).isEqualTo("SuspendAgency");
        assertThat(first.msp()).isEqualTo(JUSTICE_MSP);
        assertThat(first.approvals()).containsExactly(SERVICES_MSP);
        assertThat(first.required()).isEqualTo(2);
        assertThat(first.applied()).isFalse();
        awaitApprovalOnEveryPeer(first, SERVICES_MSP);
        assertThat(auditVerifier.governanceAdmin().agency(JUSTICE_MSP).suspended()).isFalse();
        assertThatThrownBy(() -> servicesAdmin.governanceAdmin().suspendAgency(JUSTICE_MSP, reason))
            .isInstanceOf(AlreadyExistsException.class);

        // The second member's approval applies it.
        GovernanceChange second = auditAdmin.governanceAdmin().suspendAgency(JUSTICE_MSP, reason);
        assertThat(second.changeId()).isEqualTo(first.changeId());
        assertThat(second.approvals()).containsExactly(AUDIT_MSP, SERVICES_MSP);
        assertThat(second.applied()).isTrue();
        assertThat(second.agency().suspended()).isTrue();
        assertThat(second.agency().suspensionReason()).isEqualTo(reason);
        awaitAgencyOnEveryPeer(JUSTICE_MSP, "suspended", AgencyEntry::suspended);

        AgencyEntry suspended = auditVerifier.governanceAdmin().agency(JUSTICE_MSP);
        assertThat(suspended).isEqualTo(second.agency());
        assertThat(auditVerifier.governanceAdmin().agencyAt(JUSTICE_MSP, Instant.now()).suspended())
            .isTrue();
        assertThat(auditVerifier.governanceAdmin().approvals(first.changeId()))
            .extracting(a -> a.change().action())
            .containsOnly("SuspendAgency");

        // The library refuses before sending (a fresh connection reads governance; a long-lived one
        // learns it from the governance event).
        String refusedId = ItNetwork.id("gov-suspended");
        try (RegistryConnection fresh = ItNetwork.connect(JUSTICE, "issuer1")) {
          assertThatThrownBy(() -> anchor(fresh, refusedId))
              .isInstanceOf(AgencySuspendedException.class)
              .satisfies(e -> assertThat(((RegistryException) e).stage()).isEqualTo(Stage.LOCAL));
        }
        awaitRefusalByLongLivedClient(refusedId);

        // The contract refuses it too: the proposal sent past the library, and a receipt that the
        // library does not check in advance.
        try (ItNetwork.RawGateway raw = ItNetwork.rawGateway(JUSTICE, "issuer1")) {
          assertThatThrownBy(
                  () ->
                      raw.gateway()
                          .getNetwork("registry")
                          .getContract(JUSTICE_NS, "records")
                          .newProposal("AnchorCertificate")
                          .addArguments(CanonicalJson.toJson(certificate(refusedId)))
                          .setEndorsingOrganizations(JUSTICE_MSP)
                          .build()
                          .endorse())
              .isInstanceOf(EndorseException.class)
              .satisfies(
                  e ->
                      assertThat(RecordsIT.peerText((GatewayException) e))
                          .contains("AGENCY_SUSPENDED"));
        }
        try (RegistryConnection clerk = ItNetwork.connect(JUSTICE, "clerk1")) {
          assertThatThrownBy(
                  () ->
                      clerk
                          .registryClient()
                          .recordApplication(
                              new ApplicationRequest(
                                  ItNetwork.id("gov-app"), "APOSTILLE", "2026-01-05T10:00:00Z")))
              .isInstanceOf(AgencySuspendedException.class)
              .satisfies(
                  e -> {
                    assertThat(((RegistryException) e).code())
                        .isEqualTo(ErrorCode.AGENCY_SUSPENDED);
                    assertThat(((RegistryException) e).stage()).isEqualTo(Stage.ENDORSE);
                  });
        }
        assertThatThrownBy(() -> auditVerifier.auditor().history(JUSTICE_NS, refusedId))
            .isInstanceOf(NotFoundException.class);
        // Revocation stays possible while suspended (it only takes an assertion back), and a
        // record anchored before the suspension still verifies: authority is judged at anchoring.
        assertThat(
                auditVerifier
                    .verifier()
                    .verify(VerificationRequest.forHash(before.documentHash()).build())
                    .verdict())
            .isEqualTo(Verdict.VALID);
        assertThat(justiceIssuer.registryClient().revoke(before.id(), "AGENCY_REVIEW").status())
            .isEqualTo(RecordStatus.REVOKED);
      } finally {
        reinstateIfSuspended(JUSTICE_MSP);
      }

      AgencyEntry reinstated = auditVerifier.governanceAdmin().agency(JUSTICE_MSP);
      assertThat(reinstated.suspended()).isFalse();
      assertThat(reinstated.suspensionReason()).isNull();
      assertThat(
              auditVerifier
                  .governanceAdmin()
                  .agencyHistory(JUSTICE_MSP)
                  .get(1)
                  .agency()
                  .suspended())
          .isTrue();
      RegistryRecord after = anchorWhenAllowedAgain(ItNetwork.id("gov-after"));
      assertThat(after.status()).isEqualTo(RecordStatus.ACTIVE);
      ItNetwork.awaitOnEveryPeer(List.of(auditVerifier), JUSTICE_NS, after.id(), after.txId());
      assertThat(
              auditVerifier
                  .verifier()
                  .verify(VerificationRequest.forHash(after.documentHash()).build())
                  .verdict())
          .isEqualTo(Verdict.VALID);
    }

    /**
     * The long-lived client (its snapshot read before the suspension) learns of it from the
     * governance event and then refuses before sending. Until it has, the contract refuses.
     */
    private void awaitRefusalByLongLivedClient(String id) throws Exception {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
      while (true) {
        try {
          anchor(justiceIssuer, id);
          throw new AssertionError("anchored " + id + " while the agency is suspended");
        } catch (AgencySuspendedException e) {
          if (e.stage() == Stage.LOCAL) {
            return;
          }
          if (Instant.now().isAfter(deadline)) {
            throw new AssertionError(
                "the client's governance snapshot never saw the suspension", e);
          }
          Thread.sleep(200);
        }
      }
    }

    /** The long-lived client learns of the reinstatement from the governance event. */
    private RegistryRecord anchorWhenAllowedAgain(String id) throws Exception {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
      while (true) {
        try {
          return anchor(justiceIssuer, id);
        } catch (AgencySuspendedException e) {
          if (Instant.now().isAfter(deadline)) {
            throw e;
          }
          Thread.sleep(500);
        }
      }
    }

    private RegistryRecord anchor(String id) throws RegistryException {
      return anchor(justiceIssuer, id);
    }

    private RegistryRecord anchor(RegistryConnection issuer, String id) throws RegistryException {
      return issuer.registryClient().anchorCertificate(AnchorRequest.of(certificate(id))).record();
    }

    private CertificateRequest certificate(String id) {
      return new CertificateRequest(
          id,
          "BIRTH_CERTIFICATE",
          ItNetwork.sha256Hex("document " + id),
          ItNetwork.sha256Hex("subject " + id),
          "2026-01-01T00:00:00Z",
          null,
          null,
          null);
    }
  }

  /**
   * Issue 11, item 1: a suspension committed first makes an anchoring endorsed before it fail at
   * commit. The anchoring read Justice's agency entry through governance when it was endorsed; the
   * suspension wrote a new version of that entry, so the peers' validation finds the read stale
   * ({@code MVCC_READ_CONFLICT}) and the anchoring writes nothing, although its endorsement was
   * valid.
   */
  @Nested
  class SuspensionRacingAnAnchoring {

    @Test
    void anAnchoringEndorsedBeforeACommittedSuspensionIsInvalidatedAtCommit() throws Exception {
      String id = ItNetwork.id("gov-mvcc");
      String reason = "IT_MVCC_" + ItNetwork.RUN;
      CertificateRequest certificate =
          new CertificateRequest(
              id,
              "BIRTH_CERTIFICATE",
              ItNetwork.sha256Hex("document " + id),
              ItNetwork.sha256Hex("subject " + id),
              "2026-01-01T00:00:00Z",
              null,
              null,
              null);
      try (ItNetwork.RawGateway raw = ItNetwork.rawGateway(JUSTICE, "issuer1")) {
        // Endorsed while Justice is active, not submitted.
        Transaction endorsed =
            raw.gateway()
                .getNetwork("registry")
                .getContract(JUSTICE_NS, "records")
                .newProposal("AnchorCertificate")
                .addArguments(CanonicalJson.toJson(certificate))
                // The owner and a co-endorser, as records-justice's policy requires.
                .setEndorsingOrganizations(JUSTICE_MSP, SERVICES_MSP)
                .build()
                .endorse();
        try {
          GovernanceChange first =
              servicesAdmin.governanceAdmin().suspendAgency(JUSTICE_MSP, reason);
          assertThat(first.applied()).isFalse();
          awaitApprovalOnEveryPeer(first, SERVICES_MSP);
          GovernanceChange second = auditAdmin.governanceAdmin().suspendAgency(JUSTICE_MSP, reason);
          assertThat(second.applied()).isTrue();
          awaitAgencyOnEveryPeer(JUSTICE_MSP, "suspended", AgencyEntry::suspended);

          // Submitted only now, after the suspension's block.
          SubmittedTransaction submitted = endorsed.submitAsync();
          Status status = submitted.getStatus();

          assertThat(status.getCode()).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
          assertThat(status.isSuccessful()).isFalse();
          assertThat(status.getTransactionId()).isEqualTo(endorsed.getTransactionId());
        } finally {
          reinstateIfSuspended(JUSTICE_MSP);
        }
      }
      // Justice's own peer gave the status, so it has the block: nothing was written.
      assertThatThrownBy(() -> justiceIssuer.registryClient().getRecord(id))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> justiceIssuer.auditor().history(JUSTICE_NS, id))
          .isInstanceOf(NotFoundException.class);
    }
  }
}
