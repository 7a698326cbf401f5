package org.servicerecords.registry.client.internal.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.RecordOutcome;
import org.servicerecords.registry.client.RecordOutcome.Status;
import org.servicerecords.registry.model.BatchRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.TransientKeys;

/** Batches are split by the contract's JSON limit and a bound on transient data, not only count. */
class BatchSizeTest {

  /** Metadata as large as the contract allows, with characters JSON escapes to six. */
  static SortedMap<String, String> maximalMetadata() {
    SortedMap<String, String> metadata = new TreeMap<>();
    for (int i = 0; i < InputRules.MAX_METADATA_ENTRIES; i++) {
      String key = String.format("k%02d", i) + "x".repeat(InputRules.MAX_METADATA_KEY - 3);
      int valueBytes =
          InputRules.MAX_METADATA_BYTES / InputRules.MAX_METADATA_ENTRIES
              - InputRules.MAX_METADATA_KEY;
      metadata.put(key, "\u0001".repeat(valueBytes));
    }
    return metadata;
  }

  /** Personal details of just under the contract's 16 KiB. */
  static SortedMap<String, String> maximalDetails() {
    SortedMap<String, String> details = new TreeMap<>();
    int length = 1;
    while (true) {
      SortedMap<String, String> candidate = new TreeMap<>();
      for (int i = 0; i < InputRules.MAX_DETAILS_ENTRIES; i++) {
        candidate.put(String.format("d%02d", i), "v".repeat(length));
      }
      if (RequestChecks.detailsBytes(candidate) > InputRules.MAX_DETAILS_BYTES) {
        return details;
      }
      details = candidate;
      length++;
    }
  }

  static AnchorRequest request(int i, SortedMap<String, String> details) {
    return new AnchorRequest(
        CertificateRequest.builder()
            .id(String.format("bc-%04d-", i) + "i".repeat(110))
            .documentType("BIRTH_CERTIFICATE")
            .documentHash("a".repeat(64))
            .subjectRef("s".repeat(128))
            .validFrom("2025-01-01T00:00:00Z")
            .validUntil("2035-01-01T00:00:00Z")
            .applicationId("app-" + "a".repeat(124))
            .metadata(maximalMetadata())
            .build(),
        details);
  }

  private static final String SALT = "5a".repeat(32);

  private static List<Batches.Item> items(int count, SortedMap<String, String> details) {
    List<Batches.Item> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      AnchorRequest request = request(i, details);
      assertThat(RequestChecks.anchor(request)).isEmpty();
      items.add(
          Batches.Item.of(
              request,
              details.isEmpty()
                  ? null
                  : DetailsStore.detailsBytes(SALT, request.personalDetails())));
    }
    return items;
  }

  @Test
  void fiveHundredMaximalRecordsAreSplitSoEveryTransactionIsUnderTheContractsJsonLimit() {
    List<Batches.Item> items = items(InputRules.BATCH_MAXIMUM, new TreeMap<>());
    List<List<Batches.Item>> chunks = Batches.forTransactions(items, InputRules.BATCH_MAXIMUM);
    assertThat(chunks).hasSizeGreaterThan(1);
    for (List<Batches.Item> chunk : chunks) {
      String json = batchJson(chunk);
      assertThat(json.length()).isLessThanOrEqualTo(Batches.MAX_JSON_CHARS);
      assertThat(json.length()).isLessThan(InputRules.MAX_JSON_CHARS);
    }
    // Not wastefully small either: a chunk plus the next record would have been too large.
    for (int i = 0; i + 1 < chunks.size(); i++) {
      List<Batches.Item> more = new ArrayList<>(chunks.get(i));
      more.add(chunks.get(i + 1).get(0));
      assertThat(batchJson(more).length()).isGreaterThan(Batches.MAX_JSON_CHARS - 1);
    }
    assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(items);
  }

  @Test
  void transientDetailsOfOneTransactionStayUnderFourMebibytes() {
    SortedMap<String, String> details = maximalDetails();
    List<Batches.Item> items = new ArrayList<>();
    for (int i = 0; i < InputRules.BATCH_MAXIMUM; i++) {
      // Small public records: only the transient details make the transaction large.
      AnchorRequest request = new AnchorRequest(withId("r" + i), details);
      assertThat(RequestChecks.anchor(request)).isEmpty();
      items.add(
          Batches.Item.of(request, DetailsStore.detailsBytes(SALT, request.personalDetails())));
    }
    assertThat(items.get(0).details().length)
        .isGreaterThan(InputRules.MAX_DETAILS_BYTES - 600)
        .isLessThanOrEqualTo(InputRules.MAX_DETAILS_BYTES);
    List<List<Batches.Item>> chunks = Batches.forTransactions(items, InputRules.BATCH_MAXIMUM);
    assertThat(chunks).hasSizeGreaterThan(1);
    for (List<Batches.Item> chunk : chunks) {
      long bytes = batchJson(chunk).getBytes(StandardCharsets.UTF_8).length;
      for (Batches.Item item : chunk) {
        bytes += TransientKeys.batchDetails(item.id()).getBytes(StandardCharsets.UTF_8).length;
        bytes += item.details().length;
      }
      assertThat(bytes).isLessThanOrEqualTo(4L * 1024 * 1024);
      assertThat(batchJson(chunk).length()).isLessThan(InputRules.MAX_JSON_CHARS);
    }
    assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(items);
  }

  @Test
  void smallRecordsAreStillSplitByCount() {
    List<Batches.Item> items = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      items.add(Batches.Item.of(AnchorRequest.of(RequestRulesTest.GOOD), null));
    }
    assertThat(Batches.forTransactions(items, 500))
        .extracting(List::size)
        .containsExactly(500, 500, 1);
  }

  @Test
  void aFailingChunkWorkerMarksItsRecordsFailedAndTheOtherChunksStillReport() throws Exception {
    List<Batches.Item> items = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      items.add(Batches.Item.of(AnchorRequest.of(withId("r" + i)), null));
    }
    List<List<Batches.Item>> chunks = Batches.split(items, 3);
    Map<String, RecordOutcome> outcomes = new ConcurrentHashMap<>();
    AtomicInteger settled = new AtomicInteger();
    List<Integer> progress = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      Batches.run(
          chunks,
          executor,
          2,
          chunk -> {
            if (chunk.get(0).id().equals("r3")) {
              throw new IllegalStateException("worker broke");
            }
            return chunk.stream()
                .map(item -> new RecordOutcome(item.id(), Status.ANCHORED, "tx", null))
                .toList();
          },
          outcomes,
          settled,
          10,
          (done, total) -> progress.add(done));
    } finally {
      executor.shutdownNow();
    }
    assertThat(outcomes).hasSize(10);
    for (int i = 0; i < 10; i++) {
      RecordOutcome outcome = outcomes.get("r" + i);
      if (i >= 3 && i < 6) {
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.message()).contains("IllegalStateException", "worker broke");
      } else {
        assertThat(outcome.status()).isEqualTo(Status.ANCHORED);
      }
    }
  }

  static CertificateRequest withId(String id) {
    CertificateRequest g = RequestRulesTest.GOOD;
    return CertificateRequest.builder()
        .id(id)
        .documentType(g.documentType())
        .documentHash(g.documentHash())
        .subjectRef(g.subjectRef())
        .validFrom(g.validFrom())
        .validUntil(g.validUntil())
        .applicationId(g.applicationId())
        .metadata(g.metadata())
        .build();
  }

  private static String batchJson(List<Batches.Item> chunk) {
    return CanonicalJson.toJson(
        new BatchRequest(chunk.stream().map(item -> item.request().certificate()).toList()));
  }
}
