package org.servicerecords.registry.client.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.identity.CertificateAttributes;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.identity.Wallet;

/**
 * Against a real fabric-ca-server (TLS). The location comes from REGISTRY_IT_CA_URL,
 * REGISTRY_IT_CA_NAME, REGISTRY_IT_CA_TLS_CERT, REGISTRY_IT_CA_ADMIN and
 * REGISTRY_IT_CA_ADMIN_PASSWORD; scripts/test.sh sets them for a CA it started.
 */
class FabricCaClientIT {

  private static FabricCaClient ca;
  private static Credentials admin;

  @BeforeAll
  static void enrollAdmin() throws Exception {
    ca =
        FabricCaClient.newBuilder(URI.create(env("REGISTRY_IT_CA_URL")))
            .caName(System.getenv().getOrDefault("REGISTRY_IT_CA_NAME", ""))
            .tlsCertificate(Path.of(env("REGISTRY_IT_CA_TLS_CERT")))
            .build();
    admin =
        ca.enroll(env("REGISTRY_IT_CA_ADMIN"), env("REGISTRY_IT_CA_ADMIN_PASSWORD"))
            .credentials("ItMSP");
  }

  @Test
  void registeredIssuerEnrollsWithRoleAndDocumentTypesInItsCertificate(@TempDir Path dir)
      throws Exception {
    String name = "issuer-" + UUID.randomUUID();
    String secret =
        ca.register(
            admin,
            Registration.forRole(
                name, null, Role.ISSUER, List.of("BIRTH_CERTIFICATE", "MARRIAGE_CERTIFICATE")));
    assertThat(secret).isNotBlank();

    Enrollment enrollment = ca.enroll(name, secret);

    Map<String, String> attributes = CertificateAttributes.of(enrollment.certificate());
    assertThat(attributes)
        .containsEntry("role", "issuer")
        .containsEntry("doctypes", "BIRTH_CERTIFICATE;MARRIAGE_CERTIFICATE")
        .containsEntry("hf.EnrollmentID", name);
    Credentials issuer = enrollment.credentials("ItMSP");
    assertThat(issuer.enrollmentId()).isEqualTo(name);
    issuer.checkValidAt(Instant.now());
    assertThat(enrollment.caChain()).isNotEmpty();

    Wallet wallet = Wallet.directory(dir);
    wallet.put(name, enrollment.certificate(), enrollment.privateKey());
    Credentials reloaded = wallet.get(name, "ItMSP");
    assertThat(reloaded.certificate()).isEqualTo(enrollment.certificate());
    assertThat(((ECPrivateKey) reloaded.privateKey()).getS())
        .isEqualTo(((ECPrivateKey) enrollment.privateKey()).getS());
    assertThat(Files.readString(dir.resolve(name).resolve("key.pem")))
        .contains("BEGIN PRIVATE KEY");
  }

  @Test
  void registrationWithGivenSecretIsEnrollableWithIt() throws Exception {
    String name = "verifier-" + UUID.randomUUID();
    String secret =
        ca.register(admin, Registration.forRole(name, "s3cret-pw", Role.VERIFIER, List.of()));
    assertThat(secret).isEqualTo("s3cret-pw");
    assertThat(CertificateAttributes.of(ca.enroll(name, secret).certificate()))
        .containsEntry("role", "verifier")
        .doesNotContainKey("doctypes");
  }

  @Test
  void wrongPasswordIsRefusedWithAuthenticationError() {
    assertThatThrownBy(() -> ca.enroll(env("REGISTRY_IT_CA_ADMIN"), "definitely-wrong"))
        .isInstanceOf(CaAuthenticationException.class)
        .hasMessageContaining("CA refused to enroll")
        .satisfies(e -> assertThat(((CaException) e).httpStatus()).isEqualTo(401));
  }

  @Test
  void aSecretEnrollsOnceOnly() throws Exception {
    String name = "it-once-" + UUID.randomUUID().toString().substring(0, 8);
    String secret = ca.register(admin, Registration.forRole(name, null, Role.ISSUER, List.of()));
    ca.enroll(name, secret);

    assertThatThrownBy(() -> ca.enroll(name, secret)).isInstanceOf(CaAuthenticationException.class);
  }

  @Test
  void registeringTheSameIdentityTwiceIsRefused() throws Exception {
    String name = "clerk-" + UUID.randomUUID();
    ca.register(admin, Registration.forRole(name, null, Role.CLERK, List.of()));
    assertThatThrownBy(
            () -> ca.register(admin, Registration.forRole(name, null, Role.CLERK, List.of())))
        .isInstanceOf(CaException.class)
        .hasMessageContaining("register '" + name + "'");
  }

  @Test
  void reenrollGivesANewCertificateWithTheSameAttributes() throws Exception {
    String name = "auditor-" + UUID.randomUUID();
    String secret = ca.register(admin, Registration.forRole(name, null, Role.AUDITOR, List.of()));
    Credentials first = ca.enroll(name, secret).credentials("ItMSP");

    Enrollment renewed = ca.reenroll(first);

    assertThat(renewed.certificate().getSerialNumber())
        .isNotEqualTo(first.certificate().getSerialNumber());
    assertThat(renewed.certificate().getPublicKey())
        .isNotEqualTo(first.certificate().getPublicKey());
    assertThat(CertificateAttributes.of(renewed.certificate())).containsEntry("role", "auditor");
  }

  @Test
  void registrationSignedByAnUnknownKeyIsRefused() throws Exception {
    Credentials forged =
        Credentials.of("ItMSP", admin.certificate(), CaCrypto.newKeyPair().getPrivate());
    assertThatThrownBy(
            () ->
                ca.register(
                    forged,
                    Registration.forRole("x-" + UUID.randomUUID(), null, Role.ISSUER, List.of())))
        .isInstanceOf(CaAuthenticationException.class);
  }

  @Test
  void wrongTlsCertificateFailsTheHandshakeWithAClearError(@TempDir Path dir) throws Exception {
    Path other = dir.resolve("other.pem");
    Files.writeString(
        other, org.servicerecords.registry.client.identity.Pem.toPem(admin.certificate()));
    FabricCaClient untrusted =
        FabricCaClient.newBuilder(URI.create(env("REGISTRY_IT_CA_URL")))
            .tlsCertificate(other)
            .build();
    assertThatThrownBy(() -> untrusted.enroll("admin", "x"))
        .isInstanceOf(CaUnreachableException.class)
        .hasMessageContaining("TLS");
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name + " is not set: run the integration tests through scripts/test.sh");
    }
    return value;
  }
}
