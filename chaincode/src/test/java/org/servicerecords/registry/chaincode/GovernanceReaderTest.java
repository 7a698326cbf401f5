package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ResponseUtils;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.testing.Identities;
import org.servicerecords.registry.testing.InMemoryStub;
import org.servicerecords.registry.testing.Ledger;
import org.servicerecords.registry.testing.Network;

/** The deadline of a records transaction's one call into governance. */
class GovernanceReaderTest {

  private static InMemoryStub stub(InMemoryStub.Invoker invoker) {
    List<byte[]> args = List.of("records:GetRecord".getBytes(StandardCharsets.UTF_8));
    return new InMemoryStub(
        new Ledger("records-justice"),
        Network.CHANNEL,
        "f".repeat(64),
        Instant.parse("2026-01-01T00:00:00Z"),
        Identities.creator("JusticeMSP", "issuer1", Map.of("role", "issuer")),
        "JusticeMSP",
        Map.of(),
        InMemoryStub.proposal("records-justice", args, Map.of()),
        args,
        invoker);
  }

  @Test
  void aCallThatNeverGetsAnAnswerFailsAtTheDeadlineInsteadOfHangingForGood() {
    CountDownLatch never = new CountDownLatch(1);
    InMemoryStub.Invoker stuck =
        (caller, chaincode, arguments) -> {
          try {
            never.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return ResponseUtils.newErrorResponse("interrupted");
        };
    GovernanceReader reader = new GovernanceReader(stub(stuck), Duration.ofMillis(200));
    long started = System.nanoTime();
    assertThatThrownBy(() -> reader.byNamespace("records-justice"))
        .isInstanceOf(ChaincodeException.class)
        .hasMessage("INTERNAL_ERROR: governance did not answer within 200 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void anAnswerWithinTheDeadlineIsReturned() {
    String entry =
        "{\"activeFrom\":\"2026-01-01T00:00:00Z\",\"displayName\":\"Ministry of Justice\","
            + "\"documentTypes\":[\"BIRTH_CERTIFICATE\"],\"msp\":\"JusticeMSP\","
            + "\"namespace\":\"records-justice\",\"suspended\":false}";
    InMemoryStub.Invoker answering =
        (caller, chaincode, arguments) ->
            ResponseUtils.newSuccessResponse(entry.getBytes(StandardCharsets.UTF_8));
    GovernanceReader reader = new GovernanceReader(stub(answering), Duration.ofSeconds(5));
    assertThat(reader.byNamespace("records-justice").msp()).isEqualTo("JusticeMSP");
  }

  @Test
  void theDeadlineStaysBelowThePeersChaincodeExecuteTimeout() {
    assertThat(GovernanceReader.DEADLINE).isLessThan(Duration.ofSeconds(30));
  }
}
