package org.servicerecords.registry.chaincode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.BatchRequest;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.ConsortiumMembers;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.RecordRef;

/**
 * Field-by-field checks of the request values. Each returns the request with instants normalised to
 * UTC ({@link Instant#toString()}), the form in which they are stored.
 */
final class Requests {

  /** Most records in one {@code AnchorBatch}; equal to the most entries an event carries. */
  static final int BATCH_MAXIMUM = InputRules.BATCH_MAXIMUM;

  private Requests() {}

  static CertificateRequest certificate(String prefix, CertificateRequest r) {
    Inputs.id(prefix + "id", r.id());
    Inputs.code(prefix + "documentType", r.documentType());
    Inputs.hash(prefix + "documentHash", r.documentHash());
    Inputs.subjectRef(prefix + "subjectRef", r.subjectRef());
    Instant from = Inputs.instant(prefix + "validFrom", r.validFrom());
    Instant until = Inputs.optionalInstant(prefix + "validUntil", r.validUntil());
    Inputs.window(prefix + "validFrom", from, prefix + "validUntil", until);
    Inputs.optionalId(prefix + "applicationId", r.applicationId());
    Inputs.metadata(prefix + "metadata", r.metadata());
    if (r.detailsHash() != null) {
      Inputs.hash(prefix + "detailsHash", r.detailsHash());
    }
    return new CertificateRequest(
        r.id(),
        r.documentType(),
        r.documentHash(),
        r.subjectRef(),
        from.toString(),
        until == null ? null : until.toString(),
        r.applicationId(),
        r.metadata(),
        r.detailsHash());
  }

  /**
   * The record ids of a {@code StoreDetails}: a JSON array of 1 to {@link #BATCH_MAXIMUM} distinct
   * ids.
   */
  static List<String> detailsIds(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      throw Refusal.invalid("ids", "must hold 1 to " + BATCH_MAXIMUM + " record ids");
    }
    if (ids.size() > BATCH_MAXIMUM) {
      throw Refusal.invalid("ids", "holds more than " + BATCH_MAXIMUM + " record ids");
    }
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < ids.size(); i++) {
      Inputs.id("ids[" + i + "]", ids.get(i));
      if (!seen.add(ids.get(i))) {
        throw Refusal.invalid("ids[" + i + "]", "repeats '" + ids.get(i) + "'");
      }
    }
    return List.copyOf(ids);
  }

  static List<CertificateRequest> batch(BatchRequest batch) {
    List<CertificateRequest> records = batch.records();
    if (records == null || records.isEmpty()) {
      throw Refusal.invalid("records", "must hold 1 to " + BATCH_MAXIMUM + " records");
    }
    if (records.size() > BATCH_MAXIMUM) {
      throw Refusal.invalid("records", "holds more than " + BATCH_MAXIMUM + " records");
    }
    Set<String> ids = new TreeSet<>();
    List<CertificateRequest> checked = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      CertificateRequest record = records.get(i);
      if (record == null) {
        throw Refusal.invalid("records[" + i + "]", "is required");
      }
      CertificateRequest valid = certificate("records[" + i + "].", record);
      if (!ids.add(valid.id())) {
        throw Refusal.invalid("records[" + i + "].id", "repeats '" + valid.id() + "' in the batch");
      }
      checked.add(valid);
    }
    return checked;
  }

  static ApplicationRequest application(ApplicationRequest r) {
    Inputs.id("applicationId", r.applicationId());
    Inputs.code("serviceCode", r.serviceCode());
    Instant received = Inputs.instant("receivedAt", r.receivedAt());
    return new ApplicationRequest(r.applicationId(), r.serviceCode(), received.toString());
  }

  static DecisionRequest decision(DecisionRequest r) {
    Inputs.id("id", r.id());
    Inputs.id("applicationId", r.applicationId());
    if (r.outcome() == null) {
      throw Refusal.invalid("outcome", "must be one of " + List.of(DecisionOutcome.values()));
    }
    Inputs.legalBasis("legalBasis", r.legalBasis());
    Inputs.code("documentType", r.documentType());
    Inputs.hash("documentHash", r.documentHash());
    Inputs.subjectRef("subjectRef", r.subjectRef());
    List<RecordRef> inputs = r.inputRecords() == null ? List.of() : r.inputRecords();
    if (inputs.size() > InputRules.MAX_LIST) {
      throw Refusal.invalid("inputRecords", "has more than " + InputRules.MAX_LIST + " entries");
    }
    for (int i = 0; i < inputs.size(); i++) {
      RecordRef ref = inputs.get(i);
      if (ref == null) {
        throw Refusal.invalid("inputRecords[" + i + "]", "is required");
      }
      Inputs.namespace("inputRecords[" + i + "].namespace", ref.namespace());
      Inputs.id("inputRecords[" + i + "].id", ref.id());
    }
    List<String> results = Inputs.distinctIds("resultRecordIds", r.resultRecordIds(), 64);
    if (results.contains(r.id())) {
      throw Refusal.invalid("resultRecordIds", "must not name the decision itself");
    }
    Inputs.metadata("metadata", r.metadata());
    return r;
  }

  static AgencyRequest agency(AgencyRequest r) {
    Inputs.msp("msp", r.msp());
    Inputs.text("displayName", r.displayName(), InputRules.MAX_DISPLAY_NAME);
    Inputs.namespace("namespace", r.namespace());
    if (GovernanceReader.CHAINCODE.equals(r.namespace())) {
      throw Refusal.invalid("namespace", "must not be the governance namespace");
    }
    List<String> types = documentTypes("documentTypes", r.documentTypes());
    Instant from = Inputs.instant("activeFrom", r.activeFrom());
    Instant until = Inputs.optionalInstant("activeUntil", r.activeUntil());
    Inputs.window("activeFrom", from, "activeUntil", until);
    return new AgencyRequest(
        r.msp(),
        r.displayName(),
        r.namespace(),
        types,
        from.toString(),
        until == null ? null : until.toString());
  }

  /** Checks the consortium's member list (MSP ids, 1 to 32, distinct) and returns it sorted. */
  static List<String> members(String field, List<String> members) {
    if (members.isEmpty() || members.size() > ConsortiumMembers.MAX_MEMBERS) {
      throw Refusal.invalid(field, "must hold 1 to " + ConsortiumMembers.MAX_MEMBERS + " MSP ids");
    }
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < members.size(); i++) {
      String msp = Inputs.msp(field + "[" + i + "]", members.get(i));
      if (!seen.add(msp)) {
        throw Refusal.invalid(field, "repeats '" + msp + "'");
      }
    }
    return List.copyOf(seen);
  }

  /** Checks a list of document types and returns it sorted. */
  static List<String> documentTypes(String field, List<String> types) {
    if (types == null) {
      throw Refusal.invalid(field, "is required (may be empty)");
    }
    if (types.size() > InputRules.MAX_LIST) {
      throw Refusal.invalid(field, "has more than " + InputRules.MAX_LIST + " entries");
    }
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < types.size(); i++) {
      String type = Inputs.code(field + "[" + i + "]", types.get(i));
      if (!seen.add(type)) {
        throw Refusal.invalid(field, "repeats '" + type + "'");
      }
    }
    return types.stream().sorted().toList();
  }
}
