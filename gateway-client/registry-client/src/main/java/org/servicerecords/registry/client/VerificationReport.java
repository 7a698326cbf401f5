package org.servicerecords.registry.client;

import java.util.List;
import java.util.Objects;
import org.servicerecords.registry.model.Verdict;
import org.servicerecords.registry.model.Verification;

/**
 * The answer about a document: its hash, the instant asked about, every matching record (one per
 * namespace and record), and the overall verdict.
 *
 * @param documentHash the document's SHA-256
 * @param at the instant the verdicts are for (ISO-8601), or {@code null} for "now" as the peers saw
 *     it
 * @param verdict the overall verdict ({@link #overall(List)})
 * @param matches every record found; empty when {@link Verdict#UNKNOWN}
 */
public record VerificationReport(
    String documentHash, String at, Verdict verdict, List<Verification> matches) {

  /** Copies the matches. */
  public VerificationReport {
    Objects.requireNonNull(documentHash, "documentHash");
    Objects.requireNonNull(verdict, "verdict");
    matches = List.copyOf(matches);
  }

  /** Verdicts from the most to the least favourable, for choosing the overall verdict. */
  private static final List<Verdict> PREFERENCE =
      List.of(
          Verdict.VALID,
          Verdict.SUPERSEDED,
          Verdict.REVOKED,
          Verdict.EXPIRED,
          Verdict.NOT_YET_VALID,
          Verdict.ISSUER_NOT_AUTHORIZED,
          Verdict.UNKNOWN);

  /**
   * The overall verdict of several matches: VALID if any record makes the document valid, else the
   * most informative of the others, UNKNOWN when there are none.
   *
   * @param matches the verifications
   * @return the verdict
   */
  public static Verdict overall(List<Verification> matches) {
    Verdict best = Verdict.UNKNOWN;
    for (Verification v : matches) {
      if (PREFERENCE.indexOf(v.verdict()) < PREFERENCE.indexOf(best)) {
        best = v.verdict();
      }
    }
    return best;
  }

  /**
   * Builds a report, dropping UNKNOWN placeholders and computing the overall verdict.
   *
   * @param documentHash the hash
   * @param at the instant, or {@code null}
   * @param verifications the answers of every namespace asked
   * @return the report
   */
  public static VerificationReport of(
      String documentHash, String at, List<Verification> verifications) {
    List<Verification> found =
        verifications.stream().filter(v -> v.verdict() != Verdict.UNKNOWN).toList();
    return new VerificationReport(documentHash, at, overall(found), found);
  }
}
