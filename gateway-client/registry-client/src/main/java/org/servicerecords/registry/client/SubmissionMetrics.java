package org.servicerecords.registry.client;

/**
 * Counts of what the library did to submit transactions exactly once, since its connection opened
 * ({@link RegistryConnection#metrics()}). An immutable snapshot: take another to see later counts.
 *
 * @param submissions transactions handed to the orderers' path (each endorsed transaction counts
 *     once, however often it was sent)
 * @param resubmissions further sends of an already sent transaction (same bytes, same transaction
 *     id): after a submission call that failed without a deliberate refusal, or after the ledger
 *     did not show an accepted transaction within the ledger wait ({@code
 *     timeouts.ledgerWaitMillis})
 * @param duplicateTransactionIds commit statuses {@code DUPLICATE_TXID}: a copy of the transaction
 *     was already on the ledger, so the outcome was taken from that copy's real validation code
 *     (qscc {@code GetTransactionByID})
 * @param commitStatusRetries commit-status requests made again after one failed, on another
 *     endpoint of the same organisation, for a transaction the orderers had accepted
 * @param ledgerLookups qscc {@code GetTransactionByID} requests made to settle a submission (one
 *     per endpoint asked)
 * @param unknownOutcomes submissions that ended with {@link NetworkException#outcomeUnknown()}
 */
public record SubmissionMetrics(
    long submissions,
    long resubmissions,
    long duplicateTransactionIds,
    long commitStatusRetries,
    long ledgerLookups,
    long unknownOutcomes) {

  /** Nothing counted yet. */
  public static final SubmissionMetrics ZERO = new SubmissionMetrics(0, 0, 0, 0, 0, 0);

  /** Checks that no count is negative. */
  public SubmissionMetrics {
    for (long count :
        new long[] {
          submissions,
          resubmissions,
          duplicateTransactionIds,
          commitStatusRetries,
          ledgerLookups,
          unknownOutcomes
        }) {
      if (count < 0) {
        throw new IllegalArgumentException("counts cannot be negative");
      }
    }
  }
}
