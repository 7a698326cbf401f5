package org.servicerecords.registry.portal;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every answer carries. The pages load only the portal's own scripts and styles (no
 * inline script, no outside resource), cannot be framed, and send no referrer, so a record's
 * address never leaks to another site. HSTS is sent only when the portal's public address is https
 * (behind a TLS-terminating proxy).
 */
final class SecurityHeaders {

  /** The content security policy of every answer. */
  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "connect-src 'self'",
          "worker-src 'self'",
          "manifest-src 'self'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  private final Map<String, String> headers;

  SecurityHeaders(boolean https) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    all.put("Referrer-Policy", "no-referrer");
    all.put("X-Content-Type-Options", "nosniff");
    all.put("X-Frame-Options", "DENY");
    all.put("Cross-Origin-Opener-Policy", "same-origin");
    all.put("Cross-Origin-Resource-Policy", "same-origin");
    all.put(
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
    if (https) {
      all.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    this.headers = Map.copyOf(all);
  }

  void apply(Context ctx) {
    headers.forEach(ctx::header);
  }

  Map<String, String> headers() {
    return headers;
  }
}
