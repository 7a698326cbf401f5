package org.servicerecords.registry.client.internal.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.Problem;
import org.servicerecords.registry.model.RequestRules;

/**
 * The contract's input rules ({@link RequestRules}), checked in the library so that a request or a
 * batch is refused whole, with every problem, before anything is submitted. The contract checks
 * them again and refuses with the first problem, in the same words.
 */
public final class RequestChecks {

  /** The field the personal details of an {@link AnchorRequest} are named by in problems. */
  static final String PERSONAL_DETAILS = "personalDetails";

  /** A salt of the length the library generates: the size of details does not depend on it. */
  private static final String SALT_OF_LIBRARY_LENGTH = "0".repeat(64);

  private RequestChecks() {}

  /**
   * Lists what is wrong with an anchor request: the certificate's fields, then the personal details
   * as {@code StoreDetails} will carry them (with a salt of the library's length). Problems never
   * echo a detail.
   *
   * @param r the request
   * @return problems in words; empty when the request is acceptable
   */
  static List<String> anchor(AnchorRequest r) {
    List<Problem> problems = new ArrayList<>(RequestRules.certificate(r.certificate()));
    problems.addAll(details(r.personalDetails()));
    return words(problems);
  }

  /**
   * Lists what is wrong with the arguments of a supersession: the old id, the replacement and its
   * personal details.
   *
   * @param oldId the record replaced
   * @param r the replacement
   * @return problems in words; empty when acceptable
   */
  static List<String> supersession(String oldId, AnchorRequest r) {
    List<Problem> problems = new ArrayList<>(RequestRules.supersession(oldId, r.certificate()));
    problems.addAll(details(r.personalDetails()));
    return words(problems);
  }

  /**
   * Lists what is wrong with a certificate request.
   *
   * @param r the request
   * @return problems in words, each naming the field; empty when the request is acceptable
   */
  static List<String> certificate(CertificateRequest r) {
    return words(RequestRules.certificate(r));
  }

  /**
   * Lists what is wrong with a decision request.
   *
   * @param r the request
   * @return problems in words; empty when the request is acceptable
   */
  static List<String> decision(DecisionRequest r) {
    return words(RequestRules.decision(r));
  }

  /**
   * Returns the problems in words, in their order.
   *
   * @param problems the problems
   * @return each problem's {@link Problem#detail()}
   */
  static List<String> words(List<Problem> problems) {
    return problems.stream().map(Problem::detail).toList();
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

  /** The problems of personal details; none when there are none (nothing is sent). */
  private static List<Problem> details(SortedMap<String, String> details) {
    if (details.isEmpty()) {
      return List.of();
    }
    List<Problem> problems =
        new ArrayList<>(
            RequestRules.privateDetails(
                PERSONAL_DETAILS, new PrivateDetails(SALT_OF_LIBRARY_LENGTH, details)));
    if (!details.containsValue(null)) {
      problems.addAll(RequestRules.detailsSize(PERSONAL_DETAILS, detailsBytes(details)));
    }
    return problems;
  }
}
