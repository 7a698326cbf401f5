package org.servicerecords.registry.model;

/** The answer a verifier gets about a document. */
public enum Verdict {
  /** Anchored, active, inside its validity window, issued by an authorised agency. */
  VALID,
  /** Withdrawn by its issuer. */
  REVOKED,
  /** Replaced by a newer record. */
  SUPERSEDED,
  /** Its validity window ended before the instant asked about. */
  EXPIRED,
  /** Its validity window starts after the instant asked about. */
  NOT_YET_VALID,
  /** No record matches. */
  UNKNOWN,
  /** The issuing agency was not authorised for the document type when it anchored it. */
  ISSUER_NOT_AUTHORIZED
}
