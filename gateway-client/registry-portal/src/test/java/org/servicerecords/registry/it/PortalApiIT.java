package org.servicerecords.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.it.ItNetwork.AUDIT;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_MSP;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_NS;
import static org.servicerecords.registry.it.ItNetwork.SERVICES;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.portal.Portal;

/**
 * The portal's JSON API on the real network, over plain HTTP: verdicts attested by two
 * organisations, and every kind of bad input answered with its stable code and HTTP status, never a
 * stack trace or an internal address.
 */
class PortalApiIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static RegistryConnection justiceIssuer;
  private static RegistryConnection publicVerifier;
  private static List<RegistryConnection> readers;
  private static Portal portal;
  private static RegistryRecord record;

  @BeforeAll
  static void start() throws Exception {
    justiceIssuer = ItNetwork.connect(JUSTICE, "issuer1");
    publicVerifier = PortalNetwork.publicVerifier();
    readers =
        List.of(
            ItNetwork.connect(JUSTICE, "verifier1"),
            ItNetwork.connect(SERVICES, "verifier1"),
            ItNetwork.connect(AUDIT, "verifier1"));
    record =
        justiceIssuer
            .registryClient()
            .anchorCertificate(
                AnchorRequest.of(
                    new CertificateRequest(
                        ItNetwork.id("portal-api"),
                        "BIRTH_CERTIFICATE",
                        ItNetwork.newHash(),
                        ItNetwork.newSubjectRef(),
                        "2020-01-01T00:00:00Z",
                        null,
                        null,
                        null)))
            .record();
    ItNetwork.awaitOnEveryPeer(readers, JUSTICE_NS, record.id(), record.txId());
    portal = Portal.builder(publicVerifier).port(0).build().start();
  }

  @AfterAll
  static void stop() {
    portal.close();
    justiceIssuer.close();
    publicVerifier.close();
    readers.forEach(RegistryConnection::close);
  }

  private static URI at(Portal on, String path) {
    return URI.create("http://127.0.0.1:" + on.port() + path);
  }

  private static HttpResponse<String> get(Portal on, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(at(on, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postJson(String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(at(portal, "/api/verify"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  /** An error answer: its status, JSON code, and nothing internal in it. */
  private static void assertError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(json(response).getAsJsonObject("error").get("code").getAsString()).isEqualTo(code);
    assertThat(response.body()).doesNotContain("Exception", "\tat ", "127.0.0.1:", "grpc");
    assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  @Nested
  class Verdicts {

    @Test
    void aRecordedHashIsValidAttestedByTwoOrganisations() throws Exception {
      HttpResponse<String> response = postJson("{\"sha256\":\"" + record.documentHash() + "\"}");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
      JsonObject report = json(response);
      assertThat(report.get("verdict").getAsString()).isEqualTo("VALID");
      JsonObject found = report.getAsJsonArray("records").get(0).getAsJsonObject();
      assertThat(found.get("id").getAsString()).isEqualTo(record.id());
      assertThat(found.get("namespace").getAsString()).isEqualTo(JUSTICE_NS);
      assertThat(found.getAsJsonObject("issuer").get("msp").getAsString()).isEqualTo(JUSTICE_MSP);
      assertThat(found.getAsJsonObject("transaction").get("id").getAsString())
          .isEqualTo(record.txId());
      // Every agency's namespace was asked, each attested by its owner and another organisation.
      assertThat(report.getAsJsonArray("attestedBy").size()).isGreaterThanOrEqualTo(2);
      assertThat(report.getAsJsonArray("attestedBy").toString()).contains(JUSTICE_MSP);
    }

    @Test
    void showsNothingPersonalNorTheSigningOfficer() throws Exception {
      String body = postJson("{\"sha256\":\"" + record.documentHash() + "\"}").body();

      assertThat(body)
          .doesNotContain(record.subjectRef())
          .doesNotContain("subjectRef", "actor", "metadata", "issuer1");
    }

    @Test
    void aRecordByIdIsValidWithItsHash() throws Exception {
      HttpResponse<String> response = get(portal, "/api/records/" + JUSTICE_NS + "/" + record.id());

      assertThat(response.statusCode()).isEqualTo(200);
      JsonObject report = json(response);
      assertThat(report.get("verdict").getAsString()).isEqualTo("VALID");
      assertThat(report.get("sha256").getAsString()).isEqualTo(record.documentHash());
      assertThat(report.getAsJsonArray("attestedBy")).hasSize(2);
    }

    @Test
    void aRecordByMspIdAndAPastInstantIsNotYetValid() throws Exception {
      HttpResponse<String> response =
          get(
              portal,
              "/api/records/" + JUSTICE_MSP + "/" + record.id() + "?at=2019-06-01T00:00:00Z");

      assertThat(json(response).get("verdict").getAsString()).isEqualTo("NOT_YET_VALID");
      assertThat(json(response).get("at").getAsString()).isEqualTo("2019-06-01T00:00:00Z");
    }

    @Test
    void aRecordPastItsValidUntilIsExpired() throws Exception {
      RegistryRecord expired =
          justiceIssuer
              .registryClient()
              .anchorCertificate(
                  AnchorRequest.of(
                      new CertificateRequest(
                          ItNetwork.id("portal-expired"),
                          "BIRTH_CERTIFICATE",
                          ItNetwork.newHash(),
                          ItNetwork.newSubjectRef(),
                          "2020-01-01T00:00:00Z",
                          "2021-01-01T00:00:00Z",
                          null,
                          null)))
              .record();
      ItNetwork.awaitOnEveryPeer(readers, JUSTICE_NS, expired.id(), expired.txId());

      JsonObject report = json(postJson("{\"sha256\":\"" + expired.documentHash() + "\"}"));
      assertThat(report.get("verdict").getAsString()).isEqualTo("EXPIRED");
      JsonObject found = report.getAsJsonArray("records").get(0).getAsJsonObject();
      assertThat(found.get("validUntil").getAsString()).isEqualTo("2021-01-01T00:00:00Z");
      JsonObject then =
          json(
              get(
                  portal,
                  "/api/records/" + JUSTICE_NS + "/" + expired.id() + "?at=2020-06-01T00:00:00Z"));
      assertThat(then.get("verdict").getAsString()).isEqualTo("VALID");
    }

    @Test
    void anUnknownHashOrIdIsUnknownWithNoRecord() throws Exception {
      JsonObject byHash = json(postJson("{\"sha256\":\"" + ItNetwork.newHash() + "\"}"));
      assertThat(byHash.get("verdict").getAsString()).isEqualTo("UNKNOWN");
      assertThat(byHash.getAsJsonArray("records")).isEmpty();

      JsonObject byId =
          json(get(portal, "/api/records/" + JUSTICE_NS + "/no-such-" + ItNetwork.RUN));
      assertThat(byId.get("verdict").getAsString()).isEqualTo("UNKNOWN");
      assertThat(byId.getAsJsonArray("records")).isEmpty();
    }

    @Test
    void listsTheAgenciesByName() throws Exception {
      JsonObject agencies = json(get(portal, "/api/agencies"));
      assertThat(agencies.getAsJsonArray("agencies").toString()).contains(JUSTICE_MSP, JUSTICE_NS);
    }
  }

  @Nested
  class BadInput {

    @Test
    void notASha256() throws Exception {
      assertError(postJson("{\"sha256\":\"not-a-hash\"}"), 400, "INVALID_HASH");
      assertError(postJson("{}"), 400, "INVALID_HASH");
      assertError(postJson("{\"sha256\": [1]}"), 400, "INVALID_HASH");
    }

    @Test
    void notJsonOrUnknownFields() throws Exception {
      assertError(postJson("sha256=abc"), 400, "INVALID_REQUEST");
      assertError(
          postJson("{\"sha256\":\"" + record.documentHash() + "\",\"document\":\"...\"}"),
          400,
          "INVALID_REQUEST");
    }

    @Test
    void aBadInstantOrIssuer() throws Exception {
      assertError(
          postJson("{\"sha256\":\"" + record.documentHash() + "\",\"at\":\"soon\"}"),
          400,
          "INVALID_DATE");
      assertError(
          postJson("{\"sha256\":\"" + record.documentHash() + "\",\"issuer\":\"a b\"}"),
          400,
          "INVALID_ISSUER");
      assertError(
          get(portal, "/api/records/" + JUSTICE_NS + "/" + record.id() + "?at=tomorrow"),
          400,
          "INVALID_DATE");
    }

    @Test
    void anUnknownNamespaceOrIssuer() throws Exception {
      assertError(get(portal, "/api/records/records-nowhere/x-1"), 404, "UNKNOWN_NAMESPACE");
      assertError(
          postJson("{\"sha256\":\"" + record.documentHash() + "\",\"issuer\":\"NowhereMSP\"}"),
          404,
          "UNKNOWN_ISSUER");
    }

    @Test
    void anIdWithForbiddenCharacters() throws Exception {
      assertError(get(portal, "/api/records/" + JUSTICE_NS + "/bad%20id"), 400, "INVALID_ID");
      assertError(get(portal, "/api/records/" + JUSTICE_NS + "/%3Cscript%3E"), 400, "INVALID_ID");
      assertError(get(portal, "/api/records/records%20x/id-1"), 400, "INVALID_NAMESPACE");
      assertError(get(portal, "/api/records/" + JUSTICE_NS + "/a%2Fb"), 400, "INVALID_ID");
    }

    @Test
    void malformedEscapesRefusedBeforeAnyRoute() throws Exception {
      // Jetty refuses these before the portal's routes run: still the portal's JSON and headers.
      // (Java's URI refuses to build such addresses, so they go out on a plain socket.)
      for (String path :
          List.of("/api/records/" + JUSTICE_NS + "/%zz", "/api/records/" + JUSTICE_NS + "/a%00b")) {
        String answer = rawGet(path);
        assertThat(answer).as(path).startsWith("HTTP/1.1 400");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT))
            .contains("content-security-policy: default-src 'none'")
            .contains("application/json");
        assertThat(answer).contains("\"code\":\"INVALID_REQUEST\"").doesNotContain("Exception");
      }
    }

    @Test
    void aFileUploadIsRefusedUnread() throws Exception {
      HttpResponse<String> upload =
          HTTP.send(
              HttpRequest.newBuilder(at(portal, "/api/verify"))
                  .header("Content-Type", "multipart/form-data; boundary=x")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\""
                              + "\r\n\r\n%PDF-1.7\r\n--x--\r\n"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertError(upload, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aTwoGigabyteUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
      // Only the headers are sent: the answer must come without the portal waiting for 2 GB.
      try (Socket socket = new Socket("127.0.0.1", portal.port())) {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /api/verify HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/octet-stream\r\n"
                    + "Content-Length: 2147483648\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[64 * 1024]);
        out.flush();
        String answer = readHead(socket.getInputStream());
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("PAYLOAD_TOO_LARGE").doesNotContain("Exception");
      }
    }

    @Test
    void aChunkedBodyLargerThanAHashRequestIsRefused() throws Exception {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(at(portal, "/api/verify"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new java.io.ByteArrayInputStream(new byte[64 * 1024])))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertError(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void unknownRoutesAndMethods() throws Exception {
      assertError(get(portal, "/api/nothing"), 404, "NOT_FOUND");
      HttpResponse<String> page = get(portal, "/no/such/page");
      assertThat(page.statusCode()).isEqualTo(404);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      HttpResponse<String> delete =
          HTTP.send(
              HttpRequest.newBuilder(at(portal, "/api/verify")).DELETE().build(),
              HttpResponse.BodyHandlers.ofString());
      assertError(delete, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void tooManyRequestsFromOneClient() throws Exception {
      try (Portal strict =
          Portal.builder(publicVerifier).port(0).requestsPerMinute(3).build().start()) {
        for (int i = 0; i < 3; i++) {
          assertThat(get(strict, "/api/openapi.json").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = get(strict, "/api/openapi.json");
        assertError(refused, 429, "RATE_LIMITED");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        // The pages themselves are not counted: a refused client still sees the page's message.
        assertThat(get(strict, "/").statusCode()).isEqualTo(200);
      }
    }

    @Test
    void peersDownIsServiceUnavailable() throws Exception {
      try (RegistryConnection unreachable = PortalNetwork.publicVerifierWithPeersAt(closedPort());
          Portal cut = Portal.builder(unreachable).port(0).build().start()) {
        assertError(
            get(cut, "/api/records/" + JUSTICE_NS + "/" + record.id()), 503, "PEERS_UNAVAILABLE");
      }
    }
  }

  @Nested
  class Headers {

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
      for (String path :
          List.of(
              "/",
              "/r/" + JUSTICE_NS + "/" + record.id(),
              "/assets/app.js",
              "/api/agencies",
              "/x")) {
        HttpResponse<String> response = get(portal, path);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
            .as(path)
            .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(response.headers().firstValue("Referrer-Policy"))
            .as(path)
            .hasValue("no-referrer");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Server")).as(path).isEmpty();
      }
    }

    @Test
    void thePagesHoldNoInlineScript() throws Exception {
      for (String path : List.of("/", "/r/" + JUSTICE_NS + "/" + record.id())) {
        String html = get(portal, path).body();
        assertThat(html).containsPattern("<script[^>]+src=");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(html).doesNotContainPattern("\\son[a-z]+=");
      }
    }

    @Test
    void everyRouteItsOpenApiDocumentListsIsServed() throws Exception {
      JsonObject paths = json(get(portal, "/api/openapi.json")).getAsJsonObject("paths");
      for (String path : paths.keySet()) {
        String concrete = path.replace("{namespace}", JUSTICE_NS).replace("{id}", record.id());
        for (String method : paths.getAsJsonObject(path).keySet()) {
          HttpResponse<String> response =
              HTTP.send(
                  HttpRequest.newBuilder(at(portal, concrete))
                      .header("Content-Type", "application/json")
                      .method(
                          method.toUpperCase(java.util.Locale.ROOT),
                          method.equals("post")
                              ? HttpRequest.BodyPublishers.ofString(
                                  "{\"sha256\":\"" + record.documentHash() + "\"}")
                              : HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          assertThat(response.statusCode()).as(method + " " + path).isEqualTo(200);
        }
      }
    }

    @Test
    void servesItsOpenApiDocument() throws Exception {
      JsonObject document = json(get(portal, "/api/openapi.json"));
      assertThat(document.get("openapi").getAsString()).startsWith("3.");
      assertThat(document.getAsJsonObject("paths").keySet()).contains("/api/verify");
    }
  }

  /** A GET of a raw path, sent as written on a plain socket; the answer's head and body. */
  private static String rawGet(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", portal.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    int read = in.read(buffer);
    StringBuilder text = new StringBuilder();
    while (read > 0) {
      text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
      if (text.indexOf("}") >= 0) {
        break;
      }
      read = in.read(buffer);
    }
    return text.toString();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
