package org.servicerecords.registry.model;

/**
 * One version of an agency entry from the governance history ({@code governance:GetAgencyHistory}).
 *
 * @param txId transaction that wrote (or deleted) this version
 * @param timestamp that transaction's timestamp (ISO-8601 instant, client-asserted)
 * @param deleted whether the transaction deleted the key
 * @param agency the value written, or {@code null} when deleted
 */
public record AgencyHistoryEntry(
    String txId, String timestamp, boolean deleted, AgencyEntry agency) {}
