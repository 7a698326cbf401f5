package org.servicerecords.registry.client.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.client.internal.audit.TestBlocks.block;
import static org.servicerecords.registry.client.internal.audit.TestBlocks.tx;
import static org.servicerecords.registry.client.internal.trust.TestPki.issue;
import static org.servicerecords.registry.client.internal.trust.TestPki.msps;
import static org.servicerecords.registry.client.internal.trust.TestPki.org;
import static org.servicerecords.registry.client.internal.trust.TestPki.peerOf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.IgnoredEvent;
import org.servicerecords.registry.client.IgnoredEvent.Reason;
import org.servicerecords.registry.client.ScannedTransaction;
import org.servicerecords.registry.client.internal.trust.ChannelMsps;
import org.servicerecords.registry.client.internal.trust.TestPki.Issued;
import org.servicerecords.registry.client.internal.trust.TestPki.Org;
import org.servicerecords.registry.client.internal.trust.TestPki.Signer;
import org.servicerecords.registry.model.RecordEvent;

/**
 * The event check on blocks built in the test, endorsements signed with real ECDSA keys of
 * self-made organisation CAs: an event counts only when its transaction is VALID and a peer of the
 * namespace's owner (in governance, of a majority of the members) endorsed it.
 */
class EventCheckTest {

  static final String NS = "records-justice";
  static final String GOVERNANCE = "governance";
  static final String OWN = "_implicit_org_JusticeMSP";
  static final String SERVICES_COLLECTION = "_implicit_org_ServicesMSP";

  static final Org JUSTICE;
  static final Org SERVICES;
  static final Org AUDIT;

  static {
    try {
      JUSTICE = org("JusticeMSP");
      SERVICES = org("ServicesMSP");
      AUDIT = org("AuditMSP");
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static final ChannelMsps CHANNEL = msps(JUSTICE, SERVICES, AUDIT);
  static final EventRule OWNER = EventRule.owner(NS, "JusticeMSP");
  static final EventRule MAJORITY =
      EventRule.majority(GOVERNANCE, List.of("AuditMSP", "JusticeMSP", "ServicesMSP"));

  static ScannedTransaction only(TestBlocks.Tx tx, EventRule rule) throws Exception {
    List<ScannedTransaction> judged = EventCheck.judge(block(9, tx), rule, CHANNEL);
    assertThat(judged).hasSize(1);
    return judged.get(0);
  }

  static Issued justiceIdentity(String subject) throws Exception {
    return issue(subject, JUSTICE.ca(), false, Instant.now().plus(Duration.ofDays(1)));
  }

  @Nested
  class Accepted {
    @Test
    void anEventCoEndorsedByTheOwnersPeerIsAccepted() throws Exception {
      ScannedTransaction tx =
          only(
              tx("t1", NS).event("c1", "REVOKED").endorsedBy(peerOf(JUSTICE), peerOf(SERVICES)),
              OWNER);

      assertThat(tx.accepted()).isTrue();
      assertThat(tx.blockNumber()).isEqualTo(9);
      assertThat(tx.transactionId()).isEqualTo("t1");
      assertThat(tx.validationCode()).isEqualTo("VALID");
      assertThat(tx.endorsingMsps()).containsExactly("JusticeMSP", "ServicesMSP");
      assertThat(tx.event().entries())
          .containsExactly(new RecordEvent.Entry("c1", "CERTIFICATE", "REVOKED"));
      assertThat(tx.foreignCollections()).isEmpty();
    }

    @Test
    void theOwnersOwnDetailsTransactionWritingItsImplicitCollectionIsAccepted() throws Exception {
      ScannedTransaction tx =
          only(
              tx("t2", NS)
                  .event("c1", "DETAILS_STORED")
                  .writes(OWN)
                  .privateOnly()
                  .endorsedBy(peerOf(JUSTICE)),
              OWNER);

      assertThat(tx.accepted()).isTrue();
      assertThat(tx.foreignCollections()).isEmpty();
    }

    @Test
    void aSecondEndorsementThatFailsDoesNotMatterWhenTheOwnersPasses() throws Exception {
      Org impostor = org("ServicesMSP");

      assertThat(
              only(
                      tx("t3", NS)
                          .event("c1", "ANCHORED")
                          .endorsedBy(peerOf(impostor), peerOf(JUSTICE)),
                      OWNER)
                  .accepted())
          .isTrue();
    }

    @Test
    void aPayloadThatIsNoRegistryEventIsAcceptedWithNoEntries() throws Exception {
      ScannedTransaction tx =
          only(
              tx("t4", NS)
                  .eventPayload("not json".getBytes(StandardCharsets.UTF_8))
                  .endorsedBy(peerOf(JUSTICE)),
              OWNER);

      assertThat(tx.accepted()).isTrue();
      assertThat(tx.event().entries()).isEmpty();
    }

    @Test
    void certificatesAreJudgedAtTheTransactionsTimestamp() throws Exception {
      // The peer's certificate has expired since (valid from 2 h ago to 1 h ago): an event it
      // endorsed 90 minutes ago still counts; one stamped now does not.
      Issued expired =
          issue(
              "CN=peer0.JusticeMSP,OU=peer,O=JusticeMSP",
              JUSTICE.ca(),
              false,
              Instant.now().minus(Duration.ofHours(1)));
      Signer peer = new Signer("JusticeMSP", expired);
      Instant then = Instant.now().minus(Duration.ofMinutes(90));

      assertThat(
              only(tx("t5", NS).event("c1", "ANCHORED").endorsedBy(peer).at(then), OWNER)
                  .accepted())
          .isTrue();
      assertThat(only(tx("t6", NS).event("c1", "ANCHORED").endorsedBy(peer), OWNER).reason())
          .isEqualTo(Reason.CERTIFICATE_NOT_TRUSTED);
    }
  }

  @Nested
  class Ignored {
    /**
     * The fake-event attack (docs/architecture.md, Trust model): Services commits, VALID, a
     * transaction in Justice's namespace that writes only its own implicit collection and carries a
     * REVOKED event.
     */
    @Test
    void anOwnerAloneWritingOnlyItsCollectionCannotAnnounceARevocation() throws Exception {
      // Valid on the owner's endorsement alone (its collection's policy): an owner running
      // modified code could commit it without any co-endorser.
      ScannedTransaction tx =
          only(
              tx("t-own", NS)
                  .event("c1", "REVOKED")
                  .writes(OWN)
                  .privateOnly()
                  .endorsedBy(peerOf(JUSTICE)),
              OWNER);

      assertThat(tx.accepted()).isFalse();
      assertThat(tx.reason()).isEqualTo(IgnoredEvent.Reason.NO_PUBLIC_WRITE);
      assertThat(tx.detail()).contains("REVOKED").contains("wrote nothing public");
    }

    @Test
    void aValidEventEndorsedOnlyByAnotherOrganisationIsNotTheOwners() throws Exception {
      ScannedTransaction tx =
          only(
              tx("fake", NS)
                  .event("c1", "REVOKED")
                  .writes(SERVICES_COLLECTION)
                  .endorsedBy(peerOf(SERVICES)),
              OWNER);

      assertThat(tx.accepted()).isFalse();
      assertThat(tx.validationCode()).isEqualTo("VALID");
      assertThat(tx.reason()).isEqualTo(Reason.NOT_ENDORSED_BY_OWNER);
      assertThat(tx.detail()).contains("[ServicesMSP]", "JusticeMSP");
      assertThat(tx.endorsingMsps()).containsExactly("ServicesMSP");
      assertThat(tx.foreignCollections()).containsExactly(SERVICES_COLLECTION);
      IgnoredEvent ignored = tx.asIgnored(NS);
      assertThat(ignored.namespace()).isEqualTo(NS);
      assertThat(ignored.reason()).isEqualTo(Reason.NOT_ENDORSED_BY_OWNER);
      assertThat(ignored.endorsingMsps()).containsExactly("ServicesMSP");
      assertThat(ignored.foreignCollections()).containsExactly(SERVICES_COLLECTION);
    }

    @Test
    void anInvalidTransactionsEventIsIgnoredWithItsValidationCode() throws Exception {
      List<ScannedTransaction> judged =
          EventCheck.judge(
              block(
                  10,
                  List.of(
                      tx("bad", NS).event("c1", "ANCHORED").endorsedBy(peerOf(JUSTICE)),
                      tx("good", NS).event("c2", "ANCHORED").endorsedBy(peerOf(JUSTICE))),
                  TxValidationCode.MVCC_READ_CONFLICT,
                  TxValidationCode.VALID),
              OWNER,
              CHANNEL);

      assertThat(judged)
          .extracting(ScannedTransaction::transactionId)
          .containsExactly("bad", "good");
      assertThat(judged.get(0).reason()).isEqualTo(Reason.NOT_VALID);
      assertThat(judged.get(0).validationCode()).isEqualTo("MVCC_READ_CONFLICT");
      assertThat(judged.get(0).detail()).contains("MVCC_READ_CONFLICT");
      assertThat(judged.get(1).accepted()).isTrue();
    }

    @Test
    void aForgedSignatureOfTheOwnerIsIgnored() throws Exception {
      ScannedTransaction tx =
          only(tx("forged", NS).event("c1", "REVOKED").endorsedBy(peerOf(JUSTICE)).forged(), OWNER);

      assertThat(tx.reason()).isEqualTo(Reason.SIGNATURE_INVALID);
      assertThat(tx.detail()).contains("JusticeMSP");
    }

    @Test
    void anOwnerEndorsementByAClientCertificateIsNotAPeers() throws Exception {
      Signer client =
          new Signer("JusticeMSP", justiceIdentity("CN=issuer1,OU=client,O=JusticeMSP"));

      ScannedTransaction tx =
          only(tx("client", NS).event("c1", "REVOKED").endorsedBy(client), OWNER);

      assertThat(tx.reason()).isEqualTo(Reason.NOT_A_PEER);
    }

    @Test
    void anOwnerEndorsementFromAnotherCaIsNotTrusted() throws Exception {
      Org impostor = org("JusticeMSP");

      ScannedTransaction tx =
          only(tx("impostor", NS).event("c1", "REVOKED").endorsedBy(peerOf(impostor)), OWNER);

      assertThat(tx.reason()).isEqualTo(Reason.CERTIFICATE_NOT_TRUSTED);
    }

    @Test
    void anOwnerTheChannelConfigurationDoesNotHoldIsUnknown() throws Exception {
      ScannedTransaction tx =
          EventCheck.judge(
                  block(9, tx("t", NS).event("c1", "REVOKED").endorsedBy(peerOf(JUSTICE))),
                  OWNER,
                  msps(SERVICES, AUDIT))
              .get(0);

      assertThat(tx.reason()).isEqualTo(Reason.UNKNOWN_ORGANISATION);
    }

    @Test
    void aResponseToAnotherProposalIsAMismatch() throws Exception {
      ScannedTransaction tx =
          only(
              tx("replay", NS)
                  .event("c1", "REVOKED")
                  .endorsedBy(peerOf(JUSTICE))
                  .answeringAnotherProposal(),
              OWNER);

      assertThat(tx.reason()).isEqualTo(Reason.PROPOSAL_MISMATCH);
    }

    @Test
    void moreThanOneActionIsMalformed() throws Exception {
      ScannedTransaction tx =
          only(tx("two", NS).event("c1", "REVOKED").endorsedBy(peerOf(JUSTICE)).actions(2), OWNER);

      assertThat(tx.reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void anOwnerEndorsedTransactionWritingAnotherOrganisationsCollectionIsForeign()
        throws Exception {
      ScannedTransaction tx =
          only(
              tx("both", NS)
                  .event("c1", "REVOKED")
                  .writes(OWN)
                  .writes(SERVICES_COLLECTION)
                  .endorsedBy(peerOf(JUSTICE), peerOf(SERVICES)),
              OWNER);

      assertThat(tx.reason()).isEqualTo(Reason.FOREIGN_COLLECTION_WRITE);
      assertThat(tx.foreignCollections()).containsExactly(SERVICES_COLLECTION);
    }
  }

  @Nested
  class WhatIsReported {
    @Test
    void aValidForeignWriteWithoutAnEventIsFlaggedAndOwnWritesWithoutEventsAreNot()
        throws Exception {
      List<ScannedTransaction> judged =
          EventCheck.judge(
              block(
                  11,
                  tx("silent", NS).writes(SERVICES_COLLECTION).endorsedBy(peerOf(SERVICES)),
                  tx("own", NS).writes(OWN).endorsedBy(peerOf(JUSTICE))),
              OWNER,
              CHANNEL);

      assertThat(judged).hasSize(1);
      assertThat(judged.get(0).transactionId()).isEqualTo("silent");
      assertThat(judged.get(0).carriesEvent()).isFalse();
      assertThat(judged.get(0).reason()).isEqualTo(Reason.NOT_ENDORSED_BY_OWNER);
      assertThat(judged.get(0).foreignCollections()).containsExactly(SERVICES_COLLECTION);
    }

    @Test
    void anInvalidForeignWriteWithoutAnEventWroteNothingAndIsLeftOut() throws Exception {
      assertThat(
              EventCheck.judge(
                  block(
                      12,
                      List.of(tx("x", NS).writes(SERVICES_COLLECTION).endorsedBy(peerOf(SERVICES))),
                      TxValidationCode.ENDORSEMENT_POLICY_FAILURE),
                  OWNER,
                  CHANNEL))
          .isEmpty();
    }

    @Test
    void otherNamespacesAndConfigurationBlocksAreLeftOut() throws Exception {
      assertThat(
              EventCheck.judge(
                  block(13, tx("s", "records-services").event("s1", "REVOKED")), OWNER, CHANNEL))
          .isEmpty();
      assertThat(
              EventCheck.judge(
                  block(14, tx("e", NS).event("c1", "REVOKED").eventOf("records-services")),
                  OWNER,
                  CHANNEL))
          .isEmpty();
      assertThat(EventCheck.isConfig(TestBlocks.configBlock(0, JUSTICE))).isTrue();
      assertThat(EventCheck.isConfig(block(1, tx("s", NS)))).isFalse();
      assertThat(EventCheck.judge(TestBlocks.configBlock(0, JUSTICE), OWNER, CHANNEL)).isEmpty();
    }
  }

  @Nested
  class Governance {
    @Test
    void aMajorityOfTheMembersIsAccepted() throws Exception {
      assertThat(
              only(
                      tx("g1", GOVERNANCE)
                          .event("ServicesMSP", "SUSPENDED")
                          .endorsedBy(peerOf(JUSTICE), peerOf(AUDIT)),
                      MAJORITY)
                  .accepted())
          .isTrue();
    }

    @Test
    void oneMemberIsTooFewAndItsImplicitCollectionIsForeign() throws Exception {
      ScannedTransaction tx =
          only(
              tx("g2", GOVERNANCE)
                  .event("JusticeMSP", "SUSPENDED")
                  .writes(SERVICES_COLLECTION)
                  .endorsedBy(peerOf(SERVICES)),
              MAJORITY);

      assertThat(tx.reason()).isEqualTo(Reason.TOO_FEW_ORGANISATIONS);
      assertThat(tx.detail()).contains("[ServicesMSP]", "2 of the members");
      assertThat(tx.foreignCollections()).containsExactly(SERVICES_COLLECTION);
    }

    @Test
    void twoPeersOfOneMemberOrAForgedSecondAreOneOrganisation() throws Exception {
      Signer secondJusticePeer =
          new Signer("JusticeMSP", justiceIdentity("CN=peer1.JusticeMSP,OU=peer,O=JusticeMSP"));
      assertThat(
              only(
                      tx("g3", GOVERNANCE)
                          .event("x", "SUSPENDED")
                          .endorsedBy(peerOf(JUSTICE), secondJusticePeer),
                      MAJORITY)
                  .reason())
          .isEqualTo(Reason.TOO_FEW_ORGANISATIONS);

      Org impostor = org("AuditMSP");
      ScannedTransaction forged =
          only(
              tx("g4", GOVERNANCE)
                  .event("x", "SUSPENDED")
                  .endorsedBy(peerOf(JUSTICE), peerOf(impostor)),
              MAJORITY);
      assertThat(forged.reason()).isEqualTo(Reason.TOO_FEW_ORGANISATIONS);
      assertThat(forged.detail()).contains("AuditMSP=CERTIFICATE_NOT_TRUSTED");
    }

    @Test
    void aMajorityIsFloorOfHalfPlusOne() {
      assertThat(EventRule.majority(GOVERNANCE, List.of("A")).required()).isEqualTo(1);
      assertThat(EventRule.majority(GOVERNANCE, List.of("A", "B")).required()).isEqualTo(2);
      assertThat(EventRule.majority(GOVERNANCE, List.of("A", "B", "C")).required()).isEqualTo(2);
      assertThat(EventRule.majority(GOVERNANCE, List.of("A", "B", "C", "D")).required())
          .isEqualTo(3);
      assertThat(MAJORITY.isForeignCollection(OWN)).isTrue();
      assertThat(OWNER.isForeignCollection(OWN)).isFalse();
      assertThat(OWNER.isForeignCollection("someExplicitCollection")).isFalse();
    }
  }
}
