package org.servicerecords.registry.client.internal.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;

/** The governance listener's loop: it survives any failure and retries with a bounded backoff. */
class GovernanceFeedTest {

  @Test
  void unexpectedRuntimeExceptionsDoNotEndTheListenerAndEachFailureDropsTheSnapshot() {
    AtomicBoolean closed = new AtomicBoolean();
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger lost = new AtomicInteger();
    List<Long> sleeps = new ArrayList<>();
    GovernanceFeed.keepListening(
        closed::get,
        up -> {
          int attempt = attempts.incrementAndGet();
          switch (attempt) {
            case 1 -> throw new IllegalStateException("unexpected in the stream");
            case 2 -> throw new NullPointerException();
            case 3 ->
                throw new RegistryException("peer gone", null, Stage.EVENTS, null, null, null);
            case 4 -> {
              up.run();
              throw new IllegalArgumentException("after being up");
            }
            case 5 -> {
              // The stream ends without an error: also a lost stream.
            }
            default -> closed.set(true);
          }
        },
        lost::incrementAndGet,
        sleeps::add,
        1_000,
        4_000);
    assertThat(attempts).hasValue(6);
    assertThat(lost).hasValue(5);
    // Doubling up to the bound; a stream that was up starts the backoff again.
    assertThat(sleeps).containsExactly(1_000L, 2_000L, 4_000L, 1_000L, 2_000L);
  }

  @Test
  void backoffStaysBoundedAndTheLoopEndsWhenClosed() {
    AtomicBoolean closed = new AtomicBoolean();
    List<Long> sleeps = new ArrayList<>();
    GovernanceFeed.keepListening(
        closed::get,
        up -> {
          throw new UnsupportedOperationException("always");
        },
        () -> {},
        millis -> {
          sleeps.add(millis);
          if (sleeps.size() == 20) {
            closed.set(true);
          }
        },
        GovernanceFeed.FIRST_RETRY_MILLIS,
        GovernanceFeed.MAX_RETRY_MILLIS);
    assertThat(sleeps).hasSize(20).allSatisfy(s -> assertThat(s).isBetween(1_000L, 30_000L));
    assertThat(sleeps.get(19)).isEqualTo(GovernanceFeed.MAX_RETRY_MILLIS);
  }

  @Test
  void aFailureAfterCloseEndsTheLoopWithoutMarkingAnything() {
    AtomicBoolean closed = new AtomicBoolean();
    AtomicInteger lost = new AtomicInteger();
    GovernanceFeed.keepListening(
        closed::get,
        up -> {
          closed.set(true);
          throw new IllegalStateException("stream cancelled by close");
        },
        lost::incrementAndGet,
        millis -> {
          throw new AssertionError("no retry after close");
        },
        1,
        1);
    assertThat(lost).hasValue(0);
  }
}
