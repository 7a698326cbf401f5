package org.servicerecords.registry.client;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.servicerecords.registry.model.CertificateRequest;

/**
 * A certificate to anchor, with the subject's personal details. The details never reach the shared
 * ledger: the co-endorsed anchoring carries only their salted commitment, and the owner-only {@code
 * StoreDetails} takes them as transient data into the issuing agency's private collection, with a
 * salt the library derives for the record ({@code DetailsSalt}).
 *
 * @param certificate the public part of the record
 * @param personalDetails personal details, or empty
 */
public record AnchorRequest(
    CertificateRequest certificate, SortedMap<String, String> personalDetails) {

  /** Checks the fields and copies the details. */
  public AnchorRequest {
    Objects.requireNonNull(certificate, "certificate");
    personalDetails =
        personalDetails == null
            ? Collections.emptySortedMap()
            : Collections.unmodifiableSortedMap(new TreeMap<>(personalDetails));
  }

  /**
   * An anchor request without personal details.
   *
   * @param certificate the record
   * @return the request
   */
  public static AnchorRequest of(CertificateRequest certificate) {
    return new AnchorRequest(certificate, null);
  }

  /**
   * Returns this request with another document hash.
   *
   * @param documentHash the SHA-256, lowercase hex
   * @return the changed request
   */
  public AnchorRequest withDocumentHash(String documentHash) {
    CertificateRequest c = certificate;
    return new AnchorRequest(
        CertificateRequest.builder()
            .id(c.id())
            .documentType(c.documentType())
            .documentHash(documentHash)
            .subjectRef(c.subjectRef())
            .validFrom(c.validFrom())
            .validUntil(c.validUntil())
            .applicationId(c.applicationId())
            .metadata(c.metadata())
            .build(),
        personalDetails);
  }

  /** Hides the personal details from logs. */
  @Override
  public String toString() {
    return "AnchorRequest[certificate=" + certificate + ", personalDetails=<hidden>]";
  }
}
