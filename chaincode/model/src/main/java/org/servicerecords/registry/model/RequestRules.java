package org.servicerecords.registry.model;

import static org.servicerecords.registry.model.InputRules.BATCH_MAXIMUM;
import static org.servicerecords.registry.model.InputRules.MAX_DETAILS_BYTES;
import static org.servicerecords.registry.model.InputRules.MAX_DETAILS_ENTRIES;
import static org.servicerecords.registry.model.InputRules.MAX_DETAILS_KEY;
import static org.servicerecords.registry.model.InputRules.MAX_LIST;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The input rules of each transaction's arguments, in one place: every function lists all the
 * problems of one request, in a fixed order (the order of the fields, then of list entries). The
 * contract refuses a transaction with the first problem ({@code CODE: field message}) before it
 * touches any state; the client library checks the same rules before it submits and reports every
 * problem in the same words. Nothing here reads a clock, a locale or a hash order, so every peer
 * finds the same first problem.
 *
 * <p>Each value is checked by one rule of {@link InputRules}, which reports at most its first
 * problem; a rule relating two fields (a validity window, a repeated id) is checked only when the
 * fields it relates are acceptable.
 */
public final class RequestRules {

  // The rules of the governance transactions are in GovernanceRules, which shares the helpers
  // below.

  private RequestRules() {}

  /**
   * The problems of a {@code records:AnchorCertificate} request.
   *
   * @param r the request
   * @return every problem, in field order; empty when acceptable
   */
  public static List<Problem> certificate(CertificateRequest r) {
    return certificate("", r);
  }

  /**
   * The problems of a certificate request whose fields are named with a prefix, such as {@code
   * records[3].} in a batch.
   *
   * @param prefix prefix of every field's name, may be empty
   * @param r the request
   * @return every problem, in field order; empty when acceptable
   */
  public static List<Problem> certificate(String prefix, CertificateRequest r) {
    List<Problem> problems = new ArrayList<>();
    problems.addAll(InputRules.id(prefix + "id", r.id()));
    problems.addAll(InputRules.code(prefix + "documentType", r.documentType()));
    problems.addAll(InputRules.hash(prefix + "documentHash", r.documentHash()));
    problems.addAll(InputRules.subjectRef(prefix + "subjectRef", r.subjectRef()));
    window(problems, prefix + "validFrom", r.validFrom(), prefix + "validUntil", r.validUntil());
    if (r.applicationId() != null) {
      problems.addAll(InputRules.id(prefix + "applicationId", r.applicationId()));
    }
    problems.addAll(InputRules.metadata(prefix + "metadata", r.metadata()));
    if (r.detailsHash() != null) {
      problems.addAll(InputRules.hash(prefix + "detailsHash", r.detailsHash()));
    }
    return problems;
  }

  /**
   * The problems of a {@code records:AnchorBatch} request: 1 to {@value InputRules#BATCH_MAXIMUM}
   * records, each acceptable ({@code records[i].field}), with distinct ids.
   *
   * @param batch the request
   * @return every problem, record by record; empty when acceptable
   */
  public static List<Problem> batch(BatchRequest batch) {
    List<CertificateRequest> records = batch.records();
    List<Problem> problems = new ArrayList<>();
    if (!batchSize(problems, "records", records, "records")) {
      return problems;
    }
    Set<String> ids = new TreeSet<>();
    for (int i = 0; i < records.size(); i++) {
      CertificateRequest record = records.get(i);
      String prefix = "records[" + i + "]";
      if (record == null) {
        problems.add(Problem.invalid(prefix, "is required"));
        continue;
      }
      problems.addAll(certificate(prefix + ".", record));
      if (InputRules.id("", record.id()).isEmpty() && !ids.add(record.id())) {
        problems.add(repeatedInBatch(prefix + ".id", record.id()));
      }
    }
    return problems;
  }

  /**
   * The problem of a record id that an earlier record of the same batch has.
   *
   * @param field the id's field, such as {@code records[3].id}
   * @param id the repeated id, an acceptable id
   * @return the problem
   */
  public static Problem repeatedInBatch(String field, String id) {
    return Problem.invalid(field, "repeats '" + id + "' in the batch");
  }

  /**
   * The problems of a {@code records:StoreDetails} request: 1 to {@value InputRules#BATCH_MAXIMUM}
   * distinct record ids.
   *
   * @param r the request
   * @return every problem; empty when acceptable
   */
  public static List<Problem> details(DetailsRequest r) {
    List<String> ids = r.ids();
    List<Problem> problems = new ArrayList<>();
    if (!batchSize(problems, "ids", ids, "record ids")) {
      return problems;
    }
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String field = "ids[" + i + "]";
      if (noneAdded(problems, InputRules.id(field, ids.get(i))) && !seen.add(ids.get(i))) {
        problems.add(Problem.invalid(field, "repeats '" + ids.get(i) + "'"));
      }
    }
    return problems;
  }

  /**
   * The problems of the private details of one record, as the transient value of {@code
   * records:StoreDetails} carries them: a salt of 32 to 128 lowercase hex digits, 1 to {@value
   * InputRules#MAX_DETAILS_ENTRIES} details named by 1 to {@value InputRules#MAX_DETAILS_KEY}
   * characters, each a string. Each kind of problem is listed once; none echoes a detail.
   *
   * @param field the value's name, such as {@code transient 'details:bc-1'}
   * @param details the details
   * @return every problem, with {@link ErrorCode#TRANSIENT_DATA_INVALID}; empty when acceptable
   */
  public static List<Problem> privateDetails(String field, PrivateDetails details) {
    List<Problem> problems = new ArrayList<>();
    if (details.salt() == null || !InputRules.SALT.matcher(details.salt()).matches()) {
      problems.add(transientProblem(field, "needs a salt of 32 to 128 lowercase hex digits"));
    }
    Map<String, String> entries = details.details();
    if (entries == null || entries.isEmpty() || entries.size() > MAX_DETAILS_ENTRIES) {
      problems.add(transientProblem(field, "needs 1 to " + MAX_DETAILS_ENTRIES + " details"));
    }
    if (entries == null) {
      return problems;
    }
    Set<String> found = new TreeSet<>();
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      if (entry.getKey().isEmpty() || entry.getKey().length() > MAX_DETAILS_KEY) {
        once(
            problems, found, field, "has a detail name outside 1 to " + MAX_DETAILS_KEY + " chars");
      }
      if (entry.getValue() == null) {
        once(problems, found, field, "has a detail that is not a string");
      }
    }
    return problems;
  }

  /**
   * The problem of a private details value of the wrong size.
   *
   * @param field the value's name, such as {@code transient 'details:bc-1'}
   * @param bytes its size in bytes (UTF-8 JSON)
   * @return no problem, or the one problem, with {@link ErrorCode#TRANSIENT_DATA_INVALID}
   */
  public static List<Problem> detailsSize(String field, int bytes) {
    if (bytes == 0 || bytes > MAX_DETAILS_BYTES) {
      return List.of(transientProblem(field, "must hold 1 to " + MAX_DETAILS_BYTES + " bytes"));
    }
    return List.of();
  }

  /**
   * The problems of a {@code records:RecordApplication} request.
   *
   * @param r the request
   * @return every problem, in field order; empty when acceptable
   */
  public static List<Problem> application(ApplicationRequest r) {
    List<Problem> problems = new ArrayList<>();
    problems.addAll(InputRules.id("applicationId", r.applicationId()));
    problems.addAll(InputRules.code("serviceCode", r.serviceCode()));
    problems.addAll(InputRules.instant("receivedAt", r.receivedAt()));
    return problems;
  }

  /**
   * The problems of a {@code records:RecordDecision} request.
   *
   * @param r the request
   * @return every problem, in field order; empty when acceptable
   */
  public static List<Problem> decision(DecisionRequest r) {
    List<Problem> problems = new ArrayList<>();
    problems.addAll(InputRules.id("id", r.id()));
    problems.addAll(InputRules.id("applicationId", r.applicationId()));
    if (r.outcome() == null) {
      problems.add(
          Problem.invalid("outcome", "must be one of " + List.of(DecisionOutcome.values())));
    }
    problems.addAll(InputRules.legalBasis("legalBasis", r.legalBasis()));
    problems.addAll(InputRules.code("documentType", r.documentType()));
    problems.addAll(InputRules.hash("documentHash", r.documentHash()));
    problems.addAll(InputRules.subjectRef("subjectRef", r.subjectRef()));
    List<RecordRef> inputs = r.inputRecords() == null ? List.of() : r.inputRecords();
    if (inputs.size() > MAX_LIST) {
      problems.add(Problem.invalid("inputRecords", "has more than " + MAX_LIST + " entries"));
    }
    for (int i = 0; i < inputs.size(); i++) {
      RecordRef ref = inputs.get(i);
      String field = "inputRecords[" + i + "]";
      if (ref == null) {
        problems.add(Problem.invalid(field, "is required"));
        continue;
      }
      problems.addAll(InputRules.namespace(field + ".namespace", ref.namespace()));
      problems.addAll(InputRules.id(field + ".id", ref.id()));
    }
    List<String> results = r.resultRecordIds();
    if (results != null) {
      boolean fits = results.size() <= MAX_LIST;
      if (!fits) {
        problems.add(Problem.invalid("resultRecordIds", "has more than " + MAX_LIST + " entries"));
      }
      if (noneAdded(problems, distinct("resultRecordIds", results, InputRules::id))
          && fits
          && results.contains(r.id())) {
        problems.add(Problem.invalid("resultRecordIds", "must not name the decision itself"));
      }
    }
    problems.addAll(InputRules.metadata("metadata", r.metadata()));
    return problems;
  }

  /**
   * The problems of the arguments of {@code records:Revoke}.
   *
   * @param id the record id
   * @param reasonCode why, as a code
   * @return every problem; empty when acceptable
   */
  public static List<Problem> revocation(String id, String reasonCode) {
    List<Problem> problems = new ArrayList<>(InputRules.id("id", id));
    problems.addAll(InputRules.code("reasonCode", reasonCode));
    return problems;
  }

  /**
   * The problems of the arguments of {@code records:Supersede}: the old id, the new record's
   * request, and a new id other than the old one.
   *
   * @param oldId the record replaced
   * @param r the new record's request
   * @return every problem; empty when acceptable
   */
  public static List<Problem> supersession(String oldId, CertificateRequest r) {
    List<Problem> problems = new ArrayList<>(InputRules.id("oldId", oldId));
    problems.addAll(certificate(r));
    if (r.id() != null && r.id().equals(oldId)) {
      problems.add(Problem.invalid("id", "of the new record must differ from oldId"));
    }
    return problems;
  }

  /**
   * The problems of the argument of {@code records:PurgeDetails}.
   *
   * @param id the record id
   * @return every problem; empty when acceptable
   */
  public static List<Problem> purge(String id) {
    return InputRules.id("id", id);
  }

  /**
   * Checks each entry of a list with {@code rule} ({@code field[i]}), and that the acceptable ones
   * are distinct ({@code field repeats 'x'}).
   */
  static List<Problem> distinct(
      String field, List<String> values, BiFunction<String, String, List<Problem>> rule) {
    List<Problem> problems = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (noneAdded(problems, rule.apply(field + "[" + i + "]", value)) && !seen.add(value)) {
        problems.add(Problem.invalid(field, "repeats '" + value + "'"));
      }
    }
    return problems;
  }

  /** Checks a required start and an optional end, and that the end comes after the start. */
  static void window(
      List<Problem> problems, String fromField, String from, String untilField, String until) {
    boolean fromValid = noneAdded(problems, InputRules.instant(fromField, from));
    boolean untilValid =
        until == null || noneAdded(problems, InputRules.instant(untilField, until));
    if (fromValid && until != null && untilValid) {
      Instant start = VerdictRules.parseInstant(from);
      if (!start.isBefore(VerdictRules.parseInstant(until))) {
        problems.add(Problem.invalid(untilField, "must be after " + fromField));
      }
    }
  }

  /**
   * Checks that a list holds 1 to {@value InputRules#BATCH_MAXIMUM} entries; tells whether it holds
   * any, so that its entries can be checked.
   */
  private static boolean batchSize(
      List<Problem> problems, String field, List<?> values, String what) {
    if (values == null || values.isEmpty()) {
      problems.add(Problem.invalid(field, "must hold 1 to " + BATCH_MAXIMUM + " " + what));
      return false;
    }
    if (values.size() > BATCH_MAXIMUM) {
      problems.add(Problem.invalid(field, "holds more than " + BATCH_MAXIMUM + " " + what));
    }
    return true;
  }

  /** Adds the problems found and tells whether there were none. */
  static boolean noneAdded(List<Problem> problems, List<Problem> found) {
    problems.addAll(found);
    return found.isEmpty();
  }

  private static void once(
      List<Problem> problems, Set<String> found, String field, String message) {
    if (found.add(message)) {
      problems.add(transientProblem(field, message));
    }
  }

  private static Problem transientProblem(String field, String message) {
    return new Problem(ErrorCode.TRANSIENT_DATA_INVALID, field, message);
  }
}
