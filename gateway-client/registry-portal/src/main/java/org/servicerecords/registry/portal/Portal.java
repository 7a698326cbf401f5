package org.servicerecords.registry.portal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.servicerecords.registry.client.Attestation;
import org.servicerecords.registry.client.RegistryConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verification portal's web server: the pages, their assets, and the JSON API described by
 * {@code /api/openapi.json}. Verdicts come from {@link LedgerVerdicts} (attested by two
 * organisations, never cached); API requests are limited per client; every answer carries {@link
 * SecurityHeaders}. Errors are answered with a stable code ({@link ApiError}), never a stack trace
 * or an internal address.
 *
 * <pre>{@code
 * try (RegistryConnection connection = RegistryConnection.open(profile);
 *     Portal portal = Portal.builder(connection).port(8088).build().start()) {
 *   ...
 * }
 * }</pre>
 */
public final class Portal implements AutoCloseable {

  /** The API's routes, as the OpenAPI document lists them (method and path). */
  public static final List<String> API_ROUTES =
      List.of(
          "GET /api/agencies",
          "POST /api/verify",
          "GET /api/records/{namespace}/{id}",
          "GET /api/openapi.json");

  /** The address listened on unless the builder says otherwise. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The port listened on unless the builder says otherwise. */
  public static final int DEFAULT_PORT = 8088;

  /** The API requests a client may make per minute unless the builder says otherwise. */
  public static final int DEFAULT_REQUESTS_PER_MINUTE = 120;

  private static final Logger LOG = LoggerFactory.getLogger(Portal.class);
  private static final Gson GSON = new GsonBuilder().serializeNulls().create();
  private static final String JSON = "application/json; charset=utf-8";
  private static final String ERROR_WRITTEN = "portal.errorWritten";
  private static final String TOO_LARGE =
      "only a document's SHA-256 is accepted, never the document itself";

  private final String host;
  private final int port;
  private final String clientAddressHeader;
  private final LedgerVerdicts verdicts;
  private final ClientRateLimits rateLimits;
  private final SecurityHeaders securityHeaders;
  private final Map<String, byte[]> pages;
  private final Javalin app;

  private Portal(Builder builder) {
    this.host = builder.host;
    this.port = builder.port;
    this.clientAddressHeader = builder.clientAddressHeader;
    this.verdicts = new LedgerVerdicts(builder.connection, builder.attestation, Clock.systemUTC());
    this.rateLimits = new ClientRateLimits(builder.requestsPerMinute);
    this.securityHeaders =
        new SecurityHeaders(
            builder.publicUrl != null && "https".equalsIgnoreCase(builder.publicUrl.getScheme()));
    this.pages =
        Map.of(
            "index", resource("/portal/index.html"),
            "record", resource("/portal/record.html"),
            "404", resource("/portal/404.html"),
            "openapi", resource("/portal/openapi.json"));
    this.app = Javalin.create(this::configure);
  }

  /**
   * Starts a portal builder.
   *
   * @param connection the connection whose (verifier) identity asks the peers; it stays the
   *     caller's to close
   * @return the builder
   */
  public static Builder builder(RegistryConnection connection) {
    return new Builder(Objects.requireNonNull(connection, "connection"));
  }

  /**
   * Starts listening.
   *
   * @return this portal
   */
  public Portal start() {
    app.start(host, port);
    return this;
  }

  /**
   * Returns the port listened on (the one chosen when the builder asked for port 0).
   *
   * @return the port
   */
  public int port() {
    return app.port();
  }

  /** Stops listening. The connection stays open: it is the caller's. */
  @Override
  public void close() {
    app.stop();
  }

  private void configure(io.javalin.config.JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.http.maxRequestSize = ApiInputs.MAX_BODY_BYTES;
    config.http.prefer405over404 = true;
    config.jetty.modifyServer(
        server -> server.setErrorHandler(new MalformedRequestAnswer(securityHeaders)));
    config.jetty.modifyHttpConfiguration(
        http -> {
          http.setSendServerVersion(false);
          http.setSendXPoweredBy(false);
        });
    config.staticFiles.add(
        assets -> {
          assets.hostedPath = "/assets";
          assets.directory = "/portal/assets";
          assets.location = Location.CLASSPATH;
          assets.headers = Map.of("Cache-Control", "public, max-age=300");
        });
    config.requestLogger.http(
        (ctx, ms) ->
            LOG.info(
                "{} {} {} {} ms",
                ctx.method(),
                ctx.endpoint() == null ? "(static)" : ctx.endpoint().path,
                ctx.statusCode(),
                Math.round(ms)));

    var routes = config.routes;
    routes.before(securityHeaders::apply);
    routes.before("/api/*", this::beforeApi);
    routes.get("/", ctx -> page(ctx, "index", 200));
    routes.get("/r/{namespace}/{id}", ctx -> page(ctx, "record", 200));
    routes.get("/healthz", ctx -> json(ctx, 200, Map.of("status", "OK")));
    routes.get("/api/agencies", ctx -> json(ctx, 200, Map.of("agencies", verdicts.agencies())));
    routes.post("/api/verify", this::verifyHash);
    routes.get("/api/records/{namespace}/{id}", this::verifyRecord);
    routes.get(
        "/api/openapi.json", ctx -> ctx.status(200).contentType(JSON).result(pages.get("openapi")));

    routes.exception(PortalException.class, (e, ctx) -> error(ctx, e.error(), e.getMessage()));
    routes.exception(
        io.javalin.http.HttpResponseException.class,
        (e, ctx) -> {
          if (e.getStatus() == 404) {
            notFound(ctx);
          } else {
            errorForStatus(ctx, e.getStatus());
          }
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error(
              "unexpected failure on {} {}",
              ctx.method(),
              ctx.endpoint() == null ? "(no route)" : ctx.endpoint().path,
              e);
          error(ctx, ApiError.INTERNAL_ERROR, "the portal failed; the failure is in its log");
        });
    routes.error(404, ctx -> notFound(ctx));
    routes.error(
        405,
        ctx -> {
          if (ctx.attribute(ERROR_WRITTEN) == null) {
            errorForStatus(ctx, 405);
          }
        });
  }

  /** Rate limit, no caching, and the body checks every API request passes first. */
  private void beforeApi(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    String client = clientKey(ctx);
    OptionalLong wait = rateLimits.take(client);
    if (wait.isPresent()) {
      ctx.header("Retry-After", Long.toString(wait.getAsLong()));
      throw new PortalException(
          ApiError.RATE_LIMITED, "too many requests; try again in " + wait.getAsLong() + " s");
    }
    if (ctx.req().getContentLengthLong() > ApiInputs.MAX_BODY_BYTES) {
      throw tooLarge(ctx);
    }
  }

  private void verifyHash(Context ctx) throws IOException {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json")) {
      ctx.header("Connection", "close");
      throw new PortalException(
          ApiError.UNSUPPORTED_MEDIA_TYPE,
          "send a JSON object with the document's sha256; documents are never uploaded");
    }
    byte[] body;
    try (InputStream in = ctx.req().getInputStream()) {
      body = in.readNBytes(ApiInputs.MAX_BODY_BYTES + 1);
    }
    if (body.length > ApiInputs.MAX_BODY_BYTES) {
      throw tooLarge(ctx);
    }
    var question = ApiInputs.hashQuestion(new String(body, StandardCharsets.UTF_8));
    json(ctx, 200, verdicts.verifyHash(question));
  }

  /**
   * The refusal of a body too large for a hash request; the rest of the body is never read, so the
   * connection is closed after the answer.
   */
  private static PortalException tooLarge(Context ctx) {
    ctx.header("Connection", "close");
    return new PortalException(ApiError.PAYLOAD_TOO_LARGE, TOO_LARGE);
  }

  private void verifyRecord(Context ctx) {
    String namespace = ApiInputs.namespace(ctx.pathParam("namespace"));
    String id = ApiInputs.id(ctx.pathParam("id"));
    var at = ApiInputs.instant(ctx.queryParam("at"));
    json(ctx, 200, verdicts.verifyRecord(namespace, id, at));
  }

  /**
   * The client a request is counted against ({@link ClientKey}): the address a trusted proxy
   * appended to the configured header, else the connection's remote address.
   */
  private String clientKey(Context ctx) {
    if (clientAddressHeader != null) {
      String named = ClientKey.ofProxyHeader(ctx.header(clientAddressHeader));
      if (named != null) {
        return named;
      }
    }
    return ClientKey.ofAddress(ctx.req().getRemoteAddr());
  }

  private void page(Context ctx, String name, int status) {
    ctx.status(status)
        .header("Cache-Control", "no-cache")
        .contentType("text/html; charset=utf-8")
        .result(pages.get(name));
  }

  private void notFound(Context ctx) {
    if (ctx.attribute(ERROR_WRITTEN) != null) {
      return; // an API error with status 404 (UNKNOWN_NAMESPACE) already holds its answer
    }
    if (ctx.path().startsWith("/api/")) {
      error(ctx, ApiError.NOT_FOUND, "no such API route; see /api/openapi.json");
    } else {
      page(ctx, "404", 404);
    }
  }

  private static void errorForStatus(Context ctx, int status) {
    switch (status) {
      case 405 -> error(ctx, ApiError.METHOD_NOT_ALLOWED, "this route does not take that method");
      case 413 -> error(ctx, ApiError.PAYLOAD_TOO_LARGE, TOO_LARGE);
      case 404 -> error(ctx, ApiError.NOT_FOUND, "not found");
      default -> {
        if (status >= 500) {
          error(ctx, ApiError.INTERNAL_ERROR, "the portal failed; the failure is in its log");
        } else {
          error(ctx, ApiError.INVALID_REQUEST, "the request is malformed");
        }
      }
    }
  }

  private static void error(Context ctx, ApiError error, String message) {
    ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
    json(ctx, error.status(), Map.of("error", Map.of("code", error.name(), "message", message)));
  }

  private static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType(JSON).result(GSON.toJson(body));
  }

  private static byte[] resource(String path) {
    try (InputStream in = Portal.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the portal's resource " + path + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds a {@link Portal}. */
  public static final class Builder {
    private final RegistryConnection connection;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private URI publicUrl;
    private int requestsPerMinute = DEFAULT_REQUESTS_PER_MINUTE;
    private String clientAddressHeader;
    private Attestation attestation = Attestation.of(Attestation.DEFAULT_ORGANIZATIONS);

    private Builder(RegistryConnection connection) {
      this.connection = connection;
    }

    /**
     * Listens on an address (default 127.0.0.1: put a TLS-terminating proxy in front).
     *
     * @param host the address to bind
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * Listens on a port (default 8088; 0 picks a free one).
     *
     * @param port the port
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The address people reach the portal at (its QR codes name it); an https address turns HSTS
     * on.
     *
     * @param publicUrl the address, or {@code null}
     * @return this builder
     */
    public Builder publicUrl(URI publicUrl) {
      this.publicUrl = publicUrl;
      return this;
    }

    /**
     * API requests a client may make per minute (default 120).
     *
     * @param requestsPerMinute the allowance, at least 1
     * @return this builder
     */
    public Builder requestsPerMinute(int requestsPerMinute) {
      if (requestsPerMinute < 1) {
        throw new IllegalArgumentException(
            "requestsPerMinute must be at least 1: " + requestsPerMinute);
      }
      this.requestsPerMinute = requestsPerMinute;
      return this;
    }

    /**
     * Counts requests against the address a trusted proxy writes into this header (such as {@code
     * X-Real-IP}) instead of the connection's address. Set it only behind a proxy that always
     * overwrites the header: a client could otherwise choose its own key.
     *
     * @param header the header's name, or {@code null} for the connection's address (the default)
     * @return this builder
     */
    public Builder clientAddressHeader(String header) {
      this.clientAddressHeader = header;
      return this;
    }

    /**
     * How many organisations must attest each verdict (default {@link
     * Attestation#DEFAULT_ORGANIZATIONS}).
     *
     * @param attestation the attestation
     * @return this builder
     */
    public Builder attestation(Attestation attestation) {
      this.attestation = Objects.requireNonNull(attestation, "attestation");
      return this;
    }

    /**
     * Builds the portal (not yet listening).
     *
     * @return the portal
     */
    public Portal build() {
      return new Portal(this);
    }
  }
}
