package org.servicerecords.registry.chaincode;

import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.servicerecords.registry.chaincode.shim.BatchingStub;
import org.servicerecords.registry.model.CanonicalJson;

/** Reading public state and the shim's query iterators, shared by the record and agency stores. */
final class Queries {

  private Queries() {}

  /** The value of a public key, or {@code null} if absent (the shim returns an empty array). */
  static byte[] state(ChaincodeStub stub, String key) {
    return presentOrNull(stub.getState(key));
  }

  /**
   * The values of public keys in their order, each {@code null} if absent: in one message to the
   * peer per thousand keys when the stub batches ({@link BatchingStub}), else one by one.
   */
  static List<byte[]> states(ChaincodeStub stub, List<String> keys) {
    List<byte[]> values =
        stub instanceof BatchingStub batching
            ? batching.getMultipleStates(keys)
            : keys.stream().map(stub::getState).toList();
    return values.stream().map(Queries::presentOrNull).toList();
  }

  /**
   * A value read from the shim, or {@code null} for the empty array it returns for an absent key.
   */
  private static byte[] presentOrNull(byte[] value) {
    return value == null || value.length == 0 ? null : value;
  }

  /**
   * The value of a public key read as canonical JSON of {@code type}, or {@code null} if absent.
   */
  static <T> T read(ChaincodeStub stub, String key, Class<T> type) {
    byte[] value = state(stub, key);
    return value == null ? null : CanonicalJson.fromBytes(value, type);
  }

  /**
   * Builds one history entry: tx id, timestamp, deleted, and the value ({@code null} if deleted).
   */
  @FunctionalInterface
  interface Version<V, E> {
    E entry(String txId, String timestamp, boolean deleted, V value);
  }

  /**
   * The versions of a key, newest first as Fabric returns them; an empty value counts as deleted.
   */
  static <V, E> List<E> history(
      ChaincodeStub stub, String key, Class<V> type, Version<V, E> version) {
    List<E> entries = new ArrayList<>();
    try (QueryResultsIterator<KeyModification> results = stub.getHistoryForKey(key)) {
      for (KeyModification modification : results) {
        byte[] value = modification.getValue();
        boolean deleted = modification.isDeleted() || value == null || value.length == 0;
        entries.add(
            version.entry(
                modification.getTxId(),
                modification.getTimestamp().toString(),
                deleted,
                deleted ? null : CanonicalJson.fromBytes(value, type)));
      }
    } catch (Exception e) {
      throw unchecked(e);
    }
    return entries;
  }

  /**
   * The exception to rethrow from an iterator's {@code try}: closing one declares {@code
   * Exception}; anything unchecked stays as it is (a refusal keeps its code).
   */
  static RuntimeException unchecked(Exception e) {
    return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
  }
}
