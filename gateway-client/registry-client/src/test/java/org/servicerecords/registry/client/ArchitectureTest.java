package org.servicerecords.registry.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.properties.HasModifiers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.archfixture.LeakyApi;
import org.servicerecords.registry.client.internal.RegistryConnectionImpl;

/**
 * The library's public API does not expose its engine: no public type outside {@code
 * org.servicerecords.registry.client.internal..} names an internal type in what a caller sees
 * (supertypes, public and protected fields, method and constructor parameters, return types and
 * thrown types, generic type arguments included). Checked over the production classes only; {@link
 * #theRuleReportsALeakyFixture} proves that the rule reports such a type, with a deliberately bad
 * fixture from the test sources.
 *
 * <p>Plain JUnit tests, as in the chaincode's {@code ArchitectureTest}: under surefire 3.5.3 the
 * ArchUnit JUnit 5 engine ran no {@code @ArchTest} field.
 */
class ArchitectureTest {

  private static final String CLIENT = "org.servicerecords.registry.client";
  private static final String INTERNAL = CLIENT + ".internal";

  private static final ArchRule publicTypesDoNotExposeInternalTypes =
      classes()
          .that()
          .resideOutsideOfPackage(INTERNAL + "..")
          .and()
          .arePublic()
          .should(notExposeInternalTypes())
          .because("the engine in internal may change without notice; the API may not");

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(CLIENT);

  @Test
  void importsTheApiAndTheEngine() {
    assertThat(PRODUCTION.contain(RegistryConnection.class)).isTrue();
    assertThat(PRODUCTION.contain(RegistryConnectionImpl.class)).isTrue();
    assertThat(PRODUCTION.contain(LeakyApi.class)).isFalse();
  }

  @Test
  void publicTypesDoNotExposeInternalTypes() {
    publicTypesDoNotExposeInternalTypes.check(PRODUCTION);
  }

  @Test
  void theRuleReportsALeakyFixture() {
    JavaClasses leaky = new ClassFileImporter().importClasses(LeakyApi.class);
    assertThatThrownBy(() -> publicTypesDoNotExposeInternalTypes.check(leaky))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LeakyApi implements " + INTERNAL + ".archfixture.InternalView")
        .hasMessageContaining("LeakyApi.ledger has type " + INTERNAL + ".submit.Ledger")
        .hasMessageContaining("LeakyApi.takes(" + INTERNAL + ".submit.Ledger) takes")
        .hasMessageContaining("LeakyApi.returns() returns " + INTERNAL + ".trust.ChannelMsps")
        .hasMessageContaining(
            "LeakyApi.fails() throws " + INTERNAL + ".archfixture.InternalFailure")
        .hasMessageNotContaining("notExposed")
        .hasMessageNotContaining("hidden()");
  }

  private static boolean internal(JavaClass type) {
    return type.getPackageName().equals(INTERNAL)
        || type.getPackageName().startsWith(INTERNAL + ".");
  }

  private static boolean visible(HasModifiers member) {
    Set<JavaModifier> modifiers = member.getModifiers();
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static ArchCondition<JavaClass> notExposeInternalTypes() {
    return new ArchCondition<>("not expose internal types") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        type.getRawSuperclass()
            .filter(ArchitectureTest::internal)
            .ifPresent(s -> report(events, type, type.getName() + " extends " + s.getName()));
        for (JavaClass implemented : type.getRawInterfaces()) {
          if (internal(implemented)) {
            report(events, type, type.getName() + " implements " + implemented.getName());
          }
        }
        for (JavaField field : type.getFields()) {
          if (visible(field)) {
            for (JavaClass t : field.getType().getAllInvolvedRawTypes()) {
              if (internal(t)) {
                report(events, type, field.getFullName() + " has type " + t.getName());
              }
            }
          }
        }
        for (JavaCodeUnit unit : type.getCodeUnits()) {
          if (!visible(unit)) {
            continue;
          }
          for (JavaType parameter : unit.getParameterTypes()) {
            for (JavaClass t : parameter.getAllInvolvedRawTypes()) {
              if (internal(t)) {
                report(events, type, unit.getFullName() + " takes " + t.getName());
              }
            }
          }
          for (JavaClass t : unit.getReturnType().getAllInvolvedRawTypes()) {
            if (internal(t)) {
              report(events, type, unit.getFullName() + " returns " + t.getName());
            }
          }
          for (JavaClass t : unit.getExceptionTypes()) {
            if (internal(t)) {
              report(events, type, unit.getFullName() + " throws " + t.getName());
            }
          }
        }
      }

      private void report(ConditionEvents events, JavaClass type, String message) {
        events.add(SimpleConditionEvent.violated(type, message));
      }
    };
  }
}
