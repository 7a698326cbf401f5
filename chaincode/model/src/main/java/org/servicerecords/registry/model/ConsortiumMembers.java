package org.servicerecords.registry.model;

import java.util.List;

/**
 * The organisations whose admins approve governance changes, set once by {@code
 * governance:InitConsortium} when the admins of every organisation of the list approved exactly
 * that list, and read by {@code governance:GetMembers}. A change is applied once a majority of them
 * ({@code floor(n/2)+1}) approved it. The list is never changed by a transaction: changing it needs
 * a new governance definition.
 *
 * @param members MSP ids of the member organisations, sorted, 1 to 32, no duplicates
 * @param actor whose approval completed the list (the last organisation of the list to approve)
 * @param txId the transaction that completed the approvals and stored the list
 * @param timestamp that transaction's timestamp (ISO-8601 instant, client-asserted)
 */
public record ConsortiumMembers(List<String> members, Actor actor, String txId, String timestamp) {

  /** Most members of a consortium. */
  public static final int MAX_MEMBERS = 32;

  /** Copies the list so the value cannot change. */
  public ConsortiumMembers {
    members = members == null ? null : List.copyOf(members);
  }

  /**
   * Approvals a change needs: a majority of the members, as Fabric's {@code MAJORITY} policy.
   *
   * @return {@code floor(members/2)+1}
   */
  public int required() {
    return members.size() / 2 + 1;
  }
}
