package org.servicerecords.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.it.ItNetwork.AUDIT;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_MSP;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_NS;

import com.google.gson.JsonObject;
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
import org.servicerecords.registry.cli.ExitCodes;
import org.servicerecords.registry.cli.RegistryCli;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.RecordLink;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;

/** The {@code registry} command on the real network, where the library alone does not tell. */
class CliIT {

  record Run(int code, String out, String err) {}

  static Run registry(String org, String identity, String... args) throws Exception {
    List<String> all = new ArrayList<>();
    all.add("--profile");
    all.add(ItNetwork.stateDir().resolve("orgs").resolve(org).resolve("profile.json").toString());
    all.add("--identity");
    all.add(identity);
    all.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        RegistryCli.run(
            all.toArray(String[]::new),
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void listPrintsABookmarkTheNextCommandCanPassBack() throws Exception {
    String subject = ItNetwork.newSubjectRef();
    List<String> ids = new ArrayList<>();
    try (RegistryConnection issuer = ItNetwork.connect(JUSTICE, "issuer1")) {
      for (int i = 0; i < 3; i++) {
        CertificateRequest c =
            new CertificateRequest(
                ItNetwork.id("cli-list"),
                "BIRTH_CERTIFICATE",
                ItNetwork.newHash(),
                subject,
                "2026-01-01T00:00:00Z",
                null,
                null,
                null);
        ids.add(issuer.registryClient().anchorCertificate(AnchorRequest.of(c)).record().id());
      }
    }
    ids.sort(String::compareTo);

    Run first =
        registry(
            AUDIT,
            "auditor1",
            "list",
            "--by",
            "SUBJECT",
            subject,
            "--issuer",
            JUSTICE_MSP,
            "--page-size",
            "2");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains(ids.get(0), ids.get(1)).doesNotContain(ids.get(2));
    assertThat(first.out()).doesNotContain("\u0000");
    String token =
        first
            .out()
            .lines()
            .filter(l -> l.startsWith("next page: --bookmark "))
            .findFirst()
            .orElseThrow()
            .substring("next page: --bookmark ".length());

    Run second =
        registry(
            AUDIT,
            "auditor1",
            "list",
            "--by",
            "SUBJECT",
            subject,
            "--issuer",
            JUSTICE_MSP,
            "--page-size",
            "2",
            "--bookmark",
            token);
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out())
        .contains(ids.get(2))
        .doesNotContain(ids.get(0))
        .doesNotContain("next page");

    // The JSON output carries the same token.
    Run json =
        registry(
            AUDIT,
            "auditor1",
            "--json",
            "list",
            "--by",
            "SUBJECT",
            subject,
            "--issuer",
            JUSTICE_MSP,
            "--page-size",
            "2");
    assertThat(json.code()).isZero();
    JsonObject page = CanonicalJson.parseStrict(json.out().strip()).getAsJsonObject();
    assertThat(page.get("bookmark").getAsString()).isEqualTo(token);
  }

  private static final String PORTAL = "http://portal.test:8080";

  @Test
  void qrEncodesTheRecordsVerdictPageWithTheHashOnTheLedger(@TempDir Path dir) throws Exception {
    String hash = ItNetwork.newHash();
    String id;
    try (RegistryConnection issuer = ItNetwork.connect(JUSTICE, "issuer1")) {
      CertificateRequest c =
          new CertificateRequest(
              ItNetwork.id("cli-qr"),
              "BIRTH_CERTIFICATE",
              hash,
              ItNetwork.newSubjectRef(),
              "2026-01-01T00:00:00Z",
              null,
              null,
              null);
      id = issuer.registryClient().anchorCertificate(AnchorRequest.of(c)).record().id();
    }
    String expected = RecordLink.of(URI.create(PORTAL), JUSTICE_NS, id, hash).toUri().toString();

    // A read-only identity of the agency, in its own namespace by default.
    Path png = dir.resolve(id + ".png");
    Run qr =
        ItNetwork.await(
            "qr of " + id + " as justice verifier1",
            () ->
                registry(
                    JUSTICE, "verifier1", "qr", id, "--portal-url", PORTAL, "-o", png.toString()),
            run -> run.code() == ExitCodes.OK);
    assertThat(qr.out()).contains(expected, png.toString());
    assertThat(QrCodes.decode(png)).isEqualTo(expected);
    assertThat(RecordLink.parse(URI.create(QrCodes.decode(png))).hash()).contains(hash);

    // Another organisation's verifier, naming the agency by its MSP id, with --json.
    Path svg = dir.resolve(id + ".svg");
    Run json =
        ItNetwork.await(
            "qr of " + id + " as audit verifier1",
            () ->
                registry(
                    AUDIT,
                    "verifier1",
                    "--json",
                    "qr",
                    id,
                    "--namespace",
                    JUSTICE_MSP,
                    "--portal-url",
                    PORTAL,
                    "-o",
                    svg.toString()),
            run -> run.code() == ExitCodes.OK);
    JsonObject printed = CanonicalJson.parseStrict(json.out().strip()).getAsJsonObject();
    assertThat(printed.get("url").getAsString()).isEqualTo(expected);
    assertThat(printed.get("namespace").getAsString()).isEqualTo(JUSTICE_NS);
    assertThat(printed.get("sha256").getAsString()).isEqualTo(hash);
    assertThat(Files.readString(svg)).contains("<title id=\"title\">" + expected + "</title>");

    // The file exists now: refused without --force, replaced with it.
    Run again =
        registry(JUSTICE, "verifier1", "qr", id, "--portal-url", PORTAL, "-o", png.toString());
    assertThat(again.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(again.err()).contains("--force");

    Path unknown = dir.resolve("unknown.png");
    Run missing =
        registry(
            JUSTICE,
            "verifier1",
            "qr",
            ItNetwork.id("cli-qr-unknown"),
            "--portal-url",
            PORTAL,
            "-o",
            unknown.toString());
    assertThat(missing.code()).as(missing.err()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(missing.err()).contains("not found");
    assertThat(unknown).doesNotExist();
  }
}
