package org.servicerecords.registry.client.internal.submit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which qscc {@code GetTransactionByID} errors say that the peer's ledger lacks the transaction.
 */
class GatewayEndpointsTest {

  @Test
  void qsccsNotInTheIndexAnswersOfEveryPeerVersionMeanNotOnTheLedger() {
    assertThat(
            GatewayEndpoints.notOnLedger(
                "evaluate call to endorser returned error: chaincode response 500, Failed to get"
                    + " transaction with id 3f2a, error Entry not found in index"))
        .isTrue();
    assertThat(
            GatewayEndpoints.notOnLedger(
                "Failed to get transaction with id 3f2a, error no such transaction ID [3f2a] in"
                    + " index"))
        .isTrue();
  }

  @Test
  void anyOtherFailureSaysNothingAboutTheLedger() {
    assertThat(
            GatewayEndpoints.notOnLedger(
                "Failed to get transaction with id 3f2a, error access denied for [GetTransactionByID]"))
        .isFalse();
    assertThat(
            GatewayEndpoints.notOnLedger("access denied: channel [registry] creator org unknown"))
        .isFalse();
    assertThat(GatewayEndpoints.notOnLedger("")).isFalse();
    assertThat(GatewayEndpoints.notOnLedger(null)).isFalse();
  }
}
