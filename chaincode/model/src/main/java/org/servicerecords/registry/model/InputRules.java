package org.servicerecords.registry.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The input rules of the contract, in one place: the contract enforces them, and the client library
 * checks them too so that a batch can be validated whole before anything is submitted. No pattern
 * admits U+0000 or U+10FFFF, so a value that matches may be a composite-key segment.
 */
public final class InputRules {

  /** Record and application ids: {@code [A-Za-z0-9._:-]{1,128}}. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /** Codes (document types, service codes, reason codes, metadata keys). */
  public static final Pattern CODE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /**
   * Subject references: salted or HMAC hashes computed by the issuer, at least 32 characters, so a
   * raw national id does not pass.
   */
  public static final Pattern SUBJECT_REF = Pattern.compile("[A-Za-z0-9._:-]{32,128}");

  /** Document hashes: SHA-256 as 64 lowercase hex digits. */
  public static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /** MSP ids. */
  public static final Pattern MSP = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Chaincode names of records namespaces (at most {@link #MAX_NAMESPACE} characters). */
  public static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9]+([-_][A-Za-z0-9]+)*");

  /** Salt of private details: at least 128 bits as lowercase hex. */
  public static final Pattern SALT = Pattern.compile("[0-9a-f]{32,128}");

  /** Most characters of a namespace. */
  public static final int MAX_NAMESPACE = 64;

  /** Most characters of a legal basis. */
  public static final int MAX_LEGAL_BASIS = 128;

  /**
   * The characters of a legal basis other than the space: printable ASCII, Latin-1 Supplement
   * without the no-break and soft hyphen (U+00A1–U+00AC, U+00AE–U+00FF), Latin Extended-A and -B
   * (U+0100–U+024F), Greek and Coptic and Cyrillic (U+0370–U+04FF), the dashes, quotation marks,
   * daggers, bullets and ellipsis of General Punctuation (U+2010–U+2027) and the numero sign
   * (U+2116). Fixed ranges rather than Unicode categories, so that every JVM's chaincode decides
   * alike whatever Unicode version it knows; no control character, U+0000 or U+10FFFF is among
   * them.
   */
  private static final String LEGAL_BASIS_CHAR =
      "[\\x21-\\x7E\\u00A1-\\u00AC\\u00AE-\\u024F\\u0370-\\u04FF\\u2010-\\u2027\\u2116]";

  /**
   * Legal bases as laws cite them ({@code Civil Code, art. 12}, {@code Law 554/2004, art. 8 (1)},
   * {@code § 35 VwVfG}): 1 to {@value #MAX_LEGAL_BASIS} characters of {@link #LEGAL_BASIS_RULE}.
   */
  public static final Pattern LEGAL_BASIS =
      Pattern.compile(
          LEGAL_BASIS_CHAR
              + "(?:["
              + LEGAL_BASIS_CHAR.substring(1, LEGAL_BASIS_CHAR.length() - 1)
              + " ]{0,"
              + (MAX_LEGAL_BASIS - 2)
              + "}"
              + LEGAL_BASIS_CHAR
              + ")?");

  /** The legal basis rule in the words the contract and the library refuse a value with. */
  public static final String LEGAL_BASIS_RULE =
      "1 to "
          + MAX_LEGAL_BASIS
          + " characters of printable ASCII, Latin, Greek, Cyrillic, typographic dashes and quotes"
          + " and \u2116, with spaces (U+0020 only) but not first or last, no control characters";

  /** Most characters of an ISO-8601 instant. */
  public static final int MAX_INSTANT = 40;

  /** Most metadata entries of a record. */
  public static final int MAX_METADATA_ENTRIES = 16;

  /** Most characters of a metadata key. */
  public static final int MAX_METADATA_KEY = 64;

  /** Most characters of a metadata value. */
  public static final int MAX_METADATA_VALUE = 256;

  /** Most UTF-8 bytes of all metadata keys and values together. */
  public static final int MAX_METADATA_BYTES = 4096;

  /** Most characters of one JSON argument. */
  public static final int MAX_JSON_CHARS = 512 * 1024;

  /**
   * Most bytes of one transient {@link PrivateDetails} value (its canonical JSON, salt included).
   */
  public static final int MAX_DETAILS_BYTES = 16 * 1024;

  /** Most entries of one record's private details. */
  public static final int MAX_DETAILS_ENTRIES = 32;

  /** Most characters of a private detail's name. */
  public static final int MAX_DETAILS_KEY = 64;

  /** Most characters of an agency's display name. */
  public static final int MAX_DISPLAY_NAME = 256;

  /** Most entries of a list field (input records, result ids, document types). */
  public static final int MAX_LIST = 64;

  /** Largest page of a listing. */
  public static final int MAX_PAGE_SIZE = 500;

  /** Most characters of a listing bookmark. */
  public static final int MAX_BOOKMARK = 1024;

  /** Most records in one batch transaction (one event entry each). */
  public static final int BATCH_MAXIMUM = RecordEvent.MAX_ENTRIES;

  /** Name of the governance namespace, which no agency's records namespace may take. */
  public static final String GOVERNANCE_NAMESPACE = "governance";

  /** What {@link #ID} admits, in the words of the refusals. */
  public static final String ID_RULE = "1 to 128 characters of [A-Za-z0-9._:-]";

  /** What {@link #CODE} admits, in the words of the refusals. */
  public static final String CODE_RULE = "1 to 64 characters of [A-Za-z0-9._:-]";

  /** What {@link #HASH} admits, in the words of the refusals. */
  public static final String HASH_RULE = "64 lowercase hex digits (SHA-256)";

  /** What {@link #SUBJECT_REF} admits, in the words of the refusals. */
  public static final String SUBJECT_REF_RULE =
      "32 to 128 characters of [A-Za-z0-9._:-] (a salted hash)";

  /** What {@link #MSP} admits, in the words of the refusals. */
  public static final String MSP_RULE = "1 to 64 characters of [A-Za-z0-9._-]";

  /** What {@link #NAMESPACE} admits, in the words of the refusals. */
  public static final String NAMESPACE_RULE =
      "a chaincode name ([A-Za-z0-9] runs joined by - or _)";

  /** What an instant must be, in the words of the refusals. */
  public static final String INSTANT_RULE = "an ISO-8601 instant such as 2024-05-01T10:00:00Z";

  // Each check below returns the problems of one value: none, or the first rule it breaks. They
  // never echo the value, so a problem may be logged and returned to any caller.

  /**
   * Checks a record or application id ({@link #ID}).
   *
   * @param field the field's name for the problem
   * @param value the value, may be {@code null}
   * @return no problem, or the one problem of the value
   */
  public static List<Problem> id(String field, String value) {
    return matching(field, value, ID, ID_RULE);
  }

  /**
   * Checks a code ({@link #CODE}): document type, service code, reason code.
   *
   * @param field the field's name for the problem
   * @param value the value, may be {@code null}
   * @return no problem, or the one problem of the value
   */
  public static List<Problem> code(String field, String value) {
    return matching(field, value, CODE, CODE_RULE);
  }

  /**
   * Checks a SHA-256 hash ({@link #HASH}).
   *
   * @param field the field's name for the problem
   * @param value the value, may be {@code null}
   * @return no problem, or the one problem of the value
   */
  public static List<Problem> hash(String field, String value) {
    return matching(field, value, HASH, HASH_RULE);
  }

  /**
   * Checks a subject reference ({@link #SUBJECT_REF}).
   *
   * @param field the field's name for the problem
   * @param value the value, may be {@code null}
   * @return no problem, or the one problem of the value
   */
  public static List<Problem> subjectRef(String field, String value) {
    return matching(field, value, SUBJECT_REF, SUBJECT_REF_RULE);
  }

  /**
   * Checks an MSP id ({@link #MSP}).
   *
   * @param field the field's name for the problem
   * @param value the value, may be {@code null}
   * @return no problem, or the one problem of the value
   */
  public static List<Problem> msp(String field, String value) {
    return matching(field, value, MSP, MSP_RULE);
  }

  /**
   * Checks a records namespace ({@link #NAMESPACE}, at most {@value #MAX_NAMESPACE} characters).
   *
   * @param field the field's name for the problem
   * @param value the value, may be {@code null}
   * @return no problem, or the one problem of the value
   */
  public static List<Problem> namespace(String field, String value) {
    List<Problem> problems = matching(field, value, NAMESPACE, NAMESPACE_RULE);
    if (problems.isEmpty() && value.length() > MAX_NAMESPACE) {
      return List.of(Problem.invalid(field, "is longer than " + MAX_NAMESPACE + " characters"));
    }
    return problems;
  }

  /**
   * Checks a legal basis ({@link #LEGAL_BASIS}).
   *
   * @param field the field's name for the problem
   * @param value the value, may be {@code null}
   * @return no problem, or the one problem of the value
   */
  public static List<Problem> legalBasis(String field, String value) {
    return matching(field, value, LEGAL_BASIS, LEGAL_BASIS_RULE);
  }

  /**
   * Checks an ISO-8601 instant as {@link VerdictRules#parseInstant} reads it, of at most {@value
   * #MAX_INSTANT} characters.
   *
   * @param field the field's name for the problem
   * @param value the value, may be {@code null}
   * @return no problem, or the one problem of the value
   */
  public static List<Problem> instant(String field, String value) {
    if (value == null || value.isEmpty()) {
      return required(field);
    }
    if (value.length() > MAX_INSTANT) {
      return List.of(Problem.invalid(field, "is longer than " + MAX_INSTANT + " characters"));
    }
    try {
      VerdictRules.parseInstant(value);
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(Problem.invalid(field, "must be " + INSTANT_RULE));
    }
  }

  /**
   * Checks a free text: present, not blank, at most {@code maxChars} characters, without control
   * characters or U+10FFFF.
   *
   * @param field the field's name for the problem
   * @param value the value, may be {@code null}
   * @param maxChars the most characters
   * @return no problem, or the one problem of the value
   */
  public static List<Problem> text(String field, String value, int maxChars) {
    if (value == null || value.isBlank()) {
      return required(field);
    }
    if (value.length() > maxChars) {
      return List.of(Problem.invalid(field, "is longer than " + maxChars + " characters"));
    }
    if (!plainText(value)) {
      return List.of(Problem.invalid(field, "must not contain control characters or U+10FFFF"));
    }
    return List.of();
  }

  /**
   * What is wrong with a record's metadata: at most {@value #MAX_METADATA_ENTRIES} entries; keys of
   * 1 to {@value #MAX_METADATA_KEY} characters without control characters or U+10FFFF; values of at
   * most {@value #MAX_METADATA_VALUE} characters without U+0000 or U+10FFFF; at most {@value
   * #MAX_METADATA_BYTES} UTF-8 bytes in all. Problems come in the metadata's iteration order (key
   * order for the sorted maps of requests).
   *
   * @param field the field's name for the problems (for example {@code metadata})
   * @param metadata the metadata, may be {@code null} (no metadata)
   * @return every problem; empty when acceptable
   */
  public static List<Problem> metadata(String field, Map<String, String> metadata) {
    List<Problem> problems = new ArrayList<>();
    if (metadata == null) {
      return problems;
    }
    if (metadata.size() > MAX_METADATA_ENTRIES) {
      problems.add(Problem.invalid(field, "has more than " + MAX_METADATA_ENTRIES + " entries"));
    }
    int bytes = 0;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue();
      if (key == null || key.isBlank() || key.length() > MAX_METADATA_KEY || !plainText(key)) {
        problems.add(
            Problem.invalid(
                field,
                "key must be 1 to "
                    + MAX_METADATA_KEY
                    + " characters without control characters or U+10FFFF"));
        continue;
      }
      String entryField = field + "." + key;
      if (value == null) {
        problems.add(Problem.invalid(entryField, "must be a string"));
      } else if (value.length() > MAX_METADATA_VALUE) {
        problems.add(Problem.invalid(entryField, "is longer than " + MAX_METADATA_VALUE));
      } else if (value.indexOf('\u0000') >= 0 || value.contains("\udbff\udfff")) {
        problems.add(Problem.invalid(entryField, "must not contain U+0000 or U+10FFFF"));
      } else {
        bytes += key.getBytes(StandardCharsets.UTF_8).length;
        bytes += value.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    if (bytes > MAX_METADATA_BYTES) {
      problems.add(
          Problem.invalid(field, "is larger than " + MAX_METADATA_BYTES + " UTF-8 bytes in total"));
    }
    return problems;
  }

  private static List<Problem> matching(
      String field, String value, Pattern pattern, String expected) {
    if (value == null || value.isEmpty()) {
      return required(field);
    }
    if (!pattern.matcher(value).matches()) {
      return List.of(Problem.invalid(field, "must be " + expected));
    }
    return List.of();
  }

  private static List<Problem> required(String field) {
    return List.of(Problem.invalid(field, "is required"));
  }

  private static boolean plainText(String text) {
    return text.chars().noneMatch(Character::isISOControl) && !text.contains("\udbff\udfff");
  }

  private InputRules() {}
}
