package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.bench.RetryLoop.Result;
import org.servicerecords.registry.bench.RetryLoop.Step;
import org.servicerecords.registry.client.AlreadyExistsException;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.model.ErrorCode;

/** The retry loop with synthetic attempts. */
class RetryLoopTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final RetryLoop loop =
      new RetryLoop(
          new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(4)), pool, System::nanoTime);
  private final List<String> retries = new ArrayList<>();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private static long in(Duration d) {
    return System.nanoTime() + d.toNanos();
  }

  @Test
  void retriesUntilAcknowledged() throws Exception {
    AtomicInteger calls = new AtomicInteger();

    Result<String> r =
        loop.<String>run(
                n -> {
                  calls.incrementAndGet();
                  if (n < 3) {
                    return CompletableFuture.failedFuture(
                        NetworkException.unknownOutcome(
                            "x", Stage.SUBMIT, "t", "UNAVAILABLE", null));
                  }
                  return CompletableFuture.completedFuture(new Step.Done<>("ok"));
                },
                in(Duration.ofSeconds(10)),
                (cause, unknown) -> retries.add(cause + "/" + unknown))
            .get(5, TimeUnit.SECONDS);

    assertThat(r).isEqualTo(new Result<>("ok", null, 3));
    assertThat(r.acknowledged()).isTrue();
    assertThat(calls.get()).isEqualTo(3);
    assertThat(retries).containsExactly("outcome_unknown/true", "outcome_unknown/true");
  }

  @Test
  void aRefusalIsNotRetried() throws Exception {
    Result<String> r =
        loop.<String>run(
                n ->
                    CompletableFuture.completedFuture(
                        loop.fromFailure(
                            new AlreadyExistsException(
                                "x", ErrorCode.ALREADY_EXISTS, Stage.ENDORSE, null, null))),
                in(Duration.ofSeconds(10)),
                (cause, unknown) -> retries.add(cause))
            .get(5, TimeUnit.SECONDS);

    assertThat(r).isEqualTo(new Result<>(null, "refused_ALREADY_EXISTS", 1));
    assertThat(retries).isEmpty();
  }

  @Test
  void theDeadlineStopsNewAttemptsAndKeepsTheLastCause() throws Exception {
    AtomicInteger calls = new AtomicInteger();

    Result<String> r =
        loop.<String>run(
                n -> {
                  calls.incrementAndGet();
                  return CompletableFuture.completedFuture(
                      new Step.Retry<>(RetryPolicy.UNAVAILABLE, false));
                },
                in(Duration.ofMillis(100)),
                (cause, unknown) -> retries.add(cause))
            .get(5, TimeUnit.SECONDS);

    assertThat(r.acknowledged()).isFalse();
    assertThat(r.cause()).isEqualTo(RetryPolicy.UNAVAILABLE);
    assertThat(r.attempts()).isEqualTo(calls.get()).isGreaterThan(3);
    assertThat(retries).hasSize(r.attempts() - 1);
  }

  @Test
  void anAttemptThatThrowsIsClassified() throws Exception {
    Result<String> r =
        loop.<String>run(
                n -> {
                  if (n == 1) {
                    throw new IllegalStateException("boom");
                  }
                  return CompletableFuture.completedFuture(new Step.Done<>("ok"));
                },
                in(Duration.ofSeconds(10)),
                (cause, unknown) -> retries.add(cause))
            .get(5, TimeUnit.SECONDS);

    assertThat(r.value()).isEqualTo("ok");
    assertThat(retries).containsExactly(RetryPolicy.OTHER);
  }
}
