package org.servicerecords.registry.model;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One record on the ledger, as stored under its key in the issuing agency's records namespace.
 *
 * <p>Holds no personal data: {@code subjectRef} is a salted hash computed by the issuer, and
 * personal details live in the issuer's implicit private collection; {@code privateDetailsHash} is
 * the SHA-256 of that private value, kept here as evidence that survives a purge.
 *
 * <p>The issuer shown to verifiers comes from governance's namespace-to-agency mapping, never from
 * {@code issuerMsp}; {@code issuerMsp} is the MSP that wrote the record, kept for audit.
 *
 * @param id client-chosen id, {@code [A-Za-z0-9._:-]{1,128}}
 * @param kind certificate or decision
 * @param documentType document type code (for example {@code BIRTH_CERTIFICATE})
 * @param issuerMsp MSP id of the writing agency
 * @param documentHash SHA-256 of the document, 64 lowercase hex digits
 * @param subjectRef salted or HMAC hash of the subject, computed by the issuer
 * @param validFrom start of validity (ISO-8601 instant)
 * @param validUntil end of validity (ISO-8601 instant), or {@code null} for no end
 * @param status stored lifecycle status
 * @param supersedes id of the record this one replaces, or {@code null}
 * @param supersededBy id of the record that replaced this one, or {@code null}
 * @param revocation revocation details when {@code status} is {@code REVOKED}
 * @param decision decision fields for {@link RecordKind#DECISION} records
 * @param applicationId the application this certificate was issued for, or {@code null}
 * @param metadata small map of non-personal metadata (sorted)
 * @param privateDetailsHash SHA-256 (hex) of the private details value, or {@code null}
 * @param detailsPurged whether the private details were purged
 * @param actor who made this version
 * @param txId transaction that wrote this version
 * @param timestamp transaction timestamp of this version (ISO-8601 instant, client-asserted)
 */
public record RegistryRecord(
    String id,
    RecordKind kind,
    String documentType,
    String issuerMsp,
    String documentHash,
    String subjectRef,
    String validFrom,
    String validUntil,
    RecordStatus status,
    String supersedes,
    String supersededBy,
    Revocation revocation,
    Decision decision,
    String applicationId,
    SortedMap<String, String> metadata,
    String privateDetailsHash,
    boolean detailsPurged,
    Actor actor,
    String txId,
    String timestamp) {

  /** Copies the metadata so the value cannot change. */
  public RegistryRecord {
    metadata = metadata == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
  }
}
