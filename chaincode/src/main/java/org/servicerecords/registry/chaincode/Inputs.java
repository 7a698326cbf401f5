package org.servicerecords.registry.chaincode;

import static org.servicerecords.registry.model.InputRules.CODE;
import static org.servicerecords.registry.model.InputRules.HASH;
import static org.servicerecords.registry.model.InputRules.ID;
import static org.servicerecords.registry.model.InputRules.LEGAL_BASIS;
import static org.servicerecords.registry.model.InputRules.LEGAL_BASIS_RULE;
import static org.servicerecords.registry.model.InputRules.MAX_BOOKMARK;
import static org.servicerecords.registry.model.InputRules.MAX_INSTANT;
import static org.servicerecords.registry.model.InputRules.MAX_JSON_CHARS;
import static org.servicerecords.registry.model.InputRules.MAX_NAMESPACE;
import static org.servicerecords.registry.model.InputRules.MAX_PAGE_SIZE;
import static org.servicerecords.registry.model.InputRules.MSP;
import static org.servicerecords.registry.model.InputRules.NAMESPACE;
import static org.servicerecords.registry.model.InputRules.SUBJECT_REF;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.JsonFormatException;
import org.servicerecords.registry.model.VerdictRules;

/**
 * Argument checks shared by every transaction. Each refuses with {@code INVALID_ARGUMENT: <field>
 * ...}. Patterns admit no U+0000 and no U+10FFFF, so values that pass may be composite-key
 * segments.
 */
final class Inputs {

  private Inputs() {}

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

  static String matching(String field, String value, Pattern pattern, String expected) {
    if (value == null || value.isEmpty()) {
      throw Refusal.invalid(field, "is required");
    }
    if (!pattern.matcher(value).matches()) {
      throw Refusal.invalid(field, "must be " + expected);
    }
    return value;
  }

  static String id(String field, String value) {
    return matching(field, value, ID, "1 to 128 characters of [A-Za-z0-9._:-]");
  }

  static String code(String field, String value) {
    return matching(field, value, CODE, "1 to 64 characters of [A-Za-z0-9._:-]");
  }

  static String optionalId(String field, String value) {
    return value == null ? null : id(field, value);
  }

  static String hash(String field, String value) {
    return matching(field, value, HASH, "64 lowercase hex digits (SHA-256)");
  }

  static String subjectRef(String field, String value) {
    return matching(
        field, value, SUBJECT_REF, "32 to 128 characters of [A-Za-z0-9._:-] (a salted hash)");
  }

  static String msp(String field, String value) {
    return matching(field, value, MSP, "1 to 64 characters of [A-Za-z0-9._-]");
  }

  static String namespace(String field, String value) {
    matching(field, value, NAMESPACE, "a chaincode name ([A-Za-z0-9] runs joined by - or _)");
    if (value.length() > MAX_NAMESPACE) {
      throw Refusal.invalid(field, "is longer than " + MAX_NAMESPACE + " characters");
    }
    return value;
  }

  static String legalBasis(String field, String value) {
    return matching(field, value, LEGAL_BASIS, LEGAL_BASIS_RULE);
  }

  static Instant instant(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw Refusal.invalid(field, "is required");
    }
    if (value.length() > MAX_INSTANT) {
      throw Refusal.invalid(field, "is longer than " + MAX_INSTANT + " characters");
    }
    try {
      return VerdictRules.parseInstant(value);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(field, "must be an ISO-8601 instant such as 2024-05-01T10:00:00Z");
    }
  }

  static Instant optionalInstant(String field, String value) {
    return value == null ? null : instant(field, value);
  }

  static void window(String fromField, Instant from, String untilField, Instant until) {
    if (until != null && !from.isBefore(until)) {
      throw Refusal.invalid(untilField, "must be after " + fromField);
    }
  }

  static String text(String field, String value, int maxChars) {
    if (value == null || value.isBlank()) {
      throw Refusal.invalid(field, "is required");
    }
    if (value.length() > maxChars) {
      throw Refusal.invalid(field, "is longer than " + maxChars + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl) || value.contains("\udbff\udfff")) {
      throw Refusal.invalid(field, "must not contain control characters or U+10FFFF");
    }
    return value;
  }

  static void metadata(String field, SortedMap<String, String> metadata) {
    List<String> problems = InputRules.metadataProblems(field, metadata);
    if (!problems.isEmpty()) {
      throw Refusal.of(ErrorCode.INVALID_ARGUMENT, problems.get(0));
    }
  }

  static List<String> distinctIds(String field, List<String> ids, int max) {
    if (ids == null) {
      return List.of();
    }
    if (ids.size() > max) {
      throw Refusal.invalid(field, "has more than " + max + " entries");
    }
    Set<String> seen = new TreeSet<>();
    List<String> checked = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      String id = id(field + "[" + i + "]", ids.get(i));
      if (!seen.add(id)) {
        throw Refusal.invalid(field, "repeats '" + id + "'");
      }
      checked.add(id);
    }
    return checked;
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

  static Instant instantOrNow(String field, String value, Instant now) {
    return value == null || value.isEmpty() ? now : instant(field, value);
  }
}
