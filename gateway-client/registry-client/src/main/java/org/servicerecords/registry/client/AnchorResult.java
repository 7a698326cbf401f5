package org.servicerecords.registry.client;

import java.util.Objects;
import org.servicerecords.registry.model.RegistryRecord;

/**
 * The record on the ledger after an anchoring.
 *
 * @param record the stored record (its {@code txId} and {@code timestamp} name the transaction that
 *     wrote it)
 * @param alreadyAnchored true when an identical record was already on the ledger (an earlier
 *     attempt committed) and nothing new was written
 */
public record AnchorResult(RegistryRecord record, boolean alreadyAnchored) {

  /** Checks the record. */
  public AnchorResult {
    Objects.requireNonNull(record, "record");
  }
}
