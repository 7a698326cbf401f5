package org.servicerecords.registry.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.TransactionInvalidatedException;
import org.servicerecords.registry.model.ErrorCode;

/**
 * What the mixed load does after a failed attempt, as an agency system would: the same request is
 * sent again, after a backoff, unless the contract refused it for good. Anchoring and revocation
 * are idempotent in the library (a rerun of a committed anchoring answers "already anchored", of a
 * committed revocation with the same reason the revoked record), so a retry can never write twice.
 *
 * <p>Given up at once: a refusal by the contract (or the library's own check of the same rules)
 * with an error code other than {@code TIMESTAMP_OUT_OF_TOLERANCE} and {@code INTERNAL_ERROR}:
 * {@code refused_<CODE>}. Retried: everything else — unreachable peers and orderers, deadlines,
 * unknown outcomes, endorsements that failed without a code (a chaincode server down), transactions
 * invalidated at commit (which wrote nothing).
 */
final class RetryPolicy {

  /**
   * The library said the transaction may have committed: {@link NetworkException#outcomeUnknown}.
   */
  static final String OUTCOME_UNKNOWN = "outcome_unknown";

  /** No endpoint answered (nothing was committed). */
  static final String UNAVAILABLE = "unavailable";

  /** A deadline passed before the transaction was sent. */
  static final String TIMEOUT = "timeout";

  /** The peer Gateway's concurrency limit ({@code RESOURCE_EXHAUSTED}). */
  static final String GATEWAY_LIMIT = "gateway_limit";

  /** Invalidated at commit by an MVCC or phantom read conflict. */
  static final String MVCC_CONFLICT = "mvcc_conflict";

  /** Prefix of the other validation codes: {@code invalidated_<CODE>}. */
  static final String INVALIDATED = "invalidated_";

  /** Endorsement failed without a contract error code. */
  static final String ENDORSEMENT = "endorsement";

  /** Prefix of definitive refusals: {@code refused_<CODE>}. */
  static final String REFUSED = "refused_";

  /** Anything else. */
  static final String OTHER = "other";

  /** Contract codes that a later attempt may not meet again. */
  private static final Set<ErrorCode> TRANSIENT_CODES =
      Set.of(ErrorCode.TIMESTAMP_OUT_OF_TOLERANCE, ErrorCode.INTERNAL_ERROR);

  private final Duration firstBackoff;
  private final Duration maxBackoff;

  /**
   * Creates a policy.
   *
   * @param firstBackoff the wait before the first retry (doubled for each next one)
   * @param maxBackoff the longest wait
   */
  RetryPolicy(Duration firstBackoff, Duration maxBackoff) {
    if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("backoffs must be >= 0 and first <= max");
    }
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
  }

  /**
   * The policy of the mixed load: 250 ms, doubling up to 5 s.
   *
   * @return the policy
   */
  static RetryPolicy standard() {
    return new RetryPolicy(Duration.ofMillis(250), Duration.ofSeconds(5));
  }

  /**
   * What a failed attempt means.
   *
   * @param cause a label for the failure
   * @param retry whether the same request should be sent again
   * @param outcomeUnknown whether the attempt may have committed (its retry settles that)
   */
  record Decision(String cause, boolean retry, boolean outcomeUnknown) {}

  /**
   * Classifies a failure.
   *
   * @param failure what an attempt threw (completion wrappers are looked through)
   * @return the decision
   */
  Decision classify(Throwable failure) {
    Throwable e = failure;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof NetworkException network) {
      if (network.outcomeUnknown()) {
        return new Decision(OUTCOME_UNKNOWN, true, true);
      }
      String status = network.grpcStatus();
      String cause =
          "DEADLINE_EXCEEDED".equals(status)
              ? TIMEOUT
              : "RESOURCE_EXHAUSTED".equals(status) ? GATEWAY_LIMIT : UNAVAILABLE;
      return new Decision(cause, true, unknownAt(network.stage()));
    }
    if (e instanceof TransactionInvalidatedException invalidated) {
      String code = invalidated.validationCode();
      boolean mvcc = "MVCC_READ_CONFLICT".equals(code) || "PHANTOM_READ_CONFLICT".equals(code);
      return new Decision(mvcc ? MVCC_CONFLICT : INVALIDATED + code, true, false);
    }
    if (e instanceof RegistryException registry) {
      ErrorCode code = registry.code();
      if (code != null) {
        return new Decision(REFUSED + code.name(), TRANSIENT_CODES.contains(code), false);
      }
      return switch (registry.stage()) {
        case ENDORSE -> new Decision(ENDORSEMENT, true, false);
        case SUBMIT, COMMIT_STATUS -> new Decision(OUTCOME_UNKNOWN, true, true);
        default -> new Decision(registry.stage().name().toLowerCase(Locale.ROOT), true, false);
      };
    }
    return new Decision(OTHER, true, false);
  }

  private static boolean unknownAt(Stage stage) {
    return stage == Stage.SUBMIT || stage == Stage.COMMIT_STATUS;
  }

  /**
   * The wait before a retry: {@code firstBackoff * 2^(retry-1)}, at most {@code maxBackoff}, times
   * a jitter between 0.5 and 1 so that operations failed together do not retry together.
   *
   * @param retry 1 for the first retry
   * @param jitter a number in [0, 1)
   * @return the wait
   */
  Duration backoff(int retry, double jitter) {
    long first = firstBackoff.toNanos();
    long max = maxBackoff.toNanos();
    long wait = first;
    for (int i = 1; i < retry && wait < max; i++) {
      wait *= 2;
    }
    wait = Math.min(wait, max);
    return Duration.ofNanos((long) (wait * (0.5 + 0.5 * Math.max(0, Math.min(1, jitter)))));
  }
}
