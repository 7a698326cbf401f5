package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.bench.RetryPolicy.Decision;
import org.servicerecords.registry.client.AlreadyExistsException;
import org.servicerecords.registry.client.ContractException;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.TransactionInvalidatedException;
import org.servicerecords.registry.model.ErrorCode;

/** What the mixed load retries, and how long it waits. */
class RetryPolicyTest {

  private final RetryPolicy policy = RetryPolicy.standard();

  @Test
  void unknownOutcomesAndUnreachablePeersAreRetried() {
    assertThat(
            policy.classify(
                new CompletionException(
                    NetworkException.unknownOutcome("x", Stage.SUBMIT, "t", "UNAVAILABLE", null))))
        .isEqualTo(new Decision(RetryPolicy.OUTCOME_UNKNOWN, true, true));
    assertThat(
            policy.classify(
                NetworkException.unreachable("x", Stage.ENDORSE, null, "UNAVAILABLE", null)))
        .isEqualTo(new Decision(RetryPolicy.UNAVAILABLE, true, false));
    assertThat(
            policy.classify(
                NetworkException.unreachable("x", Stage.ENDORSE, null, "DEADLINE_EXCEEDED", null)))
        .isEqualTo(new Decision(RetryPolicy.TIMEOUT, true, false));
    assertThat(
            policy.classify(
                NetworkException.unreachable("x", Stage.ENDORSE, null, "RESOURCE_EXHAUSTED", null)))
        .isEqualTo(new Decision(RetryPolicy.GATEWAY_LIMIT, true, false));
    assertThat(policy.classify(RegistryException.at(Stage.COMMIT_STATUS, "no status", "t", null)))
        .isEqualTo(new Decision(RetryPolicy.OUTCOME_UNKNOWN, true, true));
    assertThat(policy.classify(RegistryException.at(Stage.ENDORSE, "chaincode down", null, null)))
        .isEqualTo(new Decision(RetryPolicy.ENDORSEMENT, true, false));
    assertThat(policy.classify(new IllegalStateException("bug")).retry()).isTrue();
  }

  @Test
  void invalidatedTransactionsWroteNothingAndAreRetried() {
    assertThat(policy.classify(new TransactionInvalidatedException("x", "t", "MVCC_READ_CONFLICT")))
        .isEqualTo(new Decision(RetryPolicy.MVCC_CONFLICT, true, false));
    assertThat(
            policy.classify(
                new TransactionInvalidatedException("x", "t", "ENDORSEMENT_POLICY_FAILURE")))
        .isEqualTo(
            new Decision(RetryPolicy.INVALIDATED + "ENDORSEMENT_POLICY_FAILURE", true, false));
  }

  @Test
  void contractRefusalsAreGivenUpExceptTheTransientOnes() {
    assertThat(
            policy.classify(
                new AlreadyExistsException(
                    "x", ErrorCode.ALREADY_EXISTS, Stage.ENDORSE, null, null)))
        .isEqualTo(new Decision("refused_ALREADY_EXISTS", false, false));
    assertThat(
            policy.classify(
                new ContractException(
                    "x", ErrorCode.TIMESTAMP_OUT_OF_TOLERANCE, Stage.ENDORSE, null, null)))
        .isEqualTo(new Decision("refused_TIMESTAMP_OUT_OF_TOLERANCE", true, false));
  }

  @Test
  void backoffDoublesUpToTheMaximumWithJitter() {
    RetryPolicy p = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(1000));

    assertThat(p.backoff(1, 0.999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
    assertThat(p.backoff(1, 0)).isEqualTo(Duration.ofMillis(50));
    assertThat(p.backoff(3, 0.999)).isBetween(Duration.ofMillis(399), Duration.ofMillis(400));
    assertThat(p.backoff(30, 0.999)).isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
  }
}
