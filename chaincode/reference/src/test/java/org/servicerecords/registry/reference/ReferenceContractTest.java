package org.servicerecords.registry.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.lang.reflect.Method;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.contract.routing.ContractDefinition;
import org.hyperledger.fabric.contract.routing.TransactionType;
import org.hyperledger.fabric.contract.routing.TxFunction;
import org.hyperledger.fabric.contract.routing.impl.ContractDefinitionImpl;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReferenceContractTest {

  private final ReferenceContract contract = new ReferenceContract();
  private InMemoryStub stub;

  @BeforeEach
  void emptyLedger() {
    stub = new InMemoryStub();
  }

  @Nested
  class Put {

    @Test
    void writesTheValueUnderTheKeyAndReadsNothing() {
      contract.put(contract.createContext(stub), "k1", "v1");

      assertThat(stub.writes()).containsExactly(entry("k1", "v1"));
      assertThat(stub.reads()).isEmpty();
    }

    @Test
    void overwritesACommittedValue() {
      stub.committed("k1", "old");

      contract.put(contract.createContext(stub), "k1", "new");

      assertThat(stub.writes()).containsExactly(entry("k1", "new"));
    }

    /** What makes it the rogue organisation's "modified code": nothing is checked. */
    @Test
    void writesAnyKeyAndValueVerbatimEvenARegistryRecordKey() {
      String recordKey = new CompositeKey("rec", "c1").toString();

      contract.put(contract.createContext(stub), recordKey, "{\"status\":\"REVOKED\"}");

      assertThat(stub.writes()).containsExactly(entry(recordKey, "{\"status\":\"REVOKED\"}"));
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
      stub.committed("k1", "v1");

      assertThat(contract.get(contract.createContext(stub), "k1")).isEqualTo("v1");
      assertThat(stub.reads()).containsExactly("k1");
      assertThat(stub.writes()).isEmpty();
    }

    @Test
    void returnsTheEmptyStringForAKeyWithoutValue() {
      assertThat(contract.get(contract.createContext(stub), "absent")).isEmpty();
    }

    @Test
    void returnsNonAsciiTextUnchanged() {
      stub.committed("k1", "Zürich – 東京");

      assertThat(contract.get(contract.createContext(stub), "k1")).isEqualTo("Zürich – 東京");
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
    }
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
