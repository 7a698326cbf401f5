package org.servicerecords.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.servicerecords.registry.it.ItNetwork.AUDIT;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_NS;
import static org.servicerecords.registry.it.ItNetwork.SERVICES;
import static org.servicerecords.registry.it.ItNetwork.SERVICES_MSP;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.EventHandler;
import org.servicerecords.registry.client.EventScan;
import org.servicerecords.registry.client.FileCheckpoint;
import org.servicerecords.registry.client.IgnoredEvent;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.RegistryEventRecord;
import org.servicerecords.registry.client.ScannedTransaction;

/**
 * SKETCH, not yet runnable: the fake-event attack of DESIGN.md §4 on the real network. Services
 * commits, VALID, a transaction in Justice's namespace that writes only Services' own implicit
 * collection and carries a "REVOKED" event in Justice's name; a raw chaincode-event listener
 * receives it, but {@code Auditor.watch} reports it as ignored ({@code NOT_ENDORSED_BY_OWNER}) and
 * never hands it to the handler, and {@code Auditor.scanEvents} flags it with Services' collection.
 *
 * <p>What it needs, which the network scripts do not set up yet:
 *
 * <ul>
 *   <li>a "rogue" contract package with a function {@value #ROGUE_FUNCTION}{@code (recordId)} that
 *       writes one key of {@code _implicit_org_<caller's MSP>} and sets the chaincode event {@code
 *       registry} with payload {@code {"namespace":"records-justice","entries":[{"id":recordId,
 *       "kind":"CERTIFICATE","action":"REVOKED"}]}} (the reference contract only puts public state,
 *       which ENDORSEMENT_POLICY_FAILURE stops);
 *   <li>Services approving that package for {@code records-justice} at the committed sequence (a
 *       local choice, as {@code scripts/tests/network_test.sh} does with the reference contract)
 *       and its chaincode server running beside Services' peer, and afterwards approving our
 *       package back;
 *   <li>{@code REGISTRY_IT_STATE_DIR} as for the other integration tests.
 * </ul>
 */
@Disabled("sketch: needs a rogue package approved by Services for records-justice (see javadoc)")
class FakeEventIT {

  /** The rogue contract's function (qualified as the records contract's would be). */
  static final String ROGUE_FUNCTION = "records:FakeRevoke";

  @Test
  void aFakeRevokedEventInJusticesNamespaceIsReportedAndNeverDelivered(@TempDir Path dir)
      throws Exception {
    String recordId = ItNetwork.id("fake-target");
    String fakeTx;
    long block;
    try (ItNetwork.RawGateway raw = ItNetwork.rawGateway(SERVICES, "issuer1")) {
      var network = raw.gateway().getNetwork("registry");
      SubmittedTransaction submitted =
          network
              .getContract(JUSTICE_NS)
              .newProposal(ROGUE_FUNCTION)
              .addArguments(recordId)
              .setEndorsingOrganizations(SERVICES_MSP)
              .build()
              .endorse()
              .submitAsync();
      assertThat(submitted.getStatus().isSuccessful()).as("the fake commits VALID").isTrue();
      fakeTx = submitted.getTransactionId();
      block = submitted.getStatus().getBlockNumber();

      // The premise: a plain chaincode-event listener of records-justice receives it.
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () -> {
            try (CloseableIterator<ChaincodeEvent> events =
                network
                    .newChaincodeEventsRequest(JUSTICE_NS)
                    .startBlock(block)
                    .build()
                    .getEvents()) {
              while (events.hasNext()) {
                if (events.next().getTransactionId().equals(fakeTx)) {
                  return;
                }
              }
            }
          });
    }

    try (RegistryConnection auditor = ItNetwork.connect(AUDIT, "auditor1")) {
      EventScan scan = auditor.auditor().scanEvents(JUSTICE_NS, block, block);
      ScannedTransaction flagged =
          scan.transactions().stream()
              .filter(tx -> tx.transactionId().equals(fakeTx))
              .findFirst()
              .orElseThrow();
      assertThat(flagged.validationCode()).isEqualTo("VALID");
      assertThat(flagged.reason()).isEqualTo(IgnoredEvent.Reason.NOT_ENDORSED_BY_OWNER);
      assertThat(flagged.foreignCollections()).containsExactly("_implicit_org_" + SERVICES_MSP);

      List<String> handled = new ArrayList<>();
      List<IgnoredEvent> ignored = new ArrayList<>();
      EventHandler handler =
          new EventHandler() {
            @Override
            public boolean handle(RegistryEventRecord event) {
              handled.add(event.transactionId());
              return true;
            }

            @Override
            public void ignored(IgnoredEvent event) {
              ignored.add(event);
              if (event.transactionId().equals(fakeTx)) {
                // Reported: stop (handle would go on listening for more events).
                throw new StopWatching();
              }
            }
          };
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () -> {
            try {
              auditor
                  .auditor()
                  .watch(JUSTICE_NS, FileCheckpoint.open(dir.resolve("cp.json")), block, handler);
            } catch (StopWatching reached) {
              // the fake was reported
            }
          });
      assertThat(handled).doesNotContain(fakeTx);
      assertThat(ignored)
          .anySatisfy(
              event -> {
                assertThat(event.transactionId()).isEqualTo(fakeTx);
                assertThat(event.reason()).isEqualTo(IgnoredEvent.Reason.NOT_ENDORSED_BY_OWNER);
                assertThat(event.endorsingMsps()).containsExactly(SERVICES_MSP);
              });
    }
  }

  /** Ends the watch from inside the handler once the fake was reported. */
  static final class StopWatching extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
