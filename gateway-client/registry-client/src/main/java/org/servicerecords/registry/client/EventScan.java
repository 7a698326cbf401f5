package org.servicerecords.registry.client;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Auditor#scanEvents} found in a range of blocks: per transaction of the namespace that
 * carries an event (or writes another organisation's implicit collection) whether it is accepted,
 * and the counts.
 *
 * @param namespace the namespace scanned
 * @param rule who must have endorsed an event for it to count, in words (for example {@code "a peer
 *     of JusticeMSP"})
 * @param fromBlock the first block read
 * @param toBlock the last block read
 * @param transactions the transactions judged, in ledger order
 * @param accepted how many were accepted
 * @param ignored how many were not
 * @param ignoredByReason how many were not, per reason (only reasons that occurred)
 */
public record EventScan(
    String namespace,
    String rule,
    long fromBlock,
    long toBlock,
    List<ScannedTransaction> transactions,
    long accepted,
    long ignored,
    Map<IgnoredEvent.Reason, Long> ignoredByReason) {

  /** Checks the fields and copies the collections. */
  public EventScan {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(rule, "rule");
    transactions = List.copyOf(Objects.requireNonNull(transactions, "transactions"));
    ignoredByReason =
        Collections.unmodifiableMap(
            ignoredByReason.isEmpty()
                ? new EnumMap<>(IgnoredEvent.Reason.class)
                : new EnumMap<>(ignoredByReason));
  }

  /**
   * Builds a scan's result, counting the transactions.
   *
   * @param namespace the namespace
   * @param rule the endorsement rule in words
   * @param fromBlock the first block read
   * @param toBlock the last block read
   * @param transactions the transactions judged
   * @return the result
   */
  public static EventScan of(
      String namespace,
      String rule,
      long fromBlock,
      long toBlock,
      List<ScannedTransaction> transactions) {
    Map<IgnoredEvent.Reason, Long> byReason = new EnumMap<>(IgnoredEvent.Reason.class);
    long accepted = 0;
    for (ScannedTransaction tx : transactions) {
      if (tx.accepted()) {
        accepted++;
      } else {
        byReason.merge(tx.reason(), 1L, Long::sum);
      }
    }
    return new EventScan(
        namespace,
        rule,
        fromBlock,
        toBlock,
        transactions,
        accepted,
        transactions.size() - accepted,
        byReason);
  }

  /**
   * Says whether any transaction was not accepted.
   *
   * @return true when at least one event was ignored or a foreign implicit collection was written
   */
  public boolean anyIgnored() {
    return ignored > 0;
  }
}
