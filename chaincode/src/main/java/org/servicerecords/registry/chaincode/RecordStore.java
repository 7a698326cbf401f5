package org.servicerecords.registry.chaincode;

import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.servicerecords.registry.model.ApplicationReceipt;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordPage;
import org.servicerecords.registry.model.RegistryRecord;

/** Records, their indexes, application receipts and private details in one records namespace. */
final class RecordStore {

  private final ChaincodeStub stub;

  RecordStore(ChaincodeStub stub) {
    this.stub = stub;
  }

  RegistryRecord get(String id) {
    return Queries.read(stub, Keys.record(stub, id), RegistryRecord.class);
  }

  RegistryRecord require(String id) {
    RegistryRecord record = get(id);
    if (record == null) {
      throw Refusal.recordNotFound(id);
    }
    return record;
  }

  /** The first of {@code ids} that has a record, or {@code null} if none has. */
  String firstExisting(List<String> ids) {
    List<byte[]> values =
        Queries.states(stub, ids.stream().map(id -> Keys.record(stub, id)).toList());
    for (int i = 0; i < ids.size(); i++) {
      if (values.get(i) != null) {
        return ids.get(i);
      }
    }
    return null;
  }

  /** Writes a new record and its index entries. */
  void create(RegistryRecord record) {
    update(record);
    String id = record.id();
    stub.putState(Keys.index(stub, Keys.BY_HASH, record.documentHash(), id), Keys.INDEX_VALUE);
    stub.putState(Keys.index(stub, Keys.BY_TYPE, record.documentType(), id), Keys.INDEX_VALUE);
    stub.putState(Keys.index(stub, Keys.BY_SUBJECT, record.subjectRef(), id), Keys.INDEX_VALUE);
    if (record.applicationId() != null) {
      stub.putState(
          Keys.index(stub, Keys.BY_APPLICATION, record.applicationId(), id), Keys.INDEX_VALUE);
    }
  }

  /** Writes a new version of a record whose indexed fields did not change. */
  void update(RegistryRecord record) {
    stub.putState(Keys.record(stub, record.id()), CanonicalJson.toBytes(record));
  }

  ApplicationReceipt application(String applicationId) {
    return Queries.read(stub, Keys.application(stub, applicationId), ApplicationReceipt.class);
  }

  boolean applicationExists(String applicationId) {
    return Queries.state(stub, Keys.application(stub, applicationId)) != null;
  }

  void putApplication(ApplicationReceipt receipt) {
    stub.putState(Keys.application(stub, receipt.applicationId()), CanonicalJson.toBytes(receipt));
  }

  /** The details commitment of a record, or {@code null} when it has none (yet). */
  DetailsCommitment commitment(String id) {
    return Queries.read(stub, Keys.detailsCommitment(stub, id), DetailsCommitment.class);
  }

  void putCommitment(DetailsCommitment commitment) {
    stub.putState(
        Keys.detailsCommitment(stub, commitment.recordId()), CanonicalJson.toBytes(commitment));
  }

  void putDetails(String ownerMsp, String id, byte[] value) {
    stub.putPrivateData(Keys.implicitCollection(ownerMsp), Keys.details(stub, id), value);
  }

  byte[] details(String ownerMsp, String id) {
    return stub.getPrivateData(Keys.implicitCollection(ownerMsp), Keys.details(stub, id));
  }

  void purgeDetails(String ownerMsp, String id) {
    stub.purgePrivateData(Keys.implicitCollection(ownerMsp), Keys.details(stub, id));
  }

  /** The record's versions, newest first as Fabric returns them. */
  List<RecordHistoryEntry> history(String id) {
    return Queries.history(
        stub, Keys.record(stub, id), RegistryRecord.class, RecordHistoryEntry::new);
  }

  /** Ids listed under one index value, at most {@code limit}, in key order. */
  List<String> idsIndexed(String index, String value, int limit) {
    List<String> ids = new ArrayList<>();
    try (QueryResultsIterator<KeyValue> results =
        stub.getStateByPartialCompositeKey(Keys.indexPrefix(stub, index, value))) {
      for (KeyValue kv : results) {
        if (ids.size() == limit) {
          break;
        }
        ids.add(Keys.lastAttribute(stub, kv.getKey()));
      }
    } catch (Exception e) {
      throw Queries.unchecked(e);
    }
    return ids;
  }

  /** One page of the records listed under one index value. */
  RecordPage page(String index, String value, int pageSize, String bookmark) {
    CompositeKey prefix = Keys.indexPrefix(stub, index, value);
    String checkedBookmark = Inputs.bookmark(bookmark, prefix.toString());
    List<RegistryRecord> records = new ArrayList<>();
    String next;
    try (QueryResultsIteratorWithMetadata<KeyValue> results =
        stub.getStateByPartialCompositeKeyWithPagination(prefix, pageSize, checkedBookmark)) {
      for (KeyValue kv : results) {
        RegistryRecord record = get(Keys.lastAttribute(stub, kv.getKey()));
        if (record != null) {
          records.add(record);
        }
      }
      next = results.getMetadata() == null ? "" : results.getMetadata().getBookmark();
    } catch (Exception e) {
      throw Queries.unchecked(e);
    }
    return new RecordPage(records, next == null ? "" : next, records.size());
  }
}
