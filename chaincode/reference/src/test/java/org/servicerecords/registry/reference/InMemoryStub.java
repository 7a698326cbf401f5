package org.servicerecords.registry.reference;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The parts of a peer's {@link ChaincodeStub} the reference contract uses, in memory, for one
 * transaction: committed state that {@link #getState} reads (like a peer, a transaction does not
 * see its own writes), a write set that {@link #putState} fills, and a fixed creator, which the
 * shim's {@code Context} parses into a client identity. Every other method throws, so a test fails
 * if the contract ever touches anything else.
 */
final class InMemoryStub implements ChaincodeStub {

  /** A self-signed certificate valid until 2126; the shim only parses it. */
  private static final String CERTIFICATE =
      """
      -----BEGIN CERTIFICATE-----
      MIIBqDCCAU2gAwIBAgIUW32hCO5GuOKdZc5ruVpwL6nclrQwCgYIKoZIzj0EAwIw
      KDENMAsGA1UECgwET3JnMTEXMBUGA1UEAwwOcmVmZXJlbmNlLXRlc3QwIBcNMjYx
      MjA2MDI0NjEyWhgPMjEyNjExMTIwMjQ2MTJaMCgxDTALBgNVBAoMBE9yZzExFzAV
      BgNVBAMMDnJlZmVyZW5jZS10ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
      iRHm8fFDGE7oiorF4ObiDx9ClritYuC3hHGY+QGUMTV8JdKC1MR3AmRB+4fNN9S1
      mHuijSd2T1MNzFp9UmReUaNTMFEwHQYDVR0OBBYEFPcbRRWE65t+wKe1nZn+3CtX
      vL9rMB8GA1UdIwQYMBaAFPcbRRWE65t+wKe1nZn+3CtXvL9rMA8GA1UdEwEB/wQF
      MAMBAf8wCgYIKoZIzj0EAwIDSQAwRgIhAKSKtP7U2JLGH1a7wYjV5kM13avXFR81
      /Dr19a5AfwxxAiEA3IQZlvdH1N8elJLJU5qiiCXZMlb56D3PBQ5ijY2zNnY=
      -----END CERTIFICATE-----
      """;

  private static final byte[] CREATOR =
      SerializedIdentity.newBuilder()
          .setMspid("Org1MSP")
          .setIdBytes(ByteString.copyFromUtf8(CERTIFICATE))
          .build()
          .toByteArray();

  private final Map<String, byte[]> committed = new TreeMap<>();
  private final Map<String, byte[]> writes = new LinkedHashMap<>();
  private final List<String> reads = new ArrayList<>();

  /** Sets a committed value, as an earlier transaction would have. */
  InMemoryStub committed(String key, String value) {
    committed.put(key, value.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** The transaction's writes as UTF-8 text, in the order made; a later write to a key replaces. */
  Map<String, String> writes() {
    Map<String, String> text = new LinkedHashMap<>();
    writes.forEach((k, v) -> text.put(k, new String(v, StandardCharsets.UTF_8)));
    return text;
  }

  /** The keys the transaction read, in order. */
  List<String> reads() {
    return List.copyOf(reads);
  }

  @Override
  public byte[] getState(String key) {
    reads.add(key);
    byte[] value = committed.get(key);
    // The shim returns the peer's empty ByteString, never null, for a key without value.
    return value == null ? new byte[0] : value.clone();
  }

  @Override
  public void putState(String key, byte[] value) {
    writes.put(key, value.clone());
  }

  @Override
  public byte[] getCreator() {
    return CREATOR.clone();
  }

  private static UnsupportedOperationException unused() {
    return new UnsupportedOperationException("the reference contract does not use this");
  }

  @Override
  public List<byte[]> getArgs() {
    throw unused();
  }

  @Override
  public List<String> getStringArgs() {
    throw unused();
  }

  @Override
  public String getFunction() {
    throw unused();
  }

  @Override
  public List<String> getParameters() {
    throw unused();
  }

  @Override
  public String getTxId() {
    throw unused();
  }

  @Override
  public String getChannelId() {
    throw unused();
  }

  @Override
  public Chaincode.Response invokeChaincode(
      String chaincodeName, List<byte[]> args, String channel) {
    throw unused();
  }

  @Override
  public byte[] getStateValidationParameter(String key) {
    throw unused();
  }

  @Override
  public void setStateValidationParameter(String key, byte[] value) {
    throw unused();
  }

  @Override
  public void delState(String key) {
    throw unused();
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
    throw unused();
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
      String startKey, String endKey, int pageSize, String bookmark) {
    throw unused();
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
    throw unused();
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(
      String objectType, String... attributes) {
    throw unused();
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
    throw unused();
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
      CompositeKey compositeKey, int pageSize, String bookmark) {
    throw unused();
  }

  @Override
  public CompositeKey createCompositeKey(String objectType, String... attributes) {
    throw unused();
  }

  @Override
  public CompositeKey splitCompositeKey(String compositeKey) {
    throw unused();
  }

  @Override
  public QueryResultsIterator<KeyValue> getQueryResult(String query) {
    throw unused();
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
      String query, int pageSize, String bookmark) {
    throw unused();
  }

  @Override
  public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
    throw unused();
  }

  @Override
  public byte[] getPrivateData(String collection, String key) {
    throw unused();
  }

  @Override
  public byte[] getPrivateDataHash(String collection, String key) {
    throw unused();
  }

  @Override
  public byte[] getPrivateDataValidationParameter(String collection, String key) {
    throw unused();
  }

  @Override
  public void putPrivateData(String collection, String key, byte[] value) {
    throw unused();
  }

  @Override
  public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
    throw unused();
  }

  @Override
  public void delPrivateData(String collection, String key) {
    throw unused();
  }

  @Override
  public void purgePrivateData(String collection, String key) {
    throw unused();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByRange(
      String collection, String startKey, String endKey) {
    throw unused();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, String compositeKey) {
    throw unused();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, CompositeKey compositeKey) {
    throw unused();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, String objectType, String... attributes) {
    throw unused();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
    throw unused();
  }

  @Override
  public void setEvent(String name, byte[] payload) {
    throw unused();
  }

  @Override
  public ChaincodeEvent getEvent() {
    throw unused();
  }

  @Override
  public SignedProposal getSignedProposal() {
    throw unused();
  }

  @Override
  public Instant getTxTimestamp() {
    throw unused();
  }

  @Override
  public Map<String, byte[]> getTransient() {
    throw unused();
  }

  @Override
  public byte[] getBinding() {
    throw unused();
  }

  @Override
  public String getMspId() {
    throw unused();
  }
}
