package org.servicerecords.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.hyperledger.fabric.contract.annotation.Contract;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.chaincode.GovernanceContract;
import org.servicerecords.registry.chaincode.RecordsContract;

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
  void theNamesAreTheOnesTheChaincodeDeclares() {
    assertThat(RecordsContract.class.getAnnotation(Contract.class).name())
        .isEqualTo(Connector.RECORDS_CONTRACT);
    assertThat(GovernanceContract.class.getAnnotation(Contract.class).name())
        .isEqualTo(Connector.GOVERNANCE_CONTRACT);
  }
}
