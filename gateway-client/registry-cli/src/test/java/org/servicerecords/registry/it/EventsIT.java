package org.servicerecords.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.servicerecords.registry.it.ItNetwork.AUDIT;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_NS;
import static org.servicerecords.registry.it.ItNetwork.SERVICES;
import static org.servicerecords.registry.it.ItNetwork.SERVICES_NS;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.AnchorBatch;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.BatchReport;
import org.servicerecords.registry.client.FileCheckpoint;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.RegistryEventRecord;
import org.servicerecords.registry.client.WatchRequest;
import org.servicerecords.registry.model.ApplicationReceipt;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.RecordEvent;
import org.servicerecords.registry.model.RecordEvent.Entry;
import org.servicerecords.registry.model.RegistryRecord;

/**
 * Chaincode events on the real network: exactly one per submitted transaction, with the entries
 * docs/contract.md lists, and no personal data in the event payload or anywhere in the block,
 * though every one of these transactions carried personal details as transient data.
 */
class EventsIT {

  private static final String BIRTH = "BIRTH_CERTIFICATE";

  /** Personal details unique to this run, so their absence from the bytes means something. */
  private static final SortedMap<String, String> DETAILS =
      new TreeMap<>(
          Map.of(
              "fullName", ItPersonalDetails.value("events.fullName") + "-" + ItNetwork.RUN,
              "nationalId", ItPersonalDetails.value("events.nationalId") + ItNetwork.RUN,
              "motherName", ItPersonalDetails.value("events.motherName") + ItNetwork.RUN));

  private static RegistryConnection justiceIssuer;
  private static RegistryConnection servicesIssuer;
  private static RegistryConnection servicesClerk;
  private static RegistryConnection auditor;

  @BeforeAll
  static void connect() throws Exception {
    justiceIssuer = ItNetwork.connect(JUSTICE, "issuer1");
    servicesIssuer = ItNetwork.connect(SERVICES, "issuer1");
    servicesClerk = ItNetwork.connect(SERVICES, "clerk1");
    auditor = ItNetwork.connect(AUDIT, "auditor1");
  }

  @AfterAll
  static void close() {
    for (RegistryConnection c :
        new RegistryConnection[] {justiceIssuer, servicesIssuer, servicesClerk, auditor}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static CertificateRequest certificate(String prefix) {
    return new CertificateRequest(
        ItNetwork.id(prefix),
        BIRTH,
        ItNetwork.newHash(),
        ItNetwork.newSubjectRef(),
        "2026-01-01T00:00:00Z",
        null,
        null,
        null);
  }

  @Test
  void oneEventPerRecordsTransactionWithTheDocumentedEntriesAndNoPersonalData(@TempDir Path dir)
      throws Exception {
    Map<String, List<Entry>> expected = new LinkedHashMap<>();

    RegistryRecord anchored =
        justiceIssuer
            .registryClient()
            .anchorCertificate(new AnchorRequest(certificate("ev-bc"), DETAILS))
            .record();
    expected.put(anchored.txId(), List.of(new Entry(anchored.id(), "CERTIFICATE", "ANCHORED")));

    CertificateRequest replacement = certificate("ev-bc-new");
    RegistryRecord superseding =
        justiceIssuer
            .registryClient()
            .supersede(anchored.id(), new AnchorRequest(replacement, DETAILS));
    expected.put(
        superseding.txId(),
        List.of(
            new Entry(anchored.id(), "CERTIFICATE", "SUPERSEDED"),
            new Entry(superseding.id(), "CERTIFICATE", "ANCHORED")));

    RegistryRecord purged = justiceIssuer.registryClient().purgeDetails(superseding.id());
    expected.put(
        purged.txId(), List.of(new Entry(superseding.id(), "CERTIFICATE", "DETAILS_PURGED")));

    List<AnchorRequest> batch =
        List.of(
            new AnchorRequest(certificate("ev-batch"), DETAILS),
            new AnchorRequest(certificate("ev-batch"), DETAILS));
    BatchReport report = justiceIssuer.registryClient().anchorBatch(AnchorBatch.of(batch).build());
    assertThat(report.complete()).isTrue();
    expected.put(
        report.outcomes().get(0).transactionId(),
        batch.stream()
            .map(r -> new Entry(r.certificate().id(), "CERTIFICATE", "ANCHORED"))
            .toList());

    RegistryRecord revoked =
        justiceIssuer.registryClient().revoke(batch.get(1).certificate().id(), "LOST");
    expected.put(revoked.txId(), List.of(new Entry(revoked.id(), "CERTIFICATE", "REVOKED")));

    long firstBlock =
        ItNetwork.await(
            "block of " + anchored.txId() + " on the audit office's peer",
            () -> auditor.auditor().blockNumberOf(anchored.txId()),
            block -> block > 0);
    Map<String, List<RegistryEventRecord>> seen =
        watchUntilSeen(
            JUSTICE_NS, dir.resolve("justice.checkpoint"), firstBlock, expected.keySet());

    for (Map.Entry<String, List<Entry>> tx : expected.entrySet()) {
      assertThat(seen.get(tx.getKey())).as("events of tx %s", tx.getKey()).hasSize(1);
      RegistryEventRecord event = seen.get(tx.getKey()).get(0);
      assertThat(event.chaincode()).isEqualTo(JUSTICE_NS);
      assertThat(event.event().namespace()).isEqualTo(JUSTICE_NS);
      assertThat(event.event().entries()).containsExactlyElementsOf(tx.getValue());
      assertThat(event.blockNumber()).isEqualTo(auditor.auditor().blockNumberOf(tx.getKey()));
    }
    assertNoPersonalDataInEventsOrBlocks(JUSTICE, JUSTICE_NS, firstBlock, expected.keySet());
  }

  @Test
  void applicationAndDecisionEventsNameTheApplication(@TempDir Path dir) throws Exception {
    String applicationId = ItNetwork.id("ev-app");
    ApplicationReceipt receipt =
        servicesClerk
            .registryClient()
            .recordApplication(
                new ApplicationRequest(applicationId, "LICENCE_REQUEST", "2026-02-01T08:00:00Z"));
    RegistryRecord decision =
        servicesIssuer
            .registryClient()
            .recordDecision(
                new DecisionRequest(
                    ItNetwork.id("ev-dec"),
                    applicationId,
                    DecisionOutcome.RETURNED,
                    "Law-31/1990:art.36",
                    "SERVICE_DECISION",
                    ItNetwork.newHash(),
                    ItNetwork.newSubjectRef(),
                    null,
                    null,
                    null));
    Map<String, List<Entry>> expected = new LinkedHashMap<>();
    expected.put(receipt.txId(), List.of(new Entry(applicationId, "APPLICATION", "RECEIVED")));
    expected.put(
        decision.txId(),
        List.of(
            new Entry(decision.id(), "DECISION", "DECIDED"),
            new Entry(applicationId, "APPLICATION", "DECIDED")));

    long firstBlock =
        ItNetwork.await(
            "block of " + receipt.txId() + " on the audit office's peer",
            () -> auditor.auditor().blockNumberOf(receipt.txId()),
            block -> block > 0);
    Map<String, List<RegistryEventRecord>> seen =
        watchUntilSeen(
            SERVICES_NS, dir.resolve("services.checkpoint"), firstBlock, expected.keySet());

    for (Map.Entry<String, List<Entry>> tx : expected.entrySet()) {
      assertThat(seen.get(tx.getKey())).hasSize(1);
      assertThat(seen.get(tx.getKey()).get(0).event().entries())
          .containsExactlyElementsOf(tx.getValue());
    }
  }

  /**
   * Watches a namespace through the library (checkpointed) from a block until every transaction was
   * seen, collecting every event of those transactions.
   */
  private static Map<String, List<RegistryEventRecord>> watchUntilSeen(
      String namespace, Path checkpointFile, long fromBlock, Set<String> transactions) {
    Map<String, List<RegistryEventRecord>> seen = new LinkedHashMap<>();
    Set<String> missing = new LinkedHashSet<>(transactions);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            auditor
                .auditor()
                .watch(
                    WatchRequest.of(namespace)
                        .checkpoint(FileCheckpoint.open(checkpointFile))
                        .startBlock(fromBlock)
                        .build(),
                    event -> {
                      if (transactions.contains(event.transactionId())) {
                        seen.computeIfAbsent(event.transactionId(), t -> new ArrayList<>())
                            .add(event);
                        missing.remove(event.transactionId());
                      }
                      return !missing.isEmpty();
                    }),
        () -> "events never seen for " + missing);
    return seen;
  }

  /**
   * Reads the raw event stream and the blocks themselves through a plain Gateway connection: no
   * personal detail (name or value) appears in any event payload or block of these transactions.
   */
  private static void assertNoPersonalDataInEventsOrBlocks(
      String org, String namespace, long fromBlock, Set<String> transactions) throws Exception {
    List<String> secrets = new ArrayList<>(DETAILS.values());
    try (ItNetwork.RawGateway raw = ItNetwork.rawGateway(org, "verifier1")) {
      var network = raw.gateway().getNetwork("registry");
      Set<String> missing = new LinkedHashSet<>(transactions);
      Map<String, Integer> counts = new LinkedHashMap<>();
      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () -> {
            try (CloseableIterator<ChaincodeEvent> events =
                network
                    .newChaincodeEventsRequest(namespace)
                    .startBlock(fromBlock)
                    .build()
                    .getEvents()) {
              while (!missing.isEmpty() && events.hasNext()) {
                ChaincodeEvent event = events.next();
                if (!transactions.contains(event.getTransactionId())) {
                  continue;
                }
                counts.merge(event.getTransactionId(), 1, Integer::sum);
                missing.remove(event.getTransactionId());
                assertThat(event.getEventName()).isEqualTo(RecordEvent.NAME);
                String payload = new String(event.getPayload(), StandardCharsets.UTF_8);
                assertThat(payload).doesNotContain(secrets);
              }
            }
          });
      assertThat(counts.values()).containsOnly(1);
      for (String txId : transactions) {
        byte[] block =
            network.getContract("qscc").evaluateTransaction("GetBlockByTxID", "registry", txId);
        String text = new String(block, StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
          assertThat(text).as("block of %s", txId).doesNotContain(secret);
        }
      }
    }
  }
}
