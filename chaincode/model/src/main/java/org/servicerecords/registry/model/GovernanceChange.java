package org.servicerecords.registry.model;

import java.util.List;

/**
 * The result of a governance change transaction ({@code RegisterAgency}, {@code SetDocumentTypes},
 * {@code SuspendAgency}, {@code ReinstateAgency}): the caller's organisation approved the change,
 * and the change was applied in the same transaction if approvals from a majority of the
 * consortium's members then existed. Also the result of {@code InitConsortium}: the caller's
 * organisation approved a member list, which was applied (stored as the consortium's members) if
 * every organisation of the list then had approved it.
 *
 * @param changeId lowercase hex SHA-256 of the canonical JSON of the {@link AgencyChange}; for
 *     {@code InitConsortium}, the list id: lowercase hex SHA-256 of the canonical JSON of the
 *     sorted member list
 * @param action the transaction name of the change ({@code InitConsortium} for a member list)
 * @param msp the agency the change concerns; {@code null} for {@code InitConsortium}
 * @param approvals MSP ids of the members that approved it (for {@code InitConsortium}: of the
 *     organisations of the list), this transaction's caller included, sorted
 * @param required approvals needed: a majority of the members, {@code floor(n/2)+1}; for {@code
 *     InitConsortium}, every organisation of the list (its size)
 * @param applied whether this transaction applied the change
 * @param agency the agency entry after the change when applied, else {@code null} (always {@code
 *     null} for {@code InitConsortium})
 */
public record GovernanceChange(
    String changeId,
    String action,
    String msp,
    List<String> approvals,
    int required,
    boolean applied,
    AgencyEntry agency) {

  /** Copies the list so the value cannot change. */
  public GovernanceChange {
    approvals = approvals == null ? null : List.copyOf(approvals);
  }
}
