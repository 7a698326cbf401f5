package org.servicerecords.registry.client.internal.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReads;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReadsMerkleSummary;
import org.junit.jupiter.api.Test;

class RangeQueryMerkleTest {

  static List<KVRead> reads(int n) {
    List<KVRead> reads = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      reads.add(TestChain.kvRead("k" + i, TestChain.at(1, i)));
    }
    return reads;
  }

  static byte[] sha256(byte[]... parts) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  static byte[] leaf(List<KVRead> reads) throws Exception {
    return sha256(QueryReads.newBuilder().addAllKvReads(reads).build().toByteArray());
  }

  @Test
  void fewerReadsThanALeafHaveNoSummary() {
    assertThat(RangeQueryMerkle.summarise(reads(2), 2)).isNull();
    assertThat(RangeQueryMerkle.summarise(reads(0), 2)).isNull();
  }

  @Test
  void degreePlusOneReadsMakeALeafAndAFullLevelIsHashedIntoTheNext() throws Exception {
    List<KVRead> reads = reads(7);
    byte[] h1 = leaf(reads.subList(0, 3));
    byte[] h2 = leaf(reads.subList(3, 6));
    byte[] h3 = leaf(reads.subList(6, 7));
    assertThat(RangeQueryMerkle.summarise(reads, 2))
        .isEqualTo(
            QueryReadsMerkleSummary.newBuilder()
                .setMaxDegree(2)
                .setMaxLevel(2)
                .addMaxLevelHashes(ByteString.copyFrom(sha256(h1, h2, h3)))
                .build());
  }

  @Test
  void theLastPartialLeafStaysAtTheTopLevelWhenItFits() throws Exception {
    List<KVRead> reads = reads(4);
    assertThat(RangeQueryMerkle.summarise(reads, 2))
        .isEqualTo(
            QueryReadsMerkleSummary.newBuilder()
                .setMaxDegree(2)
                .setMaxLevel(1)
                .addMaxLevelHashes(ByteString.copyFrom(leaf(reads.subList(0, 3))))
                .addMaxLevelHashes(ByteString.copyFrom(leaf(reads.subList(3, 4))))
                .build());
  }
}
