package org.servicerecords.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.RecordLink;

/**
 * {@code registry qr}'s options, checked before connecting: a run that passes them reaches the
 * (missing) connection profile and exits 8, one that fails them never gets there.
 */
class QrCommandTest {

  private static final String PORTAL = "https://verify.example.uz";
  private static final String MISSING_PROFILE = "/nonexistent/profile.json";

  private static RegistryCliTest.Result qr(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of("--profile", MISSING_PROFILE, "qr"));
    all.addAll(List.of(args));
    return RegistryCliTest.run(env, all.toArray(String[]::new));
  }

  @Test
  void validOptionsGetAsFarAsConnecting(@TempDir Path dir) {
    RegistryCliTest.Result png =
        qr(Map.of(), "bc-1", "--portal-url", PORTAL, "-o", dir.resolve("bc-1.png").toString());
    assertThat(png.code()).as(png.err()).isEqualTo(ExitCodes.CONFIG);
    assertThat(png.err()).contains("connection profile not found");

    RegistryCliTest.Result svg =
        qr(
            Map.of(),
            "bc-1",
            "--namespace",
            "JusticeMSP",
            "--portal-url",
            PORTAL,
            "--output",
            dir.resolve("bc-1.SVG").toString());
    assertThat(svg.code()).as(svg.err()).isEqualTo(ExitCodes.CONFIG);
    assertThat(Files.exists(dir.resolve("bc-1.png"))).isFalse();
  }

  @Test
  void thePortalComesFromTheEnvironmentWithoutTheOption(@TempDir Path dir) {
    RegistryCliTest.Result r =
        qr(
            Map.of(QrCommand.PORTAL_ENV, PORTAL),
            "bc-1",
            "-o",
            dir.resolve("bc-1.png").toString(),
            "--size",
            "1024");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CONFIG);
  }

  @Test
  void withoutAPortalAddressItIsAUsageErrorNamingBothWaysToGiveIt(@TempDir Path dir) {
    RegistryCliTest.Result r = qr(Map.of(), "bc-1", "-o", dir.resolve("bc-1.png").toString());

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("--portal-url", "REGISTRY_PORTAL_URL")
        .contains("Try 'registry qr --help'.");
  }

  @Test
  void aPortalAddressThatIsNotHttpWithoutQueryIsAUsageError(@TempDir Path dir) {
    for (String portal :
        List.of("ftp://verify.example.uz", "https://verify.example.uz/?a=1", "verify", "http://")) {
      RegistryCliTest.Result r =
          qr(Map.of(), "bc-1", "--portal-url", portal, "-o", dir.resolve("c.png").toString());
      assertThat(r.code()).as(portal).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).as(portal).contains("portal address");
    }
  }

  @Test
  void anOutputThatIsNeitherPngNorSvgIsAUsageError(@TempDir Path dir) {
    RegistryCliTest.Result r =
        qr(Map.of(), "bc-1", "--portal-url", PORTAL, "-o", dir.resolve("bc-1.jpg").toString());

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains(".png or .svg");
    assertThat(qr(Map.of(), "bc-1", "--portal-url", PORTAL).code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aSizeOutOfRangeOrForAnSvgIsAUsageError(@TempDir Path dir) {
    for (String size : List.of("127", "4097", "0", "-5")) {
      RegistryCliTest.Result r =
          qr(
              Map.of(),
              "bc-1",
              "--portal-url",
              PORTAL,
              "-o",
              dir.resolve("c.png").toString(),
              "--size",
              size);
      assertThat(r.code()).as(size).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).as(size).contains("--size must be 128 to 4096");
    }
    RegistryCliTest.Result svg =
        qr(
            Map.of(),
            "bc-1",
            "--portal-url",
            PORTAL,
            "-o",
            dir.resolve("c.svg").toString(),
            "--size",
            "512");
    assertThat(svg.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(svg.err()).contains("--size is the side of a PNG");
  }

  @Test
  void anExistingFileIsRefusedBeforeConnectingAndLeftUnchangedWithoutForce(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("bc-1.png");
    Files.writeString(file, "printed last week");

    RegistryCliTest.Result refused =
        qr(Map.of(), "bc-1", "--portal-url", PORTAL, "-o", file.toString());

    assertThat(refused.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(refused.err()).contains(file.toString(), "exists", "--force");
    assertThat(Files.readString(file)).isEqualTo("printed last week");

    RegistryCliTest.Result forced =
        qr(Map.of(), "bc-1", "--portal-url", PORTAL, "-o", file.toString(), "--force");
    assertThat(forced.code()).as(forced.err()).isEqualTo(ExitCodes.CONFIG);
  }

  @Test
  void aMissingFolderOrAnInvalidIdIsBadInputBeforeConnecting(@TempDir Path dir) {
    RegistryCliTest.Result folder =
        qr(
            Map.of(),
            "bc-1",
            "--portal-url",
            PORTAL,
            "-o",
            dir.resolve("gone").resolve("bc-1.png").toString());
    assertThat(folder.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(folder.err()).contains("no such folder");

    RegistryCliTest.Result id =
        qr(Map.of(), "bc 1/2", "--portal-url", PORTAL, "-o", dir.resolve("c.png").toString());
    assertThat(id.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(id.err()).contains("not a record id");
  }

  @Test
  void printsTheAddressAndTheFileOrTheirJson() {
    String hash = "ab".repeat(32);
    RecordLink link =
        RecordLink.of(URI.create("http://portal.test:8080"), "records-justice", "bc-7", hash);
    String url = "http://portal.test:8080/r/records-justice/bc-7#sha256=" + hash;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    QrCommand.print(new Output(out, out, false), link, Path.of("bc-7.png"));
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("url         " + url, "file        bc-7.png");

    bytes.reset();
    QrCommand.print(new Output(out, out, true), link, Path.of("bc-7.svg"));
    assertThat(bytes.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo(
            "{\"file\":\"bc-7.svg\",\"id\":\"bc-7\",\"namespace\":\"records-justice\","
                + "\"sha256\":\""
                + hash
                + "\",\"url\":\""
                + url
                + "\"}");
  }

  @Test
  void helpNamesEveryOption() {
    RegistryCliTest.Result help = RegistryCliTest.run(Map.of(), "qr", "--help");

    assertThat(help.code()).isEqualTo(ExitCodes.OK);
    assertThat(help.out())
        .contains("Usage: registry qr")
        .contains("--namespace", "--portal-url", "-o, --output", "--size", "--force")
        .contains("REGISTRY_PORTAL_URL");
  }
}
