package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code preload-only} without a network: batches sized, in flight bounded, progress printed. */
class PreloaderTest {

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private Preloader preloader(int batchSize, int window) {
    return new Preloader(
        batchSize,
        window,
        Duration.ofSeconds(10),
        FailureCause::of,
        () -> 0,
        new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @Test
  void anchorsEveryRecordInBatchesWithinTheWindowAndPrintsProgressEvery10000() throws Exception {
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(8);
    try {
      LoadResult result =
          preloader(500, 4)
              .run(
                  size ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            sizes.add(size);
                            inFlight.decrementAndGet();
                            return size;
                          },
                          executor),
                  25_250);

      assertThat(result.units()).isEqualTo(25_250);
      assertThat(result.successes()).isEqualTo(51);
      assertThat(result.failureCount()).isZero();
      assertThat(result.unfinished()).isZero();
      assertThat(result.settings().window()).isEqualTo(4);
      assertThat(sizes).hasSize(51).containsOnly(500, 250);
      assertThat(sizes.stream().filter(s -> s == 250)).hasSize(1);
      assertThat(most.get()).isLessThanOrEqualTo(4);
      assertThat(log.toString(StandardCharsets.UTF_8).lines())
          .hasSize(2)
          .satisfiesExactly(
              l -> assertThat(l).startsWith("preloaded 10000 of 25250 records"),
              l -> assertThat(l).startsWith("preloaded 20000 of 25250 records"));
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void failedBatchesAreCountedByCauseAndPartBatchesByTheirRecordsOnTheLedger() throws Exception {
    AtomicInteger n = new AtomicInteger();
    LoadResult result =
        preloader(100, 2)
            .run(
                size -> {
                  int i = n.getAndIncrement();
                  CompletionStage<Integer> stage =
                      i % 2 == 0
                          ? CompletableFuture.completedFuture(size - 10)
                          : CompletableFuture.failedFuture(
                              new CompletionException(
                                  new FailureCause.BatchFailedException(
                                      "MVCC_READ_CONFLICT: conflict")));
                  return stage;
                },
                1000);

    assertThat(result.successes()).isEqualTo(5);
    assertThat(result.units()).isEqualTo(450);
    assertThat(result.failures()).containsExactly(Map.entry(FailureCause.MVCC_CONFLICT, 5L));
    assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
