package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.model.Verdict;

/** Targets of revocations and verifications, whose expected verdict cannot change under them. */
class RunStateTest {

  private final RunState state = new RunState();
  private final Random random = new Random(1);

  private static RunState.Entry e(int n) {
    return new RunState.Entry("r-" + n, "h" + n);
  }

  @Test
  void nothingToDoBeforeAnAcknowledgement() {
    assertThat(state.claimForRevocation(random)).isEmpty();
    assertThat(state.claimForVerification(random)).isEmpty();
  }

  @Test
  void aRecordBeingVerifiedIsNotRevoked() {
    state.anchored(e(0));
    Optional<RunState.Target> verifying = state.claimForVerification(random);
    assertThat(verifying).contains(new RunState.Target(e(0), Verdict.VALID));

    assertThat(state.claimForRevocation(random)).isEmpty();

    state.verified(e(0));
    assertThat(state.claimForRevocation(random)).contains(e(0));
  }

  @Test
  void aRecordBeingRevokedIsNotVerifiedAndOnceRevokedIsExpectedRevoked() {
    state.anchored(e(0));
    RunState.Entry claimed = state.claimForRevocation(random).orElseThrow();

    assertThat(state.claimForVerification(random)).isEmpty();
    assertThat(state.activeCount()).isZero();

    state.revoked(claimed);
    assertThat(state.claimForVerification(random))
        .contains(new RunState.Target(e(0), Verdict.REVOKED));
    assertThat(state.claimForRevocation(random)).isEmpty();
    assertThat(state.revokedCount()).isEqualTo(1);
  }

  @Test
  void eachActiveRecordIsClaimedForRevocationOnce() {
    for (int i = 0; i < 50; i++) {
      state.anchored(e(i));
    }
    Set<String> claimed = new HashSet<>();
    Optional<RunState.Entry> next;
    while ((next = state.claimForRevocation(random)).isPresent()) {
      assertThat(claimed.add(next.get().id())).isTrue();
    }
    assertThat(claimed).hasSize(50);
  }
}
