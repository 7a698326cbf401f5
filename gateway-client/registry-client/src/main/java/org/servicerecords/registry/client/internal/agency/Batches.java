package org.servicerecords.registry.client.internal.agency;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.BatchListener;
import org.servicerecords.registry.client.RecordOutcome;
import org.servicerecords.registry.client.RecordOutcome.Status;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.model.BatchRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.TransientKeys;

/**
 * Splits a batch into transactions the contract accepts, keeping the order, and runs them.
 *
 * <p>A transaction holds at most the contract's maximum number of records, its {@code BatchRequest}
 * argument stays under {@link InputRules#MAX_JSON_CHARS} (with {@link #JSON_MARGIN} to spare), and
 * its argument and transient data together stay under {@link #MAX_PAYLOAD_BYTES}, so the proposal
 * fits gRPC's default 4 MiB message with room for headers, certificate and signature.
 */
public final class Batches {

  /** Characters kept free below the contract's JSON limit. */
  static final int JSON_MARGIN = 4 * 1024;

  /** Most characters of one transaction's {@code BatchRequest} JSON. */
  static final int MAX_JSON_CHARS = InputRules.MAX_JSON_CHARS - JSON_MARGIN;

  /**
   * Most bytes of one transaction's JSON argument plus its transient keys and values: 4 MiB (gRPC's
   * default message limit) less 64 KiB for the proposal's header, creator certificate and
   * signature.
   */
  static final long MAX_PAYLOAD_BYTES = 4L * 1024 * 1024 - 64 * 1024;

  /** Characters of {@code {"records":[]}}: a batch's JSON is this plus its records and commas. */
  private static final int JSON_OVERHEAD =
      CanonicalJson.toJson(new BatchRequest(List.of())).length();

  private Batches() {}

  /**
   * One record of a batch, with its transient details built once (salt included), so that the bytes
   * measured when splitting are the bytes sent, in every retry round.
   *
   * @param request the request
   * @param details the {@code PrivateDetails} transient bytes, or {@code null} without details
   * @param jsonChars characters of the record's canonical JSON
   * @param payloadBytes UTF-8 bytes of the record's JSON plus its transient key and value
   */
  record Item(AnchorRequest request, byte[] details, int jsonChars, long payloadBytes) {

    /**
     * Measures a request.
     *
     * @param request the request
     * @param details its transient bytes, or {@code null}
     * @return the item
     */
    static Item of(AnchorRequest request, byte[] details) {
      String json = CanonicalJson.toJson(request.certificate());
      long payload = json.getBytes(StandardCharsets.UTF_8).length + 1L;
      if (details != null) {
        payload +=
            details.length
                + TransientKeys.batchDetails(request.certificate().id())
                    .getBytes(StandardCharsets.UTF_8)
                    .length;
      }
      return new Item(request, details, json.length(), payload);
    }

    String id() {
      return request.certificate().id();
    }
  }

  /**
   * Splits a list into consecutive chunks of at most {@code maximum} items.
   *
   * @param items the items
   * @param maximum the most items per chunk (at least 1)
   * @param <T> the item type
   * @return the chunks; every item in exactly one, in order; no chunk empty
   */
  static <T> List<List<T>> split(List<T> items, int maximum) {
    return split(items, maximum, t -> 0, 0, t -> 0, 0);
  }

  /**
   * Splits batch records into transactions: at most {@code maximum} records, the {@code
   * BatchRequest} JSON at most {@link #MAX_JSON_CHARS} characters, JSON and transient data at most
   * {@link #MAX_PAYLOAD_BYTES} bytes. A single record too large for either limit (the contract's
   * own rules make that impossible) gets a transaction of its own.
   *
   * @param items the records, checked
   * @param maximum the contract's batch maximum (at least 1)
   * @return the chunks; every record in exactly one, in order; no chunk empty
   */
  static List<List<Item>> forTransactions(List<Item> items, int maximum) {
    return split(
        items,
        maximum,
        item -> item.jsonChars() + 1L, // the comma (one too many overall: on the safe side)
        MAX_JSON_CHARS - JSON_OVERHEAD,
        Item::payloadBytes,
        MAX_PAYLOAD_BYTES - JSON_OVERHEAD);
  }

  /**
   * Splits a list into consecutive chunks bounded by count and by two additive sizes.
   *
   * @param items the items
   * @param maximum the most items per chunk (at least 1)
   * @param size the first size of an item
   * @param maxSize the most first size per chunk, or 0 for no limit
   * @param size2 the second size of an item
   * @param maxSize2 the most second size per chunk, or 0 for no limit
   * @param <T> the item type
   * @return the chunks; every item in exactly one, in order; no chunk empty
   */
  static <T> List<List<T>> split(
      List<T> items,
      int maximum,
      ToLongFunction<T> size,
      long maxSize,
      ToLongFunction<T> size2,
      long maxSize2) {
    if (maximum < 1) {
      throw new IllegalArgumentException("maximum must be at least 1, was " + maximum);
    }
    List<List<T>> chunks = new ArrayList<>();
    List<T> chunk = new ArrayList<>();
    long total = 0;
    long total2 = 0;
    for (T item : items) {
      long s = size.applyAsLong(item);
      long s2 = size2.applyAsLong(item);
      boolean full =
          chunk.size() >= maximum
              || (maxSize > 0 && total + s > maxSize)
              || (maxSize2 > 0 && total2 + s2 > maxSize2);
      if (full && !chunk.isEmpty()) {
        chunks.add(List.copyOf(chunk));
        chunk.clear();
        total = 0;
        total2 = 0;
      }
      chunk.add(item);
      total += s;
      total2 += s2;
    }
    if (!chunk.isEmpty()) {
      chunks.add(List.copyOf(chunk));
    }
    return chunks;
  }

  /** Anchors one chunk; may fail only by throwing unchecked (checked failures become outcomes). */
  interface ChunkAnchor {
    List<RecordOutcome> anchor(List<Item> chunk);
  }

  /**
   * Anchors chunks concurrently, at most {@code window} at once, putting each record's outcome into
   * {@code outcomes} as soon as it is known. A chunk whose worker fails unexpectedly (any exception
   * or error) gets {@link Status#FAILED} with the cause for each of its records that has no outcome
   * yet; the other chunks carry on, so every record ends with an outcome.
   *
   * @param chunks the chunks
   * @param executor where chunks run
   * @param window the most chunks in flight
   * @param anchor anchors one chunk
   * @param outcomes receives the outcomes, by record id (thread-safe map)
   * @param settled records settled so far (progress counter)
   * @param total records of the whole batch (for progress)
   * @param listener progress listener
   * @throws RegistryException if interrupted while waiting
   */
  static void run(
      List<List<Item>> chunks,
      ExecutorService executor,
      int window,
      ChunkAnchor anchor,
      Map<String, RecordOutcome> outcomes,
      AtomicInteger settled,
      int total,
      BatchListener listener)
      throws RegistryException {
    Semaphore permits = new Semaphore(Math.max(1, window));
    List<Future<?>> futures = new ArrayList<>(chunks.size());
    try {
      for (List<Item> chunk : chunks) {
        permits.acquire();
        try {
          futures.add(
              executor.submit(
                  () -> {
                    try {
                      for (RecordOutcome outcome : anchor.anchor(chunk)) {
                        outcomes.put(outcome.id(), outcome);
                      }
                    } finally {
                      permits.release();
                    }
                    listener.progress(settled.addAndGet(chunk.size()), total);
                    return null;
                  }));
        } catch (RejectedExecutionException e) {
          permits.release();
          futures.add(java.util.concurrent.CompletableFuture.failedFuture(e));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get();
          failUnsettled(chunks.get(i), null, outcomes);
        } catch (ExecutionException e) {
          failUnsettled(chunks.get(i), e.getCause(), outcomes);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.local("interrupted while submitting the batch", e);
    }
  }

  private static void failUnsettled(
      List<Item> chunk, Throwable cause, Map<String, RecordOutcome> outcomes) {
    String message =
        cause == null
            ? "batch worker gave no outcome for this record; rerun the batch to settle it"
            : cause instanceof RejectedExecutionException
                ? "not submitted: the connection is closing"
                : "batch worker failed ("
                    + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                    + "); the outcome is unknown, rerun the batch to settle it";
    for (Item item : chunk) {
      outcomes.putIfAbsent(item.id(), new RecordOutcome(item.id(), Status.FAILED, null, message));
    }
  }
}
