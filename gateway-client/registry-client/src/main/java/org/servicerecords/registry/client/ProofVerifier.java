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
}
