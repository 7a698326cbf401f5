package org.servicerecords.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.cli.RegistryCliTest.Result;
import org.servicerecords.registry.client.ca.CaAnswerTooLargeException;
import org.servicerecords.registry.client.ca.HostileCa;

/**
 * {@code enroll} and {@code register}: an enrollment id or document type the library refuses is bad
 * input before the profile is even read, and a CA that misbehaves ends the command with one line
 * and a network exit code, never an OutOfMemoryError or a stack trace.
 */
class CaCommandsTest {

  private static final String ID_RULE =
      "registry: --user must be 1 to 64 characters of [A-Za-z0-9._@-], the first a letter or"
          + " digit";

  private static final Map<String, String> SECRET = Map.of("REGISTRY_ENROLL_SECRET", "s3cret");

  /** A profile of JusticeMSP whose CA is at {@code caUrl}, trusted through {@code caTls}. */
  static Path profile(Path dir, String caUrl, String caTls) throws Exception {
    return Files.writeString(
        dir.resolve("profile.json"),
        "{\"channel\":\"registry\",\"mspId\":\"JusticeMSP\","
            + "\"identity\":{\"wallet\":\"wallet\",\"name\":\"registrar\"},"
            + "\"organizations\":{\"JusticeMSP\":{\"peers\":[{\"address\":\"127.0.0.1:1\","
            + "\"tlsRootCertificate\":\"ca.pem\"}],"
            + "\"certificateAuthorities\":[{\"url\":\""
            + caUrl
            + "\",\"tlsCertificate\":\""
            + caTls
            + "\"}]}}}");
  }

  @Test
  void enrollAndRegisterRefuseAnIdWithALineBreakBeforeReadingTheProfile() {
    for (String id : new String[] {"evil\nline", "evil\r", "", "with space", "x".repeat(65)}) {
      Result enroll =
          RegistryCliTest.run(
              SECRET, "--profile", "/nonexistent/profile.json", "enroll", "--user", id);
      assertThat(enroll.code()).as(id).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(enroll.err()).as(id).isEqualTo(ID_RULE + System.lineSeparator());
      assertThat(enroll.out()).as(id).isEmpty();

      Result register =
          RegistryCliTest.run(
              Map.of(),
              "--profile",
              "/nonexistent/profile.json",
              "register",
              "--user",
              id,
              "--role",
              "issuer");
      assertThat(register.code()).as(id).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(register.err()).as(id).isEqualTo(ID_RULE + System.lineSeparator());
    }
  }

  @Test
  void registerRefusesADocumentTypeWithALineBreakBeforeReadingTheProfile() {
    Result r =
        RegistryCliTest.run(
            Map.of(),
            "--profile",
            "/nonexistent/profile.json",
            "register",
            "--user",
            "issuer7",
            "--role",
            "issuer",
            "--doctypes",
            "BIRTH_CERTIFICATE;MARRIAGE\nrole=admin");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err())
        .isEqualTo(
            "registry: a document type must be 1 to 64 characters of [A-Za-z0-9._:-]"
                + System.lineSeparator());
  }

  @Test
  void aWalletNameThatCouldNotBeStoredIsRefusedBeforeTheOneUseSecretIsSpent() {
    for (String name : new String[] {"../x", ".hidden", "a/b", "x".repeat(65)}) {
      Result r =
          RegistryCliTest.run(
              SECRET,
              "--profile",
              "/nonexistent/profile.json",
              "enroll",
              "--user",
              "officer1",
              "--name",
              name);
      assertThat(r.code()).as(name).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err()).as(name).startsWith("registry: --name must be");
    }
  }

  @Test
  void aWalletFolderThatCannotBeWrittenIsRefusedBeforeTheCaIsAsked(@TempDir Path dir)
      throws Exception {
    // The CA would answer forever: reaching it would end in a network error, not this refusal.
    try (HostileCa ca = HostileCa.start(dir, HostileCa.SILENT)) {
      Path profile = profile(dir, ca.url().toString(), ca.tlsCertificate().toString());
      Files.writeString(dir.resolve("wallet"), "a file, not a folder");

      Result r =
          RegistryCliTest.run(SECRET, "--profile", profile.toString(), "enroll", "--user", "u1");

      assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
      assertThat(r.err()).contains("wallet");
      assertThat(ca.requests()).isZero();
    }
  }

  @Test
  void theNamesInUseStillGetAsFarAsTheProfile() {
    for (String id : new String[] {"officer1", "demo-issuer-1796539772", "jr-17965-1-issuer"}) {
      Result r =
          RegistryCliTest.run(
              SECRET, "--profile", "/nonexistent/profile.json", "enroll", "--user", id);
      assertThat(r.code()).as(id).isEqualTo(ExitCodes.CONFIG);
      assertThat(r.err()).as(id).contains("connection profile not found");
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void enrollFromACaThatAnswersWithoutEndIsANetworkErrorOnOneLine(@TempDir Path dir)
      throws Exception {
    try (HostileCa ca = HostileCa.start(dir, HostileCa.ENDLESS_CHUNKS)) {
      Path profile = profile(dir, ca.url().toString(), ca.tlsCertificate().toString());

      Result r =
          RegistryCliTest.run(SECRET, "--profile", profile.toString(), "enroll", "--user", "u1");

      assertThat(r.code()).isEqualTo(ExitCodes.NETWORK);
      assertThat(r.err())
          .isEqualTo(
              "registry: CA "
                  + ca.url()
                  + " sent more than 1048576 bytes in answer to enroll 'u1' (HTTP 200); refused,"
                  + " the rest not read"
                  + System.lineSeparator());
      assertThat(r.out()).isEmpty();
      assertThat(dir.resolve("wallet/u1")).doesNotExist();
    }
  }

  @Test
  void aCaAnswerTooLargeIsANetworkFailure() {
    assertThat(ExitCodes.of(new CaAnswerTooLargeException("too large", 200)))
        .isEqualTo(ExitCodes.NETWORK);
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aCaTlsCertificateThatIsADeviceIsAConfigurationErrorOnOneLine(@TempDir Path dir)
      throws Exception {
    Path profile = profile(dir, "https://127.0.0.1:1", "/dev/zero");

    Result r =
        RegistryCliTest.run(SECRET, "--profile", profile.toString(), "enroll", "--user", "u1");

    assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err())
        .isEqualTo(
            "registry: CA TLS certificate /dev/zero refused: not a regular file (a device, FIFO or"
                + " folder is not read)"
                + System.lineSeparator());
  }
}
