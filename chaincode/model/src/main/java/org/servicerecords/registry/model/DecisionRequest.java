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

  /**
   * Starts a decision request: every part unset ({@code null}) until given.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DecisionRequest} part by part, so that no call site lines up its parts. */
  public static final class Builder {
    private String id;
    private String applicationId;
    private DecisionOutcome outcome;
    private String legalBasis;
    private String documentType;
    private String documentHash;
    private String subjectRef;
    private List<RecordRef> inputRecords;
    private List<String> resultRecordIds;
    private SortedMap<String, String> metadata;

    private Builder() {}

    /**
     * Sets the record id.
     *
     * @param value the record id
     * @return this builder
     */
    public Builder id(String value) {
      this.id = value;
      return this;
    }

    /**
     * Sets the application decided.
     *
     * @param value the application decided
     * @return this builder
     */
    public Builder applicationId(String value) {
      this.applicationId = value;
      return this;
    }

    /**
     * Sets the outcome.
     *
     * @param value the outcome
     * @return this builder
     */
    public Builder outcome(DecisionOutcome value) {
      this.outcome = value;
      return this;
    }

    /**
     * Sets the legal basis.
     *
     * @param value the legal basis
     * @return this builder
     */
    public Builder legalBasis(String value) {
      this.legalBasis = value;
      return this;
    }

    /**
     * Sets the document type.
     *
     * @param value the document type
     * @return this builder
     */
    public Builder documentType(String value) {
      this.documentType = value;
      return this;
    }

    /**
     * Sets the decision document's SHA-256.
     *
     * @param value the decision document's SHA-256
     * @return this builder
     */
    public Builder documentHash(String value) {
      this.documentHash = value;
      return this;
    }

    /**
     * Sets the subject reference.
     *
     * @param value the subject reference
     * @return this builder
     */
    public Builder subjectRef(String value) {
      this.subjectRef = value;
      return this;
    }

    /**
     * Sets the records the decision relied on, or {@code null}.
     *
     * @param value the records the decision relied on, or {@code null}
     * @return this builder
     */
    public Builder inputRecords(List<RecordRef> value) {
      this.inputRecords = value;
      return this;
    }

    /**
     * Sets the records the decision produced, or {@code null}.
     *
     * @param value the records the decision produced, or {@code null}
     * @return this builder
     */
    public Builder resultRecordIds(List<String> value) {
      this.resultRecordIds = value;
      return this;
    }

    /**
     * Sets the public metadata, or {@code null}.
     *
     * @param value the public metadata, or {@code null}
     * @return this builder
     */
    public Builder metadata(SortedMap<String, String> value) {
      this.metadata = value;
      return this;
    }

    /**
     * Builds the decision request.
     *
     * @return the decision request
     */
    public DecisionRequest build() {
      return new DecisionRequest(
          id,
          applicationId,
          outcome,
          legalBasis,
          documentType,
          documentHash,
          subjectRef,
          inputRecords,
          resultRecordIds,
          metadata);
    }
  }
}
