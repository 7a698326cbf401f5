package org.servicerecords.registry.client;

import java.util.Objects;
import org.servicerecords.registry.model.RegistryRecord;

/**
 * The record is on the ledger, but its personal details are not stored. Either the owner-only
 * {@code StoreDetails} transaction failed after retries ({@link #retryable()}: running the same
 * anchoring again finds the record and stores the details it commits to), or they can never be
 * stored by this identity (the record commits to other details, salted by the identity that
 * anchored it, or to none).
 */
public final class DetailsNotStoredException extends RegistryException {
  private static final long serialVersionUID = 1L;

  private final transient RegistryRecord record;
  private final boolean retryable;

  /**
   * Creates the exception.
   *
   * @param record the record on the ledger
   * @param cause why the details were not stored
   * @param retryable whether running the same anchoring again can store them
   */
  public DetailsNotStoredException(
      RegistryRecord record, RegistryException cause, boolean retryable) {
    super(
        "record '"
            + Objects.requireNonNull(record, "record").id()
            + "' is anchored but its personal details are not stored ("
            + cause.getMessage()
            + (retryable
                ? "); run the same anchoring again to store them"
                : "); this identity cannot store them"),
        cause.code(),
        cause.stage(),
        cause.transactionId(),
        cause.peerMessage(),
        cause);
    this.record = record;
    this.retryable = retryable;
  }

  /**
   * Says whether running the same anchoring again can store the details.
   *
   * @return true when the failure was transient
   */
  public boolean retryable() {
    return retryable;
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
