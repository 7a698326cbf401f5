package org.servicerecords.registry.client.internal.audit.chain;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVMetadataWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVMetadataWriteHash;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVReadHash;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWriteHash;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReadsMerkleSummary;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Recomputes each transaction's validation code as a Fabric v3 peer does (read in
 * core/committer/txvalidator/v20 and core/ledger/kvledger/txmgmt/validation), from block 0 on:
 *
 * <ol>
 *   <li>the checks before validation proper ({@link TxFacts#structuralCode});
 *   <li>{@code DUPLICATE_TXID} when an earlier block holds the transaction id;
 *   <li>for endorser transactions, the chaincode named and the endorsement policies ({@link
 *       EndorsementPolicies}); other types but configuration: {@code UNKNOWN_TX_TYPE};
 *   <li>{@code DUPLICATE_TXID} for a later valid transaction of the block with the id of an earlier
 *       valid one;
 *   <li>MVCC, in block order over the transactions still valid: each public read's version against
 *       the committed one ({@code MVCC_READ_CONFLICT}, also when an earlier transaction of the
 *       block wrote the key), each range query's raw reads against the keys now in range ({@code
 *       PHANTOM_READ_CONFLICT}), each hashed private read likewise ({@code MVCC_READ_CONFLICT}); a
 *       valid transaction's writes then give its keys the version (block, transaction index).
 * </ol>
 *
 * <p>Range queries an endorser summarised as Merkle hashes are summarised again over the keys now
 * in range ({@link RangeQueryMerkle}) and compared. Memory grows with the ledger: one version per
 * live public key and private key hash, and every transaction id.
 */
final class ValidationReplay {

  private static final String VALID = TxValidationCode.VALID.name();
  private static final String DUPLICATE = TxValidationCode.DUPLICATE_TXID.name();
  private static final byte[] EMPTY_HASH = BlockHashes.sha256().digest();

  /** Go's string order: bytewise over UTF-8, the same as code point order. */
  static final Comparator<String> KEY_ORDER =
      (a, b) -> {
        Iterator<Integer> x = a.codePoints().iterator();
        Iterator<Integer> y = b.codePoints().iterator();
        while (x.hasNext() && y.hasNext()) {
          int c = Integer.compare(x.next(), y.next());
          if (c != 0) {
            return c;
          }
        }
        return Boolean.compare(x.hasNext(), y.hasNext());
      };

  private final Set<String> ledgerTxIds = new HashSet<>();
  private final Map<String, NavigableMap<String, Version>> publicState = new HashMap<>();
  private final Map<String, Map<ByteString, Version>> hashedState = new HashMap<>();
  private final LifecycleState lifecycle = new LifecycleState();
  private final EndorsementPolicies policies = new EndorsementPolicies(lifecycle);

  /**
   * A committed version: the block and the transaction that last wrote a key.
   *
   * @param block the block number
   * @param tx the transaction's index in it
   */
  record Version(long block, long tx) {
    static Version of(KVRead read) {
      return read.hasVersion() ? of(read.getVersion()) : null;
    }

    static Version of(KVReadHash read) {
      return read.hasVersion() ? of(read.getVersion()) : null;
    }

    static Version of(org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version version) {
      return new Version(version.getBlockNum(), version.getTxNum());
    }
  }

  /**
   * One transaction's recomputed code.
   *
   * @param code the validation code, or null when it could not be recomputed
   * @param detail why it is not valid (empty when valid)
   * @param notes what was not evaluated
   */
  record Computed(String code, String detail, List<String> notes) {
    Computed {
      notes = List.copyOf(notes);
    }
  }

  /**
   * Replays one block.
   *
   * @param number the block's number
   * @param config the channel configuration in force for it
   * @param txs its transactions, in order (null for one that could not be parsed)
   * @param txIds every envelope's transaction id (empty when none), as the ledger indexes them
   * @return the recomputed code of each transaction
   */
  List<Computed> replayBlock(
      long number, ChannelConfig config, List<TxFacts> txs, List<String> txIds) {
    List<Computed> computed = new ArrayList<>();
    for (TxFacts tx : txs) {
      Computed first = firstStage(config, tx);
      computed.add(first);
      if (tx != null && tx.rwSet() != null && VALID.equals(first.code())) {
        policies.endorsed(tx.rwSet());
      }
    }
    Set<String> validIds = new HashSet<>();
    for (int i = 0; i < txs.size(); i++) {
      TxFacts tx = txs.get(i);
      if (tx != null
          && tx.type() == HeaderType.ENDORSER_TRANSACTION_VALUE
          && VALID.equals(computed.get(i).code())
          && !validIds.add(tx.txId())) {
        computed.set(
            i,
            new Computed(
                DUPLICATE,
                "an earlier transaction of the block has this id",
                computed.get(i).notes()));
      }
    }
    Set<String> touched = new HashSet<>();
    for (int i = 0; i < txs.size(); i++) {
      TxFacts tx = txs.get(i);
      Computed c = computed.get(i);
      if (tx == null || tx.rwSet() == null || !VALID.equals(c.code())) {
        continue;
      }
      Computed conflict = mvcc(tx.rwSet(), touched, c.notes());
      if (conflict != null) {
        computed.set(i, conflict);
        continue;
      }
      apply(tx.rwSet(), new Version(number, tx.index()), touched);
      policies.committed(tx.rwSet());
    }
    lifecycle.commitBlock();
    policies.endBlock();
    for (String id : txIds) {
      if (!id.isEmpty()) {
        ledgerTxIds.add(id);
      }
    }
    return computed;
  }

  private Computed firstStage(ChannelConfig config, TxFacts tx) {
    List<String> none = List.of();
    if (tx == null) {
      return new Computed(null, "", List.of("the transaction cannot be parsed"));
    }
    if (tx.structuralCode() != null) {
      return new Computed(tx.structuralCode(), "it fails the checks before validation", none);
    }
    if (tx.type() == HeaderType.CONFIG_VALUE) {
      return new Computed(VALID, "", none);
    }
    if (tx.type() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
      return new Computed(
          TxValidationCode.UNKNOWN_TX_TYPE.name(), "header type " + tx.type(), none);
    }
    if (ledgerTxIds.contains(tx.txId())) {
      return new Computed(DUPLICATE, "an earlier block holds a transaction with this id", none);
    }
    if (tx.rwSet() == null) {
      return new Computed(
          TxValidationCode.BAD_RWSET.name(), "the read-write set cannot be parsed", none);
    }
    if (tx.invoked().isEmpty()
        || !tx.invoked().equals(tx.actionChaincode())
        || tx.actionChaincodeVersion().isEmpty()) {
      return new Computed(
          TxValidationCode.INVALID_CHAINCODE.name(),
          "the header invokes '"
              + tx.invoked()
              + "', the action names '"
              + tx.actionChaincode()
              + "'",
          none);
    }
    EndorsementPolicies.Outcome outcome =
        policies.evaluate(config, tx.invoked(), tx.rwSet(), tx.endorsers());
    return new Computed(outcome.code(), outcome.detail(), outcome.notes());
  }

  /** The MVCC conflict, or null when there is none. */
  private Computed mvcc(TxRwSet rwSet, Set<String> touched, List<String> notes) {
    for (TxRwSet.Ns ns : rwSet.namespaces()) {
      NavigableMap<String, Version> state =
          publicState.getOrDefault(ns.name(), new TreeMap<>(KEY_ORDER));
      for (KVRead read : ns.kv().getReadsList()) {
        String key = read.getKey();
        if (touched.contains(publicKey(ns.name(), key))) {
          return new Computed(
              "MVCC_READ_CONFLICT",
              "key read in namespace " + ns.name() + " was written earlier in the block",
              notes);
        }
        Version want = Version.of(read);
        Version have = state.get(key);
        if (!Objects.equals(want, have)) {
          return new Computed(
              "MVCC_READ_CONFLICT",
              "a key of namespace " + ns.name() + " read at " + want + ", committed " + have,
              notes);
        }
      }
      for (RangeQueryInfo range : ns.kv().getRangeQueriesInfoList()) {
        if (!rangeStillReads(state, range)) {
          return new Computed(
              "PHANTOM_READ_CONFLICT",
              "a range query of namespace " + ns.name() + " reads differently now",
              notes);
        }
      }
      for (TxRwSet.Coll coll : ns.collections()) {
        Map<ByteString, Version> hashes =
            hashedState.getOrDefault(collectionKey(ns.name(), coll.name()), Map.of());
        for (KVReadHash read : coll.hashed().getHashedReadsList()) {
          if (touched.contains(hashedKey(ns.name(), coll.name(), read.getKeyHash()))) {
            return new Computed(
                "MVCC_READ_CONFLICT",
                "a private key of "
                    + ns.name()
                    + "/"
                    + coll.name()
                    + " was written earlier in the block",
                notes);
          }
          Version want = Version.of(read);
          Version have = hashes.get(read.getKeyHash());
          if (!Objects.equals(want, have)) {
            return new Computed(
                "MVCC_READ_CONFLICT",
                "a private key of "
                    + ns.name()
                    + "/"
                    + coll.name()
                    + " read at "
                    + want
                    + ", committed "
                    + have,
                notes);
          }
        }
      }
    }
    return null;
  }

  private static boolean rangeStillReads(
      NavigableMap<String, Version> state, RangeQueryInfo range) {
    String start = range.getStartKey();
    String end = range.getEndKey();
    boolean includeEnd = !range.getItrExhausted();
    NavigableMap<String, Version> now;
    if (end.isEmpty()) {
      now = state.tailMap(start, true);
    } else if (KEY_ORDER.compare(start, end) > 0) {
      now = new TreeMap<>(KEY_ORDER);
    } else {
      now = state.subMap(start, true, end, includeEnd);
    }
    List<KVRead> current = new ArrayList<>();
    for (Map.Entry<String, Version> entry : now.entrySet()) {
      KVRead.Builder read = KVRead.newBuilder().setKey(entry.getKey());
      read.getVersionBuilder()
          .setBlockNum(entry.getValue().block())
          .setTxNum(entry.getValue().tx());
      current.add(read.build());
    }
    if (range.hasReadsMerkleHashes()) {
      QueryReadsMerkleSummary recorded = range.getReadsMerkleHashes();
      return recorded.equals(RangeQueryMerkle.summarise(current, recorded.getMaxDegree()));
    }
    List<KVRead> reads = range.getRawReads().getKvReadsList();
    if (current.size() != reads.size()) {
      return false;
    }
    for (int i = 0; i < reads.size(); i++) {
      KVRead read = reads.get(i);
      Version want = Version.of(read);
      if (!current.get(i).getKey().equals(read.getKey())
          || !Version.of(current.get(i).getVersion()).equals(want)) {
        return false;
      }
    }
    return true;
  }

  private void apply(TxRwSet rwSet, Version version, Set<String> touched) {
    for (TxRwSet.Ns ns : rwSet.namespaces()) {
      NavigableMap<String, Version> state =
          publicState.computeIfAbsent(ns.name(), n -> new TreeMap<>(KEY_ORDER));
      for (KVWrite write : ns.kv().getWritesList()) {
        touched.add(publicKey(ns.name(), write.getKey()));
        if (write.getIsDelete() || write.getValue().isEmpty()) {
          state.remove(write.getKey());
        } else {
          state.put(write.getKey(), version);
        }
        if (ns.name().equals(LifecycleState.NAMESPACE)) {
          lifecycle.stage(write);
        }
      }
      for (KVMetadataWrite write : ns.kv().getMetadataWritesList()) {
        touched.add(publicKey(ns.name(), write.getKey()));
        state.computeIfPresent(write.getKey(), (k, v) -> version);
      }
      for (TxRwSet.Coll coll : ns.collections()) {
        Map<ByteString, Version> hashes =
            hashedState.computeIfAbsent(
                collectionKey(ns.name(), coll.name()), k -> new HashMap<>());
        for (KVWriteHash write : coll.hashed().getHashedWritesList()) {
          touched.add(hashedKey(ns.name(), coll.name(), write.getKeyHash()));
          if (write.getIsDelete()
              || write.getValueHash().isEmpty()
              || MessageDigest.isEqual(EMPTY_HASH, write.getValueHash().toByteArray())) {
            hashes.remove(write.getKeyHash());
          } else {
            hashes.put(write.getKeyHash(), version);
          }
        }
        for (KVMetadataWriteHash write : coll.hashed().getMetadataWritesList()) {
          touched.add(hashedKey(ns.name(), coll.name(), write.getKeyHash()));
          hashes.computeIfPresent(write.getKeyHash(), (k, v) -> version);
        }
      }
    }
  }

  private static String publicKey(String ns, String key) {
    return ns + "\u0000\u0000" + key;
  }

  private static String collectionKey(String ns, String coll) {
    return ns + "\u0000" + coll;
  }

  private static String hashedKey(String ns, String coll, ByteString hash) {
    return ns
        + "\u0000"
        + coll
        + "\u0000"
        + new String(hash.toByteArray(), StandardCharsets.ISO_8859_1);
  }
}
