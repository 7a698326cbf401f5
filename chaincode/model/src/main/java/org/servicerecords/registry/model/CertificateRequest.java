package org.servicerecords.registry.model;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The argument of {@code records:AnchorCertificate} (and of each element of a {@link BatchRequest},
 * and of the new record in {@code records:Supersede}). Holds no personal data: the personal details
 * are stored by the separate, owner-only {@code records:StoreDetails}, and only their salted
 * commitment {@code detailsHash} travels with the record (so the co-endorsing organisation never
 * sees them).
 *
 * @param id client-chosen id, {@code [A-Za-z0-9._:-]{1,128}}; a retry with the same id is refused
 *     with {@link ErrorCode#ALREADY_EXISTS} and changes nothing
 * @param documentType document type code, same charset as ids, at most 64 characters
 * @param documentHash SHA-256 of the document, 64 lowercase hex digits
 * @param subjectRef salted or HMAC hash of the subject computed by the issuer, same charset as ids
 * @param validFrom start of validity (ISO-8601 instant)
 * @param validUntil end of validity (ISO-8601 instant, after {@code validFrom}), or {@code null}
 * @param applicationId the application this certificate was issued for, or {@code null}
 * @param metadata non-personal metadata: at most 16 entries, keys up to 64 and values up to 256
 *     characters, 4 KiB in total; may be {@code null}
 * @param detailsHash SHA-256 (64 lowercase hex digits) of the {@link PrivateDetails} JSON bytes
 *     that {@code StoreDetails} will store for this record: a commitment, hiding because the
 *     details carry a secret salt of at least 128 bits; {@code null} when the record has no
 *     personal details
 */
public record CertificateRequest(
    String id,
    String documentType,
    String documentHash,
    String subjectRef,
    String validFrom,
    String validUntil,
    String applicationId,
    SortedMap<String, String> metadata,
    String detailsHash) {

  /** Copies the metadata so the value cannot change. */
  public CertificateRequest {
    metadata = metadata == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
  }

  /**
   * A request for a record without personal details.
   *
   * @param id client-chosen id
   * @param documentType document type code
   * @param documentHash SHA-256 of the document
   * @param subjectRef salted or HMAC hash of the subject
   * @param validFrom start of validity
   * @param validUntil end of validity, or {@code null}
   * @param applicationId the application, or {@code null}
   * @param metadata non-personal metadata, or {@code null}
   */
  public CertificateRequest(
      String id,
      String documentType,
      String documentHash,
      String subjectRef,
      String validFrom,
      String validUntil,
      String applicationId,
      SortedMap<String, String> metadata) {
    this(
        id,
        documentType,
        documentHash,
        subjectRef,
        validFrom,
        validUntil,
        applicationId,
        metadata,
        null);
  }

  /**
   * Returns this request with a details commitment.
   *
   * @param hash SHA-256 of the details JSON bytes, lowercase hex, or {@code null} for none
   * @return the changed request
   */
  public CertificateRequest withDetailsHash(String hash) {
    return new CertificateRequest(
        id,
        documentType,
        documentHash,
        subjectRef,
        validFrom,
        validUntil,
        applicationId,
        metadata,
        hash);
  }

  /**
   * Starts a certificate request: every part unset ({@code null}) until given.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CertificateRequest} part by part, so that no call site lines up its parts. */
  public static final class Builder {
    private String id;
    private String documentType;
    private String documentHash;
    private String subjectRef;
    private String validFrom;
    private String validUntil;
    private String applicationId;
    private SortedMap<String, String> metadata;
    private String detailsHash;

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
     * Sets the document's SHA-256 (64 hex digits).
     *
     * @param value the document's SHA-256 (64 hex digits)
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
     * Sets the start of validity (ISO-8601).
     *
     * @param value the start of validity (ISO-8601)
     * @return this builder
     */
    public Builder validFrom(String value) {
      this.validFrom = value;
      return this;
    }

    /**
     * Sets the end of validity (ISO-8601), or {@code null}.
     *
     * @param value the end of validity (ISO-8601), or {@code null}
     * @return this builder
     */
    public Builder validUntil(String value) {
      this.validUntil = value;
      return this;
    }

    /**
     * Sets the application this certificate answers, or {@code null}.
     *
     * @param value the application this certificate answers, or {@code null}
     * @return this builder
     */
    public Builder applicationId(String value) {
      this.applicationId = value;
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
     * Sets the personal details' hash, or {@code null}.
     *
     * @param value the personal details' hash, or {@code null}
     * @return this builder
     */
    public Builder detailsHash(String value) {
      this.detailsHash = value;
      return this;
    }

    /**
     * Builds the certificate request.
     *
     * @return the certificate request
     */
    public CertificateRequest build() {
      return new CertificateRequest(
          id,
          documentType,
          documentHash,
          subjectRef,
          validFrom,
          validUntil,
          applicationId,
          metadata,
          detailsHash);
    }
  }
}
