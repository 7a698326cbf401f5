package org.servicerecords.registry.client.internal.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.protos.gateway.ProposedTransaction;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.chaincode.GovernanceContract;
import org.servicerecords.registry.chaincode.RecordsContract;
import org.servicerecords.registry.client.internal.trust.TestPki;
import org.servicerecords.registry.client.profile.ConnectionProfile;

class ContractNamesTest {

  @Test
  void theGovernanceChaincodeIsCalledThroughTheGovernanceContract() {
    assertThat(Connector.contractNameOf("governance", "governance")).isEqualTo("governance");
    assertThat(Connector.contractNameOf("gov-v2", "gov-v2")).isEqualTo("governance");
  }

  @Test
  void everyRecordsNamespaceIsCalledThroughTheRecordsContract() {
    assertThat(Connector.contractNameOf("records-justice", "governance")).isEqualTo("records");
    assertThat(Connector.contractNameOf("records-services", "governance")).isEqualTo("records");
  }

  @Test
  void systemChaincodesAreNeverQualified() {
    for (String system : List.of("qscc", "cscc", "lscc", "_lifecycle")) {
      assertThat(Connector.contractNameOf(system, "governance")).as(system).isNull();
    }
    assertThat(Connector.SYSTEM_CHAINCODES).contains(Connector.QSCC);
  }

  @Test
  void theNamesAreTheOnesTheChaincodeDeclares() {
    assertThat(RecordsContract.class.getAnnotation(Contract.class).name())
        .isEqualTo(Connector.RECORDS_CONTRACT);
    assertThat(GovernanceContract.class.getAnnotation(Contract.class).name())
        .isEqualTo(Connector.GOVERNANCE_CONTRACT);
  }

  /**
   * The transaction name as the real SDK writes it into a proposal (built and signed locally; the
   * channel is never connected).
   */
  @Test
  void proposalsNameQsccFunctionsUnqualifiedAndRegistryFunctionsQualified(@TempDir Path dir)
      throws Exception {
    TestPki.tlsRoot(dir.resolve("tls/ca.pem"));
    ConnectionProfile profile = TlsRootsTest.profile(dir, "tls/ca.pem", "tls/ca.pem");
    try (Connector connector =
        Connector.open(
            profile, TestPki.credentials(TlsRootsTest.MSP), TlsRootsTest.peers(profile))) {
      var gateway = connector.gateway(0);

      assertThat(connector.contract(gateway, Connector.QSCC).getContractName()).isEmpty();
      assertThat(functionIn(connector, Connector.QSCC, "GetBlockByTxID"))
          .isEqualTo("GetBlockByTxID");
      assertThat(functionIn(connector, Connector.QSCC, "GetTransactionByID"))
          .isEqualTo("GetTransactionByID");
      assertThat(functionIn(connector, "records-justice", "GetRecord"))
          .isEqualTo("records:GetRecord");
      assertThat(functionIn(connector, "governance", "ListAgencies"))
          .isEqualTo("governance:ListAgencies");
    }
  }

  private static String functionIn(Connector connector, String chaincode, String function)
      throws Exception {
    byte[] bytes =
        connector
            .contract(connector.gateway(0), chaincode)
            .newProposal(function)
            .addArguments("registry", "tx1")
            .build()
            .getBytes();
    Proposal proposal =
        Proposal.parseFrom(ProposedTransaction.parseFrom(bytes).getProposal().getProposalBytes());
    ChaincodeInvocationSpec spec =
        ChaincodeInvocationSpec.parseFrom(
            ChaincodeProposalPayload.parseFrom(proposal.getPayload()).getInput());
    assertThat(spec.getChaincodeSpec().getChaincodeId().getName()).isEqualTo(chaincode);
    return spec.getChaincodeSpec().getInput().getArgs(0).toStringUtf8();
  }
}
