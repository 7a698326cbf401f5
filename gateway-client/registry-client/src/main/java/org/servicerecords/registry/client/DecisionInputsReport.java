package org.servicerecords.registry.client;

import java.util.List;
import java.util.Objects;
import org.servicerecords.registry.model.RecordRef;
import org.servicerecords.registry.model.Verdict;
import org.servicerecords.registry.model.Verification;

/**
 * The records a decision relied on ({@code Decision.inputRecords}), each checked in its own
 * namespace at the decision's {@code decidedAt}. The contract stores these references as given (a
 * records namespace never calls another), so this check, made when read, is the only one.
 *
 * @param namespace the records namespace holding the decision
 * @param decisionId the decision record's id
 * @param decidedAt the decision's {@code decidedAt} (ISO-8601, as asserted by the deciding agency)
 * @param inputs one entry per stored reference, in the decision's order (a reference listed twice
 *     appears twice)
 * @param allValidWhenDecided whether every input was valid when the decision was taken ({@link
 *     Input#validWhenDecided()}); {@code true} for a decision citing no record
 */
public record DecisionInputsReport(
    String namespace,
    String decisionId,
    String decidedAt,
    List<Input> inputs,
    boolean allValidWhenDecided) {

  /** Copies the inputs. */
  public DecisionInputsReport {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(decidedAt, "decidedAt");
    inputs = List.copyOf(inputs);
  }

  /**
   * Builds a report, computing the overall flag.
   *
   * @param namespace the decision's namespace
   * @param decisionId the decision's id
   * @param decidedAt the decision's {@code decidedAt}
   * @param inputs the checked references, in the decision's order
   * @return the report
   */
  public static DecisionInputsReport of(
      String namespace, String decisionId, String decidedAt, List<Input> inputs) {
    boolean all = inputs.stream().allMatch(Input::validWhenDecided);
    return new DecisionInputsReport(namespace, decisionId, decidedAt, inputs, all);
  }

  /**
   * Counts the inputs that were valid when decided.
   *
   * @return the count
   */
  public int validCount() {
    return (int) inputs.stream().filter(Input::validWhenDecided).count();
  }

  /**
   * One reference of a decision and its verdict at the decision's instant.
   *
   * @param ref the reference as stored in the decision
   * @param verdict {@code records:VerifyRecord(ref.id, decidedAt)} in {@code ref.namespace}; {@link
   *     Verdict#UNKNOWN} also when no agency owns the namespace (nothing is asked then) or the
   *     namespace refused the query
   * @param anchoredAfterDecision whether the record's anchoring (as asserted by its issuer) is
   *     later than {@code decidedAt}: the contract then judges the anchored version, so the verdict
   *     may be VALID for a record that was not on the ledger when the decision was taken
   * @param validWhenDecided {@code verdict == VALID && !anchoredAfterDecision}
   * @param reason why the input was not valid when decided, or {@code null} when it was
   * @param verification the contract's full answer, or {@code null} when nothing was asked
   */
  public record Input(
      RecordRef ref,
      Verdict verdict,
      boolean anchoredAfterDecision,
      boolean validWhenDecided,
      String reason,
      Verification verification) {

    /** Checks the required parts. */
    public Input {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(verdict, "verdict");
    }
  }
}
