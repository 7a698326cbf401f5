package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.SubmitException;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.TransactionInvalidatedException;

class FailureCauseTest {

  @Test
  void libraryExceptions() {
    assertThat(FailureCause.of(new TransactionInvalidatedException("m", "t", "MVCC_READ_CONFLICT")))
        .isEqualTo(FailureCause.MVCC_CONFLICT);
    assertThat(
            FailureCause.of(new TransactionInvalidatedException("m", "t", "PHANTOM_READ_CONFLICT")))
        .isEqualTo(FailureCause.MVCC_CONFLICT);
    assertThat(
            FailureCause.of(
                new TransactionInvalidatedException("m", "t", "ENDORSEMENT_POLICY_FAILURE")))
        .isEqualTo(FailureCause.ENDORSEMENT);
    assertThat(FailureCause.of(new TransactionInvalidatedException("m", "t", "BAD_PAYLOAD")))
        .isEqualTo(FailureCause.OTHER);
    assertThat(
            FailureCause.of(
                NetworkException.unreachable("m", Stage.ENDORSE, null, "RESOURCE_EXHAUSTED", null)))
        .isEqualTo(FailureCause.GATEWAY_LIMIT);
    assertThat(
            FailureCause.of(
                NetworkException.unknownOutcome(
                    "m", Stage.COMMIT_STATUS, "t", "DEADLINE_EXCEEDED", null)))
        .isEqualTo(FailureCause.TIMEOUT);
    assertThat(
            FailureCause.of(
                NetworkException.unreachable("m", Stage.ENDORSE, null, "UNAVAILABLE", null)))
        .isEqualTo(FailureCause.OTHER);
    assertThat(
            FailureCause.of(new RegistryException("refused", null, Stage.ENDORSE, "t", "no", null)))
        .isEqualTo(FailureCause.ENDORSEMENT);
    assertThat(FailureCause.of(RegistryException.local("bad input"))).isEqualTo(FailureCause.OTHER);
  }

  @Test
  void gatewayExceptionsByGrpcStatus() {
    assertThat(
            FailureCause.of(
                new EndorseException("t", Status.RESOURCE_EXHAUSTED.asRuntimeException())))
        .isEqualTo(FailureCause.GATEWAY_LIMIT);
    assertThat(FailureCause.of(new EndorseException("t", Status.ABORTED.asRuntimeException())))
        .isEqualTo(FailureCause.ENDORSEMENT);
    assertThat(
            FailureCause.of(
                new SubmitException("t", Status.DEADLINE_EXCEEDED.asRuntimeException())))
        .isEqualTo(FailureCause.TIMEOUT);
    assertThat(FailureCause.of(new SubmitException("t", Status.UNAVAILABLE.asRuntimeException())))
        .isEqualTo(FailureCause.OTHER);
    assertThat(FailureCause.of(Status.RESOURCE_EXHAUSTED.asRuntimeException()))
        .isEqualTo(FailureCause.GATEWAY_LIMIT);
  }

  @Test
  void wrappersAreLookedThrough() {
    Throwable mvcc = new TransactionInvalidatedException("m", "t", "MVCC_READ_CONFLICT");
    assertThat(FailureCause.of(new CompletionException(new ExecutionException(mvcc))))
        .isEqualTo(FailureCause.MVCC_CONFLICT);
    assertThat(FailureCause.of(new CompletionException(new TimeoutException())))
        .isEqualTo(FailureCause.TIMEOUT);
  }

  @Test
  void batchAndResultFailures() {
    assertThat(
            FailureCause.of(
                new FailureCause.BatchFailedException(
                    "FAILED: transaction x was invalidated at commit: MVCC_READ_CONFLICT")))
        .isEqualTo(FailureCause.MVCC_CONFLICT);
    assertThat(
            FailureCause.of(
                new FailureCause.BatchFailedException(
                    "FAILED: endorsement failed: peer unreachable (RESOURCE_EXHAUSTED)")))
        .isEqualTo(FailureCause.GATEWAY_LIMIT);
    assertThat(FailureCause.fromText("FAILED: endorsement failed (ABORTED)"))
        .isEqualTo(FailureCause.ENDORSEMENT);
    assertThat(FailureCause.fromText(null)).isEqualTo(FailureCause.OTHER);
    assertThat(FailureCause.of(new FailureCause.UnexpectedResultException("UNKNOWN")))
        .isEqualTo(FailureCause.UNEXPECTED_RESULT);
  }
}
