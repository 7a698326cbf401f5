package org.servicerecords.registry.client.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Enrollment ids follow one rule ({@link Registration#ENROLLMENT_ID}), which the library checks
 * before anything is sent to the CA; attributes (the {@code doctypes} value among them) carry no
 * control characters. Refusals never repeat the value.
 */
class EnrollmentIdTest {

  private static final String RULE =
      "enrollmentId must be 1 to 64 characters of [A-Za-z0-9._@-], the first a letter or digit";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "admin",
        "admin1",
        "issuer1",
        "clerk1",
        "auditor1",
        "verifier1",
        "registrar",
        "officer1",
        "demo-issuer-1796539772",
        "jr-1796539772-12345-issuer",
        "issuer-itmbj2x1k3f2a-4c1",
        "peer0.justice",
        "orderer0.orderer",
        "officer_2@justice.example",
        "A"
      })
  void theNamesInUseAreAccepted(String id) {
    assertThat(Registration.forRole(id, null, Role.ISSUER, List.of()).enrollmentId()).isEqualTo(id);
  }

  @Test
  void sixtyFourCharactersAreTheMost() {
    String longest = "i" + "x".repeat(63);
    assertThat(Registration.forRole(longest, null, Role.CLERK, List.of()).enrollmentId())
        .isEqualTo(longest);
    assertThat(Registration.forRole("issuer-" + UUID.randomUUID(), null, Role.CLERK, List.of()))
        .isNotNull();
    assertThatThrownBy(() -> Registration.forRole(longest + "x", null, Role.CLERK, List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(RULE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "evil\nline",
        "evil\r\nline",
        "evil\n",
        "tab\there",
        "nul\u0000",
        "bell\u0007",
        "escape\u001b[31m",
        "next\u0085line",
        "separator\u2028line",
        "with space",
        " leading",
        "",
        ".hidden",
        "-option",
        "@domain",
        "semi;colon",
        "comma,id",
        "colon:id",
        "slash/id",
        "ünïcode",
        "quote'id"
      })
  void everyOtherIdIsRefusedWithoutRepeatingIt(String id) {
    assertThatThrownBy(() -> Registration.forRole(id, null, Role.ISSUER, List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(RULE);
    assertThatThrownBy(() -> new Registration(id, null, "client", "", 0, List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(RULE);
  }

  @Test
  void enrollRefusesANewlineBeforeSendingAnything(@TempDir Path dir) throws Exception {
    try (HostileCa ca = HostileCa.start(dir, HostileCa.WRONG_SECRET)) {
      FabricCaClient client =
          FabricCaClient.newBuilder(ca.url()).tlsCertificate(ca.tlsCertificate()).build();

      assertThatThrownBy(() -> client.enroll("evil\nline", "secret"))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage(RULE);
      assertThatThrownBy(() -> client.enroll("", "secret"))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage(RULE);
      assertThat(ca.requests()).isZero();

      // The same client sends a valid id (and the CA refuses its secret).
      assertThatThrownBy(() -> client.enroll("user1", "secret"))
          .isInstanceOf(CaAuthenticationException.class);
      assertThat(ca.requests()).isOne();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"BIRTH_CERTIFICATE\nrole=admin", "BIRTH CERTIFICATE", "A,B", "A;B", " ", ""})
  void documentTypesFollowTheContractsCodeRule(String type) {
    assertThatThrownBy(
            () ->
                Registration.forRole(
                    "issuer1", null, Role.ISSUER, List.of("MARRIAGE_CERTIFICATE", type)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("a document type must be 1 to 64 characters of [A-Za-z0-9._:-]");
  }

  @Test
  void documentTypesAreTrimmedAsTheContractReadsThem() {
    Registration registration =
        Registration.forRole(
            "issuer1", null, Role.ISSUER, List.of("BIRTH_CERTIFICATE", " MARRIAGE_CERTIFICATE"));
    assertThat(registration.attributes())
        .contains(new Attribute("doctypes", "BIRTH_CERTIFICATE;MARRIAGE_CERTIFICATE", true));
  }

  @Test
  void attributesCarryNoControlCharacters() {
    assertThatThrownBy(() -> new Attribute("doctypes", "BIRTH_CERTIFICATE\nrole=admin", true))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "attribute 'doctypes': the value must not contain control characters or line separators");
    assertThatThrownBy(() -> new Attribute("role\n", "issuer", true))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("an attribute name must be 1 to 64 characters of [A-Za-z0-9._-]");
    assertThat(new Attribute("hf.Registrar.Roles", "client,peer", false).value())
        .isEqualTo("client,peer");
  }

  @Test
  void everyRegistryUserIsACaClientWhoseSecretEnrollsOnce() {
    for (Role role : Role.values()) {
      Registration registration = Registration.forRole("user-1", null, role, List.of());
      assertThat(registration.type()).as(role.name()).isEqualTo("client");
      assertThat(registration.maxEnrollments()).as(role.name()).isEqualTo(1);
    }
  }
}
