package org.servicerecords.registry.client;

/**
 * What happened to one record of a batch.
 *
 * @param id the record id
 * @param status the outcome
 * @param transactionId the transaction that anchored it (or tried to), or {@code null}
 * @param message why it failed or was refused, or {@code null}
 */
public record RecordOutcome(String id, Status status, String transactionId, String message) {

  /** Outcome of one record. */
  public enum Status {
    /** Anchored by this run. */
    ANCHORED,
    /** An identical record was already on the ledger. */
    ALREADY_ANCHORED,
    /** Refused before submission: the record breaks the contract's rules. */
    INVALID,
    /** Not submitted because another record of the batch is invalid (without partial mode). */
    NOT_SUBMITTED,
    /**
     * A record with the same id but different content is on the ledger, or the same record whose
     * details this identity cannot store (it commits to details salted by another identity).
     */
    CONFLICT,
    /** Its transaction failed; rerunning the same batch retries it. */
    FAILED,
    /**
     * Its transaction was sent but no endpoint nor the ledger could say whether it committed: the
     * record may be on the ledger. Rerunning the same batch settles it ({@link #ALREADY_ANCHORED}
     * or {@link #ANCHORED}).
     */
    OUTCOME_UNKNOWN,
    /**
     * The record is on the ledger, but its personal details could not be stored yet (the owner-only
     * {@code StoreDetails} failed): rerunning the same batch stores them.
     */
    DETAILS_PENDING;

    /**
     * Says whether the record is on the ledger as requested.
     *
     * @return true for {@link #ANCHORED} and {@link #ALREADY_ANCHORED}
     */
    public boolean onLedger() {
      return this == ANCHORED || this == ALREADY_ANCHORED;
    }
  }
}
