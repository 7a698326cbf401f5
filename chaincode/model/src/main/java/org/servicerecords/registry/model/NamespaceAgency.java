package org.servicerecords.registry.model;

import java.time.Instant;
import java.util.List;

/**
 * The agency owning a records namespace, with every version of its entry ({@code
 * governance:GetNamespaceAgency}): all a records namespace needs from governance to verify its
 * records, in one call. A records transaction calls governance at most once, since a second
 * chaincode-to-chaincode call into the same chaincode process within one transaction can be lost by
 * the Java shim (docs/contract.md, "Verdicts").
 *
 * @param agency the agency's current entry
 * @param history every version of the entry, newest first as Fabric returns it
 */
public record NamespaceAgency(AgencyEntry agency, List<AgencyHistoryEntry> history) {

  /**
   * Copies the history.
   *
   * @param agency the agency's current entry
   * @param history every version of the entry, newest first
   */
  public NamespaceAgency {
    history = history == null ? null : List.copyOf(history);
  }

  /**
   * The entry in force at an instant ({@link VerdictRules#agencyAt}).
   *
   * @param at the instant
   * @return the entry, or {@code null} if none was in force then
   */
  public AgencyEntry at(Instant at) {
    return VerdictRules.agencyAt(history == null ? List.of() : history, at);
  }
}
