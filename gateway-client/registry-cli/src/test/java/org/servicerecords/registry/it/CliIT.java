package org.servicerecords.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.it.ItNetwork.AUDIT;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_MSP;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.cli.RegistryCli;
import org.servicerecords.registry.client.AnchorRequest;
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
}
