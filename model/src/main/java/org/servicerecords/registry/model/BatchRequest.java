package org.servicerecords.registry.model;

import java.util.List;

/**
 * The argument of {@code records:AnchorBatch}: 1 to {@link RecordEvent#MAX_ENTRIES} certificates
 * with distinct ids, anchored all together or not at all. Personal details of record {@code X}
 * travel as transient data under key {@code details:X}.
 *
 * @param records the certificates to anchor
 */
public record BatchRequest(List<CertificateRequest> records) {

  /** Copies the list so the value cannot change. */
  public BatchRequest {
    records = records == null ? null : List.copyOf(records);
  }
}
