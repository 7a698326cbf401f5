package org.servicerecords.registry.model;

/**
 * A reference to a record, possibly in another agency's namespace. Stored as given; checked when
 * read, never by a cross-namespace call at submit.
 *
 * @param namespace chaincode name of the records namespace (for example {@code records-justice})
 * @param id record id in that namespace
 */
public record RecordRef(String namespace, String id) {}
