package org.servicerecords.registry.client.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicerecords.registry.client.internal.audit.EventCheckTest.CHANNEL;
import static org.servicerecords.registry.client.internal.audit.EventCheckTest.JUSTICE;
import static org.servicerecords.registry.client.internal.audit.EventCheckTest.NS;
import static org.servicerecords.registry.client.internal.audit.EventCheckTest.OWNER;
import static org.servicerecords.registry.client.internal.audit.EventCheckTest.SERVICES;
import static org.servicerecords.registry.client.internal.audit.EventCheckTest.SERVICES_COLLECTION;
import static org.servicerecords.registry.client.internal.audit.TestBlocks.block;
import static org.servicerecords.registry.client.internal.audit.TestBlocks.tx;
import static org.servicerecords.registry.client.internal.trust.TestPki.msps;
import static org.servicerecords.registry.client.internal.trust.TestPki.peerOf;

import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.EventHandler;
import org.servicerecords.registry.client.EventScan;
import org.servicerecords.registry.client.FileCheckpoint;
import org.servicerecords.registry.client.IgnoredEvent;
import org.servicerecords.registry.client.IgnoredEvent.Reason;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryEventRecord;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.ScannedTransaction;
import org.servicerecords.registry.client.WatchSummary;

/**
 * The block-event watch and scan over scripted endpoints: accepted events reach the handler, others
 * reach {@code ignored} and are counted; the checkpoint, restarts, stop on {@code false}, failover
 * to the organisation's next endpoint and configuration blocks behave as the chaincode event watch
 * did.
 */
class EventWatcherTest {

  /**
   * The ledger: blocks 3 to 8. Accepted events: a1 (3), a2, a3 (5), a4 (7), a5 (8). Ignored: f1 (3,
   * a fake REVOKED by Services), i1 (4, invalid), f2 (7, forged signature). Block 6 holds a silent
   * foreign write (no event) and a transaction of another namespace.
   */
  static final List<Block> CHAIN;

  static {
    try {
      CHAIN =
          List.of(
              block(
                  3,
                  tx("a1", NS)
                      .event("c1", "ANCHORED")
                      .endorsedBy(peerOf(JUSTICE), peerOf(SERVICES)),
                  tx("f1", NS)
                      .event("c1", "REVOKED")
                      .writes(SERVICES_COLLECTION)
                      .endorsedBy(peerOf(SERVICES))),
              block(
                  4,
                  List.of(tx("i1", NS).event("c2", "ANCHORED").endorsedBy(peerOf(JUSTICE))),
                  TxValidationCode.MVCC_READ_CONFLICT),
              block(
                  5,
                  tx("a2", NS).event("c2", "ANCHORED").endorsedBy(peerOf(JUSTICE)),
                  tx("a3", NS).event("c3", "ANCHORED").endorsedBy(peerOf(JUSTICE))),
              block(
                  6,
                  tx("s1", NS).writes(SERVICES_COLLECTION).endorsedBy(peerOf(SERVICES)),
                  tx("o1", "records-services")
                      .event("s1", "ANCHORED")
                      .endorsedBy(peerOf(SERVICES))),
              block(
                  7,
                  tx("a4", NS).event("c1", "SUPERSEDED").endorsedBy(peerOf(JUSTICE)),
                  tx("f2", NS).event("c3", "REVOKED").endorsedBy(peerOf(JUSTICE)).forged()),
              block(8, tx("a5", NS).event("c4", "ANCHORED").endorsedBy(peerOf(JUSTICE))));
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Every callback of a full watch from block 0, in order: handled "+tx", ignored "-tx". */
  static final List<String> ALL = List.of("+a1", "-f1", "-i1", "+a2", "+a3", "+a4", "-f2", "+a5");

  /** Endpoints serving a chain; an endpoint may fail once after delivering some blocks. */
  static class Endpoints implements EventWatcher.Endpoints {
    final List<Block> chain;
    final int count;
    final Map<Integer, Integer> failAfter = new HashMap<>();
    final List<String> opened = new ArrayList<>();
    int preferred;

    Endpoints(List<Block> chain, int count) {
      this.chain = chain;
      this.count = count;
    }

    @Override
    public int count() {
      return count;
    }

    @Override
    public int preferred() {
      return preferred;
    }

    @Override
    public void answered(int index) {
      preferred = index;
    }

    @Override
    public String address(int index) {
      return "peer" + index + ":7051";
    }

    @Override
    public CloseableIterator<Block> blocks(int index, long startBlock) {
      opened.add(index + "@" + startBlock);
      Iterator<Block> blocks =
          chain.stream().filter(b -> b.getHeader().getNumber() >= startBlock).iterator();
      Integer limit = failAfter.remove(index);
      return new CloseableIterator<>() {
        int delivered;

        @Override
        public boolean hasNext() {
          if (limit != null && delivered == limit) {
            throw new GatewayRuntimeException(
                Status.UNAVAILABLE.withDescription("connection lost").asRuntimeException());
          }
          return blocks.hasNext();
        }

        @Override
        public Block next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          delivered++;
          return blocks.next();
        }

        @Override
        public void close() {}
      };
    }
  }

  /** Records every callback; stops after {@code stopAfter} handled events. */
  static final class Recorder implements EventHandler {
    final List<String> calls;
    final int stopAfter;
    final List<IgnoredEvent> ignored = new ArrayList<>();
    int handled;

    Recorder(List<String> calls, int stopAfter) {
      this.calls = calls;
      this.stopAfter = stopAfter;
    }

    @Override
    public boolean handle(RegistryEventRecord event) {
      calls.add("+" + event.transactionId());
      handled++;
      return handled < stopAfter;
    }

    @Override
    public void ignored(IgnoredEvent event) {
      calls.add("-" + event.transactionId());
      ignored.add(event);
    }
  }

  static EventWatcher watcher(Endpoints endpoints) {
    return new EventWatcher(endpoints, () -> CHANNEL, OWNER);
  }

  @Test
  void acceptedEventsReachTheHandlerAndTheOthersAreReportedAndCounted(@TempDir Path dir)
      throws Exception {
    FileCheckpoint checkpoint = FileCheckpoint.open(dir.resolve("cp.json"));
    List<String> calls = new ArrayList<>();
    Recorder recorder = new Recorder(calls, Integer.MAX_VALUE);

    WatchSummary summary = watcher(new Endpoints(CHAIN, 1)).watch(checkpoint, 0, recorder);

    assertThat(calls).isEqualTo(ALL);
    assertThat(recorder.ignored)
        .extracting(IgnoredEvent::reason)
        .containsExactly(Reason.NOT_ENDORSED_BY_OWNER, Reason.NOT_VALID, Reason.SIGNATURE_INVALID);
    IgnoredEvent fake = recorder.ignored.get(0);
    assertThat(fake.blockNumber()).isEqualTo(3);
    assertThat(fake.namespace()).isEqualTo(NS);
    assertThat(fake.endorsingMsps()).containsExactly("ServicesMSP");
    assertThat(summary.delivered()).isEqualTo(5);
    assertThat(summary.ignored()).isEqualTo(3);
    assertThat(summary.ignoredByReason())
        .containsEntry(Reason.NOT_ENDORSED_BY_OWNER, 1L)
        .containsEntry(Reason.NOT_VALID, 1L)
        .containsEntry(Reason.SIGNATURE_INVALID, 1L);
    assertThat(checkpoint.blockNumber()).hasValue(8);
    assertThat(checkpoint.transactionId()).hasValue("a5");
  }

  @Test
  void aHandlerWithoutIgnoredStillGetsOnlyTheAcceptedEvents(@TempDir Path dir) throws Exception {
    List<String> handled = new ArrayList<>();

    WatchSummary summary =
        watcher(new Endpoints(CHAIN, 1))
            .watch(
                FileCheckpoint.open(dir.resolve("cp.json")),
                0,
                event -> handled.add(event.transactionId()));

    assertThat(handled).containsExactly("a1", "a2", "a3", "a4", "a5");
    assertThat(summary.ignored()).isEqualTo(3);
  }

  @Test
  void stoppedAfterEveryPossibleEventAndRestartedNeitherMissesNorRepeats(@TempDir Path dir)
      throws Exception {
    for (int stopAfter = 1; stopAfter <= 5; stopAfter++) {
      Path file = dir.resolve("cp-" + stopAfter + ".json");
      List<String> calls = new ArrayList<>();
      watcher(new Endpoints(CHAIN, 1))
          .watch(FileCheckpoint.open(file), 0, new Recorder(calls, stopAfter));
      assertThat(calls.get(calls.size() - 1)).startsWith("+");
      watcher(new Endpoints(CHAIN, 1))
          .watch(FileCheckpoint.open(file), 0, new Recorder(calls, Integer.MAX_VALUE));
      assertThat(calls).as("stopped after %d", stopAfter).isEqualTo(ALL);
    }
  }

  @Test
  void aLostStreamResumesFromTheCheckpointOnTheOrganisationsNextEndpoint(@TempDir Path dir)
      throws Exception {
    for (int cutAfter = 0; cutAfter < CHAIN.size(); cutAfter++) {
      Endpoints endpoints = new Endpoints(CHAIN, 2);
      endpoints.failAfter.put(0, cutAfter);
      AtomicInteger reads = new AtomicInteger();
      List<String> calls = new ArrayList<>();
      FileCheckpoint checkpoint = FileCheckpoint.open(dir.resolve("cp-" + cutAfter + ".json"));

      new EventWatcher(
              endpoints,
              () -> {
                reads.incrementAndGet();
                return CHANNEL;
              },
              OWNER)
          .watch(checkpoint, 0, new Recorder(calls, Integer.MAX_VALUE));

      assertThat(calls).as("cut after %d blocks", cutAfter).isEqualTo(ALL);
      assertThat(endpoints.opened).hasSize(2);
      assertThat(endpoints.opened.get(0)).isEqualTo("0@0");
      assertThat(endpoints.opened.get(1)).startsWith("1@");
      assertThat(endpoints.preferred).isEqualTo(1);
      // The channel's organisations are read again at the resubscription.
      assertThat(reads.get()).isEqualTo(2);
    }
  }

  @Test
  void whenEveryEndpointFailsTheWatchFailsWithANetworkError(@TempDir Path dir) throws Exception {
    Endpoints endpoints =
        new Endpoints(CHAIN, 2) {
          @Override
          public CloseableIterator<Block> blocks(int index, long startBlock) {
            failAfter.put(index, 0);
            return super.blocks(index, startBlock);
          }
        };

    assertThatThrownBy(
            () ->
                watcher(endpoints)
                    .watch(FileCheckpoint.open(dir.resolve("cp.json")), 0, event -> true))
        .isInstanceOfSatisfying(
            NetworkException.class, e -> assertThat(e.stage()).isEqualTo(Stage.EVENTS));
    assertThat(endpoints.opened).hasSize(3);
  }

  @Test
  void aHandlerFailureStopsWithoutCheckpointingThatEvent(@TempDir Path dir) throws Exception {
    FileCheckpoint checkpoint = FileCheckpoint.open(dir.resolve("cp.json"));
    EventHandler failing =
        new EventHandler() {
          @Override
          public boolean handle(RegistryEventRecord event) {
            return true;
          }

          @Override
          public void ignored(IgnoredEvent event) throws IOException {
            throw new IOException("disk full");
          }
        };

    assertThatThrownBy(() -> watcher(new Endpoints(CHAIN, 1)).watch(checkpoint, 0, failing))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.stage()).isEqualTo(Stage.EVENTS);
              assertThat(e.getMessage()).contains("disk full");
            });
    assertThat(checkpoint.transactionId()).hasValue("a1");
  }

  @Test
  void aConfigurationBlockInTheStreamReplacesTheOrganisationsForTheBlocksAfterIt(@TempDir Path dir)
      throws Exception {
    List<Block> chain =
        List.of(
            block(1, tx("before", NS).event("c1", "ANCHORED").endorsedBy(peerOf(JUSTICE))),
            TestBlocks.configBlock(2, JUSTICE, SERVICES),
            block(3, tx("after", NS).event("c2", "ANCHORED").endorsedBy(peerOf(JUSTICE))));
    List<String> calls = new ArrayList<>();
    Recorder recorder = new Recorder(calls, Integer.MAX_VALUE);

    new EventWatcher(new Endpoints(chain, 1), () -> msps(SERVICES), OWNER)
        .watch(FileCheckpoint.open(dir.resolve("cp.json")), 0, recorder);

    assertThat(calls).containsExactly("-before", "+after");
    assertThat(recorder.ignored.get(0).reason()).isEqualTo(Reason.UNKNOWN_ORGANISATION);
  }

  @Test
  void aScanJudgesEveryEventAndForeignWriteOfTheRangeOnly() throws Exception {
    EventScan scan = watcher(new Endpoints(CHAIN, 1)).scan(4, 7);

    assertThat(scan.namespace()).isEqualTo(NS);
    assertThat(scan.rule()).isEqualTo("a peer of JusticeMSP");
    assertThat(scan.fromBlock()).isEqualTo(4);
    assertThat(scan.toBlock()).isEqualTo(7);
    assertThat(scan.transactions())
        .extracting(ScannedTransaction::transactionId)
        .containsExactly("i1", "a2", "a3", "s1", "a4", "f2");
    assertThat(scan.accepted()).isEqualTo(3);
    assertThat(scan.ignored()).isEqualTo(3);
    assertThat(scan.anyIgnored()).isTrue();
    assertThat(scan.ignoredByReason())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Reason.NOT_VALID, 1L,
                Reason.NOT_ENDORSED_BY_OWNER, 1L,
                Reason.SIGNATURE_INVALID, 1L));
    ScannedTransaction silent = scan.transactions().get(3);
    assertThat(silent.carriesEvent()).isFalse();
    assertThat(silent.foreignCollections()).containsExactly(SERVICES_COLLECTION);
  }

  @Test
  void aScanOfOnlyOwnerEventsIgnoresNothingAndAScanCutMidwayResumesOnTheNextEndpoint()
      throws Exception {
    Endpoints endpoints = new Endpoints(CHAIN, 2);
    endpoints.failAfter.put(0, 1);

    EventScan scan = watcher(endpoints).scan(5, 5);
    assertThat(scan.anyIgnored()).isFalse();
    assertThat(scan.accepted()).isEqualTo(2);

    Endpoints cut = new Endpoints(CHAIN, 2);
    cut.failAfter.put(0, 2);
    EventScan resumed = watcher(cut).scan(3, 8);
    assertThat(cut.opened).containsExactly("0@3", "1@5");
    assertThat(resumed.transactions())
        .extracting(ScannedTransaction::transactionId)
        .containsExactly("a1", "f1", "i1", "a2", "a3", "s1", "a4", "f2", "a5");
  }

  @Test
  void anEmptyRangeReadsNothing() throws Exception {
    Endpoints endpoints = new Endpoints(CHAIN, 1);

    EventScan scan = watcher(endpoints).scan(9, 8);

    assertThat(scan.transactions()).isEmpty();
    assertThat(scan.anyIgnored()).isFalse();
    assertThat(endpoints.opened).isEmpty();
  }
}
