package org.servicerecords.registry.chaincode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.AgencyChange;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.AgencyHistoryEntry;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ChangeApproval;
import org.servicerecords.registry.model.ConsortiumMembers;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.GovernanceChange;
import org.servicerecords.registry.model.GovernanceRules;
import org.servicerecords.registry.model.MembersApproval;
import org.servicerecords.registry.model.NamespaceAgency;
import org.servicerecords.registry.model.VerdictRules;

/**
 * The governance transactions. Writes validate their arguments and refuse any transient data before
 * anything else, then need {@code role=admin} of a member organisation of the consortium (for
 * {@code InitConsortium}: of an organisation of the proposed list, whose members are stored only
 * once every organisation of the list approved exactly that list). Each change records the caller
 * organisation's approval of exactly that change ({@link AgencyChange}) and applies it in the same
 * transaction once a majority of the members approved it, as Fabric's lifecycle does with chaincode
 * definitions: the namespace's MAJORITY endorsement policy alone does not make a change consensual,
 * since every honest peer endorses whatever any admin proposes. Reads ignore transient data:
 * records transactions call them with their own proposal, {@code details} included.
 */
final class GovernanceOps {

  private static final Set<String> ADMIN = Set.of(Caller.ADMIN);
  private static final String NAMESPACE = GovernanceReader.CHAINCODE;

  /** Event entry id of {@code InitConsortium}. */
  static final String MEMBERS_EVENT_ID = Keys.MEMBERS;

  /** Event action of {@code InitConsortium} when it stores the members. */
  static final String INITIALIZED = "INITIALIZED";

  /** Event action of {@code InitConsortium} when it only approves the member list. */
  static final String MEMBERS_APPROVED = "MEMBERS_APPROVED";

  /** The {@code action} of {@code InitConsortium}'s {@link GovernanceChange}. */
  static final String INIT_CONSORTIUM = "InitConsortium";

  /** Event action of a change approved but not yet applied. */
  static final String CHANGE_APPROVED = "CHANGE_APPROVED";

  private final Context ctx;
  private final ChaincodeStub stub;
  private final AgencyStore store;
  private final ConsortiumStore consortium;

  GovernanceOps(Context ctx) {
    this.ctx = ctx;
    this.stub = ctx.getStub();
    this.store = new AgencyStore(stub);
    this.consortium = new ConsortiumStore(stub);
  }

  /**
   * Records the caller organisation's approval of a member list and, once every organisation of the
   * list approved exactly that list, stores it as the consortium's members. Refuses, before any
   * write: a caller without {@code role=admin}, a caller or endorsing peer whose organisation is
   * not in the list ({@code NOT_AUTHORIZED}), members already set, and a second approval of the
   * same list by the same organisation ({@code ALREADY_EXISTS}).
   */
  String initConsortium(String membersJsonArray) {
    String[] parsed = Inputs.json("members", membersJsonArray, String[].class);
    List<String> members = Requests.members(Arrays.asList(parsed));
    DetailsInput.none(stub);
    Caller caller = Caller.of(ctx).requireRole(ADMIN);
    TimeTolerance.check(stub);
    String own = caller.msp();
    if (!members.contains(own)) {
      throw Refusal.notAuthorized("the caller's organisation " + own + " is not a member");
    }
    String peerMsp = peerMsp();
    if (!members.contains(peerMsp)) {
      throw Refusal.notAuthorized(
          "the endorsing peer's organisation " + peerMsp + " is not a member");
    }
    if (consortium.members() != null) {
      throw Refusal.of(
          ErrorCode.ALREADY_EXISTS,
          "the consortium's members are already initialised; changing them needs a new governance"
              + " definition");
    }
    String listId = Digests.sha256Hex(CanonicalJson.toBytes(members));
    if (consortium.membersApproved(listId, own)) {
      throw Refusal.of(
          ErrorCode.ALREADY_EXISTS,
          "organisation " + own + " already approved member list " + listId);
    }
    List<String> approvals = new ArrayList<>();
    for (String member : members) {
      if (member.equals(own) || consortium.membersApproved(listId, member)) {
        approvals.add(member);
      }
    }
    boolean applied = approvals.size() == members.size();

    String txId = stub.getTxId();
    String timestamp = TxTime.of(stub).toString();
    consortium.putMembersApproval(
        new MembersApproval(listId, members, caller.actor(), txId, timestamp));
    if (applied) {
      consortium.putMembers(new ConsortiumMembers(members, caller.actor(), txId, timestamp));
    }
    new EventLog()
        .add(MEMBERS_EVENT_ID, EventLog.KIND_CONSORTIUM, applied ? INITIALIZED : MEMBERS_APPROVED)
        .emit(stub, NAMESPACE);
    return CanonicalJson.toJson(
        new GovernanceChange(
            listId, INIT_CONSORTIUM, null, approvals, members.size(), applied, null));
  }

  String getMembers() {
    return CanonicalJson.toJson(consortium.requireMembers());
  }

  String getMembersApprovals(String listId) {
    Inputs.hash("listId", listId);
    return CanonicalJson.toJson(consortium.membersApprovals(listId));
  }

  String getChangeApprovals(String changeId) {
    Inputs.hash("changeId", changeId);
    return CanonicalJson.toJson(consortium.approvals(changeId));
  }

  String registerAgency(String requestJson) {
    AgencyRequest request =
        Requests.agency(Inputs.json("request", requestJson, AgencyRequest.class));
    DetailsInput.none(stub);
    Approver approver = approver();
    if (store.get(request.msp()) != null) {
      throw Refusal.of(ErrorCode.ALREADY_EXISTS, "agency " + request.msp() + " exists");
    }
    if (store.mspOfNamespace(request.namespace()) != null) {
      throw Refusal.of(
          ErrorCode.ALREADY_EXISTS, "namespace " + request.namespace() + " is already assigned");
    }
    AgencyChange change =
        new AgencyChange(AgencyChange.REGISTER, request.msp(), request, null, null, null);
    return decide(
        approver,
        change,
        () ->
            new AgencyEntry(
                request.msp(),
                request.displayName(),
                request.namespace(),
                request.documentTypes(),
                request.activeFrom(),
                request.activeUntil(),
                false,
                null,
                approver.caller().actor(),
                stub.getTxId(),
                TxTime.of(stub).toString()),
        "REGISTERED");
  }

  String setDocumentTypes(String msp, String typesJsonArray) {
    Inputs.msp("msp", msp);
    String[] parsed = Inputs.json("types", typesJsonArray, String[].class);
    List<String> types = Requests.documentTypes(msp, Arrays.asList(parsed));
    DetailsInput.none(stub);
    Approver approver = approver();
    AgencyEntry old = store.require(msp);
    AgencyChange change =
        new AgencyChange(AgencyChange.SET_DOCUMENT_TYPES, msp, null, types, null, old.txId());
    return decide(
        approver,
        change,
        () -> changed(old, types, old.suspended(), old.suspensionReason(), approver.caller()),
        "TYPES_CHANGED");
  }

  String suspendAgency(String msp, String reasonCode) {
    Inputs.require(GovernanceRules.suspension(msp, reasonCode));
    DetailsInput.none(stub);
    Approver approver = approver();
    AgencyEntry old = store.require(msp);
    if (old.suspended()) {
      throw Refusal.invalidState("agency " + msp + " is already suspended");
    }
    AgencyChange change =
        new AgencyChange(AgencyChange.SUSPEND, msp, null, null, reasonCode, old.txId());
    return decide(
        approver,
        change,
        () -> changed(old, old.documentTypes(), true, reasonCode, approver.caller()),
        "SUSPENDED");
  }

  String reinstateAgency(String msp) {
    Inputs.msp("msp", msp);
    DetailsInput.none(stub);
    Approver approver = approver();
    AgencyEntry old = store.require(msp);
    if (!old.suspended()) {
      throw Refusal.invalidState("agency " + msp + " is not suspended");
    }
    AgencyChange change =
        new AgencyChange(AgencyChange.REINSTATE, msp, null, null, null, old.txId());
    return decide(
        approver,
        change,
        () -> changed(old, old.documentTypes(), false, null, approver.caller()),
        "REINSTATED");
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

  String getNamespaceAgency(String namespace) {
    Inputs.namespace("namespace", namespace);
    String msp = store.mspOfNamespace(namespace);
    if (msp == null) {
      throw AgencyStore.notFound("no agency for namespace " + namespace);
    }
    return CanonicalJson.toJson(new NamespaceAgency(store.require(msp), store.versions(msp)));
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

  /** The caller of a change: an admin of a member organisation. */
  private record Approver(Caller caller, ConsortiumMembers members) {}

  /**
   * Refuses a caller without {@code role=admin} ({@code NOT_AUTHORIZED}), a transaction time beyond
   * {@link TimeTolerance} of the endorsing peer's clock, a consortium without members ({@code
   * INVALID_STATE}) and a caller whose organisation is not a member ({@code NOT_AUTHORIZED}).
   */
  private Approver approver() {
    Caller caller = Caller.of(ctx).requireRole(ADMIN);
    // Governance history answers "was the agency allowed at time X": a change's time must be
    // within the tolerance of every endorsing peer's clock, as for records writes.
    TimeTolerance.check(stub);
    ConsortiumMembers members = consortium.requireMembers();
    if (!members.members().contains(caller.msp())) {
      throw Refusal.notAuthorized(
          "the caller's organisation " + caller.msp() + " is not a member of the consortium");
    }
    return new Approver(caller, members);
  }

  /**
   * Records the caller organisation's approval of the change and, when approvals of a majority of
   * the members then exist, applies it. Every refusal comes before the first write: an organisation
   * that already approved the change is refused with {@code ALREADY_EXISTS}.
   */
  private String decide(
      Approver approver, AgencyChange change, Supplier<AgencyEntry> applied, String action) {
    String changeId = Digests.sha256Hex(CanonicalJson.toBytes(change));
    String own = approver.caller().msp();
    if (consortium.approved(changeId, own)) {
      throw Refusal.of(
          ErrorCode.ALREADY_EXISTS, "organisation " + own + " already approved change " + changeId);
    }
    List<String> approvals = new ArrayList<>();
    for (String member : approver.members().members()) {
      if (member.equals(own) || consortium.approved(changeId, member)) {
        approvals.add(member);
      }
    }
    int required = approver.members().required();
    AgencyEntry entry = approvals.size() >= required ? applied.get() : null;

    consortium.putApproval(
        new ChangeApproval(
            changeId,
            change,
            approver.caller().actor(),
            stub.getTxId(),
            TxTime.of(stub).toString()));
    if (entry != null) {
      store.put(entry);
      if (change.registration() != null) {
        store.putNamespace(entry.namespace(), entry.msp());
      }
    }
    new EventLog()
        .add(change.msp(), EventLog.KIND_AGENCY, entry != null ? action : CHANGE_APPROVED)
        .emit(stub, NAMESPACE);
    return CanonicalJson.toJson(
        new GovernanceChange(
            changeId, change.action(), change.msp(), approvals, required, entry != null, entry));
  }

  private String peerMsp() {
    try {
      return stub.getMspId();
    } catch (RuntimeException e) {
      throw Refusal.notAuthorized("the endorsing peer's MSP is unknown");
    }
  }

  private AgencyEntry changed(
      AgencyEntry old,
      List<String> documentTypes,
      boolean suspended,
      String suspensionReason,
      Caller caller) {
    Instant now = TxTime.of(stub);
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
}
