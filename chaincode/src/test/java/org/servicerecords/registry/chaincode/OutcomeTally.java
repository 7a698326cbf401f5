package org.servicerecords.registry.chaincode;

import java.util.Map;
import java.util.TreeMap;
import org.servicerecords.registry.testing.Network;

/**
 * Outcome counts over all the tries of a property (shrinking included), so that a property can
 * require that enough generated transactions succeeded to mean something.
 */
final class OutcomeTally {

  private final String property;
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private int sequences;
  private int transactions;

  OutcomeTally(String property) {
    this.property = property;
  }

  synchronized void sequence() {
    sequences++;
  }

  /** Counts a result as {@code ok} or under its error code. */
  synchronized void count(Network.Result result) {
    transactions++;
    outcomes.merge(result.ok() ? "ok" : String.valueOf(Outcomes.code(result)), 1, Integer::sum);
  }

  /** The share of counted transactions that succeeded. */
  synchronized double okShare() {
    return transactions == 0 ? 0 : outcomes.getOrDefault("ok", 0) / (double) transactions;
  }

  /** One line: sequences, transactions and each outcome's share. */
  synchronized String summary() {
    StringBuilder text = new StringBuilder();
    text.append(property)
        .append(": ")
        .append(sequences)
        .append(" sequences, ")
        .append(transactions)
        .append(" transactions;");
    outcomes.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(
            e ->
                text.append(' ')
                    .append(e.getKey())
                    .append(' ')
                    .append(Math.round(100.0 * e.getValue() / transactions))
                    .append('%'));
    return text.toString();
  }

  /**
   * Prints the summary and requires at least this share of the generated transactions to have
   * succeeded, so that the property is not checked on refusals alone.
   */
  synchronized void report(double minimumOkShare) {
    System.out.println(summary());
    if (okShare() < minimumOkShare) {
      throw new AssertionError(
          String.format(
              "only %.1f%% of the generated transactions succeeded, fewer than the %.0f%%"
                  + " needed for the property to mean something: %s",
              100 * okShare(), 100 * minimumOkShare, summary()));
    }
  }
}
