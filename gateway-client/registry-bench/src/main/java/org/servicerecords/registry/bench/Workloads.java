package org.servicerecords.registry.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.hyperledger.fabric.client.Contract;
import org.servicerecords.registry.bench.FailureCause.BatchFailedException;
import org.servicerecords.registry.bench.FailureCause.UnexpectedResultException;
import org.servicerecords.registry.client.AnchorBatch;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.Auditor;
import org.servicerecords.registry.client.BatchReport;
import org.servicerecords.registry.client.GovernanceAdmin;
import org.servicerecords.registry.client.ListQuery;
import org.servicerecords.registry.client.ListRequest;
import org.servicerecords.registry.client.RecordOutcome;
import org.servicerecords.registry.client.RegistryClient;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.VerificationReport;
import org.servicerecords.registry.client.VerificationRequest;
import org.servicerecords.registry.client.Verifier;
import org.servicerecords.registry.model.AgencyHistoryEntry;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordPage;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verdict;

/**
 * The operations of each {@link Workload}, and their preload steps. The library's {@code
 * anchorCertificateAsync} runs on the library's own executor; every blocking call ({@code
 * anchorBatch}, {@code verify}, the Gateway SDK's {@code submitTransaction} and {@code
 * evaluateTransaction}) runs on the given pool, which the caller sizes to the window, so the window
 * alone bounds what is in flight and no thread is made per request.
 */
final class Workloads {

  /**
   * Records per {@code anchorBatch} call in a preload (the library splits it into transactions).
   */
  static final int PRELOAD_CHUNK = 10_000;

  /** Records per page of the {@code list-page} workload. */
  static final int LIST_PAGE_SIZE = 100;

  /** Records per page when hashes are read from the ledger ({@code --verify-from-ledger}). */
  static final int HASH_PAGE_SIZE = ListRequest.MAX_PAGE_SIZE;

  /** The reason code of the {@code history-revoked} preload's revocations. */
  static final String REVOKE_REASON = "BENCH";

  private final ExecutorService pool;
  private final RecordFactory records;
  private final PrintStream log;

  Workloads(ExecutorService pool, RecordFactory records, PrintStream log) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.records = Objects.requireNonNull(records, "records");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** {@code reference:Put(key, value)}, submitted and committed. */
  Operation referencePut(Contract contract) {
    return () ->
        CompletableFuture.supplyAsync(
            () -> {
              String key = records.nextKey();
              try {
                contract.submitTransaction("Put", key, RecordFactory.sha256(key));
              } catch (Exception e) {
                throw new CompletionException(e);
              }
              return 1;
            },
            pool);
  }

  /** {@code reference:Get(key)} of a random preloaded key, which must answer its value. */
  Operation referenceGet(Contract contract, List<String> keys) {
    return () ->
        CompletableFuture.supplyAsync(
            () -> {
              String key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
              String value;
              try {
                value =
                    new String(contract.evaluateTransaction("Get", key), StandardCharsets.UTF_8);
              } catch (Exception e) {
                throw new CompletionException(e);
              }
              if (!value.equals(RecordFactory.sha256(key))) {
                throw new CompletionException(
                    new UnexpectedResultException("Get(" + key + ") answered another value"));
              }
              return 1;
            },
            pool);
  }

  /** Writes {@code count} keys with {@code Put}, {@code parallel} at a time; returns the keys. */
  List<String> preloadReference(Contract contract, int count, int parallel) {
    List<String> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add(records.nextKey());
    }
    int step = Math.max(1, parallel);
    for (int from = 0; from < count; from += step) {
      List<CompletableFuture<Void>> wave = new ArrayList<>();
      for (String key : keys.subList(from, Math.min(count, from + step))) {
        wave.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    contract.submitTransaction("Put", key, RecordFactory.sha256(key));
                  } catch (Exception e) {
                    throw new CompletionException(e);
                  }
                },
                pool));
      }
      CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).join();
    }
    log.println("preloaded " + count + " reference keys");
    return keys;
  }

  /** One certificate through the library's asynchronous anchoring. */
  Operation anchorSingle(RegistryClient client) {
    return () -> client.anchorCertificateAsync(records.next()).thenApply(result -> 1);
  }

  /**
   * {@code anchorBatch} of {@code size} new certificates: succeeds with the records anchored when
   * every record is on the ledger; otherwise fails with the cause of its first failed record (the
   * records of a partly failed batch that did reach the ledger are not counted).
   */
  Operation anchorBatch(RegistryClient client, int size) {
    return () ->
        CompletableFuture.supplyAsync(
            () -> {
              List<AnchorRequest> batch = new ArrayList<>(size);
              for (int i = 0; i < size; i++) {
                batch.add(records.next());
              }
              BatchReport report;
              try {
                report = client.anchorBatch(AnchorBatch.of(batch).build());
              } catch (RegistryException e) {
                throw new CompletionException(e);
              }
              if (!report.complete()) {
                RecordOutcome failed =
                    report.outcomes().stream()
                        .filter(o -> !o.status().onLedger())
                        .findFirst()
                        .orElseThrow();
                throw new CompletionException(
                    new BatchFailedException(
                        failed.status()
                            + (failed.message() == null ? "" : ": " + failed.message())));
              }
              return report.outcomes().size();
            },
            pool);
  }

  /**
   * Anchors {@code count} new certificates in {@code anchorBatch} calls of {@link #PRELOAD_CHUNK}
   * and returns the document hashes of those on the ledger.
   */
  List<String> preloadRecords(RegistryClient client, int count) throws RegistryException {
    List<String> hashes = new ArrayList<>(count);
    for (int from = 0; from < count; from += PRELOAD_CHUNK) {
      List<AnchorRequest> chunk = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + PRELOAD_CHUNK); i++) {
        chunk.add(records.next());
      }
      BatchReport report = client.anchorBatch(AnchorBatch.of(chunk).build());
      for (int i = 0; i < chunk.size(); i++) {
        if (report.outcomes().get(i).status().onLedger()) {
          hashes.add(chunk.get(i).certificate().documentHash());
        }
      }
      log.println("preloaded " + hashes.size() + " of " + count + " records");
    }
    if (hashes.isEmpty() && count > 0) {
      throw RegistryException.local("the preload anchored no record");
    }
    return hashes;
  }

  /**
   * {@code verify} of a random preloaded hash, with the issuer or (when {@code null}) every agency
   * asked; a verdict other than VALID is an unexpected result.
   */
  Operation verify(Verifier verifier, List<String> hashes, String issuer) {
    return () ->
        CompletableFuture.supplyAsync(
            () -> {
              String hash = hashes.get(ThreadLocalRandom.current().nextInt(hashes.size()));
              VerificationReport report;
              try {
                report = verifier.verify(VerificationRequest.forHash(hash).issuer(issuer).build());
              } catch (RegistryException e) {
                throw new CompletionException(e);
              }
              if (report.verdict() != Verdict.VALID) {
                throw new CompletionException(
                    new UnexpectedResultException(hash + " verified " + report.verdict()));
              }
              return 1;
            },
            pool);
  }

  /**
   * {@code anchorBatch} of {@code size} new certificates for {@code preload-only}: completes with
   * the records that reached the ledger (a partly failed batch counts those that did), fails with
   * the cause of the first failed record when none did.
   */
  IntFunction<CompletionStage<Integer>> preloadBatch(RegistryClient client) {
    return size ->
        CompletableFuture.supplyAsync(
            () -> {
              List<AnchorRequest> batch = new ArrayList<>(size);
              for (int i = 0; i < size; i++) {
                batch.add(records.next());
              }
              BatchReport report;
              try {
                report = client.anchorBatch(AnchorBatch.of(batch).build());
              } catch (RegistryException e) {
                throw new CompletionException(e);
              }
              int onLedger =
                  (int) report.outcomes().stream().filter(o -> o.status().onLedger()).count();
              if (onLedger == 0) {
                RecordOutcome failed = report.outcomes().get(0);
                throw new CompletionException(
                    new BatchFailedException(
                        failed.status()
                            + (failed.message() == null ? "" : ": " + failed.message())));
              }
              return onLedger;
            },
            pool);
  }

  /**
   * One page of {@value #LIST_PAGE_SIZE} of a namespace's records of a document type, at the page
   * the walk gives; a page neither full nor the (non-empty) last is an unexpected result.
   */
  Operation listPage(Auditor auditor, String namespace, String documentType, PageWalk walk) {
    return () ->
        CompletableFuture.supplyAsync(
            () -> {
              PageWalk.Claim claim = walk.claim();
              RecordPage page;
              try {
                page =
                    auditor.list(
                        ListRequest.of(namespace, ListQuery.TYPE, documentType)
                            .pageSize(LIST_PAGE_SIZE)
                            .bookmark(claim.bookmark())
                            .build());
              } catch (RegistryException e) {
                walk.failed(claim.page());
                throw new CompletionException(e);
              }
              int fetched = page.records() == null ? 0 : page.records().size();
              walk.read(claim.page(), page.bookmark());
              if (!PageWalk.fullOrLast(fetched, page.bookmark(), LIST_PAGE_SIZE)) {
                throw new CompletionException(
                    new UnexpectedResultException(
                        "page " + claim.page() + " of " + documentType + " held " + fetched));
              }
              return 1;
            },
            pool);
  }

  /**
   * Reads up to {@code count} document hashes of ACTIVE certificates of a namespace's document type
   * from the ledger, through its listing in pages of {@value #HASH_PAGE_SIZE} from the first page:
   * no record is written.
   */
  List<String> hashesFromLedger(Auditor auditor, String namespace, String documentType, int count)
      throws RegistryException {
    List<String> hashes = new ArrayList<>(count);
    String bookmark = null;
    do {
      RecordPage page =
          auditor.list(
              ListRequest.of(namespace, ListQuery.TYPE, documentType)
                  .pageSize(HASH_PAGE_SIZE)
                  .bookmark(bookmark)
                  .build());
      for (RegistryRecord r : page.records() == null ? List.<RegistryRecord>of() : page.records()) {
        if (hashes.size() < count
            && r.kind() == RecordKind.CERTIFICATE
            && r.status() == RecordStatus.ACTIVE) {
          hashes.add(r.documentHash());
        }
      }
      bookmark = page.bookmark();
    } while (hashes.size() < count && bookmark != null && !bookmark.isEmpty());
    if (hashes.isEmpty()) {
      throw RegistryException.local(
          "the ledger holds no ACTIVE " + documentType + " certificate of " + namespace);
    }
    log.println("read " + hashes.size() + " document hashes from the ledger");
    return hashes;
  }

  /**
   * Anchors {@code count} new certificates in one {@code anchorBatch} call (the library splits it
   * into transactions), then revokes each with reason {@value #REVOKE_REASON}, {@code parallel} at
   * a time; returns the ids revoked.
   */
  List<String> preloadRevoked(RegistryClient client, int count, int parallel)
      throws RegistryException {
    List<AnchorRequest> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      batch.add(records.next());
    }
    BatchReport report = client.anchorBatch(AnchorBatch.of(batch).build());
    List<String> anchored = new ArrayList<>(count);
    for (int i = 0; i < batch.size(); i++) {
      if (report.outcomes().get(i).status().onLedger()) {
        anchored.add(batch.get(i).certificate().id());
      }
    }
    List<String> revoked = Collections.synchronizedList(new ArrayList<>(count));
    int step = Math.max(1, parallel);
    for (int from = 0; from < anchored.size(); from += step) {
      List<CompletableFuture<Void>> wave = new ArrayList<>();
      for (String id : anchored.subList(from, Math.min(anchored.size(), from + step))) {
        wave.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    client.revoke(id, REVOKE_REASON);
                    revoked.add(id);
                  } catch (RegistryException e) {
                    log.println("could not revoke " + id + ": " + e.getMessage());
                  }
                },
                pool));
      }
      CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).join();
    }
    if (revoked.isEmpty()) {
      throw RegistryException.local("the preload revoked no record");
    }
    log.println("anchored and revoked " + revoked.size() + " of " + count + " records");
    return List.copyOf(revoked);
  }

  /**
   * {@code history} of a random record of {@code ids}, each anchored then revoked: it must have
   * exactly 2 versions.
   */
  Operation historyRevoked(Auditor auditor, String namespace, List<String> ids) {
    return () ->
        CompletableFuture.supplyAsync(
            () -> {
              String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
              List<RecordHistoryEntry> versions;
              try {
                versions = auditor.history(namespace, id);
              } catch (RegistryException e) {
                throw new CompletionException(e);
              }
              if (versions.size() != 2) {
                throw new CompletionException(
                    new UnexpectedResultException(
                        "history of " + id + " has " + versions.size() + " versions, not 2"));
              }
              return 1;
            },
            pool);
  }

  /** {@code agencyHistory} of an agency: it must have at least one version. */
  Operation historyGovernance(GovernanceAdmin governance, String msp) {
    return () ->
        CompletableFuture.supplyAsync(
            () -> {
              List<AgencyHistoryEntry> versions;
              try {
                versions = governance.agencyHistory(msp);
              } catch (RegistryException e) {
                throw new CompletionException(e);
              }
              if (versions.isEmpty()) {
                throw new CompletionException(
                    new UnexpectedResultException("the history of agency " + msp + " is empty"));
              }
              return 1;
            },
            pool);
  }

  /**
   * Transactions one operation of a batch of {@code size} makes: the library splits a batch into
   * transactions of the contract's maximum.
   */
  static int transactionsPerBatch(int size) {
    return (size + InputRules.BATCH_MAXIMUM - 1) / InputRules.BATCH_MAXIMUM;
  }
}
