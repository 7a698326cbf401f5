package org.servicerecords.registry.model;

/**
 * Stored lifecycle status of a record. Expiry and not-yet-valid are derived from the validity
 * window at verification time and never stored.
 */
public enum RecordStatus {
  /** In force (subject to its validity window). */
  ACTIVE,
  /** Withdrawn by its issuer; carries a {@link Revocation}. */
  REVOKED,
  /** Replaced by another record, named in {@code supersededBy}. */
  SUPERSEDED
}
