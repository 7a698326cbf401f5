package org.servicerecords.registry.chaincode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.shim.ChaincodeStub;
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
    return Queries.read(stub, Keys.agency(stub, msp), AgencyEntry.class);
  }

  AgencyEntry require(String msp) {
    AgencyEntry entry = get(msp);
    if (entry == null) {
      throw notFound("no agency " + msp);
    }
    return entry;
  }

  String mspOfNamespace(String namespace) {
    return Queries.read(stub, Keys.agencyByNamespace(stub, namespace), String.class);
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
      throw Queries.unchecked(e);
    }
    return entries;
  }

  /** The entry's versions, newest first as Fabric returns them. */
  List<AgencyHistoryEntry> history(String msp) {
    return Queries.history(
        stub, Keys.agency(stub, msp), AgencyEntry.class, AgencyHistoryEntry::new);
  }

  /**
   * The version in force at an instant: the newest committed one whose timestamp is at or before it
   * ({@link VerdictRules#agencyAt}), or {@code null} if none.
   */
  AgencyEntry at(String msp, Instant at) {
    return VerdictRules.agencyAt(history(msp), at);
  }

  static RuntimeException notFound(String detail) {
    return Refusal.of(ErrorCode.AGENCY_NOT_FOUND, detail);
  }
}
