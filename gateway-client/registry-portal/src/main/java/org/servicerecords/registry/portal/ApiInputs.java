package org.servicerecords.registry.portal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.JsonFormatException;

/**
 * Checks what a request carries before anything is asked of the ledger: each bad value is refused
 * with its own {@link ApiError} and a message that repeats none of the value.
 */
final class ApiInputs {

  /** The largest body {@code POST /api/verify} accepts: a hash request is well under 1 KiB. */
  static final int MAX_BODY_BYTES = 4096;

  private static final Set<String> VERIFY_FIELDS = Set.of("sha256", "issuer", "at");

  private ApiInputs() {}

  /** What {@code POST /api/verify} asks. */
  record HashQuestion(String sha256, String issuer, Instant at) {}

  /**
   * Reads the body of {@code POST /api/verify}.
   *
   * @param body the body, at most {@link #MAX_BODY_BYTES}
   * @return the question
   * @throws PortalException INVALID_REQUEST, INVALID_HASH, INVALID_ISSUER or INVALID_DATE
   */
  static HashQuestion hashQuestion(String body) {
    JsonElement parsed;
    try {
      parsed = CanonicalJson.parseStrict(body);
    } catch (JsonFormatException e) {
      throw new PortalException(ApiError.INVALID_REQUEST, "the body is not valid JSON");
    }
    if (!parsed.isJsonObject()) {
      throw new PortalException(ApiError.INVALID_REQUEST, "the body must be a JSON object");
    }
    JsonObject object = parsed.getAsJsonObject();
    for (String field : object.keySet()) {
      if (!VERIFY_FIELDS.contains(field)) {
        throw new PortalException(
            ApiError.INVALID_REQUEST, "unknown field; expected sha256, issuer and at");
      }
    }
    String sha256 = text(object, "sha256", ApiError.INVALID_HASH);
    if (sha256 == null) {
      throw new PortalException(ApiError.INVALID_HASH, "sha256 is required");
    }
    return new HashQuestion(
        hash(sha256),
        issuer(text(object, "issuer", ApiError.INVALID_ISSUER)),
        instant(text(object, "at", ApiError.INVALID_DATE)));
  }

  /**
   * Checks a document hash: 64 hex digits, either case.
   *
   * @return the hash in lower case
   */
  static String hash(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!InputRules.HASH.matcher(lower).matches()) {
      throw new PortalException(
          ApiError.INVALID_HASH, "sha256 must be a SHA-256 digest: 64 hexadecimal digits");
    }
    return lower;
  }

  /** Checks an optional issuer: a records namespace or an MSP id by its form. */
  static String issuer(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (!namespaceOrMsp(text)) {
      throw new PortalException(
          ApiError.INVALID_ISSUER, "issuer must be an agency's MSP id or records namespace");
    }
    return text;
  }

  /** Checks a namespace path segment: a records namespace or an MSP id by its form. */
  static String namespace(String text) {
    if (!namespaceOrMsp(text)) {
      throw new PortalException(
          ApiError.INVALID_NAMESPACE,
          "the namespace must be a records namespace such as records-justice or an MSP id");
    }
    return text;
  }

  /** Checks a record id path segment. */
  static String id(String text) {
    if (!InputRules.ID.matcher(text).matches()) {
      throw new PortalException(
          ApiError.INVALID_ID,
          "a record id has 1 to 128 characters among letters, digits and . _ : -");
    }
    return text;
  }

  /** Checks an optional instant, as ISO-8601 ({@code 2026-05-01T10:00:00Z}). */
  static Instant instant(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new PortalException(
          ApiError.INVALID_DATE, "at must be an ISO-8601 instant such as 2026-05-01T10:00:00Z");
    }
  }

  private static boolean namespaceOrMsp(String text) {
    return text.length() <= 64
        && (InputRules.NAMESPACE.matcher(text).matches() || InputRules.MSP.matcher(text).matches());
  }

  private static String text(JsonObject object, String field, ApiError error) {
    JsonElement value = object.get(field);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!(value instanceof JsonPrimitive primitive) || !primitive.isString()) {
      throw new PortalException(error, field + " must be a string");
    }
    return primitive.getAsString();
  }
}
