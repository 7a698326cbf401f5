package org.servicerecords.registry.model;

import java.util.List;

/**
 * The argument of {@code records:AnchorBatch}: 1 to {@link RecordEvent#MAX_ENTRIES} certificates
 * with distinct ids, anchored all together or not at all. It carries no personal details, only each
 * record's commitment to them ({@link CertificateRequest#detailsHash()}); {@link DetailsRequest}
 * stores them.
 *
 * @param records the certificates to anchor
 */
public record BatchRequest(List<CertificateRequest> records) {

  /** Copies the list so the value cannot change. */
  public BatchRequest {
    records = records == null ? null : List.copyOf(records);
  }
}
