package org.servicerecords.registry.model;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The argument of {@code records:RecordDecision}: the decision on an application whose receipt was
 * recorded in the same namespace. The decision is anchored as a {@link RecordKind#DECISION} record
 * valid from its transaction timestamp.
 *
 * @param id the decision record's id, {@code [A-Za-z0-9._:-]{1,128}}
 * @param applicationId the application decided on
 * @param outcome the outcome
 * @param legalBasis legal basis as the law is cited, such as {@code Civil Code, art. 12} ({@link
 *     InputRules#LEGAL_BASIS})
 * @param documentType document type of the decision (for example {@code PERMIT_DECISION})
 * @param documentHash SHA-256 of the decision document, 64 lowercase hex digits
 * @param subjectRef salted or HMAC hash of the applicant, computed by the agency
 * @param inputRecords records the decision relied on, in any namespace (at most 64; stored as
 *     given, checked when read)
 * @param resultRecordIds certificates of this namespace issued as its result (at most 64)
 * @param metadata non-personal metadata, same limits as {@link CertificateRequest#metadata()}
 */
public record DecisionRequest(
    String id,
    String applicationId,
    DecisionOutcome outcome,
    String legalBasis,
    String documentType,
    String documentHash,
    String subjectRef,
    List<RecordRef> inputRecords,
    List<String> resultRecordIds,
    SortedMap<String, String> metadata) {

  /** Copies the collections so the value cannot change. */
  public DecisionRequest {
    inputRecords = inputRecords == null ? null : List.copyOf(inputRecords);
    resultRecordIds = resultRecordIds == null ? null : List.copyOf(resultRecordIds);
    metadata = metadata == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
  }
}
