package org.servicerecords.registry.client.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.Status;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.ChainFinding;
import org.servicerecords.registry.client.ChainFinding.Reason;
import org.servicerecords.registry.client.PeerChain;
import org.servicerecords.registry.client.internal.audit.chain.BlockHashes;
import org.servicerecords.registry.client.profile.PeerEndpoint;

class PeerComparisonTest {

  /** A linked chain of {@code count} blocks, two envelopes each, all VALID (flag 0). */
  static List<Block> chain(int count) {
    List<Block> blocks = new ArrayList<>();
    byte[] previous = new byte[0];
    for (int n = 0; n < count; n++) {
      Block block =
          block(n, previous, "envelope " + n + "a", "envelope " + n + "b", new byte[] {0, 0});
      blocks.add(block);
      previous = BlockHashes.headerHash(block.getHeader());
    }
    return blocks;
  }

  static Block block(long number, byte[] previous, String first, String second, byte[] flags) {
    BlockData data =
        BlockData.newBuilder()
            .addData(ByteString.copyFrom(first, StandardCharsets.UTF_8))
            .addData(ByteString.copyFrom(second, StandardCharsets.UTF_8))
            .build();
    return Block.newBuilder()
        .setHeader(
            BlockHeader.newBuilder()
                .setNumber(number)
                .setPreviousHash(ByteString.copyFrom(previous))
                .setDataHash(ByteString.copyFrom(BlockHashes.dataHash(data))))
        .setData(data)
        .setMetadata(
            BlockMetadata.newBuilder()
                .addMetadata(ByteString.EMPTY)
                .addMetadata(ByteString.EMPTY)
                .addMetadata(ByteString.copyFrom(flags)))
        .build();
  }

  static ReferenceChain reference(List<Block> blocks, long from) {
    ReferenceChain reference = new ReferenceChain(from);
    for (Block block : blocks) {
      long n = block.getHeader().getNumber();
      if (n >= from) {
        reference.add(n, BlockHashes.headerHash(block.getHeader()), block);
      }
    }
    return reference;
  }

  /** Peers serving given chains; a chain of {@code null} is a peer that cannot be reached. */
  static PeerComparison comparison(Map<String, List<Block>> peers) {
    List<PeerComparison.Target> targets = new ArrayList<>();
    peers.keySet().stream()
        .sorted()
        .forEach(
            address ->
                targets.add(
                    new PeerComparison.Target(
                        "Org" + address.charAt(0) + "MSP",
                        new PeerEndpoint(address, Path.of("tls.pem"), null))));
    return new PeerComparison(
        "registry",
        targets,
        endpoint ->
            new PeerComparison.BlockSource() {
              @Override
              public Status read(
                  String channel, long from, long to, PeerDeliver.BlockConsumer consumer)
                  throws IOException {
                List<Block> chain = peers.get(endpoint.address());
                if (chain == null) {
                  throw new IOException("UNAVAILABLE: io exception");
                }
                long last = -1;
                for (Block block : chain) {
                  long n = block.getHeader().getNumber();
                  if (n >= from && n <= to) {
                    consumer.accept(block);
                    last = n;
                  }
                }
                return last == to ? Status.SUCCESS : Status.NOT_FOUND;
              }

              @Override
              public void close() {}
            });
  }

  @Test
  void peersServingTheSameBlocksAgreeAndALaggingOneIsBehind() throws Exception {
    List<Block> chain = chain(6);
    PeerComparison.Outcome outcome =
        comparison(Map.of("a:1", chain, "b:1", chain, "c:1", chain.subList(0, 4)))
            .compare(reference(chain, 0), 0, 5);

    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.peers())
        .extracting(PeerChain::address, PeerChain::status, PeerChain::lastBlock)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a:1", PeerChain.Status.AGREES, 5L),
            org.assertj.core.groups.Tuple.tuple("b:1", PeerChain.Status.AGREES, 5L),
            org.assertj.core.groups.Tuple.tuple("c:1", PeerChain.Status.BEHIND, 3L));
    assertThat(outcome.peers().get(0).blocksCompared()).isEqualTo(6);
    assertThat(outcome.peers().get(0).mspId()).isEqualTo("OrgaMSP");
  }

  @Test
  void aBlockAlteredInOnePeersLedgerIsReportedWithItsNumberAndThePeer() throws Exception {
    List<Block> chain = chain(6);
    List<Block> altered = new ArrayList<>(chain);
    Block three = chain.get(3);
    // One byte of an envelope changed; the header (and so the links) as stored.
    altered.set(
        3,
        three.toBuilder()
            .setData(
                three.getData().toBuilder()
                    .setData(1, ByteString.copyFrom("envelope 3c", StandardCharsets.UTF_8)))
            .build());

    PeerComparison.Outcome outcome =
        comparison(Map.of("a:1", chain, "b:1", altered)).compare(reference(chain, 0), 0, 5);

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.block()).isEqualTo(3);
              assertThat(f.peer()).isEqualTo("b:1");
              assertThat(f.reason()).isEqualTo(Reason.PEER_BLOCK_DIFFERS);
              assertThat(f.detail()).contains("altered in this peer's ledger");
            });
    assertThat(outcome.peers())
        .extracting(PeerChain::status)
        .containsExactly(PeerChain.Status.AGREES, PeerChain.Status.DIFFERS);
  }

  @Test
  void anotherForkAndOtherValidationCodesDiffer() throws Exception {
    List<Block> chain = chain(4);
    List<Block> fork = new ArrayList<>(chain.subList(0, 2));
    byte[] previous = BlockHashes.headerHash(chain.get(1).getHeader());
    for (int n = 2; n < 4; n++) {
      Block block = block(n, previous, "other " + n, "x", new byte[] {0, 0});
      fork.add(block);
      previous = BlockHashes.headerHash(block.getHeader());
    }
    List<Block> flags = new ArrayList<>(chain);
    flags.set(
        1,
        chain.get(1).toBuilder()
            .setMetadata(
                chain.get(1).getMetadata().toBuilder()
                    .setMetadata(2, ByteString.copyFrom(new byte[] {0, 11})))
            .build());

    PeerComparison.Outcome outcome =
        comparison(Map.of("f:1", fork, "v:1", flags)).compare(reference(chain, 0), 0, 3);

    assertThat(outcome.findings())
        .extracting(ChainFinding::peer, ChainFinding::block, ChainFinding::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("f:1", 2L, Reason.PEER_BLOCK_DIFFERS),
            org.assertj.core.groups.Tuple.tuple("f:1", 3L, Reason.PEER_BLOCK_DIFFERS),
            org.assertj.core.groups.Tuple.tuple("v:1", 1L, Reason.PEER_VALIDATION_DIFFERS));
    assertThat(outcome.findings().get(0).detail()).contains("header hash");
  }

  @Test
  void aPeerThatCannotBeReadIsUnreachableAndNoFinding() throws Exception {
    List<Block> chain = chain(3);
    java.util.HashMap<String, List<Block>> peers = new java.util.HashMap<>();
    peers.put("a:1", chain);
    peers.put("d:1", null);

    PeerComparison.Outcome outcome = comparison(peers).compare(reference(chain, 0), 0, 2);

    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.peers().get(1).status()).isEqualTo(PeerChain.Status.UNREACHABLE);
    assertThat(outcome.peers().get(1).detail()).contains("UNAVAILABLE");
  }

  @Test
  void aRangeFromTheMiddleIsComparedFromThere() throws Exception {
    List<Block> chain = chain(8);
    PeerComparison.Outcome outcome =
        comparison(Map.of("a:1", chain)).compare(reference(chain, 5), 5, 7);

    assertThat(outcome.peers().get(0).status()).isEqualTo(PeerChain.Status.AGREES);
    assertThat(outcome.peers().get(0).blocksCompared()).isEqualTo(3);
  }

  @Test
  void aForkedPeerListsAtMostTwentyDifferences() throws Exception {
    List<Block> chain = chain(30);
    List<Block> fork = new ArrayList<>();
    byte[] previous = new byte[0];
    for (int n = 0; n < 30; n++) {
      Block block = block(n, previous, "fork " + n, "y", new byte[] {0, 0});
      fork.add(block);
      previous = BlockHashes.headerHash(block.getHeader());
    }

    PeerComparison.Outcome outcome =
        comparison(Map.of("f:1", fork)).compare(reference(chain, 0), 0, 29);

    assertThat(outcome.findings()).hasSize(PeerComparison.MAX_FINDINGS_PER_PEER);
    assertThat(outcome.peers().get(0).detail()).isEqualTo("30 differences, the first 20 listed");
  }
}
