package org.servicerecords.registry.model;

/**
 * Why and when a record was revoked.
 *
 * @param reasonCode a short code chosen by the issuer (for example {@code ISSUED_IN_ERROR})
 * @param revokedAt the transaction timestamp of the revocation (ISO-8601 instant, client-asserted)
 * @param revokedBy who revoked it
 */
public record Revocation(String reasonCode, String revokedAt, Actor revokedBy) {}
