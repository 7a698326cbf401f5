package org.servicerecords.registry.bench;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs an operation's attempts until one is acknowledged, one is refused for good, or the deadline
 * (the run's end plus its settle period) leaves no time for another: between attempts it waits the
 * {@link RetryPolicy#backoff} on a delayed executor, so no thread sleeps. An attempt already
 * started is never abandoned; the deadline only stops new ones.
 */
final class RetryLoop {

  /** What one attempt came to. */
  sealed interface Step<T> {

    /**
     * Acknowledged.
     *
     * @param value what the attempt answered
     * @param <T> its type
     */
    record Done<T>(T value) implements Step<T> {}

    /**
     * Failed; send the same request again.
     *
     * @param cause the failure's label ({@link RetryPolicy})
     * @param outcomeUnknown whether the attempt may have committed
     * @param <T> the answer's type
     */
    record Retry<T>(String cause, boolean outcomeUnknown) implements Step<T> {}

    /**
     * Failed for good.
     *
     * @param cause the failure's label
     * @param <T> the answer's type
     */
    record GiveUp<T>(String cause) implements Step<T> {}
  }

  /** One attempt of an operation. */
  @FunctionalInterface
  interface Attempt<T> {

    /**
     * Starts an attempt.
     *
     * @param number 1 for the first attempt
     * @return what it came to; an exceptional completion is classified by the policy
     */
    CompletionStage<Step<T>> start(int number);
  }

  /** Told of every retry, for the counts. */
  @FunctionalInterface
  interface Listener {

    /**
     * An attempt failed and the request will be sent again.
     *
     * @param cause the failure's label
     * @param outcomeUnknown whether the failed attempt may have committed
     */
    void retrying(String cause, boolean outcomeUnknown);
  }

  /**
   * How an operation ended.
   *
   * @param value the acknowledged answer, or {@code null}
   * @param cause why it was given up, or {@code null} when acknowledged
   * @param attempts how many attempts were started
   * @param <T> the answer's type
   */
  record Result<T>(T value, String cause, int attempts) {

    /**
     * Says whether an attempt was acknowledged.
     *
     * @return true when it was
     */
    boolean acknowledged() {
      return cause == null;
    }
  }

  private final RetryPolicy policy;
  private final Executor executor;
  private final LongSupplier nanoClock;

  /**
   * Creates a loop.
   *
   * @param policy the classification and backoff
   * @param executor where delayed attempts start
   * @param nanoClock the clock deadlines are on ({@code System::nanoTime})
   */
  RetryLoop(RetryPolicy policy, Executor executor, LongSupplier nanoClock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /**
   * Returns the policy.
   *
   * @return the policy
   */
  RetryPolicy policy() {
    return policy;
  }

  /**
   * Runs the attempts.
   *
   * @param attempt starts one attempt
   * @param deadlineNanos no attempt starts after this instant of the nano clock
   * @param listener told of each retry
   * @param <T> the answer's type
   * @return how it ended; never completes exceptionally
   */
  <T> CompletableFuture<Result<T>> run(Attempt<T> attempt, long deadlineNanos, Listener listener) {
    CompletableFuture<Result<T>> done = new CompletableFuture<>();
    next(attempt, 1, deadlineNanos, listener, done);
    return done;
  }

  private <T> void next(
      Attempt<T> attempt,
      int number,
      long deadlineNanos,
      Listener listener,
      CompletableFuture<Result<T>> done) {
    CompletionStage<Step<T>> stage;
    try {
      stage = attempt.start(number);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (step, error) -> {
          Step<T> s = error != null ? fromFailure(error) : step;
          if (s instanceof Step.Done<T> d) {
            done.complete(new Result<>(d.value(), null, number));
          } else if (s instanceof Step.GiveUp<T> g) {
            done.complete(new Result<>(null, g.cause(), number));
          } else if (s instanceof Step.Retry<T> r) {
            long wait = policy.backoff(number, ThreadLocalRandom.current().nextDouble()).toNanos();
            if (nanoClock.getAsLong() + wait > deadlineNanos) {
              done.complete(new Result<>(null, r.cause(), number));
              return;
            }
            listener.retrying(r.cause(), r.outcomeUnknown());
            CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, executor)
                .execute(() -> next(attempt, number + 1, deadlineNanos, listener, done));
          } else {
            done.complete(new Result<>(null, RetryPolicy.OTHER, number));
          }
        });
  }

  /**
   * The step a failure means, by the policy.
   *
   * @param failure what an attempt threw
   * @param <T> the answer's type
   * @return {@link Step.Retry} or {@link Step.GiveUp}
   */
  <T> Step<T> fromFailure(Throwable failure) {
    RetryPolicy.Decision d = policy.classify(failure);
    return d.retry()
        ? new Step.Retry<>(d.cause(), d.outcomeUnknown())
        : new Step.GiveUp<>(d.cause());
  }
}
