package org.servicerecords.registry.client.internal.agency;

import static org.servicerecords.registry.model.InputRules.CODE;
import static org.servicerecords.registry.model.InputRules.HASH;
import static org.servicerecords.registry.model.InputRules.ID;
import static org.servicerecords.registry.model.InputRules.LEGAL_BASIS;
import static org.servicerecords.registry.model.InputRules.MAX_DETAILS_BYTES;
import static org.servicerecords.registry.model.InputRules.MAX_DETAILS_ENTRIES;
import static org.servicerecords.registry.model.InputRules.MAX_DETAILS_KEY;
import static org.servicerecords.registry.model.InputRules.MAX_LIST;
import static org.servicerecords.registry.model.InputRules.NAMESPACE;
import static org.servicerecords.registry.model.InputRules.SUBJECT_REF;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.RecordRef;

/**
 * The contract's input rules, checked in the library so that a batch can be validated whole before
 * anything is submitted. The contract checks them again; these only give earlier, friendlier
 * errors.
 */
public final class RequestChecks {

  /** A salt of the length the library generates: the size of details does not depend on it. */
  private static final String SALT_OF_LIBRARY_LENGTH = "0".repeat(64);

  private RequestChecks() {}

  /**
   * Lists what is wrong with an anchor request: the certificate's fields and the personal details
   * (at most {@value InputRules#MAX_DETAILS_ENTRIES} entries, names of 1 to {@value
   * InputRules#MAX_DETAILS_KEY} characters, string values, at most {@value
   * InputRules#MAX_DETAILS_BYTES} bytes as the transient JSON the library sends). Problems never
   * echo a detail's value.
   *
   * @param r the request
   * @return problems; empty when the request is acceptable
   */
  static List<String> anchor(AnchorRequest r) {
    List<String> problems = certificate(r.certificate());
    details(problems, r.personalDetails());
    return problems;
  }

  /**
   * Lists what is wrong with a certificate request.
   *
   * @param r the request
   * @return problems, each naming the field; empty when the request is acceptable
   */
  static List<String> certificate(CertificateRequest r) {
    List<String> problems = new ArrayList<>();
    matches(problems, "id", r.id(), ID, "1 to 128 characters of [A-Za-z0-9._:-]");
    matches(
        problems, "documentType", r.documentType(), CODE, "1 to 64 characters of [A-Za-z0-9._:-]");
    matches(problems, "documentHash", r.documentHash(), HASH, "64 lowercase hex digits");
    matches(
        problems,
        "subjectRef",
        r.subjectRef(),
        SUBJECT_REF,
        "32 to 128 characters of [A-Za-z0-9._:-]");
    Instant from = instant(problems, "validFrom", r.validFrom(), true);
    Instant until = instant(problems, "validUntil", r.validUntil(), false);
    if (from != null && until != null && !until.isAfter(from)) {
      problems.add("validUntil must be after validFrom");
    }
    if (r.applicationId() != null) {
      matches(problems, "applicationId", r.applicationId(), ID, "a record id");
    }
    metadata(problems, r.metadata());
    return problems;
  }

  /**
   * Lists what is wrong with a decision request.
   *
   * @param r the request
   * @return problems; empty when the request is acceptable
   */
  static List<String> decision(DecisionRequest r) {
    List<String> problems = new ArrayList<>();
    matches(problems, "id", r.id(), ID, "1 to 128 characters of [A-Za-z0-9._:-]");
    matches(problems, "applicationId", r.applicationId(), ID, "a record id");
    if (r.outcome() == null) {
      problems.add("outcome is required");
    }
    matches(problems, "legalBasis", r.legalBasis(), LEGAL_BASIS, InputRules.LEGAL_BASIS_RULE);
    matches(
        problems, "documentType", r.documentType(), CODE, "1 to 64 characters of [A-Za-z0-9._:-]");
    matches(problems, "documentHash", r.documentHash(), HASH, "64 lowercase hex digits");
    matches(
        problems,
        "subjectRef",
        r.subjectRef(),
        SUBJECT_REF,
        "32 to 128 characters of [A-Za-z0-9._:-]");
    List<RecordRef> inputs = r.inputRecords() == null ? List.of() : r.inputRecords();
    if (inputs.size() > MAX_LIST) {
      problems.add("inputRecords has more than " + MAX_LIST + " entries");
    }
    for (RecordRef ref : inputs) {
      matches(problems, "inputRecords.namespace", ref.namespace(), NAMESPACE, "a namespace");
      matches(problems, "inputRecords.id", ref.id(), ID, "a record id");
    }
    metadata(problems, r.metadata());
    return problems;
  }

  private static void details(List<String> problems, SortedMap<String, String> details) {
    if (details.isEmpty()) {
      return; // nothing is sent
    }
    if (details.size() > MAX_DETAILS_ENTRIES) {
      problems.add("personal details have more than " + MAX_DETAILS_ENTRIES + " entries");
    }
    boolean complete = true;
    for (Map.Entry<String, String> e : details.entrySet()) {
      String name = e.getKey();
      if (name.isEmpty() || name.length() > MAX_DETAILS_KEY) {
        problems.add(
            "personal detail name '"
                + (name.length() > 70 ? name.substring(0, 70) + "..." : name)
                + "' must be 1 to "
                + MAX_DETAILS_KEY
                + " characters");
      }
      if (e.getValue() == null) {
        problems.add("personal detail '" + name + "' has no value");
        complete = false;
      }
    }
    if (complete) {
      int bytes = detailsBytes(details);
      if (bytes > MAX_DETAILS_BYTES) {
        problems.add(
            "personal details take "
                + bytes
                + " bytes as transient JSON; at most "
                + MAX_DETAILS_BYTES
                + " are accepted");
      }
    }
  }

  /**
   * Returns the size of the transient value the library sends for some details.
   *
   * @param details the details, without null values
   * @return UTF-8 bytes of the {@code PrivateDetails} JSON with a library-generated salt
   */
  static int detailsBytes(SortedMap<String, String> details) {
    return CanonicalJson.toBytes(new PrivateDetails(SALT_OF_LIBRARY_LENGTH, details)).length;
  }

  private static void metadata(List<String> problems, Map<String, String> metadata) {
    problems.addAll(InputRules.metadataProblems("metadata", metadata));
  }

  private static void matches(
      List<String> problems, String field, String value, Pattern pattern, String expected) {
    if (value == null || value.isEmpty()) {
      problems.add(field + " is required");
    } else if (!pattern.matcher(value).matches()) {
      problems.add(field + " must be " + expected);
    }
  }

  private static Instant instant(
      List<String> problems, String field, String value, boolean required) {
    if (value == null) {
      if (required) {
        problems.add(field + " is required");
      }
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(field + " must be an ISO-8601 instant such as 2024-05-01T10:00:00Z");
      return null;
    }
  }
}
