package org.servicerecords.registry.model;

/**
 * The answer about one record: its verdict at an instant, and what the verdict rests on.
 *
 * @param verdict the verdict
 * @param record the record as stored (null when {@link Verdict#UNKNOWN})
 * @param issuer governance's agency for the namespace the record was read from (null when unknown)
 * @param issuerDisplayName that agency's display name
 * @param namespace the records namespace read
 * @param at the instant the verdict is for (ISO-8601)
 * @param currentRecordId for {@link Verdict#SUPERSEDED}: the id of the record in force now
 */
public record Verification(
    Verdict verdict,
    RegistryRecord record,
    String issuer,
    String issuerDisplayName,
    String namespace,
    String at,
    String currentRecordId) {}
