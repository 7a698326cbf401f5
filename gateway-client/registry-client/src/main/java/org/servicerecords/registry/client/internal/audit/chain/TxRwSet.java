package org.servicerecords.registry.client.internal.audit.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.ledger.rwset.CollectionHashedReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.HashedRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;

/**
 * A transaction's read-write set as its endorsed chaincode action carries it, with every
 * namespace's public set and every collection's hashed set parsed.
 *
 * @param namespaces the namespaces in the order the transaction lists them
 */
record TxRwSet(List<Ns> namespaces) {

  /** The prefix of an organisation's implicit collection name ({@code _implicit_org_<MSP id>}). */
  static final String IMPLICIT_PREFIX = "_implicit_org_";

  TxRwSet {
    namespaces = List.copyOf(namespaces);
  }

  /**
   * One namespace's sets.
   *
   * @param name the namespace (chaincode name)
   * @param kv the public reads, range queries, writes and metadata writes
   * @param collections the collections' hashed sets
   */
  record Ns(String name, KVRWSet kv, List<Coll> collections) {
    Ns {
      collections = List.copyOf(collections);
    }

    /** Whether it writes anything (public or hashed values or metadata), as Fabric decides it. */
    boolean writes() {
      if (kv.getWritesCount() > 0 || kv.getMetadataWritesCount() > 0) {
        return true;
      }
      return collections.stream()
          .anyMatch(
              c ->
                  c.hashed().getHashedWritesCount() > 0 || c.hashed().getMetadataWritesCount() > 0);
    }
  }

  /**
   * One collection's hashed set.
   *
   * @param name the collection's name
   * @param hashed the hashed reads, writes and metadata writes
   */
  record Coll(String name, HashedRWSet hashed) {}

  /**
   * Parses the {@code results} of a chaincode action.
   *
   * @param results the serialized {@code TxReadWriteSet}
   * @return the parsed sets
   * @throws InvalidProtocolBufferException if a part cannot be parsed
   */
  static TxRwSet parse(ByteString results) throws InvalidProtocolBufferException {
    List<Ns> list = new ArrayList<>();
    for (NsReadWriteSet ns : TxReadWriteSet.parseFrom(results).getNsRwsetList()) {
      List<Coll> collections = new ArrayList<>();
      for (CollectionHashedReadWriteSet coll : ns.getCollectionHashedRwsetList()) {
        collections.add(
            new Coll(coll.getCollectionName(), HashedRWSet.parseFrom(coll.getHashedRwset())));
      }
      list.add(new Ns(ns.getNamespace(), KVRWSet.parseFrom(ns.getRwset()), collections));
    }
    return new TxRwSet(list);
  }
}
