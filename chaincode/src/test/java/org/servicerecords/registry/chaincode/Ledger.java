package org.servicerecords.registry.chaincode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed state of one namespace on one channel: public state with sorted keys, history per
 * key (in commit order), and private collections with their hashes.
 */
final class Ledger {

  /** One committed change of a key. */
  record Modification(String txId, Instant timestamp, byte[] value, boolean deleted) {}

  /** One write of a transaction, in the order the contract made it. */
  record Write(Kind kind, String collection, String key, byte[] value) {
    enum Kind {
      PUT,
      DELETE,
      PUT_PRIVATE,
      DELETE_PRIVATE,
      PURGE_PRIVATE
    }

    @Override
    public String toString() {
      return kind + " " + (collection == null ? "" : collection + " ") + printable(key);
    }
  }

  final String namespace;
  final TreeMap<String, byte[]> state = new TreeMap<>();
  final Map<String, List<Modification>> history = new HashMap<>();
  final Map<String, TreeMap<String, byte[]>> privateData = new HashMap<>();
  final Map<String, TreeMap<String, byte[]>> privateHashes = new HashMap<>();

  Ledger(String namespace) {
    this.namespace = namespace;
  }

  void commit(String txId, Instant timestamp, List<Write> writes) {
    Map<String, Write> lastPublic = new LinkedHashMap<>();
    for (Write write : writes) {
      switch (write.kind()) {
        case PUT, DELETE -> lastPublic.put(write.key(), write);
        case PUT_PRIVATE -> {
          privateData
              .computeIfAbsent(write.collection(), c -> new TreeMap<>())
              .put(write.key(), write.value());
          privateHashes
              .computeIfAbsent(write.collection(), c -> new TreeMap<>())
              .put(write.key(), sha256(write.value()));
        }
        case DELETE_PRIVATE, PURGE_PRIVATE -> {
          privateData.getOrDefault(write.collection(), new TreeMap<>()).remove(write.key());
          privateHashes.getOrDefault(write.collection(), new TreeMap<>()).remove(write.key());
        }
      }
    }
    for (Write write : lastPublic.values()) {
      boolean deleted = write.kind() == Write.Kind.DELETE;
      if (deleted) {
        state.remove(write.key());
      } else {
        state.put(write.key(), write.value());
      }
      history
          .computeIfAbsent(write.key(), k -> new ArrayList<>())
          .add(new Modification(txId, timestamp, deleted ? null : write.value(), deleted));
    }
  }

  byte[] privateValue(String collection, String key) {
    TreeMap<String, byte[]> data = privateData.get(collection);
    return data == null ? null : data.get(key);
  }

  static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String printable(String key) {
    return key.replace("\u0000", "\\0").replace("\udbff\udfff", "\\uDBFF\\uDFFF");
  }
}
