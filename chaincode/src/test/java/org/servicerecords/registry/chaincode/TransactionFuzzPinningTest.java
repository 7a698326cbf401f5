package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.driver.FuzzedDataProviderImpl;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.chaincode.TransactionFuzzTest.Function;
import org.servicerecords.registry.chaincode.TransactionFuzzTest.Plan;
import org.servicerecords.registry.chaincode.TransactionFuzzTest.Suite;
import org.servicerecords.registry.testing.Network;

/**
 * The function lists of {@link TransactionFuzzTest} and their pinning, which {@code
 * scripts/fuzz.sh} relies on: every transaction function of both contracts is fuzzed, a pinned
 * function is the one sent whatever the input, and a pinned input followed by the function's
 * selector byte is the same transaction unpinned (how a pinned run's findings become seeds).
 *
 * <p>Inputs are read through Jazzer's own {@link FuzzedDataProviderImpl}, the class that replays
 * the seeds, so the bytes mean here what they mean to the fuzz test. That class needs Jazzer's
 * runtime, which Jazzer loads when a fuzz test starts (using it earlier fails its class
 * initialisation for the whole JVM, the fuzz tests included): so the checks that read inputs are
 * {@link FuzzTest}s themselves, run once on the empty input (a plain {@code mvn test} runs them as
 * regression tests; this class has no inputs directory), which ignore that input and make their
 * own.
 *
 * <p>{@code scripts/fuzz.sh} runs this class before fuzzing, with the system property {@value
 * #LIST_PROPERTY} naming a file: {@link Listing} then writes one line per function, {@code <method>
 * <selector> <name>}.
 */
class TransactionFuzzPinningTest {

  /** The system property naming the file {@link Listing} writes. */
  static final String LIST_PROPERTY = "registry.fuzz.list";

  /** Arbitrary inputs per function: random bytes of random lengths, from a fixed seed. */
  private static final int INPUTS = 300;

  private static Stream<Function> allFunctions() {
    return TransactionFuzzTest.SUITES.stream().flatMap(s -> s.functions().stream());
  }

  private static Plan plan(byte[] input, Suite suite, Function pinned) {
    try (FuzzedDataProviderImpl data = FuzzedDataProviderImpl.withJavaData(input)) {
      return TransactionFuzzTest.plan(data, suite, pinned);
    }
  }

  private static List<byte[]> arbitraryInputs(long seed) {
    Random random = new Random(seed);
    List<byte[]> inputs = new ArrayList<>();
    inputs.add(new byte[0]);
    for (int i = 0; i < INPUTS; i++) {
      byte[] input = new byte[random.nextInt(i % 10 == 0 ? 4000 : 64)];
      random.nextBytes(input);
      inputs.add(input);
    }
    return inputs;
  }

  private static byte[] withSelector(byte[] pinnedInput, int selector) {
    byte[] unpinned = Arrays.copyOf(pinnedInput, pinnedInput.length + 1);
    unpinned[pinnedInput.length] = (byte) selector;
    return unpinned;
  }

  @Nested
  class FunctionLists {

    @Test
    void holdEveryTransactionFunctionOfBothContractsOnce() {
      List<String> fuzzed = allFunctions().map(Function::name).toList();
      List<String> declared = new ArrayList<>();
      for (Class<? extends ContractInterface> contract :
          List.of(RecordsContract.class, GovernanceContract.class)) {
        String prefix = contract.getAnnotation(Contract.class).name() + ":";
        for (Method method : contract.getMethods()) {
          Transaction transaction = method.getAnnotation(Transaction.class);
          if (transaction != null) {
            declared.add(
                prefix + (transaction.name().isEmpty() ? method.getName() : transaction.name()));
          }
        }
      }
      assertThat(fuzzed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void putEachContractsFunctionsInTheSuiteSendingThemToIt() {
      assertThat(TransactionFuzzTest.RECORDS.functions())
          .allSatisfy(f -> assertThat(f.name()).startsWith("records:"));
      assertThat(TransactionFuzzTest.GOVERNANCE_SUITE.functions())
          .allSatisfy(f -> assertThat(f.name()).startsWith("governance:"));
    }

    @Test
    void nameEachSuitesFuzzTestMethod() throws NoSuchMethodException {
      for (Suite suite : TransactionFuzzTest.SUITES) {
        Method method =
            TransactionFuzzTest.class.getDeclaredMethod(suite.method(), FuzzedDataProvider.class);
        assertThat(method.getAnnotation(FuzzTest.class)).as(suite.method()).isNotNull();
      }
    }

    @Test
    void fitTheirSelectorsInOneByte() {
      for (Suite suite : TransactionFuzzTest.SUITES) {
        assertThat(suite.functions()).as(suite.method()).hasSizeLessThanOrEqualTo(256);
      }
    }
  }

  @Nested
  class Unpinned {

    @FuzzTest
    void aOneByteInputKSendsFunctionKWithValidArgumentsToItsContract(FuzzedDataProvider ignored) {
      for (Suite suite : TransactionFuzzTest.SUITES) {
        for (int k = 0; k < suite.functions().size(); k++) {
          Plan plan = plan(new byte[] {(byte) k}, suite, null);
          Function expected = suite.functions().get(k);
          assertThat(plan.function()).isEqualTo(expected);
          assertThat(plan.args()).isEqualTo(expected.templates());
          assertThat(plan.target()).isEqualTo(suite.chaincode());
          assertThat(plan.transients()).isEmpty();
        }
      }
    }

    @FuzzTest
    void theLastByteIsTheFunctionsSelector(FuzzedDataProvider ignored) {
      for (Suite suite : TransactionFuzzTest.SUITES) {
        for (Function function : suite.functions()) {
          byte[] input = "some bytes\u0001\u0007\u0000".getBytes(StandardCharsets.UTF_8);
          Plan plan = plan(withSelector(input, suite.selector(function.name())), suite, null);
          assertThat(plan.function()).isEqualTo(function);
        }
      }
    }
  }

  @Nested
  class Pinned {

    @FuzzTest
    void theFunctionIsThePinnedOneForArbitraryInputs(FuzzedDataProvider ignored) {
      for (Suite suite : TransactionFuzzTest.SUITES) {
        for (Function function : suite.functions()) {
          Function pinned = TransactionFuzzTest.pinned(suite, function.name());
          for (byte[] input : arbitraryInputs(function.name().hashCode())) {
            assertThat(plan(input, suite, pinned).function())
                .as("%s on %s", function.name(), Arrays.toString(input))
                .isEqualTo(function);
          }
        }
      }
    }

    @FuzzTest
    void anInputFollowedByTheSelectorIsTheSameTransactionUnpinned(FuzzedDataProvider ignored) {
      for (Suite suite : TransactionFuzzTest.SUITES) {
        for (Function function : suite.functions()) {
          Function pinned = TransactionFuzzTest.pinned(suite, function.name());
          int selector = suite.selector(function.name());
          for (byte[] input : arbitraryInputs(~function.name().hashCode())) {
            assertThat(plan(withSelector(input, selector), suite, null))
                .as("%s on %s", function.name(), Arrays.toString(input))
                .isEqualTo(plan(input, suite, pinned));
          }
        }
      }
    }

    @FuzzTest
    void theTransactionSentCallsThePinnedFunction(FuzzedDataProvider ignored) {
      Random random = new Random(15);
      for (Suite suite : TransactionFuzzTest.SUITES) {
        for (Function function : suite.functions()) {
          Function pinned = TransactionFuzzTest.pinned(suite, function.name());
          for (int i = 0; i < 3; i++) {
            byte[] input = new byte[random.nextInt(40)];
            random.nextBytes(input);
            Network.Result result;
            try (FuzzedDataProviderImpl data = FuzzedDataProviderImpl.withJavaData(input)) {
              result = TransactionFuzzTest.fuzzOne(data, suite, pinned);
            }
            assertThat(result.stub().getFunction())
                .as("%s on %s", function.name(), Arrays.toString(input))
                .isEqualTo(function.name());
          }
        }
      }
    }

    @Test
    void anUnknownNameIsRefusedListingTheValidNames() {
      assertThatThrownBy(
              () -> TransactionFuzzTest.pinned(TransactionFuzzTest.RECORDS, "records:Nothing"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"records:Nothing\"")
          .hasMessageContaining(TransactionFuzzTest.PIN_PROPERTY)
          .satisfies(
              e ->
                  assertThat(e.getMessage()).contains(allFunctions().map(Function::name).toList()));
      assertThatThrownBy(() -> TransactionFuzzTest.suiteOf("Revoke"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("records:Revoke");
    }

    @Test
    void aFunctionOfTheOtherContractIsRefusedByThisContractsMethod() {
      assertThatThrownBy(
              () -> TransactionFuzzTest.pinned(TransactionFuzzTest.RECORDS, "governance:GetAgency"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(TransactionFuzzTest.GOVERNANCE_SUITE.method());
    }

    @Test
    void nothingIsPinnedWithoutAName() {
      assertThat(TransactionFuzzTest.pinned(TransactionFuzzTest.RECORDS, null)).isNull();
    }
  }

  /**
   * The functions to fuzz, as {@code scripts/fuzz.sh} reads them: written to the file the system
   * property {@value #LIST_PROPERTY} names, when it is set.
   */
  @Nested
  class Listing {

    @Test
    void namesEveryFunctionWithItsMethodAndSelector() throws IOException {
      List<String> lines = new ArrayList<>();
      for (Suite suite : TransactionFuzzTest.SUITES) {
        for (Function function : suite.functions()) {
          lines.add(suite.method() + " " + suite.selector(function.name()) + " " + function.name());
        }
      }
      assertThat(lines)
          .hasSize((int) allFunctions().count())
          .allMatch(
              line ->
                  line.matches(
                      "[A-Za-z]+ ([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-5][0-9]) "
                          + "(records|governance):[A-Za-z]+"));
      String file = System.getProperty(LIST_PROPERTY);
      if (file != null && !file.isBlank()) {
        Files.write(Path.of(file), lines, StandardCharsets.UTF_8);
        assertThat(Files.readAllLines(Path.of(file))).isEqualTo(lines);
      }
    }
  }
}
