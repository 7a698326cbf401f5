package org.servicerecords.registry.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.servicerecords.registry.client.Auditor;
import org.servicerecords.registry.client.ListQuery;
import org.servicerecords.registry.client.ListRequest;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordPage;
import org.servicerecords.registry.model.RegistryRecord;

/**
 * Reads one run's records from the ledger through the library, as {@code Auditor.export} (behind
 * {@code registry export}) reads a namespace, but only as far as the run needs: it walks the
 * namespace's type index for the run's document types ({@code Auditor.list}, pages of {@value
 * ListRequest#MAX_PAGE_SIZE}), keeps the records of the run ({@link RunId#owns}), reads each one's
 * history ({@code Auditor.history}, a few in parallel), and looks up directly the history of every
 * journal id the index did not list. The cost is one page query per {@value
 * ListRequest#MAX_PAGE_SIZE} records of those types in the namespace, plus one history query per
 * record of the run: a full export would read every record's history.
 *
 * <p>A query that fails with a {@link NetworkException} is asked again ({@value #QUERY_ATTEMPTS}
 * attempts, 1, 2 and 4 s apart), since the oracle often runs right after faults were injected.
 */
final class LedgerScan {

  /** Attempts per query. */
  static final int QUERY_ATTEMPTS = 4;

  /** The two queries the scan makes; {@link #of} gives the library's. */
  interface Reads {

    /**
     * Reads one page of the type index.
     *
     * @param documentType the type
     * @param bookmark the previous page's bookmark, empty for the first
     * @return the page
     * @throws RegistryException if the query fails
     */
    RecordPage page(String documentType, String bookmark) throws RegistryException;

    /**
     * Reads a record's history, newest first.
     *
     * @param id the record id
     * @return the versions (empty when the key was never written)
     * @throws RegistryException if the query fails ({@link NotFoundException}, which the contract
     *     answers for a key never written, is read as an empty history)
     */
    List<RecordHistoryEntry> history(String id) throws RegistryException;
  }

  /**
   * The library's reads of a namespace.
   *
   * @param auditor the auditor of a connection
   * @param namespace the namespace or its agency's MSP id
   * @return the reads
   */
  static Reads of(Auditor auditor, String namespace) {
    return new Reads() {
      @Override
      public RecordPage page(String documentType, String bookmark) throws RegistryException {
        return auditor.list(
            ListRequest.of(namespace, ListQuery.TYPE, documentType)
                .pageSize(ListRequest.MAX_PAGE_SIZE)
                .bookmark(bookmark)
                .build());
      }

      @Override
      public List<RecordHistoryEntry> history(String id) throws RegistryException {
        return auditor.history(namespace, id);
      }
    };
  }

  private final Reads reads;
  private final int parallel;
  private final PrintStream log;
  private final long retryBaseMillis;

  /**
   * Creates a scan.
   *
   * @param reads the queries
   * @param parallel history queries in flight
   * @param log where progress goes
   * @param retryBaseMillis the wait before the second attempt of a query (doubled after)
   */
  LedgerScan(Reads reads, int parallel, PrintStream log, long retryBaseMillis) {
    if (parallel < 1) {
      throw new IllegalArgumentException("--parallel must be at least 1");
    }
    this.reads = Objects.requireNonNull(reads, "reads");
    this.parallel = parallel;
    this.log = Objects.requireNonNull(log, "log");
    this.retryBaseMillis = retryBaseMillis;
  }

  /**
   * Reads the run's records.
   *
   * @param runId the run id
   * @param documentTypes the types whose index is walked
   * @param journalIds the journal's record ids: those not listed are looked up directly
   * @return the snapshot
   * @throws RegistryException if a query keeps failing
   * @throws InterruptedException if interrupted
   */
  LedgerSnapshot scan(String runId, Collection<String> documentTypes, Collection<String> journalIds)
      throws RegistryException, InterruptedException {
    List<RegistryRecord> listed = new ArrayList<>();
    long pages = 0;
    long seen = 0;
    for (String type : new LinkedHashSet<>(documentTypes)) {
      String bookmark = "";
      do {
        String from = bookmark;
        RecordPage page = query(() -> reads.page(type, from));
        pages++;
        List<RegistryRecord> records = page.records() == null ? List.of() : page.records();
        seen += records.size();
        for (RegistryRecord r : records) {
          if (RunId.owns(runId, r.id())) {
            listed.add(r);
          }
        }
        bookmark = page.bookmark() == null || records.isEmpty() ? "" : page.bookmark();
        if (pages % 100 == 0) {
          log.println(
              "oracle: "
                  + pages
                  + " pages, "
                  + seen
                  + " records, "
                  + listed.size()
                  + " of the run");
        }
      } while (!bookmark.isEmpty());
    }
    log.println(
        "oracle: type index walked ("
            + pages
            + " pages, "
            + seen
            + " records); "
            + listed.size()
            + " listings of run "
            + runId);
    Set<String> listedIds = new LinkedHashSet<>();
    listed.forEach(r -> listedIds.add(r.id()));
    List<String> unlistedIds = new ArrayList<>();
    for (String id : journalIds) {
      if (!listedIds.contains(id)) {
        unlistedIds.add(id);
      }
    }
    Map<String, List<RecordHistoryEntry>> histories = histories(listedIds, unlistedIds);
    List<LedgerSnapshot.Entry> entries = new ArrayList<>();
    for (RegistryRecord r : listed) {
      entries.add(new LedgerSnapshot.Entry(r.id(), r, histories.get(r.id())));
    }
    Map<String, LedgerSnapshot.Entry> unlisted = new LinkedHashMap<>();
    for (String id : unlistedIds) {
      List<RecordHistoryEntry> h = histories.get(id);
      RegistryRecord newest = h.isEmpty() || h.get(0).deleted() ? null : h.get(0).record();
      unlisted.put(id, new LedgerSnapshot.Entry(id, newest, h));
    }
    log.println(
        "oracle: "
            + listedIds.size()
            + " histories read; "
            + unlistedIds.size()
            + " journal ids not listed, looked up directly");
    return new LedgerSnapshot(entries, unlisted);
  }

  private Map<String, List<RecordHistoryEntry>> histories(
      Collection<String> listedIds, Collection<String> unlistedIds)
      throws RegistryException, InterruptedException {
    List<String> ids = new ArrayList<>(listedIds);
    ids.addAll(unlistedIds);
    Map<String, Future<List<RecordHistoryEntry>>> futures = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      for (String id : ids) {
        futures.put(id, pool.submit(() -> query(() -> historyOf(id))));
      }
      Map<String, List<RecordHistoryEntry>> out = new LinkedHashMap<>();
      for (Map.Entry<String, Future<List<RecordHistoryEntry>>> f : futures.entrySet()) {
        try {
          List<RecordHistoryEntry> h = f.getValue().get();
          out.put(f.getKey(), h == null ? List.of() : h);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RegistryException r) {
            throw r;
          }
          throw RegistryException.local("history of " + f.getKey() + " failed", e.getCause());
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The history of a record; none when the contract says it has no such record. */
  private List<RecordHistoryEntry> historyOf(String id) throws RegistryException {
    try {
      return reads.history(id);
    } catch (NotFoundException e) {
      return List.of();
    }
  }

  /** A query of the library. */
  @FunctionalInterface
  private interface Query<T> {
    T ask() throws RegistryException;
  }

  private <T> T query(Query<T> q) throws RegistryException, InterruptedException {
    long wait = retryBaseMillis;
    for (int attempt = 1; ; attempt++) {
      try {
        return q.ask();
      } catch (NetworkException e) {
        if (attempt >= QUERY_ATTEMPTS) {
          throw e;
        }
        Thread.sleep(wait);
        wait *= 2;
      }
    }
  }
}
