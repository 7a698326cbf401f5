package org.servicerecords.registry.client.internal.audit.chain;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReads;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReadsMerkleSummary;

/**
 * The Merkle summary an endorser records instead of a range query's raw reads when they are many,
 * computed the way Fabric's ledger does (read in core/ledger/kvledger/txmgmt/rwsetutil): each run
 * of {@code maxDegree + 1} reads is serialized as a {@code QueryReads} and hashed (SHA-256) into a
 * leaf; a level holding more than {@code maxDegree} hashes is hashed, concatenated, into one hash
 * of the level above; at the end the lower levels are carried up and the summary is the top level's
 * hashes. Fewer reads than make one leaf have no summary.
 */
final class RangeQueryMerkle {

  private final int maxDegree;
  private final List<KVRead> pending = new ArrayList<>();
  private final Map<Integer, List<ByteString>> tree = new TreeMap<>();
  private int maxLevel = 1;

  private RangeQueryMerkle(int maxDegree) {
    this.maxDegree = maxDegree;
  }

  /**
   * Summarises reads in order.
   *
   * @param reads the reads a range query returns now
   * @param maxDegree the recorded summary's degree (2 or more)
   * @return the summary, or null when there are too few reads to make one (or the degree is below
   *     2, which Fabric refuses)
   */
  static QueryReadsMerkleSummary summarise(List<KVRead> reads, int maxDegree) {
    if (maxDegree < 2) {
      return null;
    }
    RangeQueryMerkle merkle = new RangeQueryMerkle(maxDegree);
    for (KVRead read : reads) {
      merkle.pending.add(read);
      if (merkle.pending.size() > maxDegree) {
        merkle.hashPending();
      }
    }
    return merkle.done();
  }

  private void hashPending() {
    byte[] serialized = QueryReads.newBuilder().addAllKvReads(pending).build().toByteArray();
    pending.clear();
    add(ByteString.copyFrom(BlockHashes.sha256().digest(serialized)));
  }

  private void add(ByteString leaf) {
    level(1).add(leaf);
    int level = 1;
    while (level(level).size() > maxDegree) {
      ByteString combined = combine(tree.remove(level));
      level++;
      level(level).add(combined);
      maxLevel = Math.max(maxLevel, level);
    }
  }

  private QueryReadsMerkleSummary done() {
    if (maxLevel == 1 && level(1).isEmpty()) {
      return null;
    }
    if (!pending.isEmpty()) {
      hashPending();
    }
    for (int level = 1; level < maxLevel; level++) {
      List<ByteString> hashes = tree.remove(level);
      if (hashes == null || hashes.isEmpty()) {
        continue;
      }
      level(level + 1).add(hashes.size() == 1 ? hashes.get(0) : combine(hashes));
    }
    List<ByteString> top = level(maxLevel);
    if (top.size() > maxDegree) {
      ByteString combined = combine(tree.remove(maxLevel));
      maxLevel++;
      level(maxLevel).add(combined);
    }
    return QueryReadsMerkleSummary.newBuilder()
        .setMaxDegree(maxDegree)
        .setMaxLevel(maxLevel)
        .addAllMaxLevelHashes(level(maxLevel))
        .build();
  }

  private List<ByteString> level(int level) {
    return tree.computeIfAbsent(level, l -> new ArrayList<>());
  }

  private static ByteString combine(List<ByteString> hashes) {
    MessageDigest digest = BlockHashes.sha256();
    for (ByteString hash : hashes) {
      digest.update(hash.toByteArray());
    }
    return ByteString.copyFrom(digest.digest());
  }
}
