package org.servicerecords.registry.chaincode.shim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * A {@link ChaincodeStub} that hands every call to another stub; subclasses override the calls they
 * change. Only forwarding lives here, so a subclass shows nothing but its difference.
 */
public abstract class ForwardingChaincodeStub implements ChaincodeStub {

  private final ChaincodeStub delegate;

  /**
   * Forwards to {@code delegate}.
   *
   * @param delegate the stub every call goes to
   */
  protected ForwardingChaincodeStub(ChaincodeStub delegate) {
    this.delegate = delegate;
  }

  /**
   * The stub calls are forwarded to.
   *
   * @return the wrapped stub
   */
  protected final ChaincodeStub delegate() {
    return delegate;
  }

  @Override
  public List<byte[]> getArgs() {
    return delegate.getArgs();
  }

  @Override
  public List<String> getStringArgs() {
    return delegate.getStringArgs();
  }

  @Override
  public String getFunction() {
    return delegate.getFunction();
  }

  @Override
  public List<String> getParameters() {
    return delegate.getParameters();
  }

  @Override
  public String getTxId() {
    return delegate.getTxId();
  }

  @Override
  public String getChannelId() {
    return delegate.getChannelId();
  }

  @Override
  public Chaincode.Response invokeChaincode(
      String chaincodeName, List<byte[]> args, String channel) {
    return delegate.invokeChaincode(chaincodeName, args, channel);
  }

  @Override
  public byte[] getState(String key) {
    return delegate.getState(key);
  }

  @Override
  public byte[] getStateValidationParameter(String key) {
    return delegate.getStateValidationParameter(key);
  }

  @Override
  public void putState(String key, byte[] value) {
    delegate.putState(key, value);
  }

  @Override
  public void setStateValidationParameter(String key, byte[] value) {
    delegate.setStateValidationParameter(key, value);
  }

  @Override
  public void delState(String key) {
    delegate.delState(key);
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
    return delegate.getStateByRange(startKey, endKey);
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
      String startKey, String endKey, int pageSize, String bookmark) {
    return delegate.getStateByRangeWithPagination(startKey, endKey, pageSize, bookmark);
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
    return delegate.getStateByPartialCompositeKey(compositeKey);
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(
      String objectType, String... attributes) {
    return delegate.getStateByPartialCompositeKey(objectType, attributes);
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
    return delegate.getStateByPartialCompositeKey(compositeKey);
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
      CompositeKey compositeKey, int pageSize, String bookmark) {
    return delegate.getStateByPartialCompositeKeyWithPagination(compositeKey, pageSize, bookmark);
  }

  @Override
  public CompositeKey createCompositeKey(String objectType, String... attributes) {
    return delegate.createCompositeKey(objectType, attributes);
  }

  @Override
  public CompositeKey splitCompositeKey(String compositeKey) {
    return delegate.splitCompositeKey(compositeKey);
  }

  @Override
  public QueryResultsIterator<KeyValue> getQueryResult(String query) {
    return delegate.getQueryResult(query);
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
      String query, int pageSize, String bookmark) {
    return delegate.getQueryResultWithPagination(query, pageSize, bookmark);
  }

  @Override
  public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
    return delegate.getHistoryForKey(key);
  }

  @Override
  public byte[] getPrivateData(String collection, String key) {
    return delegate.getPrivateData(collection, key);
  }

  @Override
  public byte[] getPrivateDataHash(String collection, String key) {
    return delegate.getPrivateDataHash(collection, key);
  }

  @Override
  public byte[] getPrivateDataValidationParameter(String collection, String key) {
    return delegate.getPrivateDataValidationParameter(collection, key);
  }

  @Override
  public void putPrivateData(String collection, String key, byte[] value) {
    delegate.putPrivateData(collection, key, value);
  }

  @Override
  public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
    delegate.setPrivateDataValidationParameter(collection, key, value);
  }

  @Override
  public void delPrivateData(String collection, String key) {
    delegate.delPrivateData(collection, key);
  }

  @Override
  public void purgePrivateData(String collection, String key) {
    delegate.purgePrivateData(collection, key);
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByRange(
      String collection, String startKey, String endKey) {
    return delegate.getPrivateDataByRange(collection, startKey, endKey);
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, String compositeKey) {
    return delegate.getPrivateDataByPartialCompositeKey(collection, compositeKey);
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, CompositeKey compositeKey) {
    return delegate.getPrivateDataByPartialCompositeKey(collection, compositeKey);
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, String objectType, String... attributes) {
    return delegate.getPrivateDataByPartialCompositeKey(collection, objectType, attributes);
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
    return delegate.getPrivateDataQueryResult(collection, query);
  }

  @Override
  public void setEvent(String name, byte[] payload) {
    delegate.setEvent(name, payload);
  }

  @Override
  public ChaincodeEvent getEvent() {
    return delegate.getEvent();
  }

  @Override
  public SignedProposal getSignedProposal() {
    return delegate.getSignedProposal();
  }

  @Override
  public Instant getTxTimestamp() {
    return delegate.getTxTimestamp();
  }

  @Override
  public byte[] getCreator() {
    return delegate.getCreator();
  }

  @Override
  public Map<String, byte[]> getTransient() {
    return delegate.getTransient();
  }

  @Override
  public byte[] getBinding() {
    return delegate.getBinding();
  }

  @Override
  public String getMspId() {
    return delegate.getMspId();
  }
}
