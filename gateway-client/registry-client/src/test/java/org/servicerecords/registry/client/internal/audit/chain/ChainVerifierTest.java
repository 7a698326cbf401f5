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
  static Org stranger;

  @BeforeAll
  static void pki() throws Exception {
    ordering = Org.of("OrderingMSP");
    justice = Org.of("JusticeMSP");
    services = Org.of("ServicesMSP");
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
      assertThat(reasons(findings)).containsExactly(Reason.CREATOR_SIGNATURE_INVALID);
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
      assertThat(reasons(verify(genesis, one))).containsExactly(Reason.CREATOR_NOT_TRUSTED);
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
      assertThat(reasons(findings)).containsExactly(Reason.ENDORSER_NOT_TRUSTED);
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
              Reason.ENDORSEMENT_SIGNATURE_INVALID, Reason.ENDORSEMENT_SIGNATURE_INVALID);
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
      assertThat(reasons(verify(genesis, one))).containsExactly(Reason.TRANSACTION_MALFORMED);
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
}
