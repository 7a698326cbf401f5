package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicerecords.registry.bench.TestRecords.active;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordPage;
import org.servicerecords.registry.model.RegistryRecord;

/** The oracle's read of the ledger, over made-up pages and histories. */
class LedgerScanTest {

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  /**
   * A type index of pages of two, and histories by id (RECORD_NOT_FOUND for an id never written, as
   * the contract answers); the first {@code failures} queries fail.
   */
  private static final class Pages implements LedgerScan.Reads {
    final Map<String, List<RegistryRecord>> byType = new HashMap<>();
    final Map<String, List<RecordHistoryEntry>> histories = new HashMap<>();
    final List<String> historiesAsked = new ArrayList<>();
    final AtomicInteger failures = new AtomicInteger();

    private void maybeFail() throws NetworkException {
      if (failures.getAndDecrement() > 0) {
        throw NetworkException.unreachable("down", Stage.EVALUATE, null, "UNAVAILABLE", null);
      }
    }

    @Override
    public RecordPage page(String type, String bookmark) throws RegistryException {
      maybeFail();
      List<RegistryRecord> all = byType.getOrDefault(type, List.of());
      int from = bookmark.isEmpty() ? 0 : Integer.parseInt(bookmark);
      int to = Math.min(all.size(), from + 2);
      return new RecordPage(
          all.subList(from, to), to < all.size() ? Integer.toString(to) : "", to - from);
    }

    @Override
    public synchronized List<RecordHistoryEntry> history(String id) throws RegistryException {
      maybeFail();
      historiesAsked.add(id);
      if (!histories.containsKey(id)) {
        throw new NotFoundException(
            "RECORD_NOT_FOUND: no record '" + id + "' in this namespace",
            ErrorCode.RECORD_NOT_FOUND,
            Stage.EVALUATE,
            null,
            null);
      }
      return histories.get(id);
    }
  }

  private LedgerScan scan(Pages pages) {
    return new LedgerScan(pages, 2, new PrintStream(log, true, StandardCharsets.UTF_8), 1);
  }

  @Test
  void walksEveryPageOfTheRunsTypesAndReadsOnlyTheRunsHistories() throws Exception {
    Pages pages = new Pages();
    RegistryRecord a = active("r1-0");
    RegistryRecord b = active("r1-1");
    RegistryRecord notary = active("r1-2", TestRecords.hash("r1-2"), "NOTARIAL_ACT");
    pages.byType.put(
        TestRecords.TYPE, List.of(active("other-0"), a, active("r10-3"), b, active("other-1")));
    pages.byType.put("NOTARIAL_ACT", List.of(notary));
    for (RegistryRecord r : List.of(a, b, notary)) {
      pages.histories.put(r.id(), List.of(TestRecords.version(r)));
    }
    RegistryRecord hidden = active("r1-4");
    pages.histories.put("r1-4", List.of(TestRecords.version(hidden)));

    LedgerSnapshot snapshot =
        scan(pages)
            .scan(
                "r1",
                List.of(TestRecords.TYPE, "NOTARIAL_ACT"),
                List.of("r1-0", "r1-1", "r1-2", "r1-4", "r1-5"));

    assertThat(snapshot.listed())
        .extracting(LedgerSnapshot.Entry::id)
        .containsExactly("r1-0", "r1-1", "r1-2");
    assertThat(snapshot.listed().get(0).history()).hasSize(1);
    assertThat(snapshot.unlisted()).containsOnlyKeys("r1-4", "r1-5");
    assertThat(snapshot.unlisted().get("r1-4").record()).isEqualTo(hidden);
    assertThat(snapshot.unlisted().get("r1-5").everWritten()).isFalse();
    assertThat(pages.historiesAsked)
        .containsExactlyInAnyOrder("r1-0", "r1-1", "r1-2", "r1-4", "r1-5");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("4 pages, 6 records");
  }

  @Test
  void aQueryThatFailsIsAskedAgainThenGivesUp() throws Exception {
    Pages pages = new Pages();
    pages.byType.put(TestRecords.TYPE, List.of(active("r1-0")));
    pages.histories.put("r1-0", List.of(TestRecords.version(active("r1-0"))));
    pages.failures.set(LedgerScan.QUERY_ATTEMPTS - 1);

    assertThat(scan(pages).scan("r1", List.of(TestRecords.TYPE), List.of("r1-0")).listed())
        .hasSize(1);

    pages.failures.set(LedgerScan.QUERY_ATTEMPTS);
    assertThatThrownBy(() -> scan(pages).scan("r1", List.of(TestRecords.TYPE), List.of()))
        .isInstanceOf(NetworkException.class);
  }
}
