package org.servicerecords.registry.model;

/** Outcome of a decision on a citizen's application. */
public enum DecisionOutcome {
  /** The application was granted. */
  APPROVED,
  /** The application was refused. */
  REJECTED,
  /** Returned to the citizen for more documents. */
  RETURNED,
  /** Granted in part. */
  PARTIAL
}
