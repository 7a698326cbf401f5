package org.servicerecords.registry.client.internal.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.ChainFinding;
import org.servicerecords.registry.client.ChainFinding.Reason;
import org.servicerecords.registry.client.internal.audit.chain.TestChain.Id;
import org.servicerecords.registry.client.internal.audit.chain.TestChain.Org;
import org.servicerecords.registry.client.internal.audit.chain.TestChain.Tx;

class ChainVerifierTest {

  static Org ordering;
  static Org justice;
  static Org services;
  static Org audit;
  static Org stranger;

  @BeforeAll
  static void pki() throws Exception {
    ordering = Org.of("OrderingMSP");
    justice = Org.of("JusticeMSP");
    services = Org.of("ServicesMSP");
    audit = Org.of("AuditMSP");
    stranger = Org.of("JusticeMSP"); // same MSP id, a CA the channel does not know
  }

  static Id orderer() {
    return ordering.as(ordering.orderer());
  }

  static Tx goodTx() {
    return new Tx(
        justice.as(justice.client()), justice.as(justice.peer()), services.as(services.peer()));
  }

  /** Verifies blocks in order; returns every block's findings. */
  static List<ChainFinding> verify(Block... blocks) {
    ChainVerifier verifier = ChainVerifier.fromGenesis();
    List<ChainFinding> findings = new ArrayList<>();
    for (Block block : blocks) {
      findings.addAll(verifier.verify(block).findings());
    }
    return findings;
  }

  static List<Reason> reasons(List<ChainFinding> findings) {
    return findings.stream().map(ChainFinding::reason).toList();
  }

  static Block withSignatures(Block block, Metadata signatures) {
    Block.Builder b = block.toBuilder();
    b.getMetadataBuilder().setMetadata(0, signatures.toByteString());
    return b.build();
  }

  static Metadata signatures(Block block) throws Exception {
    return Metadata.parseFrom(block.getMetadata().getMetadata(0));
  }

  @Nested
  class BlockHashing {
    @Test
    void headerBytesAreTheDerSequenceOfNumberPreviousHashAndDataHash() {
      BlockHeader header =
          BlockHeader.newBuilder()
              .setNumber(1)
              .setPreviousHash(ByteString.copyFrom(new byte[] {1, 2}))
              .setDataHash(ByteString.copyFrom(new byte[] {3}))
              .build();
      assertThat(HexFormat.of().formatHex(BlockHashes.headerBytes(header)))
          .isEqualTo("300a020101040201020401" + "03");
    }

    @Test
    void aNumberAbove2To63IsEncodedUnsigned() {
      BlockHeader header = BlockHeader.newBuilder().setNumber(-1L).build();
      assertThat(HexFormat.of().formatHex(BlockHashes.headerBytes(header)))
          .isEqualTo("300f020900ffffffffffffffff04000400");
    }
  }

  @Nested
  class CleanChains {
    @Test
    void aRaftChainWithAConfigBlockThatChangesTheOrdererRootsPasses() throws Exception {
      TestChain.Builder chain = new TestChain.Builder();
      Org rekeyed = ordering.rekeyed();
      Block genesis =
          chain.genesis(TestChain.raftConfig(List.of(ordering), List.of(justice, services)));
      Block one =
          chain.transactions(List.of(goodTx().envelope(), goodTx().envelope()), List.of(orderer()));
      Block config =
          chain.config(
              TestChain.raftConfig(List.of(rekeyed), List.of(justice, services)),
              List.of(orderer()));
      Block three =
          chain.transactions(List.of(goodTx().envelope()), List.of(rekeyed.as(rekeyed.orderer())));

      ChainVerifier verifier = ChainVerifier.fromGenesis();
      List<ChainVerifier.BlockResult> results = new ArrayList<>();
      for (Block block : List.of(genesis, one, config, three)) {
        results.add(verifier.verify(block));
      }
      assertThat(results).allSatisfy(r -> assertThat(r.findings()).isEmpty());
      assertThat(results)
          .extracting(ChainVerifier.BlockResult::transactions)
          .containsExactly(1, 2, 1, 1);
      assertThat(results.get(3).headerHash()).isEqualTo(BlockHashes.headerHash(three.getHeader()));
      assertThat(verifier.nextNumber()).isEqualTo(4);
    }

    @Test
    void afterAConfigBlockTheOldOrdererRootsNoLongerCount() throws Exception {
      TestChain.Builder chain = new TestChain.Builder();
      Org rekeyed = ordering.rekeyed();
      Block genesis = chain.genesis(TestChain.raftConfig(List.of(ordering), List.of(justice)));
      Block config =
          chain.config(
              TestChain.raftConfig(List.of(rekeyed), List.of(justice)), List.of(orderer()));
      Block two = chain.transactions(List.of(), List.of(orderer()));

      assertThat(reasons(verify(genesis, config, two)))
          .containsExactly(
              Reason.ORDERER_SIGNER_NOT_TRUSTED, Reason.BLOCK_VALIDATION_POLICY_NOT_SATISFIED);
    }

    @Test
    void aBftChainSignedByAQuorumOfConsentersPasses() throws Exception {
      List<Org> consenters = List.of(ordering, Org.of("O2"), Org.of("O3"), Org.of("O4"));
      TestChain.Builder chain = new TestChain.Builder();
      Block genesis = chain.genesis(TestChain.bftConfig(consenters, List.of(justice, services)));
      Block one =
          chain.bft(
              List.of(goodTx().envelope()),
              consenters.subList(1, 4).stream().map(o -> o.as(o.orderer())).toList(),
              List.of(2, 3, 4));
      assertThat(verify(genesis, one)).isEmpty();
    }

    @Test
    void startingAfterABlockWithItsHashAndTheConfigurationInForcePasses() throws Exception {
      TestChain.Builder chain = new TestChain.Builder();
      Block genesis =
          chain.genesis(TestChain.raftConfig(List.of(ordering), List.of(justice, services)));
      Block one = chain.transactions(List.of(goodTx().envelope()), List.of(orderer()));
      Block two = chain.transactions(List.of(goodTx().envelope()), List.of(orderer()));

      ChainVerifier verifier =
          ChainVerifier.after(1, BlockHashes.headerHash(one.getHeader()), genesis);
      assertThat(ChainVerifier.lastConfigOf(one)).isZero();
      assertThat(verifier.verify(two).findings()).isEmpty();
      assertThat(verifier.nextNumber()).isEqualTo(3);
    }
  }

  @Nested
  class Tampering {
    TestChain.Builder chain;
    Block genesis;

    void start() throws Exception {
      chain = new TestChain.Builder();
      genesis = chain.genesis(TestChain.raftConfig(List.of(ordering), List.of(justice, services)));
    }

    @Test
    void aChangedByteInTheBlockDataBreaksTheDataHash() throws Exception {
      start();
      Block one = chain.transactions(List.of(goodTx().envelope()), List.of(orderer()));
      byte[] data = one.getData().getData(0).toByteArray();
      data[data.length - 5] ^= 1; // inside the creator's signature: the envelope still parses
      Block.Builder changed = one.toBuilder();
      changed.getDataBuilder().setData(0, ByteString.copyFrom(data));

      assertThat(reasons(verify(genesis, changed.build()))).contains(Reason.DATA_HASH_MISMATCH);
    }

    @Test
    void aChangedPreviousHashBreaksTheLinkAndTheOrdererSignature() throws Exception {
      start();
      Block one = chain.transactions(List.of(goodTx().envelope()), List.of(orderer()));
      byte[] previous = one.getHeader().getPreviousHash().toByteArray();
      previous[0] ^= 1;
      Block.Builder changed = one.toBuilder();
      changed.getHeaderBuilder().setPreviousHash(ByteString.copyFrom(previous));

      assertThat(reasons(verify(genesis, changed.build())))
          .containsExactly(
              Reason.PREVIOUS_HASH_MISMATCH,
              Reason.ORDERER_SIGNATURE_INVALID,
              Reason.BLOCK_VALIDATION_POLICY_NOT_SATISFIED);
    }

    @Test
    void aBlockOutOfSequenceIsReported() throws Exception {
      start();
      chain.transactions(List.of(), List.of(orderer()));
      Block two = chain.transactions(List.of(), List.of(orderer()));
      assertThat(reasons(verify(genesis, two)))
          .containsExactly(Reason.NUMBER_OUT_OF_SEQUENCE, Reason.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void aForgedOrdererSignatureIsReported() throws Exception {
      start();
      Block one = chain.transactions(List.of(goodTx().envelope()), List.of(orderer()));
      Metadata signatures = signatures(one);
      byte[] forged = orderer().sign("something else".getBytes());
      Block changed =
          withSignatures(
              one,
              signatures.toBuilder()
                  .setSignatures(
                      0,
                      signatures.getSignatures(0).toBuilder()
                          .setSignature(ByteString.copyFrom(forged)))
                  .build());

      assertThat(reasons(verify(genesis, changed)))
          .containsExactly(
              Reason.ORDERER_SIGNATURE_INVALID, Reason.BLOCK_VALIDATION_POLICY_NOT_SATISFIED);
    }

    @Test
    void aHighSOrdererSignatureIsRefusedAsFabricDoes() throws Exception {
      start();
      Block one = chain.transactions(List.of(), List.of(orderer()));
      Metadata signatures = signatures(one);
      MetadataSignature signature = signatures.getSignatures(0);
      byte[] high =
          TestChain.highS(
              signature.getSignature().toByteArray(), ordering.orderer().keys().getPrivate());
      Block changed =
          withSignatures(
              one,
              signatures.toBuilder()
                  .setSignatures(0, signature.toBuilder().setSignature(ByteString.copyFrom(high)))
                  .build());

      List<ChainFinding> findings = verify(genesis, changed);
      assertThat(reasons(findings))
          .containsExactly(
              Reason.ORDERER_SIGNATURE_INVALID, Reason.BLOCK_VALIDATION_POLICY_NOT_SATISFIED);
      assertThat(findings.get(0).detail()).contains("high-S");
    }

    @Test
    void aBlockWithoutOrdererSignaturesIsReported() throws Exception {
      start();
      Block one = chain.transactions(List.of(goodTx().envelope()), List.of());
      assertThat(reasons(verify(genesis, one))).containsExactly(Reason.ORDERER_SIGNATURE_MISSING);
    }

    @Test
    void aSignerThatIsNotAnOrdererOfAnOrderingOrganisationDoesNotSatisfyBlockValidation()
        throws Exception {
      start();
      Block one =
          chain.transactions(List.of(goodTx().envelope()), List.of(justice.as(justice.peer())));
      assertThat(reasons(verify(genesis, one)))
          .containsExactly(Reason.BLOCK_VALIDATION_POLICY_NOT_SATISFIED);
    }

    @Test
    void anOrdererSignerFromAnUnknownCaIsNotTrusted() throws Exception {
      start();
      Org impostor = Org.of("OrderingMSP");
      Block one =
          chain.transactions(
              List.of(goodTx().envelope()), List.of(impostor.as(impostor.orderer())));
      assertThat(reasons(verify(genesis, one)))
          .containsExactly(
              Reason.ORDERER_SIGNER_NOT_TRUSTED, Reason.BLOCK_VALIDATION_POLICY_NOT_SATISFIED);
    }

    @Test
    void aCreatorSignatureOverAnAlteredPayloadIsReported() throws Exception {
      start();
      Tx tx = goodTx();
      tx.alterPayloadAfterSigning = true;
      Block one = chain.transactions(List.of(tx.envelope()), List.of(orderer()));

      List<ChainFinding> findings = verify(genesis, one);
      assertThat(reasons(findings))
          .containsExactly(Reason.CREATOR_SIGNATURE_INVALID, Reason.VALIDATION_CODE_MISMATCH);
      assertThat(findings.get(1).detail()).contains("BAD_CREATOR_SIGNATURE");
      assertThat(findings.get(0).block()).isEqualTo(1);
      assertThat(findings.get(0).transactionIndex()).isZero();
      assertThat(findings.get(0).transactionId()).hasSize(64);
      assertThat(findings.get(0).peerValidationCode()).isEqualTo("VALID");
    }

    @Test
    void aCreatorOfAnUnknownCaIsNotTrusted() throws Exception {
      start();
      Tx tx = new Tx(stranger.as(stranger.client()), justice.as(justice.peer()));
      Block one = chain.transactions(List.of(tx.envelope()), List.of(orderer()));
      assertThat(reasons(verify(genesis, one)))
          .containsExactly(Reason.CREATOR_NOT_TRUSTED, Reason.VALIDATION_CODE_MISMATCH);
    }

    @Test
    void anEndorsementByACertificateOfAnUnknownCaIsReported() throws Exception {
      start();
      Tx tx =
          new Tx(
              justice.as(justice.client()),
              justice.as(justice.peer()),
              stranger.as(stranger.peer()));
      Block one = chain.transactions(List.of(tx.envelope()), List.of(orderer()));

      List<ChainFinding> findings = verify(genesis, one);
      // the one trusted endorser does not satisfy the majority of two organisations either
      assertThat(reasons(findings))
          .containsExactly(Reason.ENDORSER_NOT_TRUSTED, Reason.VALIDATION_CODE_MISMATCH);
      assertThat(findings.get(0).detail()).contains("JusticeMSP");
    }

    @Test
    void anEndorsementOverAnotherResponseIsReported() throws Exception {
      start();
      Tx tx = goodTx();
      tx.alterResponseAfterEndorsing = true;
      Block one = chain.transactions(List.of(tx.envelope()), List.of(orderer()));
      assertThat(reasons(verify(genesis, one)))
          .containsExactly(
              Reason.ENDORSEMENT_SIGNATURE_INVALID,
              Reason.ENDORSEMENT_SIGNATURE_INVALID,
              Reason.VALIDATION_CODE_MISMATCH);
    }

    @Test
    void problemsInATransactionThePeerInvalidatedAreNotesNotFindings() throws Exception {
      start();
      Tx tx = goodTx();
      tx.alterResponseAfterEndorsing = true;
      Block one =
          chain.transactions(
              List.of(goodTx().envelope(), tx.envelope()),
              List.of(orderer()),
              (byte) TxValidationCode.VALID_VALUE,
              (byte) TxValidationCode.ENDORSEMENT_POLICY_FAILURE_VALUE);

      ChainVerifier verifier = ChainVerifier.fromGenesis();
      verifier.verify(genesis);
      ChainVerifier.BlockResult result = verifier.verify(one);
      assertThat(result.findings()).isEmpty();
      assertThat(reasons(result.notes()))
          .containsOnly(Reason.ENDORSEMENT_SIGNATURE_INVALID)
          .hasSize(2);
      assertThat(result.notes().get(0).transactionIndex()).isEqualTo(1);
      assertThat(result.notes().get(0).peerValidationCode())
          .isEqualTo("ENDORSEMENT_POLICY_FAILURE");
      assertThat(result.invalidated()).containsEntry("ENDORSEMENT_POLICY_FAILURE", 1L);
    }

    @Test
    void unparsableBytesAreAFindingNotAnException() throws Exception {
      start();
      ChainVerifier verifier = ChainVerifier.fromGenesis();
      verifier.verify(genesis);
      ChainVerifier.BlockResult result = verifier.verify(new byte[] {(byte) 0xff, 1, 2});
      assertThat(reasons(result.findings())).containsExactly(Reason.BLOCK_MALFORMED);
      assertThat(result.number()).isEqualTo(1);
    }

    @Test
    void anEnvelopeThatIsNotATransactionIsAFinding() throws Exception {
      start();
      Block one =
          chain.transactions(
              List.of(ByteString.copyFrom(new byte[] {(byte) 0xff, 0x7f})), List.of(orderer()));
      ChainVerifier verifier = ChainVerifier.fromGenesis();
      verifier.verify(genesis);
      ChainVerifier.BlockResult result = verifier.verify(one);
      assertThat(reasons(result.findings())).containsExactly(Reason.TRANSACTION_MALFORMED);
      assertThat(reasons(result.notes())).containsExactly(Reason.VALIDATION_NOT_RECOMPUTED);
      assertThat(result.recomputed()).isZero();
    }
  }

  @Nested
  class Bft {
    List<Org> consenters;
    TestChain.Builder chain;
    Block genesis;

    void start() throws Exception {
      consenters = List.of(ordering, Org.of("O2"), Org.of("O3"), Org.of("O4"));
      chain = new TestChain.Builder();
      genesis = chain.genesis(TestChain.bftConfig(consenters, List.of(justice)));
    }

    List<Id> signers(int... indexes) {
      List<Id> ids = new ArrayList<>();
      for (int i : indexes) {
        ids.add(consenters.get(i).as(consenters.get(i).orderer()));
      }
      return ids;
    }

    @Test
    void twoOfFourConsentersAreNoQuorum() throws Exception {
      start();
      Block one = chain.bft(List.of(), signers(0, 1), List.of(1, 2));
      assertThat(reasons(verify(genesis, one)))
          .containsExactly(Reason.BLOCK_VALIDATION_POLICY_NOT_SATISFIED);
    }

    @Test
    void oneConsenterSigningThriceCountsOnce() throws Exception {
      start();
      Block one = chain.bft(List.of(), signers(0, 0, 0), List.of(1, 1, 1));
      assertThat(reasons(verify(genesis, one)))
          .containsExactly(Reason.BLOCK_VALIDATION_POLICY_NOT_SATISFIED);
    }

    @Test
    void anIdentifierOutsideTheConsenterSetIsNotTrusted() throws Exception {
      start();
      Block one = chain.bft(List.of(), signers(0, 1, 2), List.of(1, 2, 9));
      assertThat(reasons(verify(genesis, one)))
          .containsExactly(
              Reason.ORDERER_SIGNER_NOT_TRUSTED, Reason.BLOCK_VALIDATION_POLICY_NOT_SATISFIED);
    }

    @Test
    void aSignatureUnderAnotherConsentersIdentifierDoesNotVerify() throws Exception {
      start();
      Block one = chain.bft(List.of(), signers(0, 1, 2), List.of(1, 2, 4));
      assertThat(reasons(verify(genesis, one)))
          .containsExactly(
              Reason.ORDERER_SIGNATURE_INVALID, Reason.BLOCK_VALIDATION_POLICY_NOT_SATISFIED);
    }
  }

  /** Validation replay, endorsement policies, implicit collections and backdating. */
  @Nested
  class Replay {
    static final String RECORDS = "records-justice";
    static final String IMPLICIT_JUSTICE = "_implicit_org_JusticeMSP";
    static final String IMPLICIT_SERVICES = "_implicit_org_ServicesMSP";
    static final byte VALID = (byte) TxValidationCode.VALID_VALUE;
    static final byte POLICY = (byte) TxValidationCode.ENDORSEMENT_POLICY_FAILURE_VALUE;
    static final byte MVCC = (byte) TxValidationCode.MVCC_READ_CONFLICT_VALUE;
    static final byte PHANTOM = (byte) TxValidationCode.PHANTOM_READ_CONFLICT_VALUE;
    static final byte DUPLICATE = (byte) TxValidationCode.DUPLICATE_TXID_VALUE;
    static final byte INVALID_CHAINCODE = (byte) TxValidationCode.INVALID_CHAINCODE_VALUE;

    TestChain.Builder chain;
    ChainVerifier verifier;

    /**
     * Genesis with Justice, Services and Audit; block 1 commits the definitions of records-justice
     * ({@code AND('JusticeMSP.peer', OR('ServicesMSP.peer','AuditMSP.peer'))}) and governance (the
     * channel's /Channel/Application/Endorsement, a majority of the organisations' peers).
     */
    void start(java.time.Duration tolerance) throws Exception {
      chain = new TestChain.Builder();
      verifier = ChainVerifier.fromGenesis(tolerance);
      verifier.verify(
          chain.genesis(
              TestChain.raftConfig(List.of(ordering), List.of(justice, services, audit))));
      Tx records =
          goodTx()
              .invoking(
                  "_lifecycle",
                  TestChain.definition(
                      RECORDS, TestChain.andPeerOrPeers("JusticeMSP", "ServicesMSP", "AuditMSP")));
      Tx governance =
          goodTx()
              .invoking(
                  "_lifecycle",
                  TestChain.definition(
                      "governance", TestChain.channelPolicy("/Channel/Application/Endorsement")));
      assertThat(block(new byte[] {VALID, VALID}, records, governance).findings()).isEmpty();
    }

    void start() throws Exception {
      start(java.time.Duration.ofMinutes(15));
    }

    ChainVerifier.BlockResult block(byte[] flags, Tx... txs) throws Exception {
      List<ByteString> envelopes = new ArrayList<>();
      for (Tx tx : txs) {
        envelopes.add(tx.envelope());
      }
      return verifier.verify(chain.transactions(envelopes, List.of(orderer()), flags));
    }

    Tx records(TestChain.RwSet rwSet, Org... endorsers) {
      List<Id> ids = new ArrayList<>();
      for (Org org : endorsers) {
        ids.add(org.as(org.peer()));
      }
      return new Tx(justice.as(justice.client()), ids.toArray(Id[]::new)).invoking(RECORDS, rwSet);
    }

    Tx write(String key) {
      return records(new TestChain.RwSet().write(RECORDS, key, "v"), justice, services);
    }

    @Test
    void aCleanChainHasNoFindingsAndEveryCodeIsRecomputed() throws Exception {
      start();
      ChainVerifier.BlockResult result =
          block(
              new byte[] {VALID, VALID},
              records(new TestChain.RwSet().write(RECORDS, "k", "v"), justice, audit),
              records(
                  new TestChain.RwSet().hashedWrite(RECORDS, IMPLICIT_JUSTICE, "p", "v"),
                  justice,
                  services));
      assertThat(result.findings()).isEmpty();
      assertThat(result.notes()).isEmpty();
      assertThat(result.replayed()).isTrue();
      assertThat(result.recomputed()).isEqualTo(2);
    }

    @Test
    void aComputedEndorsementPolicyFailureEqualsThePeersFlagAndAValidFlagIsAMismatch()
        throws Exception {
      start();
      Tx withoutJustice = records(new TestChain.RwSet().write(RECORDS, "k", "v"), services, audit);
      assertThat(block(new byte[] {POLICY}, withoutJustice).findings()).isEmpty();

      Tx again = records(new TestChain.RwSet().write(RECORDS, "k", "v"), services, audit);
      List<ChainFinding> findings = block(new byte[] {VALID}, again).findings();
      assertThat(reasons(findings)).containsExactly(Reason.VALIDATION_CODE_MISMATCH);
      assertThat(findings.get(0).detail())
          .contains("the peer recorded VALID", "computes ENDORSEMENT_POLICY_FAILURE");
      assertThat(findings.get(0).peerValidationCode()).isEqualTo("VALID");
    }

    @Test
    void aChannelPolicyReferenceIsEvaluatedWithTheChannelsPolicies() throws Exception {
      start();
      Tx one =
          new Tx(justice.as(justice.client()), justice.as(justice.peer()))
              .invoking("governance", new TestChain.RwSet().write("governance", "g", "v"));
      Tx two = goodTx().invoking("governance", new TestChain.RwSet().write("governance", "h", "v"));
      ChainVerifier.BlockResult result = block(new byte[] {POLICY, VALID}, one, two);
      assertThat(result.findings()).isEmpty();
      assertThat(result.recomputed()).isEqualTo(2);
    }

    @Test
    void aCollectionsOwnPolicyReplacesTheNamespacesForItsWrites() throws Exception {
      start();
      var shared =
          org.hyperledger.fabric.protos.peer.CollectionConfigPackage.newBuilder()
              .addConfig(
                  org.hyperledger.fabric.protos.peer.CollectionConfig.newBuilder()
                      .setStaticCollectionConfig(
                          org.hyperledger.fabric.protos.peer.StaticCollectionConfig.newBuilder()
                              .setName("shared")
                              .setEndorsementPolicy(
                                  TestChain.channelPolicy(
                                      "/Channel/Application/ServicesMSP/Endorsement"))))
              .build();
      Tx define =
          goodTx()
              .invoking(
                  "_lifecycle",
                  TestChain.definition(
                      "records-shared",
                      TestChain.andPeerOrPeers("JusticeMSP", "ServicesMSP", "AuditMSP"),
                      shared));
      assertThat(block(new byte[] {VALID}, define).findings()).isEmpty();
      // only the collection's policy (a Services peer) applies to a private-only write
      Tx servicesOnly =
          new Tx(services.as(services.client()), services.as(services.peer()))
              .invoking(
                  "records-shared",
                  new TestChain.RwSet().hashedWrite("records-shared", "shared", "p", "v"));
      Tx withoutServices =
          new Tx(justice.as(justice.client()), justice.as(justice.peer()), audit.as(audit.peer()))
              .invoking(
                  "records-shared",
                  new TestChain.RwSet().hashedWrite("records-shared", "shared", "q", "v"));
      Tx noSuchCollection =
          goodTx()
              .invoking(
                  "records-shared",
                  new TestChain.RwSet().hashedWrite("records-shared", "nope", "r", "v"));
      ChainVerifier.BlockResult result =
          block(
              new byte[] {VALID, POLICY, POLICY}, servicesOnly, withoutServices, noSuchCollection);
      assertThat(result.findings()).isEmpty();
      assertThat(result.recomputed()).isEqualTo(3);
    }

    @Test
    void aKeyLevelPolicyReplacesTheNamespacesForItsKey() throws Exception {
      start();
      var servicesPeer =
          org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope.parseFrom(
              TestChain.signedByRole(
                      "ServicesMSP", org.hyperledger.fabric.protos.common.MSPRole.MSPRoleType.PEER)
                  .getPolicy()
                  .getValue());
      Tx setPolicy =
          records(
              new TestChain.RwSet()
                  .write(RECORDS, "kl", "v")
                  .keyPolicy(RECORDS, "kl", servicesPeer),
              justice,
              services);
      assertThat(block(new byte[] {VALID}, setPolicy).findings()).isEmpty();
      // a Services peer alone satisfies the key's policy (not the namespace's AND(Justice, ...))
      Tx servicesAlone = records(new TestChain.RwSet().write(RECORDS, "kl", "w"), services);
      Tx withoutServices = records(new TestChain.RwSet().write(RECORDS, "kl", "x"), justice, audit);
      assertThat(block(new byte[] {VALID, POLICY}, servicesAlone, withoutServices).findings())
          .isEmpty();
      // a later write in the block of a key whose policy an earlier transaction changes fails
      Tx changes = records(new TestChain.RwSet().keyPolicy(RECORDS, "kl", servicesPeer), services);
      Tx afterTheChange = records(new TestChain.RwSet().write(RECORDS, "kl", "y"), services);
      ChainVerifier.BlockResult result = block(new byte[] {VALID, POLICY}, changes, afterTheChange);
      assertThat(result.findings()).isEmpty();
      assertThat(result.notes()).isEmpty();
    }

    @Test
    void aChaincodeWithoutCommittedDefinitionIsInvalidChaincode() throws Exception {
      start();
      Tx unknown =
          goodTx()
              .invoking(
                  "records-unknown", new TestChain.RwSet().write("records-unknown", "k", "v"));
      assertThat(block(new byte[] {INVALID_CHAINCODE}, unknown).findings()).isEmpty();
    }

    @Test
    void aStaleOrSameBlockReadIsAnMvccConflictAndItsWritesDoNotCount() throws Exception {
      start();
      assertThat(block(new byte[] {VALID}, write("k")).findings()).isEmpty();
      Tx reads =
          records(
              new TestChain.RwSet().read(RECORDS, "k", TestChain.at(2, 0)).write(RECORDS, "k", "w"),
              justice,
              services);
      Tx readsAfterAWriteInTheBlock =
          records(
              new TestChain.RwSet()
                  .read(RECORDS, "k", TestChain.at(2, 0))
                  .write(RECORDS, "lost", "w"),
              justice,
              services);
      assertThat(block(new byte[] {VALID, MVCC}, reads, readsAfterAWriteInTheBlock).findings())
          .isEmpty();

      Tx stale =
          records(new TestChain.RwSet().read(RECORDS, "k", TestChain.at(2, 0)), justice, audit);
      Tx lostNeverWritten =
          records(new TestChain.RwSet().read(RECORDS, "lost", null), justice, audit);
      List<ChainFinding> findings =
          block(new byte[] {VALID, VALID}, stale, lostNeverWritten).findings();
      assertThat(reasons(findings)).containsExactly(Reason.VALIDATION_CODE_MISMATCH);
      assertThat(findings.get(0).transactionIndex()).isZero();
      assertThat(findings.get(0).detail()).contains("computes MVCC_READ_CONFLICT");
    }

    @Test
    void aRangeQueryThatNowReadsMoreIsAPhantomRead() throws Exception {
      start();
      assertThat(block(new byte[] {VALID, VALID}, write("a1"), write("a2")).findings()).isEmpty();
      Tx missesA2 =
          records(
              new TestChain.RwSet()
                  .range(RECORDS, "a", "b", TestChain.kvRead("a1", TestChain.at(2, 0))),
              justice,
              services);
      Tx readsBoth =
          records(
              new TestChain.RwSet()
                  .range(
                      RECORDS,
                      "a",
                      "b",
                      TestChain.kvRead("a1", TestChain.at(2, 0)),
                      TestChain.kvRead("a2", TestChain.at(2, 1))),
              justice,
              services);
      assertThat(block(new byte[] {PHANTOM, VALID}, missesA2, readsBoth).findings()).isEmpty();
    }

    @Test
    void aRangeQuerySummarisedAsMerkleHashesIsSummarisedAgain() throws Exception {
      start();
      assertThat(
              block(new byte[] {VALID, VALID, VALID}, write("a1"), write("a2"), write("a3"))
                  .findings())
          .isEmpty();
      // degree 2: three reads make one leaf, the SHA-256 of their QueryReads
      byte[] leaf =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReads.newBuilder()
                      .addKvReads(TestChain.kvRead("a1", TestChain.at(2, 0)))
                      .addKvReads(TestChain.kvRead("a2", TestChain.at(2, 1)))
                      .addKvReads(TestChain.kvRead("a3", TestChain.at(2, 2)))
                      .build()
                      .toByteArray());
      var summary =
          org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReadsMerkleSummary.newBuilder()
              .setMaxDegree(2)
              .setMaxLevel(1)
              .addMaxLevelHashes(ByteString.copyFrom(leaf))
              .build();
      Tx same =
          records(new TestChain.RwSet().rangeMerkle(RECORDS, "a", "b", summary), justice, services);
      assertThat(block(new byte[] {VALID, VALID}, same, write("a4")).findings()).isEmpty();
      Tx phantom =
          records(new TestChain.RwSet().rangeMerkle(RECORDS, "a", "b", summary), justice, services);
      assertThat(block(new byte[] {PHANTOM}, phantom).findings()).isEmpty();
    }

    @Test
    void aStaleHashedPrivateReadIsAnMvccConflict() throws Exception {
      start();
      Tx put =
          records(
              new TestChain.RwSet().hashedWrite(RECORDS, IMPLICIT_JUSTICE, "p", "v"),
              justice,
              services);
      assertThat(block(new byte[] {VALID}, put).findings()).isEmpty();
      Tx stale =
          records(
              new TestChain.RwSet().hashedRead(RECORDS, IMPLICIT_JUSTICE, "p", null),
              justice,
              services);
      Tx current =
          records(
              new TestChain.RwSet().hashedRead(RECORDS, IMPLICIT_JUSTICE, "p", TestChain.at(2, 0)),
              justice,
              services);
      assertThat(block(new byte[] {MVCC, VALID}, stale, current).findings()).isEmpty();
    }

    @Test
    void aRepeatedTransactionIdIsADuplicateInTheBlockAndInLaterBlocks() throws Exception {
      start();
      byte[] nonce = new byte[24];
      Tx first = write("d");
      first.nonce = nonce;
      Tx second = write("d");
      second.nonce = nonce;
      assertThat(block(new byte[] {VALID, DUPLICATE}, first, second).findings()).isEmpty();
      Tx later = write("d");
      later.nonce = nonce;
      assertThat(block(new byte[] {DUPLICATE}, later).findings()).isEmpty();
      Tx flaggedValid = write("d");
      flaggedValid.nonce = nonce;
      List<ChainFinding> findings = block(new byte[] {VALID}, flaggedValid).findings();
      assertThat(reasons(findings)).containsExactly(Reason.VALIDATION_CODE_MISMATCH);
      assertThat(findings.get(0).detail()).contains("DUPLICATE_TXID");
    }

    @Test
    void aWriteToAnotherOrganisationsImplicitCollectionIsAFinding() throws Exception {
      start();
      Tx foreign =
          records(
              new TestChain.RwSet().hashedWrite(RECORDS, IMPLICIT_SERVICES, "p", "v"),
              justice,
              services);
      List<ChainFinding> findings = block(new byte[] {VALID}, foreign).findings();
      assertThat(reasons(findings)).containsExactly(Reason.IMPLICIT_COLLECTION_FOREIGN_WRITE);
      assertThat(findings.get(0).detail()).contains("JusticeMSP", IMPLICIT_SERVICES);
    }

    @Test
    void anInvalidatedForeignWriteIsANoteAndFailsTheCollectionsPolicy() throws Exception {
      start();
      // Services' implicit collection needs a Services peer (its Endorsement policy)
      Tx foreign =
          records(
              new TestChain.RwSet().hashedWrite(RECORDS, IMPLICIT_SERVICES, "p", "v"),
              justice,
              audit);
      ChainVerifier.BlockResult result = block(new byte[] {POLICY}, foreign);
      assertThat(result.findings()).isEmpty();
      assertThat(reasons(result.notes())).containsExactly(Reason.IMPLICIT_COLLECTION_FOREIGN_WRITE);
    }

    @Test
    void aTimestampBeyondTheToleranceBeforeAnEarlierBlocksIsBackdated() throws Exception {
      start();
      Tx late = write("t");
      late.timestamp = TestChain.BASE_TIME.plusSeconds(3600);
      Tx sameBlockEarlier = write("u");
      assertThat(block(new byte[] {VALID, VALID}, late, sameBlockEarlier).findings()).isEmpty();
      Tx withinTolerance = write("v");
      withinTolerance.timestamp = TestChain.BASE_TIME.plusSeconds(3600 - 600);
      Tx backdated = write("w");
      List<ChainFinding> findings =
          block(new byte[] {VALID, VALID}, withinTolerance, backdated).findings();
      assertThat(reasons(findings)).containsExactly(Reason.TIMESTAMP_OUT_OF_ORDER);
      assertThat(findings.get(0).transactionIndex()).isEqualTo(1);
      assertThat(findings.get(0).detail()).contains("PT1H");
    }

    @Test
    void theToleranceIsSettable() throws Exception {
      start(java.time.Duration.ofHours(2));
      Tx late = write("t");
      late.timestamp = TestChain.BASE_TIME.plusSeconds(3600);
      assertThat(block(new byte[] {VALID}, late).findings()).isEmpty();
      assertThat(block(new byte[] {VALID}, write("w")).findings()).isEmpty();
    }

    @Test
    void fromALaterBlockTheReplayIsNotDone() throws Exception {
      TestChain.Builder later = new TestChain.Builder();
      Block genesis =
          later.genesis(TestChain.raftConfig(List.of(ordering), List.of(justice, services)));
      Block one = later.transactions(List.of(goodTx().envelope()), List.of(orderer()));
      Block two = later.transactions(List.of(goodTx().envelope()), List.of(orderer()));
      ChainVerifier after =
          ChainVerifier.after(1, BlockHashes.headerHash(one.getHeader()), genesis);
      ChainVerifier.BlockResult result = after.verify(two);
      assertThat(result.findings()).isEmpty();
      assertThat(result.replayed()).isFalse();
      assertThat(result.recomputed()).isZero();
    }
  }
}
