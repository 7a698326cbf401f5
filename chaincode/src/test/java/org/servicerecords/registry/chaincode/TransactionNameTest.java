package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.chaincode.Fixtures.*;
import static org.servicerecords.registry.chaincode.Outcomes.assertRefused;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.testing.Network;

/**
 * Transaction names the shim does not route to one of the contracts' transactions, through the
 * shim's real {@code ContractRouter}: every name the contracts can see is refused with a code, and
 * no unprefixed name runs a transaction of either contract.
 */
class TransactionNameTest {

  private static final String NAME_REFUSAL = "INVALID_ARGUMENT: " + Invocation.NAME_RULE;

  private Network network;

  @BeforeEach
  void consortium() {
    network = Fixtures.consortium();
    Fixtures.anchor(network, "c1");
  }

  /** Names that reach the {@code @Default} contract, or a contract with a malformed tail. */
  static Stream<Arguments> malformedNames() {
    return Stream.of(
        Arguments.of(JUSTICE_NS, "GetRecord", new String[] {"c1"}),
        Arguments.of(JUSTICE_NS, "GetBatchMaximum", new String[] {}),
        Arguments.of(JUSTICE_NS, "Revoke", new String[] {"c1", "LOST"}),
        Arguments.of(JUSTICE_NS, "AnchorCertificate", new String[] {json(certificate("c2"))}),
        Arguments.of(JUSTICE_NS, "ListAgencies", new String[] {}),
        Arguments.of(JUSTICE_NS, "DropEverything", new String[] {}),
        Arguments.of(JUSTICE_NS, "", new String[] {}),
        Arguments.of(GOVERNANCE, "ListAgencies", new String[] {}),
        Arguments.of(GOVERNANCE, "SuspendAgency", new String[] {JUSTICE, "AUDIT"}),
        Arguments.of(GOVERNANCE, "GetRecord", new String[] {"c1"}),
        Arguments.of(JUSTICE_NS, "records:", new String[] {}),
        Arguments.of(GOVERNANCE, "governance:", new String[] {}),
        Arguments.of(JUSTICE_NS, "records:GetRecord:", new String[] {"c1"}),
        Arguments.of(JUSTICE_NS, "records:Revoke:", new String[] {"c1", "LOST", "extra"}),
        Arguments.of(JUSTICE_NS, "records:GetRecord:c1", new String[] {}),
        Arguments.of(JUSTICE_NS, "records::GetRecord", new String[] {"c1"}),
        Arguments.of(GOVERNANCE, "governance:ListAgencies:", new String[] {}),
        Arguments.of(GOVERNANCE, "governance:SuspendAgency:", new String[] {JUSTICE, "AUDIT"}),
        Arguments.of(JUSTICE_NS, "default:GetRecord", new String[] {"c1"}));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("malformedNames")
  void isRefusedWithInvalidArgumentAndRunsNothing(
      String chaincode, String function, String[] args) {
    Network.Result submitted = network.call(chaincode, function, args).by(JUSTICE_ADMIN).submit();
    assertRefused(submitted, ErrorCode.INVALID_ARGUMENT);
    assertThat(submitted.message()).isEqualTo(NAME_REFUSAL);

    Network.Result byIssuer = network.call(chaincode, function, args).by(JUSTICE_ISSUER).submit();
    assertThat(byIssuer.message()).isEqualTo(NAME_REFUSAL);
    assertThat(byIssuer.stub().stateReads()).isZero();

    Network.Result evaluated = network.call(chaincode, function, args).by(AUDITOR).evaluate();
    assertThat(evaluated.message()).isEqualTo(NAME_REFUSAL);

    assertThat(
            Outcomes.assertOk(
                network.call(JUSTICE_NS, "records:GetRecord", "c1").by(AUDITOR).evaluate()))
        .contains("\"status\":\"ACTIVE\"");
    assertRefused(
        network.call(JUSTICE_NS, "records:GetRecord", "c2").by(AUDITOR).evaluate(),
        ErrorCode.RECORD_NOT_FOUND);
    assertThat(
            Outcomes.assertOk(
                network.call(GOVERNANCE, "governance:GetAgency", JUSTICE).by(AUDITOR).evaluate()))
        .doesNotContain("\"suspended\":true");
  }

  @Test
  void theNameIsCheckedBeforeTheServedRole() {
    network.servePackage(JUSTICE_NS, "basic_1.0:" + "c".repeat(64));
    assertThat(network.call(JUSTICE_NS, "GetRecord", "c1").by(AUDITOR).evaluate().message())
        .isEqualTo(NAME_REFUSAL);
    assertRefused(
        network.call(JUSTICE_NS, "records:GetRecord", "c1").by(AUDITOR).evaluate(),
        ErrorCode.WRONG_NAMESPACE);
  }

  /**
   * A prefix that names no contract is answered by the shim before any contract code runs ({@code
   * RoutingRegistryImpl.getContract} throws "Undefined contract called"): this is the one refusal
   * without a code, documented in docs/contract.md.
   */
  @Test
  void aPrefixNamingNoContractIsAnsweredByTheShimWithoutACode() {
    for (String function : new String[] {"other:GetRecord", ":GetRecord", "Records:GetRecord"}) {
      Network.Result result = network.call(JUSTICE_NS, function, "c1").by(AUDITOR).submit();
      assertThat(result.ok()).as(function).isFalse();
      assertThat(result.message()).as(function).isEqualTo("Undefined contract called");
      assertThat(Outcomes.code(result)).as(function).isNull();
      assertThat(result.writes()).isEmpty();
      assertThat(result.events()).isEmpty();
      assertThat(result.stub().stateReads()).isZero();
    }
  }

  /**
   * The shim answers an invocation without any argument itself, with a success without payload; no
   * contract code runs.
   */
  @Test
  void anInvocationWithoutArgumentsIsAnEmptySuccessOfTheShim() {
    Network.Result result = network.call(JUSTICE_NS, null).by(JUSTICE_ISSUER).submit();
    assertThat(result.ok()).isTrue();
    assertThat(result.payload()).isNull();
    assertThat(result.writes()).isEmpty();
    assertThat(result.events()).isEmpty();
  }
}
