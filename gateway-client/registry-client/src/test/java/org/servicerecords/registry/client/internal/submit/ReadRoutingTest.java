package org.servicerecords.registry.client.internal.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.protos.gateway.ProposedTransaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.internal.governance.GovernanceFeed;
import org.servicerecords.registry.client.internal.trust.TestPki;
import org.servicerecords.registry.client.profile.ConnectionProfile;

/**
 * Which reads are pinned to the caller's organisation, as the real SDK writes it into locally built
 * proposals (signed locally; the channel is never connected): reads of the own records namespace
 * and {@code ReadDetails} name the caller's organisation as the only endorsing one, governance,
 * other namespaces and system chaincodes name none.
 */
class ReadRoutingTest {

  @Test
  void onlyReadsOfTheOwnNamespaceStayInTheOrganization(@TempDir Path dir) throws Exception {
    try (Connector connector = connector(dir)) {
      Ledger ledger = new Ledger(connector, GovernanceFeed::new);

      assertThat(ledger.ownNamespace()).isEqualTo("records-justice");
      assertThat(ledger.staysInOrganization("records-justice")).isTrue();
      assertThat(ledger.staysInOrganization("records-services")).isFalse();
      assertThat(ledger.staysInOrganization("governance")).isFalse();
      assertThat(ledger.staysInOrganization(Connector.QSCC)).isFalse();
    }
  }

  @Test
  void aPinnedReadNamesOnlyTheCallersOrganizationAndAnOpenReadNamesNone(@TempDir Path dir)
      throws Exception {
    try (Connector connector = connector(dir)) {
      Ledger ledger = new Ledger(connector, GovernanceFeed::new);
      var gateway = connector.gateway(0);

      Proposal pinned =
          ledger.readProposal(gateway, "records-justice", "GetRecord", Map.of(), true, "c1");
      Proposal open =
          ledger.readProposal(gateway, "records-services", "VerifyRecord", Map.of(), false, "c1");

      assertThat(endorsingOrganizations(pinned)).containsExactly(TlsRootsTest.MSP);
      assertThat(endorsingOrganizations(open)).isEmpty();
    }
  }

  /** {@code ReadDetails}'s path: pinned, with its transient key and nonce in the proposal only. */
  @Test
  void aPinnedReadCarriesItsTransientData(@TempDir Path dir) throws Exception {
    try (Connector connector = connector(dir)) {
      Ledger ledger = new Ledger(connector, GovernanceFeed::new);
      Proposal proposal =
          ledger.readProposal(
              connector.gateway(0),
              "records-justice",
              "ReadDetails",
              Map.of("responseKey", "k".getBytes(StandardCharsets.UTF_8)),
              true,
              "c1");

      assertThat(endorsingOrganizations(proposal)).containsExactly(TlsRootsTest.MSP);
    }
  }

  private static Connector connector(Path dir) throws Exception {
    TestPki.tlsRoot(dir.resolve("tls/ca.pem"));
    ConnectionProfile profile = TlsRootsTest.profile(dir, "tls/ca.pem", "tls/ca.pem");
    return Connector.open(
        profile, TestPki.credentials(TlsRootsTest.MSP), TlsRootsTest.peers(profile));
  }

  private static java.util.List<String> endorsingOrganizations(Proposal proposal) throws Exception {
    return ProposedTransaction.parseFrom(proposal.getBytes()).getEndorsingOrganizationsList();
  }
}
