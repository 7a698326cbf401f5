package org.servicerecords.registry.client;

import org.servicerecords.registry.client.internal.proof.ProofChecker;

/**
 * Verifies a portable proof (docs/proofs.md) offline: no network, no connection profile, only the
 * consortium's root certificates. Obtain one with {@link #offline}; it is immutable and safe to
 * share between threads.
 *
 * <pre>{@code
 * ProofVerifier verifier = ProofVerifier.offline(TrustRoots.fromDirectory(Path.of("roots")));
 * ProofReport report = verifier.verify(Files.readAllBytes(Path.of("bc-7.proof.json")), null);
 * }</pre>
 */
public interface ProofVerifier {

  /**
   * A verifier that trusts exactly these roots.
   *
   * @param roots the consortium's root certificates per organisation
   * @return the verifier
   */
  static ProofVerifier offline(TrustRoots roots) {
    java.util.Objects.requireNonNull(roots, "roots");
    ProofChecker checker = new ProofChecker(roots);
    return checker::verify;
  }

  /**
   * Verifies a proof file's bytes. Never throws for a bad proof: each problem is a failed {@link
   * ProofCheck} with its {@link ProofFailure}.
   *
   * @param proof the file's bytes, exactly as exported
   * @param documentHash the SHA-256 (hex) of a document to compare with the anchored one, or {@code
   *     null} to skip that check
   * @return the report
   */
  ProofReport verify(byte[] proof, String documentHash);

  /**
   * Verifies a proof and also requires its attestation to be recent: a proof is a snapshot, and
   * only the verifier knows how old is too old. The attestation's time is its proposal's timestamp
   * (asserted by the exporter; each attesting peer accepted it only within its time window,
   * docs/proofs.md).
   *
   * @param proof the file's bytes, exactly as exported
   * @param documentHash a document's SHA-256 (hex) to compare, or {@code null}
   * @param notBefore the earliest attestation time accepted; an earlier one fails the attestation
   *     check with {@link ProofFailure#ATTESTATION_TOO_OLD}
   * @return the report
   */
  default ProofReport verify(byte[] proof, String documentHash, java.time.Instant notBefore) {
    java.util.Objects.requireNonNull(notBefore, "notBefore");
    ProofReport report = verify(proof, documentHash);
    if (report.attestedAt().isEmpty()
        || !java.time.Instant.parse(report.attestedAt()).isBefore(notBefore)) {
      return report;
    }
    java.util.List<ProofCheck> checks = new java.util.ArrayList<>();
    for (ProofCheck check : report.checks()) {
      checks.add(
          check.check() == ProofCheck.Check.ATTESTATION
                  && check.status() == ProofCheck.Status.PASSED
              ? new ProofCheck(
                  check.check(),
                  ProofCheck.Status.FAILED,
                  ProofFailure.ATTESTATION_TOO_OLD,
                  "attested at " + report.attestedAt() + ", before " + notBefore)
              : check);
    }
    return new ProofReport(
        false,
        checks,
        report.namespace(),
        report.recordId(),
        report.documentHash(),
        report.transactionId(),
        report.blockNumber(),
        report.anchoredAt(),
        report.attestedVerdict(),
        report.attestedAt(),
        report.attestedBy());
  }
}
