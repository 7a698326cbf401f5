package org.servicerecords.registry.client;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of every record of a batch, in the order given.
 *
 * @param outcomes one per record
 */
public record BatchReport(List<RecordOutcome> outcomes) {

  /** Copies the list. */
  public BatchReport {
    outcomes = List.copyOf(outcomes);
  }

  /**
   * Counts the outcomes per status.
   *
   * @return counts (statuses with none omitted)
   */
  public Map<RecordOutcome.Status, Integer> counts() {
    Map<RecordOutcome.Status, Integer> counts = new EnumMap<>(RecordOutcome.Status.class);
    for (RecordOutcome outcome : outcomes) {
      counts.merge(outcome.status(), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * Says whether every record is on the ledger as requested.
   *
   * @return true when all are anchored or were already anchored
   */
  public boolean complete() {
    return outcomes.stream().allMatch(o -> o.status().onLedger());
  }
}
