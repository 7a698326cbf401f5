package org.servicerecords.registry.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The CLI is a user of the client library like any agency system: it reaches the library through
 * its public API only, never through {@code client.internal}, whose types may change without
 * notice.
 */
class LibraryUseTest {

  private static final ArchRule onlyThePublicApi =
      noClasses()
          .that()
          .resideInAPackage("org.servicerecords.registry.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.servicerecords.registry.client.internal..")
          .because("the CLI uses the library as agency systems do");

  @Test
  void theCliUsesOnlyTheLibrarysPublicApi() {
    JavaClasses cli =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.servicerecords.registry.cli");
    assertThat(cli.contain(RegistryCli.class)).isTrue();

    onlyThePublicApi.check(cli);
  }

  @Test
  void theRuleReportsACliClassThatReachesIntoTheEngine() {
    JavaClasses leaky = new ClassFileImporter().importClasses(ReachesIntoTheEngine.class);

    assertThatThrownBy(() -> onlyThePublicApi.check(leaky))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("org.servicerecords.registry.client.internal.submit.ErrorMapper");
  }

  /** A deliberately bad CLI class: it holds a type of the library's engine. */
  static final class ReachesIntoTheEngine {
    org.servicerecords.registry.client.internal.submit.ErrorMapper engine;
  }
}
