package org.servicerecords.registry.testing;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * (About 590 lines: it implements the whole of the shim's {@link ChaincodeStub}, any part of which
 * a contract may call.)
 *
 * <p>An in-memory {@link ChaincodeStub} for one transaction in one namespace. Like a peer, it reads
 * committed state only (a transaction does not see its own writes) and records writes in a write
 * set that {@link Ledger#commit} applies. Composite keys use the shim's own {@link CompositeKey}
 * encoding, partial-key and paginated queries follow the shim's start/end keys, history is newest
 * first. Transient data keeps the order in which the caller added it (a peer's order is not fixed),
 * so tests can vary it.
 *
 * <p>Not supported (they throw {@link UnsupportedOperationException}): key-level endorsement, rich
 * (CouchDB) queries, private range queries and cross-channel calls.
 */
public final class InMemoryStub implements ChaincodeStub {

  /** Dispatches a chaincode-to-chaincode call ({@link #invokeChaincode}). */
  @FunctionalInterface
  public interface Invoker {
    /**
     * Runs the called chaincode.
     *
     * @param caller the calling transaction's stub
     * @param chaincode the called chaincode's name
     * @param args the call's arguments
     * @return the called chaincode's response
     */
    Chaincode.Response invoke(InMemoryStub caller, String chaincode, List<byte[]> args);
  }

  /** The end of a partial composite key range, as the shim and the peer use it. */
  public static final String MAX_UNICODE_RUNE = "\udbff\udfff";

  private final Ledger ledger;
  private final String channelId;
  private final String txId;
  private final Instant timestamp;
  private final byte[] creator;
  private final String peerMsp;
  private final Map<String, byte[]> transientMap;
  private final SignedProposal signedProposal;
  private final List<byte[]> args;
  private final Invoker invoker;
  private final List<Ledger.Write> writes = new ArrayList<>();
  private final List<ChaincodeEvent> events = new ArrayList<>();
  private final List<String> reads = new ArrayList<>();
  private int historyQueries;
  private int rangeQueries;
  private int stateReads;

  private void read(String kind, String key) {
    reads.add(ledger.namespace() + " " + kind + " " + Ledger.printable(key));
  }

  /**
   * A stub for one transaction.
   *
   * @param ledger the committed state of the chaincode's namespace
   * @param channelId the channel
   * @param txId the transaction id
   * @param timestamp the transaction timestamp
   * @param creator the serialized identity of the caller (see {@link Identities#creator})
   * @param peerMsp the endorsing peer's MSP id ({@link #getMspId}), or {@code null} if unset
   * @param transientMap the transient data, in the order the peer hands it over
   * @param signedProposal the proposal (see {@link #proposal})
   * @param args the arguments, the function name first
   * @param invoker runs chaincode-to-chaincode calls
   */
  public InMemoryStub(
      Ledger ledger,
      String channelId,
      String txId,
      Instant timestamp,
      byte[] creator,
      String peerMsp,
      Map<String, byte[]> transientMap,
      SignedProposal signedProposal,
      List<byte[]> args,
      Invoker invoker) {
    this.ledger = ledger;
    this.channelId = channelId;
    this.txId = txId;
    this.timestamp = timestamp;
    this.creator = creator;
    this.peerMsp = peerMsp;
    this.transientMap = Collections.unmodifiableMap(new LinkedHashMap<>(transientMap));
    this.signedProposal = signedProposal;
    this.args = List.copyOf(args);
    this.invoker = invoker;
  }

  /**
   * A signed proposal whose invocation spec names the chaincode, as a Gateway client sends it
   * (unsigned: nothing here checks signatures).
   *
   * @param chaincode the chaincode name
   * @param args the arguments, the function name first
   * @param transientMap the transient data
   * @return the proposal
   */
  public static SignedProposal proposal(
      String chaincode, List<byte[]> args, Map<String, byte[]> transientMap) {
    ChaincodeInput.Builder input = ChaincodeInput.newBuilder();
    args.forEach(a -> input.addArgs(ByteString.copyFrom(a)));
    ChaincodeInvocationSpec spec =
        ChaincodeInvocationSpec.newBuilder()
            .setChaincodeSpec(
                ChaincodeSpec.newBuilder()
                    .setChaincodeId(ChaincodeID.newBuilder().setName(chaincode))
                    .setInput(input))
            .build();
    ChaincodeProposalPayload.Builder payload =
        ChaincodeProposalPayload.newBuilder().setInput(spec.toByteString());
    transientMap.forEach((k, v) -> payload.putTransientMap(k, ByteString.copyFrom(v)));
    Proposal proposal = Proposal.newBuilder().setPayload(payload.build().toByteString()).build();
    return SignedProposal.newBuilder().setProposalBytes(proposal.toByteString()).build();
  }

  /**
   * The committed state this transaction reads.
   *
   * @return the ledger of the chaincode's namespace
   */
  public Ledger ledger() {
    return ledger;
  }

  /**
   * The endorsing peer's MSP id.
   *
   * @return it, or {@code null} if unset (then {@link #getMspId} throws, as the shim does)
   */
  public String peerMsp() {
    return peerMsp;
  }

  /**
   * The invoker of chaincode-to-chaincode calls.
   *
   * @return the invoker this stub was made with
   */
  public Invoker invoker() {
    return invoker;
  }

  /**
   * The write set so far, in the order the chaincode wrote (live).
   *
   * @return the writes
   */
  public List<Ledger.Write> writes() {
    return writes;
  }

  /**
   * The events set so far, in order (live; a peer keeps only the last).
   *
   * @return the events
   */
  public List<ChaincodeEvent> events() {
    return events;
  }

  /**
   * What the transaction read, in order, each as {@code <namespace> <kind> <printable key>}: {@code
   * state}, {@code range} (start and end key), {@code history}, {@code private} and {@code
   * privateHash} (with the collection). {@link Network} appends the reads of a
   * chaincode-to-chaincode call after it returns, so two endorsements' read sets can be compared
   * (live).
   *
   * @return the reads
   */
  public List<String> reads() {
    return reads;
  }

  /**
   * How many history queries the transaction made.
   *
   * @return the count
   */
  public int historyQueries() {
    return historyQueries;
  }

  /**
   * How many range queries (plain, paginated or by partial composite key) it made.
   *
   * @return the count
   */
  public int rangeQueries() {
    return rangeQueries;
  }

  /**
   * How many {@code getState} reads it made.
   *
   * @return the count
   */
  public int stateReads() {
    return stateReads;
  }

  @Override
  public List<byte[]> getArgs() {
    return args.stream().map(byte[]::clone).toList();
  }

  @Override
  public List<String> getStringArgs() {
    return args.stream().map(a -> new String(a, StandardCharsets.UTF_8)).toList();
  }

  @Override
  public String getFunction() {
    return args.isEmpty() ? null : getStringArgs().get(0);
  }

  @Override
  public List<String> getParameters() {
    return getStringArgs().stream().skip(1).toList();
  }

  @Override
  public String getTxId() {
    return txId;
  }

  @Override
  public String getChannelId() {
    return channelId;
  }

  @Override
  public Chaincode.Response invokeChaincode(
      String chaincodeName, List<byte[]> arguments, String channel) {
    if (!channelId.equals(channel) && !channel.isEmpty()) {
      throw new UnsupportedOperationException("cross-channel calls are not modelled");
    }
    return invoker.invoke(this, chaincodeName, arguments);
  }

  @Override
  public byte[] getState(String key) {
    stateReads++;
    read("state", key);
    byte[] value = ledger.state().get(key);
    return value == null ? new byte[0] : value.clone();
  }

  @Override
  public byte[] getStateValidationParameter(String key) {
    throw new UnsupportedOperationException("key-level endorsement is not used");
  }

  @Override
  public void putState(String key, byte[] value) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    if (value == null || value.length == 0) {
      throw new IllegalArgumentException("Fabric treats an empty value as a delete");
    }
    writes.add(new Ledger.Write(Ledger.Write.Kind.PUT, null, key, value.clone()));
  }

  @Override
  public void setStateValidationParameter(String key, byte[] value) {
    throw new UnsupportedOperationException("key-level endorsement is not used");
  }

  @Override
  public void delState(String key) {
    writes.add(new Ledger.Write(Ledger.Write.Kind.DELETE, null, key, null));
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
    rangeQueries++;
    read("range", startKey + ".." + endKey);
    String start = startKey == null || startKey.isEmpty() ? "\u0001" : startKey;
    NavigableMap<String, byte[]> range =
        endKey == null || endKey.isEmpty()
            ? ledger.state().tailMap(start, true)
            : ledger.state().subMap(start, true, endKey, false);
    return new Results<>(toKeyValues(range, Integer.MAX_VALUE), null);
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
      String startKey, String endKey, int pageSize, String bookmark) {
    rangeQueries++;
    read("range", startKey + ".." + endKey + " from " + bookmark);
    String start = bookmark != null && !bookmark.isEmpty() ? bookmark : startKey;
    NavigableMap<String, byte[]> range = ledger.state().subMap(start, true, endKey, false);
    List<KeyValue> page = toKeyValues(range, pageSize);
    String next = "";
    if (page.size() == pageSize) {
      String after = range.higherKey(page.get(page.size() - 1).getKey());
      next = after == null ? "" : after;
    }
    QueryResponseMetadata metadata =
        QueryResponseMetadata.newBuilder()
            .setFetchedRecordsCount(page.size())
            .setBookmark(next)
            .build();
    return new Results<>(page, metadata);
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
    CompositeKey key =
        compositeKey.startsWith(CompositeKey.NAMESPACE)
            ? CompositeKey.parseCompositeKey(compositeKey)
            : new CompositeKey(compositeKey);
    return getStateByPartialCompositeKey(key);
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(
      String objectType, String... attributes) {
    return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
    String prefix = compositeKey.toString();
    return getStateByRange(prefix, prefix + MAX_UNICODE_RUNE);
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
      CompositeKey compositeKey, int pageSize, String bookmark) {
    String prefix = compositeKey.toString();
    return getStateByRangeWithPagination(prefix, prefix + MAX_UNICODE_RUNE, pageSize, bookmark);
  }

  @Override
  public CompositeKey createCompositeKey(String objectType, String... attributes) {
    return new CompositeKey(objectType, attributes);
  }

  @Override
  public CompositeKey splitCompositeKey(String compositeKey) {
    return CompositeKey.parseCompositeKey(compositeKey);
  }

  @Override
  public QueryResultsIterator<KeyValue> getQueryResult(String query) {
    throw new UnsupportedOperationException("rich queries need CouchDB, which is not used");
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
      String query, int pageSize, String bookmark) {
    throw new UnsupportedOperationException("rich queries need CouchDB, which is not used");
  }

  @Override
  public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
    historyQueries++;
    read("history", key);
    List<KeyModification> result = new ArrayList<>();
    for (Ledger.Modification m : ledger.history().getOrDefault(key, List.of())) {
      result.add(new Modification(m));
    }
    Collections.reverse(result);
    return new Results<>(result, null);
  }

  @Override
  public byte[] getPrivateData(String collection, String key) {
    read("private", collection + " " + key);
    byte[] value = ledger.privateValue(collection, key);
    return value == null ? new byte[0] : value.clone();
  }

  @Override
  public byte[] getPrivateDataHash(String collection, String key) {
    read("privateHash", collection + " " + key);
    TreeMap<String, byte[]> hashes = ledger.privateHashes().get(collection);
    byte[] hash = hashes == null ? null : hashes.get(key);
    return hash == null ? new byte[0] : hash.clone();
  }

  @Override
  public byte[] getPrivateDataValidationParameter(String collection, String key) {
    throw new UnsupportedOperationException("key-level endorsement is not used");
  }

  @Override
  public void putPrivateData(String collection, String key, byte[] value) {
    writes.add(new Ledger.Write(Ledger.Write.Kind.PUT_PRIVATE, collection, key, value.clone()));
  }

  @Override
  public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
    throw new UnsupportedOperationException("key-level endorsement is not used");
  }

  @Override
  public void delPrivateData(String collection, String key) {
    writes.add(new Ledger.Write(Ledger.Write.Kind.DELETE_PRIVATE, collection, key, null));
  }

  @Override
  public void purgePrivateData(String collection, String key) {
    writes.add(new Ledger.Write(Ledger.Write.Kind.PURGE_PRIVATE, collection, key, null));
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByRange(
      String collection, String startKey, String endKey) {
    throw new UnsupportedOperationException("private range queries are not used");
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, String compositeKey) {
    throw new UnsupportedOperationException("private range queries are not used");
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, CompositeKey compositeKey) {
    throw new UnsupportedOperationException("private range queries are not used");
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, String objectType, String... attributes) {
    throw new UnsupportedOperationException("private range queries are not used");
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
    throw new UnsupportedOperationException("rich queries need CouchDB, which is not used");
  }

  @Override
  public void setEvent(String name, byte[] payload) {
    events.add(
        ChaincodeEvent.newBuilder()
            .setEventName(name)
            .setPayload(ByteString.copyFrom(payload))
            .build());
  }

  @Override
  public ChaincodeEvent getEvent() {
    return events.isEmpty() ? null : events.get(events.size() - 1);
  }

  @Override
  public SignedProposal getSignedProposal() {
    return signedProposal;
  }

  @Override
  public Instant getTxTimestamp() {
    return timestamp;
  }

  @Override
  public byte[] getCreator() {
    return creator.clone();
  }

  @Override
  public Map<String, byte[]> getTransient() {
    return transientMap;
  }

  @Override
  public byte[] getBinding() {
    return new byte[0];
  }

  @Override
  public String getMspId() {
    if (peerMsp == null) {
      throw new IllegalStateException("CORE_PEER_LOCALMSPID is unset");
    }
    return peerMsp;
  }

  private static List<KeyValue> toKeyValues(NavigableMap<String, byte[]> range, int limit) {
    List<KeyValue> result = new ArrayList<>();
    for (Map.Entry<String, byte[]> entry : range.entrySet()) {
      if (result.size() == limit) {
        break;
      }
      result.add(new Kv(entry.getKey(), entry.getValue().clone()));
    }
    return result;
  }

  private record Kv(String key, byte[] value) implements KeyValue {
    @Override
    public String getKey() {
      return key;
    }

    @Override
    public byte[] getValue() {
      return value.clone();
    }

    @Override
    public String getStringValue() {
      return new String(value, StandardCharsets.UTF_8);
    }
  }

  private record Modification(Ledger.Modification m) implements KeyModification {
    @Override
    public String getTxId() {
      return m.txId();
    }

    @Override
    public byte[] getValue() {
      return m.value() == null ? new byte[0] : m.value().clone();
    }

    @Override
    public String getStringValue() {
      return new String(getValue(), StandardCharsets.UTF_8);
    }

    @Override
    public Instant getTimestamp() {
      return m.timestamp();
    }

    @Override
    public boolean isDeleted() {
      return m.deleted();
    }
  }

  private static final class Results<T>
      implements QueryResultsIterator<T>, QueryResultsIteratorWithMetadata<T> {
    private final List<T> items;
    private final QueryResponseMetadata metadata;

    Results(List<T> items, QueryResponseMetadata metadata) {
      this.items = items;
      this.metadata = metadata;
    }

    @Override
    public Iterator<T> iterator() {
      return items.iterator();
    }

    @Override
    public QueryResponseMetadata getMetadata() {
      return metadata;
    }

    @Override
    public void close() {}
  }
}
