package org.servicerecords.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.EventScan;
import org.servicerecords.registry.client.IgnoredEvent.Reason;
import org.servicerecords.registry.client.ScannedTransaction;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.RecordEvent;

class EventScanPrinterTest {

  private static final RecordEvent REVOKED =
      new RecordEvent(
          "records-justice", List.of(new RecordEvent.Entry("c1", "CERTIFICATE", "REVOKED")));

  private static final EventScan SCAN =
      EventScan.of(
          "records-justice",
          "a peer of JusticeMSP",
          0,
          12,
          List.of(
              new ScannedTransaction(
                  5,
                  "t-ok",
                  "VALID",
                  List.of("JusticeMSP", "ServicesMSP"),
                  REVOKED,
                  List.of(),
                  null,
                  null),
              new ScannedTransaction(
                  9,
                  "t-fake",
                  "VALID",
                  List.of("ServicesMSP"),
                  REVOKED,
                  List.of("_implicit_org_ServicesMSP"),
                  Reason.NOT_ENDORSED_BY_OWNER,
                  "endorsed by [ServicesMSP], none of them the namespace's owner JusticeMSP"),
              new ScannedTransaction(
                  11,
                  "t-silent",
                  "VALID",
                  List.of("ServicesMSP"),
                  null,
                  List.of("_implicit_org_ServicesMSP"),
                  Reason.NOT_ENDORSED_BY_OWNER,
                  "endorsed by [ServicesMSP], none of them the namespace's owner JusticeMSP")));

  @Test
  void oneLinePerTransactionBetweenTheRuleAndTheCounts() {
    assertThat(EventScanPrinter.lines(SCAN))
        .containsExactly(
            "records-justice: blocks 0..12; an event counts when its transaction is VALID and"
                + " endorsed by a peer of JusticeMSP",
            "ACCEPTED block 5 tx t-ok endorsed by [JusticeMSP, ServicesMSP]; event: REVOKED"
                + " CERTIFICATE c1",
            "IGNORED  block 9 tx t-fake endorsed by [ServicesMSP]: NOT_ENDORSED_BY_OWNER: endorsed"
                + " by [ServicesMSP], none of them the namespace's owner JusticeMSP; writes"
                + " [_implicit_org_ServicesMSP]; event: REVOKED CERTIFICATE c1",
            "IGNORED  block 11 tx t-silent endorsed by [ServicesMSP]: NOT_ENDORSED_BY_OWNER:"
                + " endorsed by [ServicesMSP], none of them the namespace's owner JusticeMSP;"
                + " writes [_implicit_org_ServicesMSP]; event: none",
            "1 accepted, 2 ignored (NOT_ENDORSED_BY_OWNER 2)");
    assertThat(SCAN.anyIgnored()).isTrue();
  }

  @Test
  void theJsonFormCarriesTheTransactionsAndTheCounts() {
    String json = CanonicalJson.toJson(SCAN);

    assertThat(json)
        .contains(
            "\"accepted\":1",
            "\"ignored\":2",
            "\"ignoredByReason\":{\"NOT_ENDORSED_BY_OWNER\":2}",
            "\"reason\":\"NOT_ENDORSED_BY_OWNER\"",
            "\"foreignCollections\":[\"_implicit_org_ServicesMSP\"]",
            "\"transactionId\":\"t-fake\"");
  }
}
