package org.servicerecords.registry.client.internal.proof;

import org.servicerecords.registry.client.ProofFailure;

/** A failed check inside the proof checker: its reason and what was found. */
final class ProofProblem extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient ProofFailure reason;

  ProofProblem(ProofFailure reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  ProofFailure reason() {
    return reason;
  }
}
