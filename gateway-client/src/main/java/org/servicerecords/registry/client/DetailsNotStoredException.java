package org.servicerecords.registry.client;

import java.util.Objects;
import org.servicerecords.registry.model.RegistryRecord;

/**
 * The record is on the ledger, but its personal details could not be stored (the owner-only {@code
 * StoreDetails} transaction failed after retries). Nothing is lost: running the same anchoring
 * again finds the record, compares it, and stores the details it commits to.
 */
public final class DetailsNotStoredException extends RegistryException {
  private static final long serialVersionUID = 1L;

  private final transient RegistryRecord record;

  /**
   * Creates the exception.
   *
   * @param record the record on the ledger
   * @param cause why the details were not stored
   */
  public DetailsNotStoredException(RegistryRecord record, RegistryException cause) {
    super(
        "record '"
            + Objects.requireNonNull(record, "record").id()
            + "' is anchored but its personal details are not stored yet ("
            + cause.getMessage()
            + "); run the same anchoring again to store them",
        cause.code(),
        cause.stage(),
        cause.transactionId(),
        cause.peerMessage(),
        cause);
    this.record = record;
  }

  /**
   * Returns the record on the ledger.
   *
   * @return the record
   */
  public RegistryRecord record() {
    return record;
  }
}
