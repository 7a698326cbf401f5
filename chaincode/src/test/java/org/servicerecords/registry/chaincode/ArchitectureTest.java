package org.servicerecords.registry.chaincode;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.time.Clock;
import java.time.InstantSource;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.model.CanonicalJson;

/**
 * Determinism and layering as build checks over the production classes of the chaincode and the
 * model (test classes are not imported). Every endorsing peer must compute the same write set, so
 * nothing may read a clock, draw randomness, let hash order reach output, or compute in floating
 * point; the model is shared with the client library, so its public types are immutable values.
 *
 * <p>The rules are checked from plain JUnit tests: under surefire 3.5.3 the ArchUnit JUnit 5 engine
 * discovered {@code @ArchTest} fields of this class but ran none of them (0 tests, build green even
 * with a violation), which would make the rules silently ineffective.
 */
class ArchitectureTest {

  static final String CHAINCODE = "org.servicerecords.registry.chaincode";
  static final String MODEL = "org.servicerecords.registry.model";
  private static final String CLIENT = "org.servicerecords.registry.client..";
  private static final String CLI = "org.servicerecords.registry.cli..";

  private static final DescribedPredicate<AccessTarget> CLOCK_READ =
      describe(
          "a clock read (now(), currentTimeMillis, nanoTime, new Date())",
          t ->
              (t.getName().equals("now") && t.getOwner().getPackageName().equals("java.time"))
                  || (t.getOwner().isEquivalentTo(System.class)
                      && (t.getName().equals("currentTimeMillis")
                          || t.getName().equals("nanoTime")))
                  || (t.getOwner().isEquivalentTo(Date.class) && t.getName().equals("<init>")));

  private static final DescribedPredicate<AccessTarget> RANDOMNESS =
      describe(
          "randomness (UUID.randomUUID, Math.random)",
          t ->
              (t.getOwner().isEquivalentTo(UUID.class) && t.getName().equals("randomUUID"))
                  || ((t.getOwner().isEquivalentTo(Math.class)
                          || t.getOwner().isEquivalentTo(StrictMath.class))
                      && t.getName().equals("random")));

  /**
   * A {@code Cipher.init} without an explicit {@link AlgorithmParameterSpec}: an AES-GCM cipher
   * initialised for encryption so draws a random nonce itself, which the {@link SecureRandom} rule
   * cannot see. Only {@code init(int, Key, AlgorithmParameterSpec)} is deterministic: the sealed
   * answer of {@code ReadDetails} must be a function of the client's key and nonce.
   */
  private static final DescribedPredicate<AccessTarget> CIPHER_INIT_WITHOUT_PARAMETERS =
      describe(
          "Cipher.init other than init(int, Key, AlgorithmParameterSpec)",
          t ->
              t.getOwner().isEquivalentTo(Cipher.class)
                  && t.getName().equals("init")
                  && !(t instanceof AccessTarget.CodeUnitAccessTarget unit
                      && unit.getRawParameterTypes().size() == 3
                      && unit.getRawParameterTypes()
                          .get(2)
                          .isEquivalentTo(AlgorithmParameterSpec.class)));

  /** The one class allowed to read a clock: the endorsing peer's, for the tolerance check. */
  private static final String ENDORSEMENT_CLOCK = CHAINCODE + ".EndorsementClock";

  /** The public seam for in-memory harnesses: sets the endorsement clock, never reads it. */
  private static final String IN_MEMORY_RUNS = CHAINCODE + ".InMemoryRuns";

  private static final ArchRule noClockReads =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(ENDORSEMENT_CLOCK)
          .should()
          .accessTargetWhere(target(CLOCK_READ))
          .because(
              "time comes only from the transaction timestamp (docs/contract.md, Determinism); the"
                  + " endorsing peer's clock is read by EndorsementClock alone");

  /**
   * The endorsing peer's clock decides only whether to endorse: {@code TimeTolerance} alone reads
   * it, and refuses or returns nothing.
   */
  private static final ArchRule theEndorsementClockOnlyDecidesWhetherToEndorse =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(ENDORSEMENT_CLOCK)
          .and()
          .doNotHaveFullyQualifiedName(CHAINCODE + ".TimeTolerance")
          .and()
          .doNotHaveFullyQualifiedName(IN_MEMORY_RUNS)
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName(ENDORSEMENT_CLOCK)
          .orShould()
          .callMethod(EndorsementClock.class, "now")
          .because("a clock read must never reach a write set, an answer or an event");

  /** The seam for in-memory runs sets the endorsement clock and never reads it. */
  private static final ArchRule theInMemorySeamNeverReadsTheEndorsementClock =
      noClasses()
          .that()
          .haveFullyQualifiedName(IN_MEMORY_RUNS)
          .should()
          .callMethod(EndorsementClock.class, "now")
          .because("InMemoryRuns only sets up the process for harnesses");

  /**
   * {@code InMemoryRuns} is for harnesses only (tests of the chaincode, the client library and the
   * rogue contract): no production class uses it, so on a peer the package id comes from the
   * environment and the clock from the host.
   */
  private static final ArchRule noProductionCodeUsesTheInMemorySeam =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(IN_MEMORY_RUNS)
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName(IN_MEMORY_RUNS)
          .because("the contracts must run on a peer exactly as they run without the seam");

  private static final ArchRule noClocks =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(ENDORSEMENT_CLOCK)
          .should()
          .dependOnClassesThat()
          .areAssignableTo(Clock.class)
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(InstantSource.class)
          .because("time comes only from the transaction timestamp");

  private static final ArchRule noRandomness =
      noClasses()
          .should()
          .accessTargetWhere(target(RANDOMNESS))
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(Random.class)
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(SecureRandom.class)
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(SplittableRandom.class)
          .because("peers must compute identical write sets; salts come from the client");

  /**
   * Encryption is allowed (the contract seals {@code ReadDetails} answers under the client's key,
   * {@code DetailsCipher}), randomness hidden inside it is not: key generators draw random keys,
   * and a cipher initialised without explicit parameters draws a random nonce.
   */
  private static final ArchRule noRandomnessInCiphers =
      noClasses()
          .should()
          .accessTargetWhere(target(CIPHER_INIT_WITHOUT_PARAMETERS))
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(KeyGenerator.class)
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(KeyPairGenerator.class)
          .because("keys and nonces come from the client; the answer is a function of the inputs");

  private static final ArchRule noHashOrderedCollectionsInTheChaincode =
      noClasses()
          .that()
          .resideInAPackage(CHAINCODE + "..")
          .should()
          .callConstructorWhere(
              target(owner(describe("HashMap", c -> c.isEquivalentTo(HashMap.class)))))
          .orShould()
          .callConstructorWhere(
              target(owner(describe("HashSet", c -> c.isEquivalentTo(HashSet.class)))))
          .because(
              "iteration order of HashMap/HashSet must never reach a write set; use TreeMap,"
                  + " TreeSet or LinkedHashMap");

  private static final ArchRule noFloatingPointFields =
      fields()
          .should(notHaveAFloatingPointType())
          .because("amounts and limits are integers; floating point is not canonical");

  private static final ArchRule noFloatingPointResults =
      methods()
          .should(notReturnFloatingPoint())
          .because("amounts and limits are integers; floating point is not canonical");

  private static final ArchRule publicModelTypesAreImmutableValues =
      classes()
          .that()
          .resideInAPackage(MODEL)
          .and()
          .arePublic()
          .should(beARecordEnumOrFinalClass())
          .because("the model is shared by chaincode and client as immutable values");

  private static final ArchRule theContractDoesNotDependOnTheClient =
      noClasses()
          .that()
          .resideInAnyPackage(CHAINCODE + "..", MODEL + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(CLIENT, CLI)
          .because("the chaincode jar must not carry the gateway client");

  private static final ArchRule theModelDoesNotDependOnFabric =
      noClasses()
          .that()
          .resideInAPackage(MODEL + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.hyperledger..", CHAINCODE + "..")
          .because("the model is shared with the client library");

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(CHAINCODE, MODEL);

  @Test
  void importsTheContractsAndTheModel() {
    assertThat(PRODUCTION.contain(RecordsContract.class)).isTrue();
    assertThat(PRODUCTION.contain(GovernanceContract.class)).isTrue();
    assertThat(PRODUCTION.contain(CanonicalJson.class)).isTrue();
    assertThat(PRODUCTION.contain(ArchitectureTest.class)).isFalse();
  }

  @Test
  void theRulesReportViolations() {
    JavaClasses misuse = new ClassFileImporter().importClasses(ClockAndHashOrder.class);
    assertThatThrownBy(() -> noClockReads.check(misuse))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("java.util.Date.<init>");
    assertThatThrownBy(() -> noHashOrderedCollectionsInTheChaincode.check(misuse))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("java.util.HashMap.<init>");
  }

  @Test
  void theSeamRulesReportViolations() {
    JavaClasses misuse = new ClassFileImporter().importClasses(SeamMisuse.class);
    assertThatThrownBy(() -> noProductionCodeUsesTheInMemorySeam.check(misuse))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(IN_MEMORY_RUNS + ".enter");
    assertThatThrownBy(() -> theEndorsementClockOnlyDecidesWhetherToEndorse.check(misuse))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(ENDORSEMENT_CLOCK + ".now()");
  }

  @Test
  void theCipherRuleReportsHiddenRandomness() {
    JavaClasses misuse = new ClassFileImporter().importClasses(CipherMisuse.class);
    assertThatThrownBy(() -> noRandomnessInCiphers.check(misuse))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("javax.crypto.Cipher.init(int, java.security.Key)")
        .hasMessageContaining("javax.crypto.KeyGenerator");
    JavaClasses explicit = new ClassFileImporter().importClasses(ExplicitNonce.class);
    noRandomnessInCiphers.check(explicit);
  }

  @Test
  void noClockReads() {
    noClockReads.check(PRODUCTION);
  }

  @Test
  void noClocks() {
    noClocks.check(PRODUCTION);
  }

  @Test
  void theEndorsementClockOnlyDecidesWhetherToEndorse() {
    theEndorsementClockOnlyDecidesWhetherToEndorse.check(PRODUCTION);
    assertThat(TimeTolerance.class.getDeclaredMethods())
        .filteredOn(m -> !m.isSynthetic() && m.getName().equals("check"))
        .singleElement()
        .satisfies(m -> assertThat(m.getReturnType()).isEqualTo(void.class));
  }

  @Test
  void theInMemorySeamNeverReadsTheEndorsementClock() {
    theInMemorySeamNeverReadsTheEndorsementClock.check(PRODUCTION);
  }

  @Test
  void noProductionCodeUsesTheInMemorySeam() {
    noProductionCodeUsesTheInMemorySeam.check(PRODUCTION);
    assertThat(PRODUCTION.contain(InMemoryRuns.class)).isTrue();
  }

  @Test
  void noRandomness() {
    noRandomness.check(PRODUCTION);
  }

  @Test
  void noRandomnessInCiphers() {
    noRandomnessInCiphers.check(PRODUCTION);
  }

  @Test
  void noHashOrderedCollectionsInTheChaincode() {
    noHashOrderedCollectionsInTheChaincode.check(PRODUCTION);
  }

  @Test
  void noFloatingPointFields() {
    noFloatingPointFields.check(PRODUCTION);
  }

  @Test
  void noFloatingPointResults() {
    noFloatingPointResults.check(PRODUCTION);
  }

  @Test
  void publicModelTypesAreImmutableValues() {
    publicModelTypesAreImmutableValues.check(PRODUCTION);
  }

  @Test
  void theContractDoesNotDependOnTheClient() {
    theContractDoesNotDependOnTheClient.check(PRODUCTION);
  }

  @Test
  void theModelDoesNotDependOnFabric() {
    theModelDoesNotDependOnFabric.check(PRODUCTION);
  }

  /** What the clock and hash-order rules must report: never called, only imported. */
  private static final class ClockAndHashOrder {
    static String stamped(String key) {
      java.util.Map<String, Object> values = new HashMap<>();
      values.put(key, new Date());
      return values.toString();
    }
  }

  /** What the seam rules must report: never called, only imported. */
  private static final class SeamMisuse {
    static java.time.Instant peerNow() {
      InMemoryRuns.enter("records_1.0:00", java.time.Instant.EPOCH);
      return EndorsementClock.now();
    }
  }

  /** What {@link #noRandomnessInCiphers} must report: never called, only imported. */
  private static final class CipherMisuse {
    static byte[] sealWithARandomNonce(byte[] key, byte[] data) throws GeneralSecurityException {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
      return cipher.doFinal(data);
    }

    static byte[] aRandomKey() throws GeneralSecurityException {
      return KeyGenerator.getInstance("AES").generateKey().getEncoded();
    }
  }

  /** What {@link #noRandomnessInCiphers} allows: an explicit nonce. Never called. */
  private static final class ExplicitNonce {
    static byte[] seal(byte[] key, byte[] nonce, byte[] data) throws GeneralSecurityException {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new javax.crypto.spec.GCMParameterSpec(128, nonce));
      return cipher.doFinal(data);
    }
  }

  private static boolean floatingPoint(JavaClass type) {
    return type.isEquivalentTo(double.class)
        || type.isEquivalentTo(float.class)
        || type.isEquivalentTo(Double.class)
        || type.isEquivalentTo(Float.class);
  }

  private static ArchCondition<com.tngtech.archunit.core.domain.JavaField>
      notHaveAFloatingPointType() {
    return new ArchCondition<>("not have a float or double type") {
      @Override
      public void check(com.tngtech.archunit.core.domain.JavaField field, ConditionEvents events) {
        if (floatingPoint(field.getRawType())) {
          events.add(
              SimpleConditionEvent.violated(field, field.getFullName() + " is floating point"));
        }
      }
    };
  }

  private static ArchCondition<com.tngtech.archunit.core.domain.JavaMethod>
      notReturnFloatingPoint() {
    return new ArchCondition<>("not return float or double") {
      @Override
      public void check(
          com.tngtech.archunit.core.domain.JavaMethod method, ConditionEvents events) {
        if (floatingPoint(method.getRawReturnType())) {
          events.add(
              SimpleConditionEvent.violated(
                  method, method.getFullName() + " returns floating point"));
        }
      }
    };
  }

  private static ArchCondition<JavaClass> beARecordEnumOrFinalClass() {
    return new ArchCondition<>("be a record, an enum or a final class") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        boolean ok =
            type.isRecord() || type.isEnum() || type.getModifiers().contains(JavaModifier.FINAL);
        if (!ok) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + " is not a value type"));
        }
      }
    };
  }
}
