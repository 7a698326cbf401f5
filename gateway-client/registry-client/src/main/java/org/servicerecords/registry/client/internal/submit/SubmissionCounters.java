package org.servicerecords.registry.client.internal.submit;

import java.util.concurrent.atomic.LongAdder;
import org.servicerecords.registry.client.SubmissionMetrics;

/** The live counters behind {@link SubmissionMetrics}; safe for concurrent submissions. */
public final class SubmissionCounters {

  private final LongAdder submissions = new LongAdder();
  private final LongAdder resubmissions = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder commitStatusRetries = new LongAdder();
  private final LongAdder ledgerLookups = new LongAdder();
  private final LongAdder unknownOutcomes = new LongAdder();

  void submission() {
    submissions.increment();
  }

  void resubmission() {
    resubmissions.increment();
  }

  void duplicateTransactionId() {
    duplicates.increment();
  }

  void commitStatusRetry() {
    commitStatusRetries.increment();
  }

  void ledgerLookup() {
    ledgerLookups.increment();
  }

  void unknownOutcome() {
    unknownOutcomes.increment();
  }

  /** The counts now (each read on its own: a snapshot taken during a submission may lag by one). */
  public SubmissionMetrics snapshot() {
    return new SubmissionMetrics(
        submissions.sum(),
        resubmissions.sum(),
        duplicates.sum(),
        commitStatusRetries.sum(),
        ledgerLookups.sum(),
        unknownOutcomes.sum());
  }
}
