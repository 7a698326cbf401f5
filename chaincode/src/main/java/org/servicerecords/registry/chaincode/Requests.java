package org.servicerecords.registry.chaincode;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.BatchRequest;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.DetailsRequest;
import org.servicerecords.registry.model.GovernanceRules;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.RequestRules;
import org.servicerecords.registry.model.VerdictRules;

/**
 * The request values of the transactions, checked by {@link RequestRules} and {@link
 * GovernanceRules} (refused with the first problem) and returned in the form in which they are
 * stored: instants normalised to UTC ({@link Instant#toString()}), lists of document types and
 * members sorted.
 */
final class Requests {

  /** Most records in one {@code AnchorBatch}; equal to the most entries an event carries. */
  static final int BATCH_MAXIMUM = InputRules.BATCH_MAXIMUM;

  private Requests() {}

  static CertificateRequest certificate(CertificateRequest r) {
    Inputs.require(RequestRules.certificate(r));
    return normalised(r);
  }

  /** The new record of a {@code Supersede}, after its {@code oldId} was checked. */
  static CertificateRequest supersession(String oldId, CertificateRequest r) {
    Inputs.require(RequestRules.supersession(oldId, r));
    return normalised(r);
  }

  /** The record ids of a {@code StoreDetails}. */
  static List<String> detailsIds(DetailsRequest r) {
    Inputs.require(RequestRules.details(r));
    return List.copyOf(r.ids());
  }

  static List<CertificateRequest> batch(BatchRequest batch) {
    Inputs.require(RequestRules.batch(batch));
    return batch.records().stream().map(Requests::normalised).toList();
  }

  static ApplicationRequest application(ApplicationRequest r) {
    Inputs.require(RequestRules.application(r));
    return new ApplicationRequest(r.applicationId(), r.serviceCode(), utc(r.receivedAt()));
  }

  static DecisionRequest decision(DecisionRequest r) {
    Inputs.require(RequestRules.decision(r));
    return r;
  }

  static AgencyRequest agency(AgencyRequest r) {
    Inputs.require(GovernanceRules.agency(r));
    return new AgencyRequest(
        r.msp(),
        r.displayName(),
        r.namespace(),
        sorted(r.documentTypes()),
        utc(r.activeFrom()),
        utc(r.activeUntil()));
  }

  /** Checks the consortium's member list and returns it sorted. */
  static List<String> members(List<String> members) {
    Inputs.require(GovernanceRules.members(members));
    return sorted(members);
  }

  /** Checks the arguments of {@code SetDocumentTypes} and returns the types sorted. */
  static List<String> documentTypes(String msp, List<String> types) {
    Inputs.require(GovernanceRules.documentTypesChange(msp, types));
    return sorted(types);
  }

  private static CertificateRequest normalised(CertificateRequest r) {
    return new CertificateRequest(
        r.id(),
        r.documentType(),
        r.documentHash(),
        r.subjectRef(),
        utc(r.validFrom()),
        utc(r.validUntil()),
        r.applicationId(),
        r.metadata(),
        r.detailsHash());
  }

  /** An acceptable instant in UTC, or {@code null} for {@code null}. */
  private static String utc(String instant) {
    return instant == null ? null : VerdictRules.parseInstant(instant).toString();
  }

  /** Distinct values, sorted. */
  private static List<String> sorted(List<String> values) {
    return List.copyOf(new TreeSet<>(values));
  }
}
