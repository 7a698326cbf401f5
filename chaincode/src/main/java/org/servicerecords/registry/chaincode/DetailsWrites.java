package org.servicerecords.registry.chaincode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.DetailsRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.RequestRules;
import org.servicerecords.registry.model.TransientKeys;

/**
 * The submitted transactions of a record's personal details: {@code StoreDetails} (owner-only, the
 * one write that takes transient data) and {@code PurgeDetails}. Same order of checks as {@link
 * RecordWrites}; each ends with exactly one event.
 */
final class DetailsWrites {

  private final WriteSteps steps;
  private final ChaincodeStub stub;
  private final RecordStore store;

  DetailsWrites(Context ctx) {
    this.steps = new WriteSteps(ctx);
    this.stub = ctx.getStub();
    this.store = steps.store();
  }

  /**
   * Stores the personal details of records anchored earlier, in the issuing agency's implicit
   * collection: owner-only (the endorsing peer must be the caller's organisation's, and the write
   * touches that collection alone, so it is validated against the owner's own endorsement policy).
   * Each value must hash to the record's commitment. The only public key read is each record's
   * {@link DetailsCommitment}, which only a purge of that record changes, so a details transaction
   * endorsed here commits unless its owner purges the same record meanwhile. Storing again the same
   * details is harmless; details of a purged record are refused.
   */
  String storeDetails(String requestJson) {
    List<String> ids =
        Requests.detailsIds(Inputs.json("request", requestJson, DetailsRequest.class));
    Map<String, byte[]> transientMap = DetailsInput.transientMap(stub);
    Set<String> allowedKeys = new TreeSet<>();
    for (String id : ids) {
      allowedKeys.add(TransientKeys.batchDetails(id));
    }
    DetailsInput.onlyKeys(transientMap, allowedKeys);
    Map<String, byte[]> detailsById = new LinkedHashMap<>();
    for (String id : ids) {
      String key = TransientKeys.batchDetails(id);
      byte[] details = DetailsInput.read(transientMap, key);
      if (details == null) {
        throw Refusal.transientInvalid(key, "is required");
      }
      detailsById.put(id, details);
    }

    Caller caller = steps.issuer().requireOwnPeer();
    String namespace = ChaincodeName.of(stub);
    for (String id : ids) {
      DetailsCommitment commitment = store.commitment(id);
      if (commitment == null) {
        throw Refusal.of(
            ErrorCode.RECORD_NOT_FOUND,
            "no record '" + id + "' with a details commitment is committed in this namespace");
      }
      if (!caller.msp().equals(commitment.issuerMsp())) {
        throw Refusal.notAuthorized("only the issuing agency stores the details of '" + id + "'");
      }
      if (commitment.purged()) {
        throw Refusal.invalidState("the details of record '" + id + "' were purged");
      }
      if (!commitment.detailsHash().equals(Digests.sha256Hex(detailsById.get(id)))) {
        throw Refusal.transientInvalid(
            TransientKeys.batchDetails(id), "does not match the record's details commitment");
      }
    }

    EventLog events = new EventLog();
    for (String id : ids) {
      store.putDetails(caller.msp(), id, detailsById.get(id));
      events.add(id, RecordKind.CERTIFICATE.name(), "DETAILS_STORED");
    }
    events.emit(stub, namespace);
    return CanonicalJson.toJson(new DetailsRequest(ids));
  }

  String purgeDetails(String id) {
    Inputs.require(RequestRules.purge(id));
    WriteSteps.Owned owned = steps.owned(id);
    RegistryRecord record = owned.record();
    if (record.privateDetailsHash() == null) {
      throw Refusal.invalidState("record '" + id + "' has no private details");
    }
    if (record.detailsPurged()) {
      throw Refusal.invalidState("the details of record '" + id + "' are already purged");
    }
    store.purgeDetails(owned.caller().msp(), id);
    store.putCommitment(
        new DetailsCommitment(id, record.issuerMsp(), record.privateDetailsHash(), true));
    RegistryRecord purged =
        steps.changed(
            record,
            record.status(),
            record.supersededBy(),
            record.revocation(),
            true,
            owned.caller().actor(),
            owned.now());
    store.update(purged);
    steps.emit(new EventLog().add(id, record.kind().name(), "DETAILS_PURGED"));
    return CanonicalJson.toJson(purged);
  }
}
