package org.servicerecords.registry.model;

import java.util.List;

/**
 * The argument of {@code governance:RegisterAgency}.
 *
 * @param msp the agency's MSP id (the key), {@code [A-Za-z0-9._-]{1,64}}
 * @param displayName name shown to verifiers, at most 256 characters
 * @param namespace chaincode name of its records namespace, {@code [a-z0-9][a-z0-9_.-]{0,63}}
 * @param documentTypes document types it may issue (at most 64; stored sorted, without duplicates)
 * @param activeFrom start of its active period (ISO-8601 instant)
 * @param activeUntil end of its active period (ISO-8601 instant), or {@code null} for no end
 */
public record AgencyRequest(
    String msp,
    String displayName,
    String namespace,
    List<String> documentTypes,
    String activeFrom,
    String activeUntil) {

  /** Copies the list so the value cannot change. */
  public AgencyRequest {
    documentTypes = documentTypes == null ? null : List.copyOf(documentTypes);
  }
}
