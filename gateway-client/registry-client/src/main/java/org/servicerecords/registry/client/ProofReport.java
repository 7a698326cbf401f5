package org.servicerecords.registry.client;

import java.util.List;
import java.util.Objects;
import org.servicerecords.registry.model.Verdict;

/**
 * The outcome of verifying a portable proof offline ({@link ProofVerifier}). What the proof states
 * is filled in as far as the file could be read; it is established only when {@link #verified()}.
 *
 * @param verified whether every check passed (skipped checks: only {@code DOCUMENT} when no
 *     document was given)
 * @param checks every check with its outcome, in order
 * @param namespace the records namespace the proof is about, or empty
 * @param recordId the record id, or empty
 * @param documentHash the anchored document's SHA-256, or empty
 * @param transactionId the anchoring transaction, or empty
 * @param blockNumber the block holding it, or -1
 * @param anchoredAt the anchoring transaction's (client-asserted) timestamp, or empty
 * @param attestedVerdict the verdict the attesting peers signed, or {@code null}
 * @param attestedAt the instant of the attestation (its proposal's timestamp), or empty
 * @param attestedBy the attesting organisations (MSP ids), or empty
 */
public record ProofReport(
    boolean verified,
    List<ProofCheck> checks,
    String namespace,
    String recordId,
    String documentHash,
    String transactionId,
    long blockNumber,
    String anchoredAt,
    Verdict attestedVerdict,
    String attestedAt,
    List<String> attestedBy) {

  /** Checks the fields and copies the lists. */
  public ProofReport {
    checks = List.copyOf(checks);
    attestedBy = List.copyOf(attestedBy);
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(documentHash, "documentHash");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(anchoredAt, "anchoredAt");
    Objects.requireNonNull(attestedAt, "attestedAt");
  }

  /**
   * The first failed check's reason.
   *
   * @return the reason, or {@code null} when none failed
   */
  public ProofFailure failure() {
    return checks.stream()
        .filter(c -> c.status() == ProofCheck.Status.FAILED)
        .map(ProofCheck::reason)
        .findFirst()
        .orElse(null);
  }
}
