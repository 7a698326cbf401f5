package org.servicerecords.registry.client.ca;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.identity.IdentityException;
import org.servicerecords.registry.client.identity.Pem;
import org.servicerecords.registry.client.io.FileRefusedException;
import org.servicerecords.registry.client.io.SmallFiles;

/** REST client of one Fabric CA (API v1). */
final class FabricCaClientImpl implements FabricCaClient {

  /** Fabric CA error codes that mean the credentials were not accepted. */
  private static final List<Integer> AUTH_CODES = List.of(20, 21, 23, 24, 25, 26, 27, 28, 70);

  private final URI base;
  private final String caName;
  private final HttpClient http;
  private final Duration timeout;

  private FabricCaClientImpl(URI base, String caName, HttpClient http, Duration timeout) {
    this.base = base;
    this.caName = caName;
    this.http = http;
    this.timeout = timeout;
  }

  @Override
  public Enrollment enroll(String enrollmentId, String secret) throws CaException {
    Registration.checkEnrollmentId(enrollmentId);
    Objects.requireNonNull(secret, "secret");
    KeyPair keys = CaCrypto.newKeyPair();
    JsonObject body = new JsonObject();
    body.addProperty("certificate_request", CaCrypto.csrPem(enrollmentId, keys));
    addCaName(body);
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((enrollmentId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    JsonObject result = post("enroll", body, basic, "enroll '" + enrollmentId + "'");
    return enrollment(result, keys);
  }

  @Override
  public String register(Credentials registrar, Registration registration) throws CaException {
    Objects.requireNonNull(registrar, "registrar");
    Objects.requireNonNull(registration, "registration");
    JsonObject body = new JsonObject();
    body.addProperty("id", registration.enrollmentId());
    body.addProperty("type", registration.type());
    if (registration.secret() != null) {
      body.addProperty("secret", registration.secret());
    }
    if (registration.maxEnrollments() > 0) {
      body.addProperty("max_enrollments", registration.maxEnrollments());
    }
    body.addProperty("affiliation", registration.affiliation());
    JsonArray attrs = new JsonArray();
    for (Attribute attribute : registration.attributes()) {
      JsonObject a = new JsonObject();
      a.addProperty("name", attribute.name());
      a.addProperty("value", attribute.value());
      a.addProperty("ecert", attribute.ecert());
      attrs.add(a);
    }
    body.add("attrs", attrs);
    addCaName(body);
    JsonObject result =
        postWithToken(
            "register", body, registrar, "register '" + registration.enrollmentId() + "'");
    JsonElement secret = result.get("secret");
    if (secret == null || !secret.isJsonPrimitive()) {
      throw new CaException("CA " + base + " answered register without a secret", 200, 0, null);
    }
    return secret.getAsString();
  }

  @Override
  public Enrollment reenroll(Credentials current) throws CaException {
    Objects.requireNonNull(current, "current");
    KeyPair keys = CaCrypto.newKeyPair();
    JsonObject body = new JsonObject();
    body.addProperty("certificate_request", CaCrypto.csrPem(current.enrollmentId(), keys));
    addCaName(body);
    JsonObject result =
        postWithToken("reenroll", body, current, "reenroll '" + current.enrollmentId() + "'");
    return enrollment(result, keys);
  }

  private void addCaName(JsonObject body) {
    if (!caName.isEmpty()) {
      body.addProperty("caname", caName);
    }
  }

  private JsonObject postWithToken(
      String endpoint, JsonObject body, Credentials signer, String what) throws CaException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    URI uri = endpoint(endpoint);
    String requestUri =
        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String token =
        CaCrypto.token(
            Pem.toPem(signer.certificate()), signer.privateKey(), "POST", requestUri, bytes);
    return send(uri, bytes, token, what);
  }

  private JsonObject post(String endpoint, JsonObject body, String authorization, String what)
      throws CaException {
    return send(
        endpoint(endpoint), body.toString().getBytes(StandardCharsets.UTF_8), authorization, what);
  }

  private URI endpoint(String name) {
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return base.resolve(path + "/api/v1/" + name);
  }

  /**
   * Sends a request and reads the answer within one deadline for the whole exchange (connection,
   * TLS, headers and body) and up to {@link #MAX_ANSWER_BYTES}. Past the deadline the exchange is
   * cancelled, which closes the connection.
   */
  private JsonObject send(URI uri, byte[] body, String authorization, String what)
      throws CaException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(request, BoundedBody.handler(MAX_ANSWER_BYTES));
    HttpResponse<byte[]> response;
    try {
      response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw notInTime(what, e);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new CaUnreachableException("interrupted while calling CA " + base, e);
    } catch (ExecutionException e) {
      throw failure(e.getCause(), what);
    }
    return answer(base, response.statusCode(), utf8(response.body()), what);
  }

  private CaUnreachableException notInTime(String what, Throwable cause) {
    return new CaUnreachableException(
        "CA " + base + " did not answer " + what + " in full within " + timeout, cause);
  }

  /** The {@link CaException} for a failed exchange. */
  private CaException failure(Throwable cause, String what) {
    BoundedBody.TooLarge tooLarge = find(cause, BoundedBody.TooLarge.class);
    if (tooLarge != null) {
      String text =
          tooLarge.declared() >= 0
              ? "CA "
                  + base
                  + " declared an answer of "
                  + tooLarge.declared()
                  + " bytes to "
                  + what
                  + " (HTTP "
                  + tooLarge.status()
                  + "), more than "
                  + MAX_ANSWER_BYTES
                  + "; refused unread"
              : "CA "
                  + base
                  + " sent more than "
                  + MAX_ANSWER_BYTES
                  + " bytes in answer to "
                  + what
                  + " (HTTP "
                  + tooLarge.status()
                  + "); refused, the rest not read";
      return new CaAnswerTooLargeException(text, tooLarge.status());
    }
    if (find(cause, HttpTimeoutException.class) != null) {
      return notInTime(what, cause);
    }
    if (find(cause, ConnectException.class) != null) {
      return new CaUnreachableException(
          "CA " + base + " is unreachable (connection refused)", cause);
    }
    SSLException tls = find(cause, SSLException.class);
    if (tls != null) {
      return new CaUnreachableException(
          "TLS handshake with CA " + base + " failed: " + brief(tls) + " (check tlsCertificate)",
          cause);
    }
    return new CaUnreachableException("CA " + base + " is unreachable: " + brief(cause), cause);
  }

  /** The first throwable of a type in a chain of causes, or {@code null}. */
  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Reads a Fabric CA answer: the {@code result} object of a successful one, or the matching {@link
   * CaException}. Any answer that is not the CA's documented shape (not JSON, {@code success} not a
   * boolean, {@code errors} entries with a non-numeric code, ...) is a {@link CaException} naming
   * the CA, never an unchecked exception.
   *
   * @param base the CA's URL (for messages)
   * @param status the HTTP status
   * @param body the answer's body
   * @param what what was asked, for messages
   * @return the result object
   * @throws CaException if the CA refused or answered something unreadable
   */
  static JsonObject answer(URI base, int status, String body, String what) throws CaException {
    JsonObject json;
    try {
      JsonElement parsed = JsonParser.parseString(body == null ? "" : body);
      if (!parsed.isJsonObject()) {
        throw new IllegalStateException("not a JSON object");
      }
      json = parsed.getAsJsonObject();
    } catch (RuntimeException e) {
      throw unreadable(base, status, what, "not a JSON object", e);
    }
    JsonElement successField = json.get("success");
    boolean success;
    if (successField == null || successField.isJsonNull()) {
      success = false;
    } else if (successField.isJsonPrimitive() && successField.getAsJsonPrimitive().isBoolean()) {
      success = successField.getAsBoolean();
    } else {
      throw unreadable(base, status, what, "'success' is not true or false", null);
    }
    if (success && status / 100 == 2) {
      JsonElement result = json.get("result");
      if (result == null || !result.isJsonObject()) {
        throw new CaException(
            "CA " + base + " answered " + what + " without a result", status, 0, null);
      }
      return result.getAsJsonObject();
    }
    int code = 0;
    List<String> messages = new ArrayList<>();
    JsonElement errors = json.get("errors");
    if (errors != null && errors.isJsonArray()) {
      for (JsonElement error : errors.getAsJsonArray()) {
        if (!error.isJsonObject()) {
          continue;
        }
        JsonObject e = error.getAsJsonObject();
        JsonElement c = e.get("code");
        if (code == 0 && c != null && !c.isJsonNull()) {
          code = errorCode(c);
          if (code < 0) {
            throw unreadable(base, status, what, "an error code is not a number", null);
          }
        }
        JsonElement m = e.get("message");
        if (m != null && m.isJsonPrimitive()) {
          messages.add(oneLine(m.getAsString()));
        }
      }
    }
    String text =
        "CA refused to "
            + what
            + ": "
            + (messages.isEmpty() ? "HTTP " + status : String.join("; ", messages))
            + (code == 0 ? "" : " (code " + code + ")");
    if (status == 401 || AUTH_CODES.contains(code)) {
      throw new CaAuthenticationException(text, status, code);
    }
    throw new CaException(text, status, code, null);
  }

  /** A Fabric CA error code, or -1 when it is not a non-negative integer. */
  private static int errorCode(JsonElement element) {
    if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
      return -1;
    }
    try {
      int value = element.getAsJsonPrimitive().getAsBigDecimal().intValueExact();
      return value < 0 ? -1 : value;
    } catch (ArithmeticException | NumberFormatException e) {
      return -1;
    }
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  private static CaException unreadable(
      URI base, int status, String what, String why, Throwable cause) {
    return new CaException(
        "CA " + base + " gave an unreadable answer to " + what + " (HTTP " + status + "): " + why,
        status,
        0,
        cause);
  }

  private Enrollment enrollment(JsonObject result, KeyPair keys) throws CaException {
    try {
      String certPem = decode(result.get("Cert"));
      X509Certificate certificate = Pem.parseCertificate(certPem, "the CA's answer");
      List<X509Certificate> chain = List.of();
      JsonElement info = result.get("ServerInfo");
      if (info != null && info.isJsonObject() && info.getAsJsonObject().has("CAChain")) {
        chain =
            Pem.parseCertificates(decode(info.getAsJsonObject().get("CAChain")), "the CA's chain");
      }
      if (!certificate.getPublicKey().equals(keys.getPublic())) {
        throw new CaException(
            "CA " + base + " returned a certificate for another key", 200, 0, null);
      }
      return new Enrollment(certificate, keys.getPrivate(), chain);
    } catch (IdentityException | RuntimeException e) {
      throw new CaException(
          "CA " + base + " returned an unreadable certificate: " + e.getMessage(), 200, 0, e);
    }
  }

  private static String decode(JsonElement element) {
    if (element == null || !element.isJsonPrimitive()) {
      throw new IllegalArgumentException("certificate missing");
    }
    return new String(Base64.getDecoder().decode(element.getAsString()), StandardCharsets.UTF_8);
  }

  private static String brief(Throwable e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** Builder of {@link FabricCaClientImpl}. */
  static final class BuilderImpl implements Builder {
    private final URI url;
    private String caName = "";
    private Path tlsCertificate;
    private Duration timeout = Duration.ofSeconds(30);

    BuilderImpl(URI url) {
      this.url = Objects.requireNonNull(url, "url");
    }

    @Override
    public Builder caName(String name) {
      this.caName = Objects.requireNonNull(name, "caName");
      return this;
    }

    @Override
    public Builder tlsCertificate(Path file) {
      this.tlsCertificate = Objects.requireNonNull(file, "tlsCertificate");
      return this;
    }

    @Override
    public Builder timeout(Duration deadline) {
      this.timeout = Objects.requireNonNull(deadline, "timeout");
      return this;
    }

    @Override
    public FabricCaClient build() throws IdentityException, CaException {
      if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
        // Enrollment secrets and registrar tokens must never travel in clear.
        throw new CaException(
            "CA URL "
                + url
                + " is refused: only https://host:port is accepted (enrollment secrets and"
                + " tokens must not travel unencrypted)",
            0,
            0,
            null);
      }
      if (tlsCertificate == null) {
        throw new IdentityException("CA " + url + " uses https: its TLS certificate is needed");
      }
      HttpClient http =
          HttpClient.newBuilder()
              // HTTP/1.1: a call cut off at its deadline closes its own connection (HTTP/2 would
              // only reset a stream of a shared one); a CA's REST calls gain nothing from HTTP/2.
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(timeout)
              .sslContext(sslContext(tlsCertificate))
              .build();
      return new FabricCaClientImpl(url, caName, http, timeout);
    }

    private static SSLContext sslContext(Path file) throws IdentityException {
      try {
        String pem =
            SmallFiles.readString(file, SmallFiles.DEFAULT_LIMIT, StandardCharsets.US_ASCII);
        List<X509Certificate> certificates = Pem.parseCertificates(pem, file.toString());
        if (certificates.isEmpty()) {
          throw new IdentityException("no certificate found in CA TLS file " + file);
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        int i = 0;
        for (X509Certificate certificate : certificates) {
          trust.setCertificateEntry("ca-tls-" + i++, certificate);
        }
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
      } catch (java.nio.file.NoSuchFileException e) {
        throw new IdentityException("CA TLS certificate file not found: " + file, e);
      } catch (FileRefusedException e) {
        throw new IdentityException("CA TLS certificate " + file + " refused: " + e.getReason(), e);
      } catch (IOException | GeneralSecurityException e) {
        throw new IdentityException("cannot use CA TLS certificate " + file + ": " + brief(e), e);
      }
    }
  }
}
