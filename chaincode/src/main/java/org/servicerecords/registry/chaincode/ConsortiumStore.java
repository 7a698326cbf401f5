package org.servicerecords.registry.chaincode;

import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ChangeApproval;
import org.servicerecords.registry.model.ConsortiumMembers;
import org.servicerecords.registry.model.MembersApproval;

/**
 * The consortium in the governance namespace: {@code ("consortium", "members")} holds the member
 * organisations, {@code ("membersapproval", listId, approverMsp)} each organisation's approval of a
 * proposed member list, and {@code ("approval", changeId, approverMsp)} each member's approval of a
 * change. Submitted transactions read approvals only by point reads; the range reads of {@link
 * #approvals(String)} and {@link #membersApprovals(String)} serve the evaluated {@code
 * GetChangeApprovals} and {@code GetMembersApprovals}.
 */
final class ConsortiumStore {

  private final ChaincodeStub stub;

  ConsortiumStore(ChaincodeStub stub) {
    this.stub = stub;
  }

  /** The members, or {@code null} before {@code InitConsortium}. */
  ConsortiumMembers members() {
    return Queries.read(stub, Keys.consortium(stub), ConsortiumMembers.class);
  }

  /** The members; refuses with {@code INVALID_STATE} before {@code InitConsortium}. */
  ConsortiumMembers requireMembers() {
    ConsortiumMembers members = members();
    if (members == null) {
      throw Refusal.invalidState(
          "the consortium's members are not initialised (governance:InitConsortium)");
    }
    return members;
  }

  void putMembers(ConsortiumMembers members) {
    stub.putState(Keys.consortium(stub), CanonicalJson.toBytes(members));
  }

  /** Whether the organisation approved the member list (a point read). */
  boolean membersApproved(String listId, String approverMsp) {
    return Queries.state(stub, Keys.membersApproval(stub, listId, approverMsp)) != null;
  }

  void putMembersApproval(MembersApproval approval) {
    stub.putState(
        Keys.membersApproval(stub, approval.listId(), approval.actor().msp()),
        CanonicalJson.toBytes(approval));
  }

  /** Every approval of a member list, by approving MSP (a range read: evaluated queries only). */
  List<MembersApproval> membersApprovals(String listId) {
    List<MembersApproval> approvals = new ArrayList<>();
    try (QueryResultsIterator<KeyValue> results =
        stub.getStateByPartialCompositeKey(Keys.membersApprovalPrefix(stub, listId))) {
      for (KeyValue kv : results) {
        approvals.add(CanonicalJson.fromBytes(kv.getValue(), MembersApproval.class));
      }
    } catch (Exception e) {
      throw Queries.unchecked(e);
    }
    return approvals;
  }

  /** Whether the organisation approved the change (a point read). */
  boolean approved(String changeId, String approverMsp) {
    return Queries.state(stub, Keys.approval(stub, changeId, approverMsp)) != null;
  }

  void putApproval(ChangeApproval approval) {
    stub.putState(
        Keys.approval(stub, approval.changeId(), approval.actor().msp()),
        CanonicalJson.toBytes(approval));
  }

  /** Every approval of a change, by approving MSP (a range read: evaluated queries only). */
  List<ChangeApproval> approvals(String changeId) {
    List<ChangeApproval> approvals = new ArrayList<>();
    try (QueryResultsIterator<KeyValue> results =
        stub.getStateByPartialCompositeKey(Keys.approvalPrefix(stub, changeId))) {
      for (KeyValue kv : results) {
        approvals.add(CanonicalJson.fromBytes(kv.getValue(), ChangeApproval.class));
      }
    } catch (Exception e) {
      throw Queries.unchecked(e);
    }
    return approvals;
  }
}
