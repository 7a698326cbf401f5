package org.servicerecords.registry.chaincode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.servicerecords.registry.chaincode.Operations.Tx;
import org.servicerecords.registry.testing.Network;

/**
 * Seeds and failure reports for the property tests. Each try is one seed: the seed drives a {@link
 * Gen}, which generates the transaction sequence, so a failure is reproduced by running its seed
 * again. The seeds are fixed (1 to the number of tries), so every build checks the same sequences;
 * system properties pick others:
 *
 * <ul>
 *   <li>{@code -Dregistry.property.seed=N} runs only seed N (and skips the success-share check,
 *       which is about the whole run);
 *   <li>{@code -Dregistry.property.firstSeed=N} runs the usual number of seeds from N on, to
 *       explore sequences the build does not check.
 * </ul>
 */
final class PropertyRuns {

  static final String SEED = "registry.property.seed";
  static final String FIRST_SEED = "registry.property.firstSeed";

  private PropertyRuns() {}

  /** The seeds of a property with this many tries, as the system properties select them. */
  static LongStream seeds(int tries) {
    String one = System.getProperty(SEED);
    if (one != null && !one.isBlank()) {
      return LongStream.of(Long.parseLong(one.trim()));
    }
    long first = Long.parseLong(System.getProperty(FIRST_SEED, "1").trim());
    return LongStream.range(first, first + tries);
  }

  /** Whether this run covers a whole range of seeds rather than one chosen seed. */
  static boolean wholeRun() {
    String one = System.getProperty(SEED);
    return one == null || one.isBlank();
  }

  /**
   * Runs one try's checks; if they fail, the error names the seed, how to rerun it, and the
   * generated sequence, followed by the original message.
   */
  static void reproducibly(Class<?> test, long seed, List<Tx> sequence, Runnable checks) {
    try {
      checks.run();
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(describe(test, seed, sequence) + "\n" + e.getMessage(), e);
    }
  }

  static String describe(Class<?> test, long seed, List<Tx> sequence) {
    StringBuilder text = new StringBuilder();
    text.append(test.getSimpleName())
        .append(" failed for seed ")
        .append(seed)
        .append(" (rerun: mvn -pl chaincode test -Dtest=")
        .append(test.getSimpleName())
        .append(" -D")
        .append(SEED)
        .append('=')
        .append(seed)
        .append(")\n")
        .append(sequence.size())
        .append(" generated transaction(s):\n");
    for (int i = 0; i < sequence.size(); i++) {
      text.append(String.format("  %2d: %s%n", i, sequence.get(i)));
    }
    return text.toString();
  }

  /** Outcome counts over all the tries of a property. */
  static final class Tally {

    private final String property;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private int sequences;
    private int transactions;

    Tally(String property) {
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
     * Prints the summary and, after a whole run, requires at least this share of the generated
     * transactions to have succeeded, so that the property is not checked on refusals alone.
     */
    synchronized void report(double minimumOkShare) {
      System.out.println(summary());
      if (wholeRun() && okShare() < minimumOkShare) {
        throw new AssertionError(
            String.format(
                "only %.1f%% of the generated transactions succeeded, fewer than the %.0f%%"
                    + " needed for the property to mean something: %s",
                100 * okShare(), 100 * minimumOkShare, summary()));
      }
    }
  }
}
