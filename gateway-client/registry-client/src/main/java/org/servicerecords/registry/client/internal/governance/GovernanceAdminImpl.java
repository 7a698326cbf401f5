package org.servicerecords.registry.client.internal.governance;

import java.time.Instant;
import java.util.List;
import org.servicerecords.registry.client.GovernanceAdmin;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.internal.submit.Ledger;
import org.servicerecords.registry.client.internal.submit.Submitter;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.AgencyHistoryEntry;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ChangeApproval;
import org.servicerecords.registry.model.ConsortiumMembers;
import org.servicerecords.registry.model.GovernanceChange;
import org.servicerecords.registry.model.MembersApproval;

/**
 * {@link GovernanceAdmin} over the Gateway: queries through {@link Ledger}, changes exactly once.
 */
public final class GovernanceAdminImpl implements GovernanceAdmin {

  private final Ledger ledger;
  private final Submitter submitter;

  public GovernanceAdminImpl(Ledger ledger, Submitter submitter) {
    this.ledger = ledger;
    this.submitter = submitter;
  }

  @Override
  public GovernanceChange initConsortium(List<String> members) throws RegistryException {
    return submit(GovernanceChange.class, "InitConsortium", CanonicalJson.toJson(members));
  }

  @Override
  public ConsortiumMembers members() throws RegistryException {
    return ledger.evaluate(ConsortiumMembers.class, chaincode(), "GetMembers");
  }

  @Override
  public AgencyEntry agency(String msp) throws RegistryException {
    return ledger.evaluate(AgencyEntry.class, chaincode(), "GetAgency", msp);
  }

  @Override
  public List<AgencyEntry> agencies() throws RegistryException {
    return List.of(ledger.evaluate(AgencyEntry[].class, chaincode(), "ListAgencies"));
  }

  @Override
  public AgencyEntry agencyAt(String msp, Instant at) throws RegistryException {
    return ledger.evaluate(AgencyEntry.class, chaincode(), "GetAgencyAt", msp, at.toString());
  }

  @Override
  public List<AgencyHistoryEntry> agencyHistory(String msp) throws RegistryException {
    return List.of(
        ledger.evaluate(AgencyHistoryEntry[].class, chaincode(), "GetAgencyHistory", msp));
  }

  @Override
  public GovernanceChange registerAgency(AgencyRequest request) throws RegistryException {
    return submit(GovernanceChange.class, "RegisterAgency", CanonicalJson.toJson(request));
  }

  @Override
  public GovernanceChange setDocumentTypes(String msp, List<String> documentTypes)
      throws RegistryException {
    return submit(
        GovernanceChange.class, "SetDocumentTypes", msp, CanonicalJson.toJson(documentTypes));
  }

  @Override
  public GovernanceChange suspendAgency(String msp, String reasonCode) throws RegistryException {
    return submit(GovernanceChange.class, "SuspendAgency", msp, reasonCode);
  }

  @Override
  public GovernanceChange reinstateAgency(String msp) throws RegistryException {
    return submit(GovernanceChange.class, "ReinstateAgency", msp);
  }

  @Override
  public List<ChangeApproval> approvals(String changeId) throws RegistryException {
    return List.of(
        ledger.evaluate(ChangeApproval[].class, chaincode(), "GetChangeApprovals", changeId));
  }

  @Override
  public List<MembersApproval> membersApprovals(String listId) throws RegistryException {
    return List.of(
        ledger.evaluate(MembersApproval[].class, chaincode(), "GetMembersApprovals", listId));
  }

  private String chaincode() {
    return ledger.connector().profile().governanceChaincode();
  }

  /** Endorses as the namespace's policy asks and submits exactly once. */
  private <T> T submit(Class<T> answer, String function, String... args) throws RegistryException {
    String chaincode = chaincode();
    return submitter.submit(
        submitter.endorseByPolicy(chaincode, function, args), answer, chaincode + " " + function);
  }
}
