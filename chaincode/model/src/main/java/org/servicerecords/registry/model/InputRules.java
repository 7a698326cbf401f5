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

  /**
   * What is wrong with a record's metadata, in the words the contract refuses it with: at most
   * {@value #MAX_METADATA_ENTRIES} entries; keys of 1 to {@value #MAX_METADATA_KEY} characters
   * without control characters or U+10FFFF; values of at most {@value #MAX_METADATA_VALUE}
   * characters without U+0000 or U+10FFFF; at most {@value #MAX_METADATA_BYTES} UTF-8 bytes in all.
   *
   * @param field the field's name for the messages (for example {@code metadata})
   * @param metadata the metadata, may be {@code null} (no metadata)
   * @return problems, each starting with the field it concerns; empty when acceptable
   */
  public static List<String> metadataProblems(String field, Map<String, String> metadata) {
    List<String> problems = new ArrayList<>();
    if (metadata == null) {
      return problems;
    }
    if (metadata.size() > MAX_METADATA_ENTRIES) {
      problems.add(field + " has more than " + MAX_METADATA_ENTRIES + " entries");
    }
    int bytes = 0;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue();
      if (key == null || key.isBlank() || key.length() > MAX_METADATA_KEY || !plainText(key)) {
        problems.add(
            field
                + " key must be 1 to "
                + MAX_METADATA_KEY
                + " characters without control characters or U+10FFFF");
        continue;
      }
      if (value == null) {
        problems.add(field + "." + key + " must be a string");
      } else if (value.length() > MAX_METADATA_VALUE) {
        problems.add(field + "." + key + " is longer than " + MAX_METADATA_VALUE);
      } else if (value.indexOf('\u0000') >= 0 || value.contains("\udbff\udfff")) {
        problems.add(field + "." + key + " must not contain U+0000 or U+10FFFF");
      } else {
        bytes += key.getBytes(StandardCharsets.UTF_8).length;
        bytes += value.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    if (bytes > MAX_METADATA_BYTES) {
      problems.add(field + " is larger than " + MAX_METADATA_BYTES + " UTF-8 bytes in total");
    }
    return problems;
  }

  private static boolean plainText(String text) {
    return text.chars().noneMatch(Character::isISOControl) && !text.contains("\udbff\udfff");
  }

  private InputRules() {}
}
