package org.servicerecords.registry.client.internal.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status.Code;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.SubmissionMetrics;
import org.servicerecords.registry.client.TransactionInvalidatedException;
import org.servicerecords.registry.client.internal.submit.SubmissionEndpoints.CallFailure;
import org.servicerecords.registry.client.internal.submit.SubmissionEndpoints.TxStatus;
import org.servicerecords.registry.client.internal.submit.Submitter.Committed;
import org.servicerecords.registry.client.internal.submit.Submitter.Prepared;

/**
 * The submission engine without a network: a scripted {@link SubmissionEndpoints} stands for the
 * organisation's peers and a {@link Submitter.Clock} that only moves when the engine sleeps stands
 * for time.
 */
class SubmitterTest {

  static final String TX = "tx-0001";
  static final byte[] REQUEST = "commit-status-request".getBytes(StandardCharsets.UTF_8);
  static final Duration WAIT = Duration.ofSeconds(30);

  /** Refused before anything is built or sent: the submitter has no connection at all here. */
  @Test
  void readDetailsIsNeverSubmitted() {
    Submitter submitter = new Submitter(null);
    for (String function : List.of("ReadDetails", "records:ReadDetails")) {
      assertThatThrownBy(() -> submitter.endorse("records-justice", function, Map.of(), "bc-1"))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("only ever evaluated")
          .satisfies(e -> assertThat(((RegistryException) e).stage()).isEqualTo(Stage.LOCAL));
    }
  }

  @Nested
  class AfterTheOrderersAcceptedIt {

    @Test
    void aFailedCommitStatusIsAskedAgainOnTheNextEndpointAndNothingIsSentAgain() throws Exception {
      Fake fake = new Fake(2);
      fake.statuses.add(failing(Code.UNAVAILABLE, Stage.COMMIT_STATUS));
      fake.statuses.add(() -> new TxStatus(TxValidationCode.VALID, 7));

      Committed committed = fake.submitter().submit(prepared());

      assertThat(committed.transactionId()).isEqualTo(TX);
      assertThat(committed.blockNumber()).isEqualTo(7);
      assertThat(fake.calls).containsExactly("send@0", "status@0", "status@1");
      assertThat(fake.commitRequests).allSatisfy(r -> assertThat(r).isEqualTo(REQUEST));
      assertThat(fake.preferred).as("the endpoint that answered is tried first next").isEqualTo(1);
      assertThat(fake.counters.snapshot()).isEqualTo(new SubmissionMetrics(1, 0, 0, 1, 0, 0));
    }

    @Test
    void whenNoEndpointReportsTheStatusTheLedgerSettlesItWithoutResending() throws Exception {
      Fake fake = new Fake(2);
      fake.lookUps.add(() -> Optional.of(TxValidationCode.VALID));

      Committed committed = fake.submitter().submit(prepared());

      assertThat(committed.transactionId()).isEqualTo(TX);
      assertThat(committed.blockNumber()).as("qscc gives no block number").isEqualTo(-1);
      assertThat(fake.calls).containsExactly("send@0", "status@0", "status@1", "lookUp@0");
      assertThat(fake.clock.slept).isEmpty();
      assertThat(fake.counters.snapshot()).isEqualTo(new SubmissionMetrics(1, 0, 0, 1, 1, 0));
    }

    @Test
    void aTransactionThatReachesTheLedgerWithinTheWaitIsNotSentAgain() throws Exception {
      Fake fake = new Fake(1);
      for (int i = 0; i < 3; i++) {
        fake.lookUps.add(Optional::empty);
      }
      fake.lookUps.add(() -> Optional.of(TxValidationCode.VALID));

      fake.submitter().submit(prepared());

      assertThat(fake.sendTimes).hasSize(1);
      assertThat(fake.clock.slept).containsExactly(2_000L, 2_000L, 2_000L);
      assertThat(fake.counters.snapshot().resubmissions()).isZero();
      assertThat(fake.counters.snapshot().ledgerLookups()).isEqualTo(4);
    }

    @Test
    void onlyATransactionStillNotOnTheLedgerAfterTheWaitIsSentOnceMore() throws Exception {
      Fake fake = new Fake(2);
      fake.lookUpDefault = Optional::empty;
      fake.statusDefault =
          () -> {
            if (fake.sendTimes.size() < 2) {
              throw fail(Code.DEADLINE_EXCEEDED, Stage.COMMIT_STATUS);
            }
            return new TxStatus(TxValidationCode.VALID, 12);
          };

      Committed committed = fake.submitter().submit(prepared());

      assertThat(committed.blockNumber()).isEqualTo(12);
      assertThat(fake.sendTimes).hasSize(2);
      assertThat(fake.sendTimes.get(1) - fake.sendTimes.get(0))
          .as("sent again only once the ledger wait passed")
          .isGreaterThanOrEqualTo(WAIT.toNanos());
      assertThat(fake.sentBytes)
          .as("the same transaction, byte for byte")
          .allSatisfy(b -> assertThat(b).isEqualTo(prepared().bytes()));
      assertThat(fake.calls.subList(0, 5))
          .containsExactly("send@0", "status@0", "status@1", "lookUp@0", "lookUp@1");
      assertThat(fake.calls.get(fake.calls.size() - 2)).isEqualTo("send@1");
      // 2 s polls from 0 s to 30 s: 16 rounds, each asking both endpoints.
      assertThat(fake.counters.snapshot()).isEqualTo(new SubmissionMetrics(1, 1, 0, 1, 32, 0));
    }

    @Test
    void theWaitIsTheConfiguredOne() throws Exception {
      Fake fake = new Fake(1);
      fake.ledgerWait = Duration.ofMillis(4_500);
      fake.lookUpDefault = Optional::empty;
      fake.statusDefault =
          () -> {
            if (fake.sendTimes.size() < 2) {
              throw fail(Code.UNAVAILABLE, Stage.COMMIT_STATUS);
            }
            return new TxStatus(TxValidationCode.VALID, 3);
          };

      fake.submitter().submit(prepared());

      assertThat(fake.clock.slept).containsExactly(2_000L, 2_000L, 500L);
      assertThat(fake.sendTimes.get(1) - fake.sendTimes.get(0))
          .isEqualTo(Duration.ofMillis(4_500).toNanos());
    }

    @Test
    void whenNoEndpointAnswersTheLedgerEitherTheOutcomeIsUnknownAndNothingIsSentAgain() {
      Fake fake = new Fake(2);

      assertThatThrownBy(() -> fake.submitter().submit(prepared()))
          .isInstanceOfSatisfying(
              NetworkException.class,
              e -> {
                assertThat(e.outcomeUnknown()).isTrue();
                assertThat(e.stage()).isEqualTo(Stage.COMMIT_STATUS);
                assertThat(e.transactionId()).isEqualTo(TX);
              });
      assertThat(fake.sendTimes).hasSize(1);
      assertThat(fake.clock.now).isGreaterThanOrEqualTo(WAIT.toNanos());
      assertThat(fake.counters.snapshot().resubmissions()).isZero();
      assertThat(fake.counters.snapshot().unknownOutcomes()).isEqualTo(1);
    }

    @Test
    void aTransactionTheLedgerHoldsAsInvalidIsReportedInvalidAndNotSentAgain() {
      Fake fake = new Fake(1);
      fake.lookUps.add(() -> Optional.of(TxValidationCode.MVCC_READ_CONFLICT));

      assertThatThrownBy(() -> fake.submitter().submit(prepared()))
          .isInstanceOfSatisfying(
              TransactionInvalidatedException.class,
              e -> assertThat(e.validationCode()).isEqualTo("MVCC_READ_CONFLICT"));
      assertThat(fake.sendTimes).hasSize(1);
    }

    @Test
    void anInvalidStatusIsDefinite() {
      Fake fake = new Fake(2);
      fake.statuses.add(() -> new TxStatus(TxValidationCode.ENDORSEMENT_POLICY_FAILURE, 4));

      assertThatThrownBy(() -> fake.submitter().submit(prepared()))
          .isInstanceOfSatisfying(
              TransactionInvalidatedException.class,
              e -> assertThat(e.validationCode()).isEqualTo("ENDORSEMENT_POLICY_FAILURE"));
      assertThat(fake.calls).containsExactly("send@0", "status@0");
    }

    @Test
    void anInterruptedWaitLeavesTheOutcomeUnknown() {
      Fake fake = new Fake(1);
      fake.lookUpDefault = Optional::empty;
      fake.clock.interruptAfter = 1;
      try {
        assertThatThrownBy(() -> fake.submitter().submit(prepared()))
            .isInstanceOfSatisfying(
                NetworkException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(fake.sendTimes).hasSize(1);
      } finally {
        Thread.interrupted();
      }
    }
  }

  @Nested
  class DuplicateTransactionId {

    /** The first copy commits late: the ledger did not hold it within the wait. */
    private Fake lateOriginal(TxValidationCode original) {
      Fake fake = new Fake(2);
      fake.lookUpDefault =
          () -> fake.sendTimes.size() < 2 ? Optional.empty() : Optional.of(original);
      fake.statusDefault =
          () -> {
            if (fake.sendTimes.size() < 2) {
              throw fail(Code.UNAVAILABLE, Stage.COMMIT_STATUS);
            }
            return new TxStatus(TxValidationCode.DUPLICATE_TXID, 40);
          };
      return fake;
    }

    @Test
    void aResubmissionMarkedDuplicateSucceedsWhenTheOriginalIsValid() throws Exception {
      Fake fake = lateOriginal(TxValidationCode.VALID);

      Committed committed = fake.submitter().submit(prepared());

      assertThat(committed.transactionId()).isEqualTo(TX);
      assertThat(committed.blockNumber())
          .as("not the duplicate's block: the original's is not known")
          .isEqualTo(-1);
      SubmissionMetrics metrics = fake.counters.snapshot();
      assertThat(metrics.resubmissions()).isEqualTo(1);
      assertThat(metrics.duplicateTransactionIds()).isEqualTo(1);
      assertThat(metrics.unknownOutcomes()).isZero();
    }

    @Test
    void aResubmissionMarkedDuplicateFailsWhenTheOriginalIsInvalid() {
      Fake fake = lateOriginal(TxValidationCode.MVCC_READ_CONFLICT);

      assertThatThrownBy(() -> fake.submitter().submit(prepared()))
          .isInstanceOfSatisfying(
              TransactionInvalidatedException.class,
              e -> assertThat(e.validationCode()).isEqualTo("MVCC_READ_CONFLICT"));
      assertThat(fake.counters.snapshot().duplicateTransactionIds()).isEqualTo(1);
      assertThat(fake.counters.snapshot().resubmissions()).isEqualTo(1);
    }

    @Test
    void aDuplicateWhoseOriginalTheLedgerCannotShowIsAnUnknownOutcome() {
      Fake fake = new Fake(1);
      fake.statuses.add(() -> new TxStatus(TxValidationCode.DUPLICATE_TXID, 9));

      assertThatThrownBy(() -> fake.submitter().submit(prepared()))
          .isInstanceOfSatisfying(
              NetworkException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
      assertThat(fake.counters.snapshot()).isEqualTo(new SubmissionMetrics(1, 0, 1, 0, 1, 1));
    }

    @Test
    void aDuplicateCodeInTheLedgerIsPassedOverForAnotherEndpointsAnswer() throws Exception {
      Fake fake = new Fake(2);
      fake.lookUps.add(() -> Optional.of(TxValidationCode.DUPLICATE_TXID));
      fake.lookUps.add(() -> Optional.of(TxValidationCode.VALID));

      fake.submitter().submit(prepared());

      assertThat(fake.calls).endsWith("lookUp@0", "lookUp@1");
      assertThat(fake.sendTimes).hasSize(1);
    }
  }

  @Nested
  class WhenTheSubmissionCallFails {

    @Test
    void aDeliberateRefusalOfTheFirstSendIsDefinite() {
      Fake fake = new Fake(2);
      fake.sends.add(failing(Code.ABORTED, Stage.SUBMIT));

      assertThatThrownBy(() -> fake.submitter().submit(prepared()))
          .isInstanceOf(RegistryException.class)
          .isNotInstanceOf(NetworkException.class);
      assertThat(fake.calls).containsExactly("send@0");
      assertThat(fake.counters.snapshot()).isEqualTo(new SubmissionMetrics(1, 0, 0, 0, 0, 0));
    }

    @Test
    void aSendWithoutAnAnswerGoesOutAgainAtOnceThroughTheNextEndpoint() throws Exception {
      Fake fake = new Fake(2);
      fake.sends.add(failing(Code.UNAVAILABLE, Stage.SUBMIT));
      fake.statuses.add(() -> new TxStatus(TxValidationCode.VALID, 5));

      fake.submitter().submit(prepared());

      assertThat(fake.calls).containsExactly("send@0", "send@1", "status@1");
      assertThat(fake.clock.slept).isEmpty();
      assertThat(fake.counters.snapshot()).isEqualTo(new SubmissionMetrics(1, 1, 0, 0, 0, 0));
    }

    @Test
    void anEndpointWhoseConnectionCannotBeSetUpSendsNothingAndIsNoResubmission() throws Exception {
      Fake fake = new Fake(2);
      fake.sends.add(failingSetup());
      fake.statuses.add(() -> new TxStatus(TxValidationCode.VALID, 5));

      fake.submitter().submit(prepared());

      assertThat(fake.calls).containsExactly("send@0", "send@1", "status@1");
      assertThat(fake.counters.snapshot().resubmissions()).isZero();
    }

    @Test
    void whenNoConnectionCanBeSetUpNothingWasSent() {
      Fake fake = new Fake(2);
      fake.sendDefault = failingSetup();

      assertThatThrownBy(() -> fake.submitter().submit(prepared()))
          .isInstanceOfSatisfying(
              NetworkException.class,
              e -> {
                assertThat(e.outcomeUnknown()).isFalse();
                assertThat(e.stage()).isEqualTo(Stage.SUBMIT);
              });
      assertThat(fake.calls).containsExactly("send@0", "send@1", "send@0", "send@1");
      assertThat(fake.counters.snapshot()).isEqualTo(new SubmissionMetrics(1, 0, 0, 0, 0, 0));
    }

    @Test
    void whenEverySendFailsWithoutAnAnswerTheLedgerIsAskedOnce() {
      Fake fake = new Fake(2);
      fake.sendDefault = failing(Code.DEADLINE_EXCEEDED, Stage.SUBMIT);
      fake.lookUpDefault = Optional::empty;

      assertThatThrownBy(() -> fake.submitter().submit(prepared()))
          .isInstanceOfSatisfying(
              NetworkException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
      assertThat(fake.calls)
          .containsExactly("send@0", "send@1", "send@0", "send@1", "lookUp@0", "lookUp@1");
      assertThat(fake.counters.snapshot()).isEqualTo(new SubmissionMetrics(1, 3, 0, 0, 2, 1));
    }
  }

  @Nested
  class Metrics {

    @Test
    void countsAccumulateOverSubmissionsAndEachSnapshotStaysAsItWas() throws Exception {
      Fake fake = new Fake(2);
      Submitter submitter = fake.submitter();
      fake.statuses.add(() -> new TxStatus(TxValidationCode.VALID, 1));
      submitter.submit(prepared());
      SubmissionMetrics first = fake.counters.snapshot();

      fake.statuses.add(failing(Code.UNAVAILABLE, Stage.COMMIT_STATUS));
      fake.statuses.add(() -> new TxStatus(TxValidationCode.DUPLICATE_TXID, 2));
      fake.lookUps.add(() -> Optional.of(TxValidationCode.VALID));
      submitter.submit(prepared());

      assertThat(first).isEqualTo(new SubmissionMetrics(1, 0, 0, 0, 0, 0));
      assertThat(fake.counters.snapshot()).isEqualTo(new SubmissionMetrics(2, 0, 1, 1, 1, 0));
    }

    @Test
    void aNewConnectionsCountsAreZero() {
      assertThat(new SubmissionCounters().snapshot()).isEqualTo(SubmissionMetrics.ZERO);
    }

    @Test
    void countsCannotBeNegative() {
      assertThatThrownBy(() -> new SubmissionMetrics(0, -1, 0, 0, 0, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  static Prepared prepared() {
    return new Prepared(
        TX,
        "signed-transaction".getBytes(StandardCharsets.UTF_8),
        "{}".getBytes(StandardCharsets.UTF_8));
  }

  static CallFailure fail(Code code, Stage stage) {
    boolean unknown = stage == Stage.SUBMIT || stage == Stage.COMMIT_STATUS;
    RegistryException mapped =
        ErrorMapper.UNREACHABLE.contains(code)
            ? new NetworkException(
                stage + " failed (" + code + ")", stage, TX, code.name(), unknown, null)
            : new RegistryException(stage + " failed (" + code + ")", null, stage, TX, null, null);
    return new CallFailure(CallFailure.Kind.CALL, code, mapped);
  }

  static <T> Answer<T> failing(Code code, Stage stage) {
    return () -> {
      throw fail(code, stage);
    };
  }

  static <T> Answer<T> failingSetup() {
    return () -> {
      throw setupFailure();
    };
  }

  static CallFailure setupFailure() {
    return new CallFailure(
        CallFailure.Kind.SETUP,
        null,
        new NetworkException("cannot set up a connection", Stage.LOCAL, null, null, false, null));
  }

  /** One scripted answer. */
  @FunctionalInterface
  interface Answer<T> {
    T get() throws CallFailure;
  }

  /** A clock that moves only when the engine sleeps. */
  static final class FakeClock implements Submitter.Clock {
    long now;
    final List<Long> slept = new ArrayList<>();
    int interruptAfter = -1;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
      if (interruptAfter >= 0 && slept.size() >= interruptAfter) {
        throw new InterruptedException();
      }
      slept.add(millis);
      now += Duration.ofMillis(millis).toNanos();
    }
  }

  /**
   * The organisation's endpoints, scripted: each call takes the next queued answer of its kind, or
   * the default when none is queued (by default a send is accepted, and a commit status and a
   * ledger look-up give no answer).
   */
  static final class Fake implements SubmissionEndpoints {
    final int count;
    int preferred;
    final FakeClock clock = new FakeClock();
    final SubmissionCounters counters = new SubmissionCounters();
    Duration ledgerWait = WAIT;
    final List<String> calls = new ArrayList<>();
    final List<Long> sendTimes = new ArrayList<>();
    final List<byte[]> sentBytes = new ArrayList<>();
    final List<byte[]> commitRequests = new ArrayList<>();
    final Deque<Answer<byte[]>> sends = new ArrayDeque<>();
    final Deque<Answer<TxStatus>> statuses = new ArrayDeque<>();
    final Deque<Answer<Optional<TxValidationCode>>> lookUps = new ArrayDeque<>();
    Answer<byte[]> sendDefault = () -> REQUEST.clone();
    Answer<TxStatus> statusDefault =
        () -> {
          throw fail(Code.UNAVAILABLE, Stage.COMMIT_STATUS);
        };
    Answer<Optional<TxValidationCode>> lookUpDefault =
        () -> {
          throw fail(Code.UNAVAILABLE, Stage.EVALUATE);
        };

    Fake(int count) {
      this.count = count;
    }

    Submitter submitter() {
      return new Submitter(null, this, counters, ledgerWait, clock);
    }

    @Override
    public String mspId() {
      return "JusticeMSP";
    }

    @Override
    public int count() {
      return count;
    }

    @Override
    public int preferred() {
      return preferred;
    }

    @Override
    public void answered(int index) {
      preferred = index;
    }

    @Override
    public byte[] send(int index, Prepared prepared) throws CallFailure {
      calls.add("send@" + index);
      assertThat(prepared.transactionId()).isEqualTo(TX);
      byte[] request = next(sends, sendDefault);
      sendTimes.add(clock.now);
      sentBytes.add(prepared.bytes());
      return request;
    }

    @Override
    public TxStatus status(int index, String transactionId, byte[] commitRequest)
        throws CallFailure {
      calls.add("status@" + index);
      assertThat(transactionId).isEqualTo(TX);
      commitRequests.add(commitRequest.clone());
      return next(statuses, statusDefault);
    }

    @Override
    public Optional<TxValidationCode> lookUp(int index, String transactionId) throws CallFailure {
      calls.add("lookUp@" + index);
      assertThat(transactionId).isEqualTo(TX);
      return next(lookUps, lookUpDefault);
    }

    private static <T> T next(Deque<Answer<T>> queue, Answer<T> fallback) throws CallFailure {
      Answer<T> answer = queue.poll();
      return (answer == null ? fallback : answer).get();
    }
  }

  private static org.hyperledger.fabric.client.EndorseException endorseRefusal(
      String... mspAndMessage) {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder()
            .setCode(io.grpc.Status.Code.ABORTED.value())
            .setMessage("failed to endorse transaction, see attached details for more info");
    for (int i = 0; i < mspAndMessage.length; i += 2) {
      status.addDetails(
          com.google.protobuf.Any.pack(
              org.hyperledger.fabric.protos.gateway.ErrorDetail.newBuilder()
                  .setMspId(mspAndMessage[i])
                  .setAddress("peer0." + mspAndMessage[i])
                  .setMessage(mspAndMessage[i + 1])
                  .build()));
    }
    return new org.hyperledger.fabric.client.EndorseException(
        "tx", io.grpc.protobuf.StatusProto.toStatusRuntimeException(status.build()));
  }

  @Test
  void aRefusalGivenOnlyByTheCoEndorsersPeerIsTheCoEndorsersAlone() {
    String suspended = "chaincode response 500, AGENCY_SUSPENDED: agency JusticeMSP is suspended";
    String clock = "chaincode response 500, TIMESTAMP_OUT_OF_TOLERANCE: 400 s from this peer";
    assertThat(Endorser.refusedOnlyBy(endorseRefusal("AuditMSP", clock), "AuditMSP")).isTrue();
    // Both organisations refused: the agency's own peer agrees, the refusal is final.
    assertThat(
            Endorser.refusedOnlyBy(
                endorseRefusal("JusticeMSP", suspended, "AuditMSP", suspended), "AuditMSP"))
        .isFalse();
    // Only the own organisation refused.
    assertThat(Endorser.refusedOnlyBy(endorseRefusal("JusticeMSP", suspended), "AuditMSP"))
        .isFalse();
    // No contract code: not a refusal (an unreachable peer, mismatching answers).
    assertThat(
            Endorser.refusedOnlyBy(
                endorseRefusal("AuditMSP", "ProposalResponsePayloads do not match"), "AuditMSP"))
        .isFalse();
  }
}
