package org.servicerecords.registry.client;

import java.time.Instant;
import java.util.List;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.AgencyHistoryEntry;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.ChangeApproval;
import org.servicerecords.registry.model.ConsortiumMembers;
import org.servicerecords.registry.model.GovernanceChange;
import org.servicerecords.registry.model.MembersApproval;

/**
 * What an organisation's administrator ({@code role=admin}) does in the {@code governance}
 * namespace. A change is approved on behalf of the caller's organisation and applied once a
 * majority of the consortium's members approved exactly that change (docs/contract.md,
 * "Governance"); each call returns where the change stands. Transactions are endorsed as the
 * namespace's policy asks (a majority of the organisations), not by the caller's organisation
 * alone.
 */
public interface GovernanceAdmin {

  /**
   * Approves, for the caller's organisation, a list of the consortium's members. The list is
   * applied (stored as the members, once, before any agency is registered) when the admins of every
   * organisation it names have approved exactly that list, whatever its order: the admin of each
   * member makes this call with the same list.
   *
   * @param members the member organisations' MSP ids, the caller's among them
   * @return where the list stands: {@code changeId} is the list's id, {@code msp} is {@code null},
   *     {@code required} is the list's size, {@code applied} is true for the call that completed
   *     the approvals
   * @throws RegistryException {@code ALREADY_EXISTS} when the members are already set or this
   *     organisation already approved this list, {@code NOT_AUTHORIZED}, ...
   */
  GovernanceChange initConsortium(List<String> members) throws RegistryException;

  /**
   * Reads the consortium's members.
   *
   * @return the members and the majority a change needs
   * @throws RegistryException {@code INVALID_STATE} before {@link #initConsortium}
   */
  ConsortiumMembers members() throws RegistryException;

  /**
   * Reads an agency's current entry ({@code governance:GetAgency}). A read: any identity may call
   * it.
   *
   * @param msp the agency's MSP id
   * @return the entry
   * @throws RegistryException {@link NotFoundException} ({@code AGENCY_NOT_FOUND}) when there is no
   *     such agency
   */
  AgencyEntry agency(String msp) throws RegistryException;

  /**
   * Lists every agency, by MSP id ({@code governance:ListAgencies}), read now rather than from the
   * snapshot a {@link RegistryClient} keeps. A read: any identity may call it.
   *
   * @return the agencies
   * @throws RegistryException if governance cannot be read
   */
  List<AgencyEntry> agencies() throws RegistryException;

  /**
   * Reads an agency's entry as in force at an instant ({@code governance:GetAgencyAt}): the newest
   * committed version whose (client-asserted) timestamp is at or before it. A read: any identity
   * may call it.
   *
   * @param msp the agency's MSP id
   * @param at the instant
   * @return the entry in force then
   * @throws RegistryException {@link NotFoundException} ({@code AGENCY_NOT_FOUND}) when the agency
   *     had no entry then
   */
  AgencyEntry agencyAt(String msp, Instant at) throws RegistryException;

  /**
   * Reads every version of an agency's entry, newest first ({@code governance:GetAgencyHistory}). A
   * read: any identity may call it.
   *
   * @param msp the agency's MSP id
   * @return the versions
   * @throws RegistryException {@link NotFoundException} ({@code AGENCY_NOT_FOUND}) when there is no
   *     such agency
   */
  List<AgencyHistoryEntry> agencyHistory(String msp) throws RegistryException;

  /**
   * Approves registering an agency.
   *
   * @param request the agency's MSP id, name, records namespace, document types, active period
   * @return where the change stands
   * @throws RegistryException {@code ALREADY_EXISTS} (agency, namespace, or this organisation's
   *     approval), {@code NOT_AUTHORIZED}, {@code INVALID_ARGUMENT}, ...
   */
  GovernanceChange registerAgency(AgencyRequest request) throws RegistryException;

  /**
   * Approves replacing an agency's document types.
   *
   * @param msp the agency
   * @param documentTypes the types it may issue from then on
   * @return where the change stands
   * @throws RegistryException {@code AGENCY_NOT_FOUND}, {@code ALREADY_EXISTS}, ...
   */
  GovernanceChange setDocumentTypes(String msp, List<String> documentTypes)
      throws RegistryException;

  /**
   * Approves suspending an agency.
   *
   * @param msp the agency
   * @param reasonCode why (a code, kept in the entry until reinstatement)
   * @return where the change stands
   * @throws RegistryException {@code INVALID_STATE} when already suspended, ...
   */
  GovernanceChange suspendAgency(String msp, String reasonCode) throws RegistryException;

  /**
   * Approves reinstating a suspended agency.
   *
   * @param msp the agency
   * @return where the change stands
   * @throws RegistryException {@code INVALID_STATE} when not suspended, ...
   */
  GovernanceChange reinstateAgency(String msp) throws RegistryException;

  /**
   * Lists the approvals of a change.
   *
   * @param changeId the change's id (64 lowercase hex digits, from {@link GovernanceChange})
   * @return the approvals, by organisation
   * @throws RegistryException {@code INVALID_ARGUMENT} for a malformed id
   */
  List<ChangeApproval> approvals(String changeId) throws RegistryException;

  /**
   * Lists the approvals of a proposed member list.
   *
   * @param listId the list's id (64 lowercase hex digits, the {@code changeId} answered by {@link
   *     #initConsortium})
   * @return the approvals, by organisation
   * @throws RegistryException {@code INVALID_ARGUMENT} for a malformed id
   */
  List<MembersApproval> membersApprovals(String listId) throws RegistryException;
}
