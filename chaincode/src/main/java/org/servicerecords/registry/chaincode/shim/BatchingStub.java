package org.servicerecords.registry.chaincode.shim;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.GetStateMultiple;
import org.hyperledger.fabric.protos.peer.GetStateMultipleResult;
import org.hyperledger.fabric.protos.peer.MetaDataKeys;
import org.hyperledger.fabric.protos.peer.StateMetadata;
import org.hyperledger.fabric.protos.peer.WriteBatchState;
import org.hyperledger.fabric.protos.peer.WriteRecord;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * A stub that speaks the two batch messages of Fabric v3's peer, which fabric-chaincode-shim 2.5.10
 * does not: every write of a transaction (put, delete, purge, validation parameter; public or
 * private) is kept until {@link #flush} sends them in one {@code WRITE_BATCH_STATE} message (in
 * parts of at most {@link #MAX_WRITES_PER_MESSAGE}), and {@link #getMultipleStates} reads many keys
 * in one {@code GET_STATE_MULTIPLE} message. The shim makes one round trip to the peer per state
 * call; a batch of 500 records, with four or five writes each, made some 2,500.
 *
 * <p>What the transaction writes does not change: the peer applies a batch's writes one by one
 * exactly as it applies single {@code PUT_STATE} messages, the last write of a key wins in both,
 * and a transaction never reads its own writes in Fabric (reads return committed state), so keeping
 * them back changes no read. Keys are checked when written, as the shim checks them. A transaction
 * that fails never calls {@link #flush}: its writes are never sent, and the peer discards a failed
 * simulation anyway. The peer refuses a transaction that mixes writes with paginated or
 * private-data range queries in either order; with the writes kept back it refuses it at the flush
 * instead of at the query (the contracts make no such mix).
 */
public final class BatchingStub extends ForwardingChaincodeStub {

  /** Writes per {@code WRITE_BATCH_STATE} message: the peer's default advertised maximum. */
  public static final int MAX_WRITES_PER_MESSAGE = 1000;

  /** Keys per {@code GET_STATE_MULTIPLE} message: the peer's default advertised maximum. */
  public static final int MAX_KEYS_PER_READ = 1000;

  /**
   * Environment variable of the chaincode server: {@code false} turns batching off (every state
   * call then goes to the peer on its own, as with the plain shim).
   */
  public static final String SWITCH = "REGISTRY_SHIM_BATCHING";

  private static final boolean ENABLED = !"false".equalsIgnoreCase(System.getenv(SWITCH));

  private final PeerMessenger peer;
  private final Map<WriteKey, WriteRecord> writes = new LinkedHashMap<>();

  BatchingStub(ChaincodeStub delegate, PeerMessenger peer) {
    super(delegate);
    this.peer = peer;
  }

  /**
   * The stub a transaction should use: a batching stub over the shim's own stub when the shim's
   * messaging is reachable and batching is not switched off, else {@code stub} itself.
   *
   * @param stub the shim's stub of the transaction
   * @return the stub to hand to the contract
   */
  public static ChaincodeStub wrap(ChaincodeStub stub) {
    if (!ENABLED || stub instanceof BatchingStub) {
      return stub;
    }
    return ShimMessenger.of(stub)
        .<ChaincodeStub>map(messenger -> new BatchingStub(stub, messenger))
        .orElse(stub);
  }

  /**
   * Sends the writes a batching stub kept back; does nothing for any other stub.
   *
   * @param stub the transaction's stub
   */
  public static void flush(ChaincodeStub stub) {
    if (stub instanceof BatchingStub batching) {
      batching.flush();
    }
  }

  /**
   * Sends every write kept back, in messages of at most {@link #MAX_WRITES_PER_MESSAGE}, and
   * forgets them. Nothing is sent when nothing was written.
   */
  public void flush() {
    List<WriteRecord> pending = new ArrayList<>(writes.values());
    writes.clear();
    for (int from = 0; from < pending.size(); from += MAX_WRITES_PER_MESSAGE) {
      List<WriteRecord> part =
          pending.subList(from, Math.min(pending.size(), from + MAX_WRITES_PER_MESSAGE));
      peer.call(
          ChaincodeMessage.Type.WRITE_BATCH_STATE,
          WriteBatchState.newBuilder().addAllRec(part).build().toByteString());
    }
  }

  /**
   * The committed values of public keys, in the order of {@code keys}, with fewer round trips: one
   * per {@link #MAX_KEYS_PER_READ} keys. An absent key reads as an empty array, as {@link
   * #getState} reads it.
   *
   * @param keys the keys
   * @return one value per key
   */
  public List<byte[]> getMultipleStates(List<String> keys) {
    List<byte[]> values = new ArrayList<>(keys.size());
    for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_READ) {
      List<String> part = keys.subList(from, Math.min(keys.size(), from + MAX_KEYS_PER_READ));
      ByteString answer =
          peer.call(
              ChaincodeMessage.Type.GET_STATE_MULTIPLE,
              GetStateMultiple.newBuilder().addAllKeys(part).build().toByteString());
      List<ByteString> read = parseValues(answer);
      if (read.size() != part.size()) {
        throw new IllegalStateException(
            "the peer returned " + read.size() + " values for " + part.size() + " keys");
      }
      read.forEach(value -> values.add(value.toByteArray()));
    }
    return values;
  }

  private static List<ByteString> parseValues(ByteString answer) {
    try {
      return GetStateMultipleResult.parseFrom(answer).getValuesList();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the peer's GET_STATE_MULTIPLE answer is malformed", e);
    }
  }

  @Override
  public void putState(String key, byte[] value) {
    put("", key, value);
  }

  @Override
  public void delState(String key) {
    keep("", key, false, WriteRecord.newBuilder().setType(WriteRecord.Type.DEL_STATE));
  }

  @Override
  public void setStateValidationParameter(String key, byte[] value) {
    keep("", key, true, validationParameter(value));
  }

  @Override
  public void putPrivateData(String collection, String key, byte[] value) {
    requireCollection(collection);
    put(collection, key, value);
  }

  @Override
  public void delPrivateData(String collection, String key) {
    requireCollection(collection);
    keep(collection, key, false, WriteRecord.newBuilder().setType(WriteRecord.Type.DEL_STATE));
  }

  @Override
  public void purgePrivateData(String collection, String key) {
    requireCollection(collection);
    keep(
        collection,
        key,
        false,
        WriteRecord.newBuilder().setType(WriteRecord.Type.PURGE_PRIVATE_DATA));
  }

  @Override
  public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
    requireCollection(collection);
    keep(collection, key, true, validationParameter(value));
  }

  private void put(String collection, String key, byte[] value) {
    keep(
        collection,
        key,
        false,
        WriteRecord.newBuilder()
            .setType(WriteRecord.Type.PUT_STATE)
            .setValue(ByteString.copyFrom(value)));
  }

  private static WriteRecord.Builder validationParameter(byte[] value) {
    return WriteRecord.newBuilder()
        .setType(WriteRecord.Type.PUT_STATE_METADATA)
        .setMetadata(
            StateMetadata.newBuilder()
                .setMetakey(MetaDataKeys.VALIDATION_PARAMETER.toString())
                .setValue(ByteString.copyFrom(value)));
  }

  private void keep(String collection, String key, boolean metadata, WriteRecord.Builder write) {
    Objects.requireNonNull(key, "key cannot be null");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key cannot not be an empty string");
    }
    WriteKey at = new WriteKey(collection, key, metadata);
    writes.remove(at);
    writes.put(at, write.setCollection(collection).setKey(key).build());
  }

  private static void requireCollection(String collection) {
    Objects.requireNonNull(collection, "collection cannot be null");
    if (collection.isEmpty()) {
      throw new IllegalArgumentException("collection must not be an empty string");
    }
  }

  /** A key's data and its metadata are separate writes, as in the peer's simulator. */
  private record WriteKey(String collection, String key, boolean metadata) {}
}
