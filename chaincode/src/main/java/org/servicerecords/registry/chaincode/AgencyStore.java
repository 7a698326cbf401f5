package org.servicerecords.registry.chaincode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.AgencyHistoryEntry;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.VerdictRules;

/**
 * The agency registry in the governance namespace: {@code ("agency", msp)} holds the entry and
 * {@code ("agency~ns", namespace)} the MSP owning that records namespace.
 */
final class AgencyStore {

  private final ChaincodeStub stub;

  AgencyStore(ChaincodeStub stub) {
    this.stub = stub;
  }

  AgencyEntry get(String msp) {
    byte[] value = stub.getState(Keys.agency(stub, msp));
    return value == null || value.length == 0
        ? null
        : CanonicalJson.fromBytes(value, AgencyEntry.class);
  }

  AgencyEntry require(String msp) {
    AgencyEntry entry = get(msp);
    if (entry == null) {
      throw notFound("no agency " + msp);
    }
    return entry;
  }

  String mspOfNamespace(String namespace) {
    byte[] value = stub.getState(Keys.agencyByNamespace(stub, namespace));
    return value == null || value.length == 0 ? null : CanonicalJson.fromBytes(value, String.class);
  }

  void put(AgencyEntry entry) {
    stub.putState(Keys.agency(stub, entry.msp()), CanonicalJson.toBytes(entry));
  }

  void putNamespace(String namespace, String msp) {
    stub.putState(
        Keys.agencyByNamespace(stub, namespace),
        CanonicalJson.toJson(msp).getBytes(StandardCharsets.UTF_8));
  }

  List<AgencyEntry> all() {
    List<AgencyEntry> entries = new ArrayList<>();
    try (QueryResultsIterator<KeyValue> results =
        stub.getStateByPartialCompositeKey(stub.createCompositeKey(Keys.AGENCY))) {
      for (KeyValue kv : results) {
        entries.add(CanonicalJson.fromBytes(kv.getValue(), AgencyEntry.class));
      }
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    return entries;
  }

  /** The entry's versions, newest first as Fabric returns them. */
  List<AgencyHistoryEntry> history(String msp) {
    List<AgencyHistoryEntry> entries = new ArrayList<>();
    try (QueryResultsIterator<KeyModification> results =
        stub.getHistoryForKey(Keys.agency(stub, msp))) {
      for (KeyModification m : results) {
        byte[] value = m.getValue();
        boolean deleted = m.isDeleted() || value == null || value.length == 0;
        entries.add(
            new AgencyHistoryEntry(
                m.getTxId(),
                m.getTimestamp().toString(),
                deleted,
                deleted ? null : CanonicalJson.fromBytes(value, AgencyEntry.class)));
      }
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    return entries;
  }

  /**
   * The version in force at an instant: the one with the latest timestamp at or before it (of equal
   * timestamps, the one written last), or {@code null} if none.
   */
  AgencyEntry at(String msp, Instant at) {
    AgencyEntry best = null;
    Instant bestAt = null;
    for (AgencyHistoryEntry entry : history(msp)) {
      Instant t = VerdictRules.parseInstant(entry.timestamp());
      if (!t.isAfter(at) && (bestAt == null || t.isAfter(bestAt))) {
        best = entry.deleted() ? null : entry.agency();
        bestAt = t;
      }
    }
    return best;
  }

  static RuntimeException notFound(String detail) {
    return Refusal.of(ErrorCode.AGENCY_NOT_FOUND, detail);
  }
}
