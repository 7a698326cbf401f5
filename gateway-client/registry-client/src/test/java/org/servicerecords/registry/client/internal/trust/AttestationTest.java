package org.servicerecords.registry.client.internal.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicerecords.registry.client.internal.trust.TestPki.endorse;
import static org.servicerecords.registry.client.internal.trust.TestPki.issue;
import static org.servicerecords.registry.client.internal.trust.TestPki.msps;
import static org.servicerecords.registry.client.internal.trust.TestPki.org;
import static org.servicerecords.registry.client.internal.trust.TestPki.peerOf;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.Attestation;
import org.servicerecords.registry.client.AttestationException;
import org.servicerecords.registry.client.AttestationException.Reason;
import org.servicerecords.registry.client.identity.Pem;
import org.servicerecords.registry.client.internal.trust.TestPki.Issued;
import org.servicerecords.registry.client.internal.trust.TestPki.Org;
import org.servicerecords.registry.client.internal.trust.TestPki.Signer;

/**
 * Attested verification's checks on real envelopes: endorsements signed with test keys, endorser
 * certificates issued by self-made organisation CAs, as a Gateway would return them.
 */
class AttestationTest {

  private static final String NS = "records-justice";
  private static final String TX_ID = "a1b2c3";
  private static final List<String> ARGS = List.of("records:VerifyHash", "ab".repeat(32), "");
  private static final byte[] ANSWER = "[{\"verdict\":\"VALID\"}]".getBytes(StandardCharsets.UTF_8);
  static final ByteString CHANNEL_HEADER =
      ChannelHeader.newBuilder()
          .setType(3)
          .setChannelId("registry")
          .setTxId(TX_ID)
          .build()
          .toByteString();
  static final ByteString SIGNATURE_HEADER =
      SignatureHeader.newBuilder()
          .setNonce(ByteString.copyFromUtf8("nonce"))
          .build()
          .toByteString();

  static ByteString proposalPayload(List<String> args) {
    ChaincodeInput.Builder input = ChaincodeInput.newBuilder();
    args.forEach(a -> input.addArgs(ByteString.copyFromUtf8(a)));
    return ChaincodeProposalPayload.newBuilder()
        .setInput(
            ChaincodeInvocationSpec.newBuilder()
                .setChaincodeSpec(
                    ChaincodeSpec.newBuilder()
                        .setChaincodeId(ChaincodeID.newBuilder().setName(NS))
                        .setInput(input))
                .build()
                .toByteString())
        .build()
        .toByteString();
  }

  static ByteString responsePayload(ByteString proposal, byte[] answer) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(CHANNEL_HEADER.toByteArray());
    digest.update(SIGNATURE_HEADER.toByteArray());
    digest.update(proposal.toByteArray());
    return ProposalResponsePayload.newBuilder()
        .setProposalHash(ByteString.copyFrom(digest.digest()))
        .setExtension(
            ChaincodeAction.newBuilder()
                .setChaincodeId(ChaincodeID.newBuilder().setName(NS))
                .setResponse(
                    Response.newBuilder().setStatus(200).setPayload(ByteString.copyFrom(answer)))
                .build()
                .toByteString())
        .build()
        .toByteString();
  }

  /**
   * An envelope as the Gateway returns it: endorsements signed over {@code signed}, carrying {@code
   * carried} as the proposal response payload.
   */
  static byte[] envelope(ByteString proposal, ByteString signed, ByteString carried, Signer... by)
      throws Exception {
    List<Endorsement> endorsements = new ArrayList<>();
    for (Signer s : by) {
      endorsements.add(endorse(s, signed));
    }
    ChaincodeActionPayload actionPayload =
        ChaincodeActionPayload.newBuilder()
            .setChaincodeProposalPayload(proposal)
            .setAction(
                ChaincodeEndorsedAction.newBuilder()
                    .setProposalResponsePayload(carried)
                    .addAllEndorsements(endorsements))
            .build();
    Transaction transaction =
        Transaction.newBuilder()
            .addActions(
                TransactionAction.newBuilder()
                    .setHeader(SIGNATURE_HEADER)
                    .setPayload(actionPayload.toByteString()))
            .build();
    Payload payload =
        Payload.newBuilder()
            .setHeader(
                Header.newBuilder()
                    .setChannelHeader(CHANNEL_HEADER)
                    .setSignatureHeader(SIGNATURE_HEADER))
            .setData(transaction.toByteString())
            .build();
    return Envelope.newBuilder().setPayload(payload.toByteString()).build().toByteArray();
  }

  static byte[] envelope(Signer... by) throws Exception {
    ByteString proposal = proposalPayload(ARGS);
    ByteString prp = responsePayload(proposal, ANSWER);
    return envelope(proposal, prp, prp, by);
  }

  static Endorsements.Attested check(
      byte[] envelope, ChannelMsps msps, List<String> requested, int n)
      throws AttestationException {
    return Endorsements.check(
        envelope, msps, new Endorsements.Question(TX_ID, NS, ARGS), requested, n, Instant.now());
  }

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

  static final List<String> TWO = List.of("JusticeMSP", "ServicesMSP");

  @Nested
  class Accepted {
    @Test
    void twoOrganisationsSigningTheSameAnswerGiveThatAnswerAndTheirPeers() throws Exception {
      Endorsements.Attested attested =
          check(
              envelope(peerOf(JUSTICE), peerOf(SERVICES)), msps(JUSTICE, SERVICES, AUDIT), TWO, 2);

      assertThat(attested.payload()).isEqualTo(ANSWER);
      assertThat(attested.endorsers()).containsOnlyKeys("JusticeMSP", "ServicesMSP");
      assertThat(attested.endorsers().get("JusticeMSP")).contains("CN=peer0.JusticeMSP", "OU=peer");
    }

    @Test
    void threeOrganisationsWhenThreeAreAsked() throws Exception {
      List<String> three = List.of("JusticeMSP", "ServicesMSP", "AuditMSP");
      Endorsements.Attested attested =
          check(
              envelope(peerOf(JUSTICE), peerOf(SERVICES), peerOf(AUDIT)),
              msps(JUSTICE, SERVICES, AUDIT),
              three,
              3);

      assertThat(attested.endorsers()).containsOnlyKeys(three);
    }

    @Test
    void aPeerCertificateIssuedThroughAnIntermediateOfTheOrganisation() throws Exception {
      Instant later = Instant.now().plus(Duration.ofDays(1));
      Issued intermediate = issue("CN=ica.ServicesMSP,O=ServicesMSP", SERVICES.ca(), true, later);
      Issued peer = issue("CN=peer1.ServicesMSP,OU=peer,O=ServicesMSP", intermediate, false, later);
      ChannelMsps msps =
          new ChannelMsps(
              Map.of(
                  "JusticeMSP",
                  new ChannelMsps.Msp(
                      "JusticeMSP", List.of(JUSTICE.ca().certificate()), List.of(), true),
                  "ServicesMSP",
                  new ChannelMsps.Msp(
                      "ServicesMSP",
                      List.of(SERVICES.ca().certificate()),
                      List.of(intermediate.certificate()),
                      true)));

      assertThat(
              check(envelope(peerOf(JUSTICE), new Signer("ServicesMSP", peer)), msps, TWO, 2)
                  .endorsers())
          .containsOnlyKeys(TWO);
    }
  }

  @Nested
  class Refused {
    @Test
    void anAnswerChangedAfterSigningIsSignatureInvalid() throws Exception {
      ByteString proposal = proposalPayload(ARGS);
      ByteString signed = responsePayload(proposal, ANSWER);
      ByteString tampered =
          responsePayload(proposal, "[{\"verdict\":\"REVOKED\"}]".getBytes(StandardCharsets.UTF_8));
      byte[] envelope = envelope(proposal, signed, tampered, peerOf(JUSTICE), peerOf(SERVICES));

      assertThatThrownBy(() -> check(envelope, msps(JUSTICE, SERVICES), TWO, 2))
          .isInstanceOfSatisfying(
              AttestationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID));
    }

    @Test
    void anEndorserCertificateFromAnotherCaIsNotTrusted() throws Exception {
      Org impostor = org("ServicesMSP");

      assertThatThrownBy(
              () ->
                  check(
                      envelope(peerOf(JUSTICE), peerOf(impostor)), msps(JUSTICE, SERVICES), TWO, 2))
          .isInstanceOfSatisfying(
              AttestationException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_NOT_TRUSTED);
                assertThat(e.getMessage()).contains("ServicesMSP");
              });
    }

    @Test
    void anExpiredEndorserCertificateIsNotTrusted() throws Exception {
      Issued expired =
          issue(
              "CN=peer9.ServicesMSP,OU=peer,O=ServicesMSP",
              SERVICES.ca(),
              false,
              Instant.now().minus(Duration.ofHours(1)));

      assertThatThrownBy(
              () ->
                  check(
                      envelope(peerOf(JUSTICE), new Signer("ServicesMSP", expired)),
                      msps(JUSTICE, SERVICES),
                      TWO,
                      2))
          .isInstanceOfSatisfying(
              AttestationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_NOT_TRUSTED));
    }

    @Test
    void aClientCertificateIsNotAPeer() throws Exception {
      Issued client =
          issue(
              "CN=verifier1,OU=client,O=ServicesMSP",
              SERVICES.ca(),
              false,
              Instant.now().plus(Duration.ofDays(1)));

      assertThatThrownBy(
              () ->
                  check(
                      envelope(peerOf(JUSTICE), new Signer("ServicesMSP", client)),
                      msps(JUSTICE, SERVICES),
                      TWO,
                      2))
          .isInstanceOfSatisfying(
              AttestationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_PEER));
    }

    @Test
    void onlyOneOrganisationIsTooFew() throws Exception {
      assertThatThrownBy(() -> check(envelope(peerOf(JUSTICE)), msps(JUSTICE, SERVICES), TWO, 2))
          .isInstanceOfSatisfying(
              AttestationException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.TOO_FEW_ORGANISATIONS);
                assertThat(e.getMessage()).contains("missing [ServicesMSP]");
              });
    }

    @Test
    void twoPeersOfOneOrganisationAreOneOrganisation() throws Exception {
      Issued secondPeer =
          issue(
              "CN=peer1.JusticeMSP,OU=peer,O=JusticeMSP",
              JUSTICE.ca(),
              false,
              Instant.now().plus(Duration.ofDays(1)));

      assertThatThrownBy(
              () ->
                  check(
                      envelope(peerOf(JUSTICE), new Signer("JusticeMSP", secondPeer)),
                      msps(JUSTICE, SERVICES),
                      TWO,
                      2))
          .isInstanceOfSatisfying(
              AttestationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.TOO_FEW_ORGANISATIONS));
    }

    @Test
    void anOrganisationOutsideTheChannelIsUnknown() throws Exception {
      Org stranger = org("StrangerMSP");

      assertThatThrownBy(
              () ->
                  check(
                      envelope(peerOf(JUSTICE), peerOf(stranger)), msps(JUSTICE, SERVICES), TWO, 2))
          .isInstanceOfSatisfying(
              AttestationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ORGANISATION));
    }

    @Test
    void anAnswerToAnotherQuestionIsRefused() throws Exception {
      ByteString other = proposalPayload(List.of("records:VerifyHash", "cd".repeat(32), ""));
      ByteString prp = responsePayload(other, ANSWER);
      byte[] envelope = envelope(other, prp, prp, peerOf(JUSTICE), peerOf(SERVICES));

      assertThatThrownBy(() -> check(envelope, msps(JUSTICE, SERVICES), TWO, 2))
          .isInstanceOfSatisfying(
              AttestationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.NOT_THE_QUESTION_ASKED));
    }

    @Test
    void bytesThatAreNoEnvelopeAreMalformed() {
      assertThatThrownBy(() -> check(new byte[] {1, 2, 3, 4}, msps(JUSTICE, SERVICES), TWO, 2))
          .isInstanceOfSatisfying(
              AttestationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
  }

  @Nested
  class ChoosingAttesters {
    @Test
    void theOwnerThenThePreferredThenTheOthers() throws Exception {
      assertThat(
              Attestation.of(2)
                  .preferring("ServicesMSP")
                  .choose("JusticeMSP", List.of("AuditMSP", "ServicesMSP")))
          .containsExactly("JusticeMSP", "ServicesMSP");
      assertThat(Attestation.of(3).choose("JusticeMSP", List.of("AuditMSP", "ServicesMSP")))
          .containsExactly("JusticeMSP", "AuditMSP", "ServicesMSP");
    }

    @Test
    void moreOrganisationsThanTheChannelHasWithPeersIsTooFew() {
      assertThatThrownBy(() -> Attestation.of(4).choose("JusticeMSP", List.of("AuditMSP")))
          .isInstanceOfSatisfying(
              AttestationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.TOO_FEW_ORGANISATIONS));
    }

    @Test
    void zeroOrganisationsIsRefused() {
      assertThatThrownBy(() -> Attestation.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class ChannelConfiguration {
    @Test
    void rootsAndPeersOfEachApplicationOrganisationComeFromTheConfigBlock() throws Exception {
      ConfigGroup application =
          ConfigGroup.newBuilder()
              .putGroups("Justice", orgGroup(JUSTICE, true))
              .putGroups("Public", orgGroup(org("PublicMSP"), false))
              .build();
      Config config =
          Config.newBuilder()
              .setChannelGroup(ConfigGroup.newBuilder().putGroups("Application", application))
              .build();
      Payload payload =
          Payload.newBuilder()
              .setData(ConfigEnvelope.newBuilder().setConfig(config).build().toByteString())
              .build();
      Block block =
          Block.newBuilder()
              .setData(
                  BlockData.newBuilder()
                      .addData(
                          Envelope.newBuilder()
                              .setPayload(payload.toByteString())
                              .build()
                              .toByteString()))
              .build();

      ChannelMsps msps = ChannelMsps.fromConfigBlock(block.toByteArray());

      assertThat(msps.organizations()).containsOnlyKeys("JusticeMSP", "PublicMSP");
      assertThat(msps.organizations().get("JusticeMSP").roots())
          .containsExactly(JUSTICE.ca().certificate());
      assertThat(msps.peerOrganizationsOtherThan("ServicesMSP")).containsExactly("JusticeMSP");
    }

    private ConfigGroup orgGroup(Org org, boolean anchorPeers) {
      FabricMSPConfig fabric =
          FabricMSPConfig.newBuilder()
              .setName(org.mspId())
              .addRootCerts(ByteString.copyFromUtf8(Pem.toPem(org.ca().certificate())))
              .build();
      ConfigGroup.Builder group =
          ConfigGroup.newBuilder()
              .putValues(
                  "MSP",
                  ConfigValue.newBuilder()
                      .setValue(
                          MSPConfig.newBuilder()
                              .setType(0)
                              .setConfig(fabric.toByteString())
                              .build()
                              .toByteString())
                      .build());
      if (anchorPeers) {
        group.putValues("AnchorPeers", ConfigValue.newBuilder().build());
      }
      return group.build();
    }
  }
}
