package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.chaincode.Fixtures.*;
import static org.servicerecords.registry.chaincode.Outcomes.assertRefused;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.testing.Network;

class ServedRoleTest {

  @Nested
  class FromPackageId {

    @Test
    void readsTheRoleFromTheLabelBeforeTheColon() {
      assertThat(ServedRole.fromPackageId("records_1.0:abc")).isEqualTo(ServedRole.RECORDS);
      assertThat(ServedRole.fromPackageId("governance_1.0:abc")).isEqualTo(ServedRole.GOVERNANCE);
      assertThat(ServedRole.fromPackageId("basic_1.0:records")).isNull();
      assertThat(ServedRole.fromPackageId(null)).isNull();
    }
  }

  @Nested
  class InTheProcess {

    @Test
    void aGovernanceProcessRefusesRecordsTransactions() {
      Network network = Fixtures.consortium();
      network.servePackage(JUSTICE_NS, Fixtures.GOVERNANCE_PACKAGE);
      assertRefused(
          network.call(JUSTICE_NS, "records:GetBatchMaximum").by(AUDITOR).evaluate(),
          ErrorCode.WRONG_NAMESPACE);
      assertRefused(
          network
              .call(JUSTICE_NS, "records:AnchorCertificate", json(certificate("c1")))
              .by(JUSTICE_ISSUER)
              .submit(),
          ErrorCode.WRONG_NAMESPACE);
    }

    @Test
    void aRecordsProcessRefusesGovernanceTransactions() {
      Network network = Fixtures.consortium();
      network.servePackage(GOVERNANCE, Fixtures.RECORDS_PACKAGE);
      assertRefused(
          network
              .call(GOVERNANCE, "governance:SuspendAgency", JUSTICE, "X")
              .by(JUSTICE_ADMIN)
              .submit(),
          ErrorCode.WRONG_NAMESPACE);
      assertRefused(
          network.call(JUSTICE_NS, "governance:ListAgencies").by(AUDITOR).evaluate(),
          ErrorCode.WRONG_NAMESPACE);
    }

    @Test
    void aProcessWithAnUnknownLabelServesNothing() {
      Network network = Fixtures.consortium();
      network.servePackage(JUSTICE_NS, "basic_1.0:" + "c".repeat(64));
      assertRefused(
          network.call(JUSTICE_NS, "records:GetRecord", "c1").by(AUDITOR).evaluate(),
          ErrorCode.WRONG_NAMESPACE);
    }

    @Test
    void aRecordsAnchoringFailsWhenGovernanceIsServedByTheWrongPackage() {
      Network network = Fixtures.consortium();
      network.servePackage(GOVERNANCE, Fixtures.RECORDS_PACKAGE);
      assertRefused(
          network
              .call(JUSTICE_NS, "records:AnchorCertificate", json(certificate("c1")))
              .by(JUSTICE_ISSUER)
              .submit(),
          ErrorCode.INTERNAL_ERROR);
    }
  }
}
