package org.servicerecords.registry.client.internal.agency;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.servicerecords.registry.model.ApplicationReceipt;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RegistryRecord;

/**
 * Decides whether a record already on the ledger is the one a request would write, so that an
 * {@code ALREADY_EXISTS} refusal of a retried request counts as success. Personal details are not
 * part of the content: {@link #sameDetails} compares their commitment separately, since only the
 * identity that anchored a record derives the same salt ({@link DetailsSalt}).
 */
public final class SameContent {

  private SameContent() {}

  static boolean certificate(CertificateRequest r, RegistryRecord stored, String issuerMsp) {
    return stored.kind() == RecordKind.CERTIFICATE
        && Objects.equals(r.id(), stored.id())
        && Objects.equals(issuerMsp, stored.issuerMsp())
        && Objects.equals(r.documentType(), stored.documentType())
        && Objects.equals(r.documentHash(), stored.documentHash())
        && Objects.equals(r.subjectRef(), stored.subjectRef())
        && sameInstant(r.validFrom(), stored.validFrom())
        && sameInstant(r.validUntil(), stored.validUntil())
        && Objects.equals(r.applicationId(), stored.applicationId())
        && sameMap(r.metadata(), stored.metadata());
  }

  /** Whether the record on the ledger commits to the request's details (or both have none). */
  static boolean sameDetails(CertificateRequest r, RegistryRecord stored) {
    return Objects.equals(r.detailsHash(), stored.privateDetailsHash());
  }

  static boolean decision(DecisionRequest r, RegistryRecord stored, String issuerMsp) {
    return stored.kind() == RecordKind.DECISION
        && stored.decision() != null
        && Objects.equals(r.id(), stored.id())
        && Objects.equals(issuerMsp, stored.issuerMsp())
        && Objects.equals(r.documentType(), stored.documentType())
        && Objects.equals(r.documentHash(), stored.documentHash())
        && Objects.equals(r.subjectRef(), stored.subjectRef())
        && Objects.equals(r.applicationId(), stored.decision().applicationId())
        && r.outcome() == stored.decision().outcome()
        && Objects.equals(r.legalBasis(), stored.decision().legalBasis())
        && sameList(r.inputRecords(), stored.decision().inputRecords())
        && sameList(r.resultRecordIds(), stored.decision().resultRecordIds())
        && sameMap(r.metadata(), stored.metadata());
  }

  static boolean application(ApplicationRequest r, ApplicationReceipt stored) {
    return Objects.equals(r.applicationId(), stored.applicationId())
        && Objects.equals(r.serviceCode(), stored.serviceCode())
        && sameInstant(r.receivedAt(), stored.receivedAt());
  }

  static boolean sameInstant(String a, String b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    try {
      return Instant.parse(a).equals(Instant.parse(b));
    } catch (RuntimeException e) {
      return a.equals(b);
    }
  }

  private static boolean sameMap(Map<String, String> a, Map<String, String> b) {
    Map<String, String> left = a == null ? Map.of() : a;
    Map<String, String> right = b == null ? Map.of() : b;
    return left.equals(right);
  }

  private static <T> boolean sameList(List<T> a, List<T> b) {
    List<T> left = a == null ? List.of() : a;
    List<T> right = b == null ? List.of() : b;
    return left.equals(right);
  }
}
