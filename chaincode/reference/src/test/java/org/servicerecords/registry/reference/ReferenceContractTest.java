package org.servicerecords.registry.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.contract.routing.ContractDefinition;
import org.hyperledger.fabric.contract.routing.TransactionType;
import org.hyperledger.fabric.contract.routing.TxFunction;
import org.hyperledger.fabric.contract.routing.impl.ContractDefinitionImpl;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.testing.Ledger;
import org.servicerecords.registry.testing.Network;

/**
 * The reference contract on registry-testing's in-memory network, called through the shim's real
 * router under the chaincode name {@value #CHAINCODE}.
 */
class ReferenceContractTest {

  private static final String CHAINCODE = "reference";
  private static final Network.User CALLER = new Network.User("Org1MSP", "user1", Map.of());

  private Network network;

  @BeforeEach
  void emptyLedger() {
    network = Network.builder().contracts(List.of(ReferenceContract.class)).build();
  }

  @Nested
  class Put {

    @Test
    void writesTheValueUnderTheKeyAndReadsNothing() {
      Network.Result put = submit("Put", "k1", "v1");

      assertThat(writes(put)).containsExactly("PUT k1=v1");
      assertThat(put.stub().reads()).isEmpty();
    }

    @Test
    void overwritesACommittedValue() {
      committed("k1", "old");

      Network.Result put = submit("Put", "k1", "new");

      assertThat(writes(put)).containsExactly("PUT k1=new");
      assertThat(value("k1")).isEqualTo("new");
    }

    /** What makes it the rogue organisation's "modified code": nothing is checked. */
    @Test
    void writesAnyKeyAndValueVerbatimEvenARegistryRecordKey() {
      String recordKey = new CompositeKey("rec", "c1").toString();

      Network.Result put = submit("Put", recordKey, "{\"status\":\"REVOKED\"}");

      assertThat(put.writes()).hasSize(1);
      assertThat(put.writes().get(0).kind()).isEqualTo(Ledger.Write.Kind.PUT);
      assertThat(put.writes().get(0).key()).isEqualTo(recordKey);
      assertThat(utf8(put.writes().get(0).value())).isEqualTo("{\"status\":\"REVOKED\"}");
    }

    @Test
    void isRoutedAsPutAndIsASubmit() {
      TxFunction put = routing().getTxFunction("Put");

      assertThat(put).isNotNull();
      assertThat(put.getType()).isEqualTo(TransactionType.SUBMIT);
    }
  }

  @Nested
  class Get {

    @Test
    void returnsTheCommittedValueAndWritesNothing() {
      committed("k1", "v1");

      Network.Result get = evaluate("Get", "k1");

      assertThat(get.payload()).isEqualTo("v1");
      assertThat(get.stub().reads()).containsExactly(CHAINCODE + " state k1");
      assertThat(get.writes()).isEmpty();
    }

    @Test
    void returnsTheEmptyStringForAKeyWithoutValue() {
      assertThat(evaluate("Get", "absent").payload()).isEmpty();
    }

    @Test
    void returnsNonAsciiTextUnchanged() {
      committed("k1", "Zürich – 東京");

      assertThat(evaluate("Get", "k1").payload()).isEqualTo("Zürich – 東京");
    }

    @Test
    void isRoutedAsGetAndIsAnEvaluate() {
      TxFunction get = routing().getTxFunction("Get");

      assertThat(get).isNotNull();
      assertThat(get.getType()).isEqualTo(TransactionType.EVALUATE);
    }
  }

  @Nested
  class Routing {

    @Test
    void isTheDefaultContractNamedReferenceWithOnlyPutAndGet() {
      ContractDefinition definition = routing();

      assertThat(definition.getName()).isEqualTo("reference");
      assertThat(definition.isDefault()).isTrue();
      assertThat(definition.getTxFunctions())
          .extracting(TxFunction::getName)
          .containsExactlyInAnyOrder("Put", "Get");
      assertThat(network.routedContracts())
          .containsEntry("reference", ReferenceContract.class.getName() + " (default)");
    }

    @Test
    void answersPrefixedNamesAsWell() {
      assertThat(submit("reference:Put", "k1", "v1").ok()).isTrue();
      assertThat(evaluate("reference:Get", "k1").payload()).isEqualTo("v1");
    }
  }

  /** Submits a transaction; it must succeed, and its writes are committed. */
  private Network.Result submit(String function, String... args) {
    Network.Result result = network.call(CHAINCODE, function, args).by(CALLER).submit();
    assertThat(result.ok()).as(result.message()).isTrue();
    return result;
  }

  /** Evaluates a transaction; it must succeed. */
  private Network.Result evaluate(String function, String... args) {
    Network.Result result = network.call(CHAINCODE, function, args).by(CALLER).evaluate();
    assertThat(result.ok()).as(result.message()).isTrue();
    return result;
  }

  /** Puts a value straight into the committed state, as an earlier transaction would have. */
  private void committed(String key, String value) {
    network.ledger(CHAINCODE).state().put(key, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The committed value of a key, or {@code null}. */
  private String value(String key) {
    byte[] value = network.ledger(CHAINCODE).state().get(key);
    return value == null ? null : utf8(value);
  }

  /** The write set as {@code <kind> <key>=<value>}. */
  private static List<String> writes(Network.Result result) {
    return result.writes().stream()
        .map(w -> w.kind() + " " + w.key() + "=" + (w.value() == null ? "" : utf8(w.value())))
        .toList();
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * The contract as the shim's router registers it ({@code RoutingRegistryImpl.addContracts}): the
   * class, then each {@code @Transaction} method.
   */
  private static ContractDefinition routing() {
    ContractDefinition definition = new ContractDefinitionImpl(ReferenceContract.class);
    for (Method method : ReferenceContract.class.getMethods()) {
      if (method.getAnnotation(Transaction.class) != null) {
        definition.addTxFunction(method);
      }
    }
    return definition;
  }
}
