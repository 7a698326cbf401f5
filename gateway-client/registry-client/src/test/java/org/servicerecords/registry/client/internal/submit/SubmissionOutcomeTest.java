package org.servicerecords.registry.client.internal.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status.Code;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.RegistryException.Stage;

/**
 * Which failures of a submission leave its outcome unknown (next endpoint, then the ledger, then
 * {@code NetworkException.outcomeUnknown()}) and which are definite refusals, over every gRPC code.
 */
class SubmissionOutcomeTest {

  /** Deliberate refusals: before the orderers have the transaction, or by the orderer itself. */
  static final Set<Code> DEFINITE_AT_SUBMIT =
      EnumSet.of(
          Code.INVALID_ARGUMENT,
          Code.NOT_FOUND,
          Code.ALREADY_EXISTS,
          Code.PERMISSION_DENIED,
          Code.FAILED_PRECONDITION,
          Code.ABORTED,
          Code.OUT_OF_RANGE,
          Code.UNIMPLEMENTED,
          Code.UNAUTHENTICATED);

  @Test
  void afterASuccessfulSubmitEveryCommitStatusFailureIsAnUnknownOutcome() {
    for (Code code : Code.values()) {
      assertThat(Submitter.outcomeUnknown(Stage.COMMIT_STATUS, code, false))
          .as(code.name())
          .isTrue();
      assertThat(Submitter.outcomeUnknown(Stage.COMMIT_STATUS, code, true))
          .as(code.name())
          .isTrue();
    }
    assertThat(Submitter.outcomeUnknown(Stage.COMMIT_STATUS, null, false)).isTrue();
  }

  @Test
  void theCodesFabricsCommitStatusGivesWhileTheOrdererHasTheTransactionAreUnknownOutcomes() {
    // gateway/commitstatus: ABORTED for a failed status stream, FAILED_PRECONDITION, and the ACL.
    for (Code code : Set.of(Code.ABORTED, Code.FAILED_PRECONDITION, Code.PERMISSION_DENIED)) {
      assertThat(Submitter.outcomeUnknown(Stage.COMMIT_STATUS, code, false))
          .as(code.name())
          .isTrue();
    }
  }

  @Test
  void aFirstSubmissionIsRefusedOnlyByADeliberateRefusal() {
    for (Code code : Code.values()) {
      assertThat(Submitter.outcomeUnknown(Stage.SUBMIT, code, false))
          .as(code.name())
          .isEqualTo(!DEFINITE_AT_SUBMIT.contains(code));
    }
    for (Code noAnswer :
        Set.of(
            Code.UNAVAILABLE,
            Code.DEADLINE_EXCEEDED,
            Code.CANCELLED,
            Code.RESOURCE_EXHAUSTED,
            Code.UNKNOWN,
            Code.INTERNAL,
            Code.DATA_LOSS)) {
      assertThat(Submitter.outcomeUnknown(Stage.SUBMIT, noAnswer, false))
          .as(noAnswer.name())
          .isTrue();
    }
    assertThat(Submitter.outcomeUnknown(Stage.SUBMIT, null, false)).isTrue();
    assertThat(Submitter.SUBMIT_REFUSALS).isEqualTo(DEFINITE_AT_SUBMIT);
  }

  @Test
  void onceAnAttemptMayHaveReachedTheOrderersNoLaterRefusalIsDefinite() {
    for (Code code : Code.values()) {
      assertThat(Submitter.outcomeUnknown(Stage.SUBMIT, code, true)).as(code.name()).isTrue();
    }
  }

  @Test
  void onlySubmissionStagesAreClassified() {
    for (Stage stage : Stage.values()) {
      if (stage == Stage.SUBMIT || stage == Stage.COMMIT_STATUS) {
        continue;
      }
      assertThatThrownBy(() -> Submitter.outcomeUnknown(stage, Code.ABORTED, false))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
