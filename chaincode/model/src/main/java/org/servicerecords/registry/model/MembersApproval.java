package org.servicerecords.registry.model;

import java.util.List;

/**
 * One organisation's approval of a consortium member list, stored under {@code ("membersapproval",
 * listId, approverMsp)} in the governance namespace by {@code governance:InitConsortium} and listed
 * by {@code governance:GetMembersApprovals}. The list takes effect once every organisation it names
 * approved exactly that list.
 *
 * @param listId lowercase hex SHA-256 of the canonical JSON of {@code members} (a sorted JSON
 *     array)
 * @param members the member list approved, sorted
 * @param actor who approved it (an {@code admin} of an organisation of the list; {@code actor.msp}
 *     is the approving organisation)
 * @param txId the approving transaction
 * @param timestamp that transaction's timestamp (ISO-8601 instant, client-asserted)
 */
public record MembersApproval(
    String listId, List<String> members, Actor actor, String txId, String timestamp) {

  /** Copies the list so the value cannot change. */
  public MembersApproval {
    members = members == null ? null : List.copyOf(members);
  }
}
