package org.servicerecords.registry.model;

import java.util.List;

/**
 * One agency in the governance registry. Its history in the {@code governance} namespace answers
 * "was agency A allowed to issue type T at instant X".
 *
 * @param msp MSP id of the agency (the key)
 * @param displayName name shown to verifiers
 * @param namespace chaincode name of the agency's records namespace
 * @param documentTypes document types the agency may issue (sorted, no duplicates)
 * @param activeFrom start of the agency's active period (ISO-8601 instant)
 * @param activeUntil end of the active period, or {@code null} for no end
 * @param suspended whether the agency is suspended now
 * @param suspensionReason the reason code given when it was suspended, or {@code null} when not
 *     suspended
 * @param actor who made this version
 * @param txId transaction that wrote this version
 * @param timestamp transaction timestamp of this version (ISO-8601 instant)
 */
public record AgencyEntry(
    String msp,
    String displayName,
    String namespace,
    List<String> documentTypes,
    String activeFrom,
    String activeUntil,
    boolean suspended,
    String suspensionReason,
    Actor actor,
    String txId,
    String timestamp) {

  /** Copies the list so the value cannot change. */
  public AgencyEntry {
    documentTypes = documentTypes == null ? null : List.copyOf(documentTypes);
  }
}
