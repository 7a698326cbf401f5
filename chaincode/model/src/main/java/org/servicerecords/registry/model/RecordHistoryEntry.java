package org.servicerecords.registry.model;

/**
 * One version of a record from the ledger's history ({@code records:GetHistory}).
 *
 * @param txId transaction that wrote (or deleted) this version
 * @param timestamp that transaction's timestamp (ISO-8601 instant, client-asserted)
 * @param deleted whether the transaction deleted the key
 * @param record the value written, or {@code null} when deleted
 */
public record RecordHistoryEntry(
    String txId, String timestamp, boolean deleted, RegistryRecord record) {}
