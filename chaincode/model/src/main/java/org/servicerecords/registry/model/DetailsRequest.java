package org.servicerecords.registry.model;

import java.util.List;

/**
 * The argument of {@code records:StoreDetails}: the records, 1 to {@link RecordEvent#MAX_ENTRIES}
 * distinct ids, whose personal details this owner-only transaction stores in the issuing agency's
 * implicit private collection. The details of record {@code X} travel as transient data under
 * {@link TransientKeys#batchDetails(String) details:X}, and must hash to the record's commitment
 * ({@link CertificateRequest#detailsHash()}).
 *
 * @param ids the record ids
 */
public record DetailsRequest(List<String> ids) {

  /** Copies the list so the value cannot change. */
  public DetailsRequest {
    ids = ids == null ? null : List.copyOf(ids);
  }
}
