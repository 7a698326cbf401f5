package org.servicerecords.registry.chaincode;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.AgencyHistoryEntry;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.VerdictRules;

/**
 * The governance transactions. Writes validate their arguments and refuse any transient data before
 * anything else, then need {@code role=admin}; the namespace's MAJORITY endorsement policy is what
 * makes them consortium decisions. Reads ignore transient data: records transactions call them with
 * their own proposal, {@code details} included.
 */
final class GovernanceOps {

  private static final Set<String> ADMIN = Set.of(Caller.ADMIN);
  private static final String NAMESPACE = GovernanceReader.CHAINCODE;

  private final Context ctx;
  private final ChaincodeStub stub;
  private final AgencyStore store;

  GovernanceOps(Context ctx) {
    this.ctx = ctx;
    this.stub = ctx.getStub();
    this.store = new AgencyStore(stub);
  }

  String registerAgency(String requestJson) {
    AgencyRequest request =
        Requests.agency(Inputs.json("request", requestJson, AgencyRequest.class));
    DetailsInput.none(stub);
    Caller caller = Caller.of(ctx).requireRole(ADMIN);
    if (store.get(request.msp()) != null) {
      throw Refusal.of(ErrorCode.ALREADY_EXISTS, "agency " + request.msp() + " exists");
    }
    if (store.mspOfNamespace(request.namespace()) != null) {
      throw Refusal.of(
          ErrorCode.ALREADY_EXISTS, "namespace " + request.namespace() + " is already assigned");
    }
    AgencyEntry entry =
        new AgencyEntry(
            request.msp(),
            request.displayName(),
            request.namespace(),
            request.documentTypes(),
            request.activeFrom(),
            request.activeUntil(),
            false,
            null,
            caller.actor(),
            stub.getTxId(),
            TxTime.of(stub).toString());
    store.putNamespace(request.namespace(), request.msp());
    return emitted(entry, "REGISTERED");
  }

  String setDocumentTypes(String msp, String typesJsonArray) {
    Inputs.msp("msp", msp);
    String[] parsed = Inputs.json("types", typesJsonArray, String[].class);
    List<String> types = Requests.documentTypes("types", Arrays.asList(parsed));
    DetailsInput.none(stub);
    Caller caller = Caller.of(ctx).requireRole(ADMIN);
    AgencyEntry old = store.require(msp);
    return emitted(
        changed(old, types, old.suspended(), old.suspensionReason(), caller), "TYPES_CHANGED");
  }

  String suspendAgency(String msp, String reasonCode) {
    Inputs.msp("msp", msp);
    Inputs.code("reasonCode", reasonCode);
    DetailsInput.none(stub);
    Caller caller = Caller.of(ctx).requireRole(ADMIN);
    AgencyEntry old = store.require(msp);
    if (old.suspended()) {
      throw Refusal.invalidState("agency " + msp + " is already suspended");
    }
    return emitted(changed(old, old.documentTypes(), true, reasonCode, caller), "SUSPENDED");
  }

  String reinstateAgency(String msp) {
    Inputs.msp("msp", msp);
    DetailsInput.none(stub);
    Caller caller = Caller.of(ctx).requireRole(ADMIN);
    AgencyEntry old = store.require(msp);
    if (!old.suspended()) {
      throw Refusal.invalidState("agency " + msp + " is not suspended");
    }
    return emitted(changed(old, old.documentTypes(), false, null, caller), "REINSTATED");
  }

  String getAgency(String msp) {
    Inputs.msp("msp", msp);
    return CanonicalJson.toJson(store.require(msp));
  }

  String getAgencyByNamespace(String namespace) {
    Inputs.namespace("namespace", namespace);
    String msp = store.mspOfNamespace(namespace);
    if (msp == null) {
      throw AgencyStore.notFound("no agency for namespace " + namespace);
    }
    return CanonicalJson.toJson(store.require(msp));
  }

  String listAgencies() {
    return CanonicalJson.toJson(store.all());
  }

  String getAgencyAt(String msp, String instant) {
    Inputs.msp("msp", msp);
    Instant at = Inputs.instant("instant", instant);
    AgencyEntry entry = store.at(msp, at);
    if (entry == null) {
      throw AgencyStore.notFound("no agency " + msp + " at " + at);
    }
    return CanonicalJson.toJson(entry);
  }

  String getAgencyHistory(String msp) {
    Inputs.msp("msp", msp);
    List<AgencyHistoryEntry> history = store.history(msp);
    if (history.isEmpty()) {
      throw AgencyStore.notFound("no agency " + msp);
    }
    return CanonicalJson.toJson(history);
  }

  String isAuthorized(String msp, String documentType, String instant) {
    Inputs.msp("msp", msp);
    Inputs.code("documentType", documentType);
    Instant at = Inputs.instant("instant", instant);
    AgencyEntry entry = store.at(msp, at);
    boolean authorized =
        entry != null && VerdictRules.authorizedAt(entry, entry.namespace(), documentType, at);
    return CanonicalJson.toJson(authorized);
  }

  private AgencyEntry changed(
      AgencyEntry old,
      List<String> documentTypes,
      boolean suspended,
      String suspensionReason,
      Caller caller) {
    Instant now = TxTime.of(stub);
    TxTime.requireNotBefore(now, old.timestamp(), "agency " + old.msp());
    return new AgencyEntry(
        old.msp(),
        old.displayName(),
        old.namespace(),
        documentTypes,
        old.activeFrom(),
        old.activeUntil(),
        suspended,
        suspensionReason,
        caller.actor(),
        stub.getTxId(),
        now.toString());
  }

  private String emitted(AgencyEntry entry, String action) {
    store.put(entry);
    new EventLog().add(entry.msp(), EventLog.KIND_AGENCY, action).emit(stub, NAMESPACE);
    return CanonicalJson.toJson(entry);
  }
}
