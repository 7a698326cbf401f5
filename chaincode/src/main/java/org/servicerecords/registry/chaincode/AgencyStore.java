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
 * The agency registry in the governance namespace: {@code ("agency", msp)} holds the entry, {@code
 * ("agency~ns", namespace)} the MSP owning that records namespace, and {@code ("agency~versions",
 * msp)} every version of the entry, newest first, as Fabric's history of the entry's key lists them
 * (transaction id, transaction time, value).
 *
 * <p>The versions key is there for speed: every verdict needs the entry in force at the record's
 * anchoring, and Fabric's history query reads each version back from the peer's block files, so its
 * cost grew with every governance change (21 versions made each verification about twice as
 * expensive as one version). The versions key is one state read. It is written in the same
 * transaction as the entry, so both commit or neither; Fabric's own history stays the record an
 * auditor reads ({@code GetAgencyHistory}). An entry last changed before the key existed has none
 * yet: it is read from history then, and its next change writes the key from history.
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

  /** Writes a new version of the entry, and adds it to the entry's versions. */
  void put(AgencyEntry entry) {
    List<AgencyHistoryEntry> versions = new ArrayList<>();
    versions.add(new AgencyHistoryEntry(stub.getTxId(), TxTime.of(stub).toString(), false, entry));
    versions.addAll(versions(entry.msp()));
    stub.putState(Keys.agency(stub, entry.msp()), CanonicalJson.toBytes(entry));
    stub.putState(Keys.agencyVersions(stub, entry.msp()), CanonicalJson.toBytes(versions));
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

  /** The entry's versions from Fabric's history of its key, newest first as Fabric returns them. */
  List<AgencyHistoryEntry> history(String msp) {
    return Queries.history(
        stub, Keys.agency(stub, msp), AgencyEntry.class, AgencyHistoryEntry::new);
  }

  /**
   * The entry's versions, newest first, from its versions key; from {@link #history} when it has
   * none yet. Both list the same versions.
   */
  List<AgencyHistoryEntry> versions(String msp) {
    byte[] kept = Queries.state(stub, Keys.agencyVersions(stub, msp));
    return kept == null
        ? history(msp)
        : List.of(CanonicalJson.fromBytes(kept, AgencyHistoryEntry[].class));
  }

  /**
   * The version in force at an instant: the newest committed one whose timestamp is at or before it
   * ({@link VerdictRules#agencyAt}), or {@code null} if none.
   */
  AgencyEntry at(String msp, Instant at) {
    return VerdictRules.agencyAt(versions(msp), at);
  }

  static RuntimeException notFound(String detail) {
    return Refusal.of(ErrorCode.AGENCY_NOT_FOUND, detail);
  }
}
