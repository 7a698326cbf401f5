package org.servicerecords.registry.chaincode;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The governance contract, served only in the {@code governance} namespace (its own package, with a
 * MAJORITY endorsement policy). Changes need approvals of a majority of the consortium's member
 * organisations, set by {@code InitConsortium} once every organisation of the list approved it;
 * each change transaction approves for the caller's organisation and applies the change once a
 * majority approved it. Transactions are called as {@code governance:<Name>}; docs/contract.md
 * describes each one.
 */
@Contract(
    name = "governance",
    info =
        @Info(
            title = "Service records registry: governance",
            description = "The consortium's registry of agencies and their authority",
            version = "0.1.0"))
public final class GovernanceContract extends ServedContract {

  /** Creates the contract; the shim instantiates it once per process. */
  public GovernanceContract() {
    super("governance", ServedRole.GOVERNANCE);
  }

  /**
   * Approves, for the caller's organisation, a list of the consortium's member organisations, whose
   * admins then approve governance changes; stores the list once the admins of every organisation
   * of the list approved exactly that list. Allowed until the members are set; the caller must be
   * an admin of one of them.
   *
   * @param ctx the transaction context
   * @param membersJsonArray JSON array of 1 to 32 distinct MSP ids
   * @return a {@code GovernanceChange} ({@code changeId} = the list id, {@code msp} null, {@code
   *     required} = the list's size, {@code applied} once every organisation approved)
   */
  @Transaction(name = "InitConsortium", intent = Transaction.TYPE.SUBMIT)
  public String initConsortium(Context ctx, String membersJsonArray) {
    return Guard.run(
        "InitConsortium", () -> new GovernanceOps(ctx).initConsortium(membersJsonArray));
  }

  /**
   * Approves, for the caller's organisation, registering an agency and assigning it a records
   * namespace; registers it once a majority of the members approved.
   *
   * @param ctx the transaction context
   * @param requestJson an {@code AgencyRequest}
   * @return a {@code GovernanceChange} ({@code agency} = the stored entry when applied)
   */
  @Transaction(name = "RegisterAgency", intent = Transaction.TYPE.SUBMIT)
  public String registerAgency(Context ctx, String requestJson) {
    return Guard.run("RegisterAgency", () -> new GovernanceOps(ctx).registerAgency(requestJson));
  }

  /**
   * Approves replacing the document types an agency may issue; replaces them once a majority of the
   * members approved.
   *
   * @param ctx the transaction context
   * @param msp the agency's MSP id
   * @param typesJsonArray JSON array of document type codes
   * @return a {@code GovernanceChange}
   */
  @Transaction(name = "SetDocumentTypes", intent = Transaction.TYPE.SUBMIT)
  public String setDocumentTypes(Context ctx, String msp, String typesJsonArray) {
    return Guard.run(
        "SetDocumentTypes", () -> new GovernanceOps(ctx).setDocumentTypes(msp, typesJsonArray));
  }

  /**
   * Approves suspending an agency; once a majority of the members approved, its anchoring is
   * refused until reinstated.
   *
   * @param ctx the transaction context
   * @param msp the agency's MSP id
   * @param reasonCode why, as a short code; stored in {@code AgencyEntry.suspensionReason} until
   *     reinstatement
   * @return a {@code GovernanceChange}
   */
  @Transaction(name = "SuspendAgency", intent = Transaction.TYPE.SUBMIT)
  public String suspendAgency(Context ctx, String msp, String reasonCode) {
    return Guard.run("SuspendAgency", () -> new GovernanceOps(ctx).suspendAgency(msp, reasonCode));
  }

  /**
   * Approves lifting an agency's suspension; lifts it once a majority of the members approved.
   *
   * @param ctx the transaction context
   * @param msp the agency's MSP id
   * @return a {@code GovernanceChange}
   */
  @Transaction(name = "ReinstateAgency", intent = Transaction.TYPE.SUBMIT)
  public String reinstateAgency(Context ctx, String msp) {
    return Guard.run("ReinstateAgency", () -> new GovernanceOps(ctx).reinstateAgency(msp));
  }

  /**
   * Reads the consortium's member organisations.
   *
   * @param ctx the transaction context
   * @return the {@code ConsortiumMembers}
   */
  @Transaction(name = "GetMembers", intent = Transaction.TYPE.EVALUATE)
  public String getMembers(Context ctx) {
    return Guard.run("GetMembers", () -> new GovernanceOps(ctx).getMembers());
  }

  /**
   * Lists the approvals of a proposed member list ({@code InitConsortium}), ordered by approving
   * MSP id.
   *
   * @param ctx the transaction context
   * @param listId the list's id (64 lowercase hex digits, the {@code changeId} answered by {@code
   *     InitConsortium})
   * @return a JSON array of {@code MembersApproval} (empty when none)
   */
  @Transaction(name = "GetMembersApprovals", intent = Transaction.TYPE.EVALUATE)
  public String getMembersApprovals(Context ctx, String listId) {
    return Guard.run(
        "GetMembersApprovals", () -> new GovernanceOps(ctx).getMembersApprovals(listId));
  }

  /**
   * Lists the approvals of a governance change, ordered by approving MSP id.
   *
   * @param ctx the transaction context
   * @param changeId the change's id (64 lowercase hex digits)
   * @return a JSON array of {@code ChangeApproval} (empty when none)
   */
  @Transaction(name = "GetChangeApprovals", intent = Transaction.TYPE.EVALUATE)
  public String getChangeApprovals(Context ctx, String changeId) {
    return Guard.run(
        "GetChangeApprovals", () -> new GovernanceOps(ctx).getChangeApprovals(changeId));
  }

  /**
   * Reads an agency.
   *
   * @param ctx the transaction context
   * @param msp the agency's MSP id
   * @return the {@code AgencyEntry}
   */
  @Transaction(name = "GetAgency", intent = Transaction.TYPE.EVALUATE)
  public String getAgency(Context ctx, String msp) {
    return Guard.run("GetAgency", () -> new GovernanceOps(ctx).getAgency(msp));
  }

  /**
   * Reads the agency owning a records namespace.
   *
   * @param ctx the transaction context
   * @param namespace the records chaincode name
   * @return the {@code AgencyEntry}
   */
  @Transaction(name = "GetAgencyByNamespace", intent = Transaction.TYPE.EVALUATE)
  public String getAgencyByNamespace(Context ctx, String namespace) {
    return Guard.run(
        "GetAgencyByNamespace", () -> new GovernanceOps(ctx).getAgencyByNamespace(namespace));
  }

  /**
   * Reads the agency owning a records namespace together with every version of its entry, newest
   * first: what a records namespace needs to verify its records, in the one governance call a
   * records transaction makes.
   *
   * @param ctx the transaction context
   * @param namespace the records chaincode name
   * @return the {@code NamespaceAgency}
   */
  @Transaction(name = "GetNamespaceAgency", intent = Transaction.TYPE.EVALUATE)
  public String getNamespaceAgency(Context ctx, String namespace) {
    return Guard.run(
        "GetNamespaceAgency", () -> new GovernanceOps(ctx).getNamespaceAgency(namespace));
  }

  /**
   * Lists every agency, ordered by MSP id.
   *
   * @param ctx the transaction context
   * @return a JSON array of {@code AgencyEntry}
   */
  @Transaction(name = "ListAgencies", intent = Transaction.TYPE.EVALUATE)
  public String listAgencies(Context ctx) {
    return Guard.run("ListAgencies", () -> new GovernanceOps(ctx).listAgencies());
  }

  /**
   * Reads an agency as it was at an instant, from history.
   *
   * @param ctx the transaction context
   * @param msp the agency's MSP id
   * @param instant ISO-8601 instant
   * @return the {@code AgencyEntry} in force then
   */
  @Transaction(name = "GetAgencyAt", intent = Transaction.TYPE.EVALUATE)
  public String getAgencyAt(Context ctx, String msp, String instant) {
    return Guard.run("GetAgencyAt", () -> new GovernanceOps(ctx).getAgencyAt(msp, instant));
  }

  /**
   * An agency's history, newest first as Fabric returns it.
   *
   * @param ctx the transaction context
   * @param msp the agency's MSP id
   * @return a JSON array of {@code AgencyHistoryEntry}
   */
  @Transaction(name = "GetAgencyHistory", intent = Transaction.TYPE.EVALUATE)
  public String getAgencyHistory(Context ctx, String msp) {
    return Guard.run("GetAgencyHistory", () -> new GovernanceOps(ctx).getAgencyHistory(msp));
  }

  /**
   * Whether an agency was authorised to issue a document type at an instant.
   *
   * @param ctx the transaction context
   * @param msp the agency's MSP id
   * @param documentType the document type
   * @param instant ISO-8601 instant
   * @return {@code true} or {@code false}
   */
  @Transaction(name = "IsAuthorized", intent = Transaction.TYPE.EVALUATE)
  public String isAuthorized(Context ctx, String msp, String documentType, String instant) {
    return Guard.run(
        "IsAuthorized", () -> new GovernanceOps(ctx).isAuthorized(msp, documentType, instant));
  }
}
