package org.servicerecords.registry.chaincode;

import static org.servicerecords.registry.model.InputRules.MAX_BOOKMARK;
import static org.servicerecords.registry.model.InputRules.MAX_JSON_CHARS;
import static org.servicerecords.registry.model.InputRules.MAX_PAGE_SIZE;

import java.time.Instant;
import java.util.List;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.JsonFormatException;
import org.servicerecords.registry.model.Problem;
import org.servicerecords.registry.model.VerdictRules;

/**
 * The contract's side of the input rules: refuses with the first {@link Problem} that {@link
 * InputRules} or {@code RequestRules} find ({@code CODE: field message}), and checks what only the
 * contract receives (JSON text, page sizes and bookmarks as strings).
 */
final class Inputs {

  private Inputs() {}

  /** Refuses with the first problem, if any. */
  static void require(List<Problem> problems) {
    if (!problems.isEmpty()) {
      Problem first = problems.get(0);
      throw Refusal.of(first.code(), first.detail());
    }
  }

  static <T> T json(String field, String text, Class<T> type) {
    if (text == null || text.isEmpty()) {
      throw Refusal.invalid(field, "is required");
    }
    if (text.length() > MAX_JSON_CHARS) {
      throw Refusal.invalid(field, "is longer than " + MAX_JSON_CHARS + " characters");
    }
    try {
      return CanonicalJson.fromJson(text, type);
    } catch (JsonFormatException e) {
      throw Refusal.invalid(field, "is not acceptable JSON: " + e.getMessage());
    }
  }

  static void id(String field, String value) {
    require(InputRules.id(field, value));
  }

  static void code(String field, String value) {
    require(InputRules.code(field, value));
  }

  static void hash(String field, String value) {
    require(InputRules.hash(field, value));
  }

  static void subjectRef(String field, String value) {
    require(InputRules.subjectRef(field, value));
  }

  static void msp(String field, String value) {
    require(InputRules.msp(field, value));
  }

  static void namespace(String field, String value) {
    require(InputRules.namespace(field, value));
  }

  static Instant instant(String field, String value) {
    require(InputRules.instant(field, value));
    return VerdictRules.parseInstant(value);
  }

  static Instant instantOrNow(String field, String value, Instant now) {
    return value == null || value.isEmpty() ? now : instant(field, value);
  }

  static int pageSize(String value) {
    if (value == null || !value.matches("[0-9]{1,4}")) {
      throw Refusal.invalid("pageSize", "must be an integer from 1 to " + MAX_PAGE_SIZE);
    }
    int size = Integer.parseInt(value);
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw Refusal.invalid("pageSize", "must be an integer from 1 to " + MAX_PAGE_SIZE);
    }
    return size;
  }

  static String bookmark(String value, String prefix) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    if (value.length() > MAX_BOOKMARK || !value.startsWith(prefix)) {
      throw Refusal.invalid("bookmark", "is not a bookmark returned by this listing");
    }
    return value;
  }
}
