package org.servicerecords.registry.model;

import java.util.List;

/**
 * The result of {@code records:AnchorBatch}. A batch is all-or-nothing: when it is returned every
 * record was anchored by the transaction {@code txId}.
 *
 * @param txId the transaction that anchored the batch
 * @param timestamp its timestamp (ISO-8601 instant, client-asserted)
 * @param records one outcome per requested record, in request order
 */
public record BatchResult(String txId, String timestamp, List<Outcome> records) {

  /** Copies the list so the value cannot change. */
  public BatchResult {
    records = records == null ? null : List.copyOf(records);
  }

  /**
   * What happened to one record of the batch.
   *
   * @param id the record id
   * @param action always {@code ANCHORED} (a refused batch returns no result)
   * @param privateDetailsHash SHA-256 (hex) of the private details stored for it, or {@code null}
   */
  public record Outcome(String id, String action, String privateDetailsHash) {}
}
