package org.servicerecords.registry.testing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The committed state of one namespace on one channel: public state with sorted keys, history per
 * key (in commit order), and private collections with their hashes.
 *
 * <p>The maps this class returns are its live state, not copies: a test may read them, and may
 * change them to forge state a contract never wrote (as a tampered peer database would).
 */
public final class Ledger {

  /**
   * One committed change of a key.
   *
   * @param txId the transaction that made it
   * @param timestamp that transaction's timestamp
   * @param value the new value, {@code null} for a delete
   * @param deleted whether the key was deleted
   */
  public record Modification(String txId, Instant timestamp, byte[] value, boolean deleted) {}

  /**
   * One write of a transaction, in the order the contract made it.
   *
   * @param kind what kind of write
   * @param collection the private data collection, {@code null} for public state
   * @param key the key
   * @param value the value written, {@code null} for deletes and purges
   */
  public record Write(Kind kind, String collection, String key, byte[] value) {

    /** The kinds of write a chaincode can make. */
    public enum Kind {
      /** {@code putState}. */
      PUT,
      /** {@code delState}. */
      DELETE,
      /** {@code putPrivateData}. */
      PUT_PRIVATE,
      /** {@code delPrivateData}. */
      DELETE_PRIVATE,
      /** {@code purgePrivateData}. */
      PURGE_PRIVATE
    }

    /** The kind, the collection if any, and the {@link #printable} key. */
    @Override
    public String toString() {
      return kind + " " + (collection == null ? "" : collection + " ") + printable(key);
    }
  }

  private final String namespace;
  private final TreeMap<String, byte[]> state = new TreeMap<>();
  private final Map<String, List<Modification>> history = new HashMap<>();
  private final Map<String, TreeMap<String, byte[]>> privateData = new HashMap<>();
  private final Map<String, TreeMap<String, byte[]>> privateHashes = new HashMap<>();

  /**
   * An empty ledger.
   *
   * @param namespace the chaincode name whose state it holds
   */
  public Ledger(String namespace) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
  }

  /**
   * A ledger with this one's state, history and private data, sharing nothing mutable with it.
   *
   * @return the copy
   */
  public Ledger copy() {
    Ledger copy = new Ledger(namespace);
    state.forEach((key, value) -> copy.state.put(key, value.clone()));
    history.forEach(
        (key, changes) -> {
          List<Modification> copied = new ArrayList<>(changes.size());
          for (Modification change : changes) {
            copied.add(
                new Modification(
                    change.txId(),
                    change.timestamp(),
                    change.value() == null ? null : change.value().clone(),
                    change.deleted()));
          }
          copy.history.put(key, copied);
        });
    privateData.forEach((collection, data) -> copy.privateData.put(collection, copyOf(data)));
    privateHashes.forEach((collection, data) -> copy.privateHashes.put(collection, copyOf(data)));
    return copy;
  }

  private static TreeMap<String, byte[]> copyOf(TreeMap<String, byte[]> data) {
    TreeMap<String, byte[]> copy = new TreeMap<>();
    data.forEach((key, value) -> copy.put(key, value.clone()));
    return copy;
  }

  /**
   * The chaincode name whose state this is.
   *
   * @return the namespace
   */
  public String namespace() {
    return namespace;
  }

  /**
   * The public state, sorted by key (live).
   *
   * @return key to value
   */
  public TreeMap<String, byte[]> state() {
    return state;
  }

  /**
   * The history of every public key ever written, oldest change first (live).
   *
   * @return key to its changes
   */
  public Map<String, List<Modification>> history() {
    return history;
  }

  /**
   * The private data, by collection, sorted by key (live).
   *
   * @return collection to key to value
   */
  public Map<String, TreeMap<String, byte[]>> privateData() {
    return privateData;
  }

  /**
   * The SHA-256 hashes of the private data, by collection, as every peer of the channel holds them
   * (live).
   *
   * @return collection to key to hash
   */
  public Map<String, TreeMap<String, byte[]>> privateHashes() {
    return privateHashes;
  }

  /**
   * Applies a transaction's writes as a peer commits them: private writes in order, and for each
   * public key its last write, recorded in the key's history.
   *
   * @param txId the transaction id
   * @param timestamp the transaction timestamp
   * @param writes the write set, in the order the chaincode made it
   */
  public void commit(String txId, Instant timestamp, List<Write> writes) {
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

  /**
   * A private value.
   *
   * @param collection the collection
   * @param key the key
   * @return the value, or {@code null} if there is none
   */
  public byte[] privateValue(String collection, String key) {
    TreeMap<String, byte[]> data = privateData.get(collection);
    return data == null ? null : data.get(key);
  }

  /**
   * The SHA-256 digest of a value, as peers hash private data.
   *
   * @param value the value
   * @return its digest
   */
  public static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A key with the composite-key separators made visible ({@code \0} and the maximal rune), for
   * messages and transcripts.
   *
   * @param key a key
   * @return the key, printable
   */
  public static String printable(String key) {
    return key.replace("\u0000", "\\0").replace("\udbff\udfff", "\\uDBFF\\uDFFF");
  }
}
