package org.servicerecords.registry.chaincode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.Actor;
import org.servicerecords.registry.model.ApplicationReceipt;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.BatchRequest;
import org.servicerecords.registry.model.BatchResult;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.Decision;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.DetailsRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.RequestRules;
import org.servicerecords.registry.model.Revocation;
import org.servicerecords.registry.model.TransientKeys;

/**
 * The submitted transactions of a records namespace. Each one validates every argument and the
 * transient data first (only {@code StoreDetails} takes any), then checks the caller, then (in the
 * co-endorsed writes) that the asserted time is within {@link TimeTolerance} of the endorsing
 * peer's clock, then governance, then existing state, and only then writes; so a refused
 * transaction writes nothing. Each ends with exactly one event.
 */
final class RecordWrites {

  private static final Set<String> ISSUER = Set.of(Caller.ISSUER);
  private static final Set<String> ISSUER_OR_CLERK = Set.of(Caller.ISSUER, Caller.CLERK);

  private final Context ctx;
  private final ChaincodeStub stub;
  private final RecordStore store;

  RecordWrites(Context ctx) {
    this.ctx = ctx;
    this.stub = ctx.getStub();
    this.store = new RecordStore(stub);
  }

  String anchorCertificate(String requestJson) {
    CertificateRequest request =
        Requests.certificate(Inputs.json("request", requestJson, CertificateRequest.class));
    DetailsInput.none(stub);

    Caller caller = issuer().requireDocumentType(request.documentType());
    TimeTolerance.check(stub);
    String namespace = ChaincodeName.of(stub);
    Instant now = TxTime.of(stub);
    Authority.issuing(governance(), namespace, caller.msp(), now, Set.of(request.documentType()));
    requireAbsent(request.id());

    RegistryRecord record = certificate(request, caller, null);
    write(record);
    new EventLog()
        .add(record.id(), RecordKind.CERTIFICATE.name(), "ANCHORED")
        .emit(stub, namespace);
    return CanonicalJson.toJson(record);
  }

  String anchorBatch(String batchJson) {
    List<CertificateRequest> requests =
        Requests.batch(Inputs.json("batch", batchJson, BatchRequest.class));
    DetailsInput.none(stub);

    Caller caller = issuer();
    List<String> types = requests.stream().map(CertificateRequest::documentType).toList();
    types.forEach(caller::requireDocumentType);
    TimeTolerance.check(stub);
    String namespace = ChaincodeName.of(stub);
    Instant now = TxTime.of(stub);
    Authority.issuing(governance(), namespace, caller.msp(), now, types);
    for (CertificateRequest request : requests) {
      requireAbsent(request.id());
    }

    EventLog events = new EventLog();
    List<BatchResult.Outcome> outcomes = new ArrayList<>(requests.size());
    for (CertificateRequest request : requests) {
      RegistryRecord record = certificate(request, caller, null);
      write(record);
      events.add(record.id(), RecordKind.CERTIFICATE.name(), "ANCHORED");
      outcomes.add(new BatchResult.Outcome(record.id(), "ANCHORED", record.privateDetailsHash()));
    }
    events.emit(stub, namespace);
    return CanonicalJson.toJson(new BatchResult(stub.getTxId(), now.toString(), outcomes));
  }

  /**
   * Stores the personal details of records anchored earlier, in the issuing agency's implicit
   * collection: owner-only (the endorsing peer must be the caller's organisation's, and the write
   * touches that collection alone, so it is validated against the owner's own endorsement policy).
   * Each value must hash to the record's commitment. The only public key read is each record's
   * {@link DetailsCommitment}, which only a purge of that record changes, so a details transaction
   * endorsed here commits unless its owner purges the same record meanwhile. Storing again the same
   * details is harmless; details of a purged record are refused.
   */
  String storeDetails(String requestJson) {
    List<String> ids =
        Requests.detailsIds(Inputs.json("request", requestJson, DetailsRequest.class));
    Map<String, byte[]> transientMap = transientMap();
    Set<String> allowedKeys = new TreeSet<>();
    for (String id : ids) {
      allowedKeys.add(TransientKeys.batchDetails(id));
    }
    DetailsInput.onlyKeys(transientMap, allowedKeys);
    Map<String, byte[]> detailsById = new LinkedHashMap<>();
    for (String id : ids) {
      String key = TransientKeys.batchDetails(id);
      byte[] details = DetailsInput.read(transientMap, key);
      if (details == null) {
        throw Refusal.transientInvalid(key, "is required");
      }
      detailsById.put(id, details);
    }

    Caller caller = issuer().requireOwnPeer();
    String namespace = ChaincodeName.of(stub);
    for (String id : ids) {
      DetailsCommitment commitment = store.commitment(id);
      if (commitment == null) {
        throw Refusal.of(
            ErrorCode.RECORD_NOT_FOUND,
            "no record '" + id + "' with a details commitment is committed in this namespace");
      }
      if (!caller.msp().equals(commitment.issuerMsp())) {
        throw Refusal.notAuthorized("only the issuing agency stores the details of '" + id + "'");
      }
      if (commitment.purged()) {
        throw Refusal.invalidState("the details of record '" + id + "' were purged");
      }
      if (!commitment.detailsHash().equals(Digests.sha256Hex(detailsById.get(id)))) {
        throw Refusal.transientInvalid(
            TransientKeys.batchDetails(id), "does not match the record's details commitment");
      }
    }

    EventLog events = new EventLog();
    for (String id : ids) {
      store.putDetails(caller.msp(), id, detailsById.get(id));
      events.add(id, RecordKind.CERTIFICATE.name(), "DETAILS_STORED");
    }
    events.emit(stub, namespace);
    return CanonicalJson.toJson(new DetailsRequest(ids));
  }

  String recordApplication(String requestJson) {
    ApplicationRequest request =
        Requests.application(Inputs.json("request", requestJson, ApplicationRequest.class));
    DetailsInput.none(stub);
    Caller caller = Caller.of(ctx).requireRole(ISSUER_OR_CLERK);
    TimeTolerance.check(stub);
    String namespace = ChaincodeName.of(stub);
    Instant now = TxTime.of(stub);
    Authority.issuing(governance(), namespace, caller.msp(), now, Set.of());
    if (store.applicationExists(request.applicationId())) {
      throw Refusal.of(
          ErrorCode.ALREADY_EXISTS, "application '" + request.applicationId() + "' exists");
    }
    ApplicationReceipt receipt =
        new ApplicationReceipt(
            request.applicationId(),
            request.serviceCode(),
            request.receivedAt(),
            null,
            caller.actor(),
            stub.getTxId(),
            now.toString());
    store.putApplication(receipt);
    new EventLog()
        .add(receipt.applicationId(), EventLog.KIND_APPLICATION, "RECEIVED")
        .emit(stub, namespace);
    return CanonicalJson.toJson(receipt);
  }

  String recordDecision(String requestJson) {
    DecisionRequest request =
        Requests.decision(Inputs.json("request", requestJson, DecisionRequest.class));
    DetailsInput.none(stub);
    Caller caller =
        Caller.of(ctx).requireRole(ISSUER_OR_CLERK).requireDocumentType(request.documentType());
    TimeTolerance.check(stub);
    String namespace = ChaincodeName.of(stub);
    Instant now = TxTime.of(stub);
    Authority.issuing(governance(), namespace, caller.msp(), now, Set.of(request.documentType()));
    ApplicationReceipt receipt = store.application(request.applicationId());
    if (receipt == null) {
      throw Refusal.of(
          ErrorCode.APPLICATION_NOT_FOUND,
          "no application '" + request.applicationId() + "' in this namespace");
    }
    // A rerun of the decision already recorded is ALREADY_EXISTS (the client then compares it with
    // the ledger), not "already decided".
    requireAbsent(request.id());
    if (receipt.decisionId() != null) {
      RegistryRecord previous = store.get(receipt.decisionId());
      boolean returned =
          previous != null
              && previous.decision() != null
              && previous.decision().outcome() == DecisionOutcome.RETURNED;
      if (!returned) {
        throw Refusal.invalidState(
            "application '" + request.applicationId() + "' is already decided");
      }
    }
    List<String> results =
        request.resultRecordIds() == null ? List.of() : request.resultRecordIds();
    for (String resultId : results) {
      store.require(resultId);
    }

    Decision decision =
        new Decision(
            receipt.applicationId(),
            receipt.serviceCode(),
            request.outcome(),
            request.legalBasis(),
            receipt.receivedAt(),
            now.toString(),
            request.inputRecords() == null ? List.of() : request.inputRecords(),
            results);
    RegistryRecord record =
        new RegistryRecord(
            request.id(),
            RecordKind.DECISION,
            request.documentType(),
            caller.msp(),
            request.documentHash(),
            request.subjectRef(),
            now.toString(),
            null,
            RecordStatus.ACTIVE,
            null,
            null,
            null,
            decision,
            receipt.applicationId(),
            request.metadata(),
            null,
            false,
            caller.actor(),
            stub.getTxId(),
            now.toString());
    store.create(record);
    store.putApplication(
        new ApplicationReceipt(
            receipt.applicationId(),
            receipt.serviceCode(),
            receipt.receivedAt(),
            record.id(),
            caller.actor(),
            stub.getTxId(),
            now.toString()));
    new EventLog()
        .add(record.id(), RecordKind.DECISION.name(), "DECIDED")
        .add(receipt.applicationId(), EventLog.KIND_APPLICATION, "DECIDED")
        .emit(stub, namespace);
    return CanonicalJson.toJson(record);
  }

  String revoke(String id, String reasonCode) {
    Inputs.require(RequestRules.revocation(id, reasonCode));
    DetailsInput.none(stub);
    Caller caller = issuer();
    TimeTolerance.check(stub);
    String namespace = ChaincodeName.of(stub);
    Instant now = TxTime.of(stub);
    Authority.owner(governance(), namespace, caller.msp());
    RegistryRecord record = ownedRecord(id, caller);
    caller.requireDocumentType(record.documentType());
    requireActive(record, "revoked");

    Actor actor = caller.actor();
    RegistryRecord revoked =
        changed(
            record,
            RecordStatus.REVOKED,
            null,
            new Revocation(reasonCode, now.toString(), actor),
            record.detailsPurged(),
            actor,
            now);
    store.update(revoked);
    new EventLog().add(id, record.kind().name(), "REVOKED").emit(stub, namespace);
    return CanonicalJson.toJson(revoked);
  }

  String supersede(String oldId, String newRequestJson) {
    Inputs.id("oldId", oldId);
    CertificateRequest request =
        Requests.supersession(
            oldId, Inputs.json("newRequest", newRequestJson, CertificateRequest.class));
    DetailsInput.none(stub);

    Caller caller = issuer().requireDocumentType(request.documentType());
    TimeTolerance.check(stub);
    String namespace = ChaincodeName.of(stub);
    Instant now = TxTime.of(stub);
    Authority.issuing(governance(), namespace, caller.msp(), now, Set.of(request.documentType()));
    RegistryRecord old = ownedRecord(oldId, caller);
    caller.requireDocumentType(old.documentType());
    if (old.kind() != RecordKind.CERTIFICATE) {
      throw Refusal.invalidState("only certificates can be superseded");
    }
    requireActive(old, "superseded");
    requireAbsent(request.id());

    RegistryRecord replacement = certificate(request, caller, oldId);
    RegistryRecord superseded =
        changed(
            old,
            RecordStatus.SUPERSEDED,
            request.id(),
            null,
            old.detailsPurged(),
            caller.actor(),
            now);
    store.update(superseded);
    write(replacement);
    new EventLog()
        .add(oldId, RecordKind.CERTIFICATE.name(), "SUPERSEDED")
        .add(replacement.id(), RecordKind.CERTIFICATE.name(), "ANCHORED")
        .emit(stub, namespace);
    return CanonicalJson.toJson(replacement);
  }

  String purgeDetails(String id) {
    Inputs.require(RequestRules.purge(id));
    DetailsInput.none(stub);
    Caller caller = issuer();
    TimeTolerance.check(stub);
    String namespace = ChaincodeName.of(stub);
    Instant now = TxTime.of(stub);
    Authority.owner(governance(), namespace, caller.msp());
    RegistryRecord record = ownedRecord(id, caller);
    if (record.privateDetailsHash() == null) {
      throw Refusal.invalidState("record '" + id + "' has no private details");
    }
    if (record.detailsPurged()) {
      throw Refusal.invalidState("the details of record '" + id + "' are already purged");
    }
    store.purgeDetails(caller.msp(), id);
    store.putCommitment(
        new DetailsCommitment(id, record.issuerMsp(), record.privateDetailsHash(), true));
    RegistryRecord purged =
        changed(
            record,
            record.status(),
            record.supersededBy(),
            record.revocation(),
            true,
            caller.actor(),
            now);
    store.update(purged);
    new EventLog().add(id, record.kind().name(), "DETAILS_PURGED").emit(stub, namespace);
    return CanonicalJson.toJson(purged);
  }

  /**
   * The caller, who must hold {@code role=issuer}. Co-endorsed writes run on the owner's peer and
   * on a peer of another organisation, so they do not require the caller's own peer; the namespace
   * owner is checked against governance ({@link Authority}).
   */
  private Caller issuer() {
    return Caller.of(ctx).requireRole(ISSUER);
  }

  private GovernanceReader governance() {
    return new GovernanceReader(stub);
  }

  private Map<String, byte[]> transientMap() {
    Map<String, byte[]> transientMap = stub.getTransient();
    return transientMap == null ? Map.of() : transientMap;
  }

  private void requireAbsent(String id) {
    if (store.exists(id)) {
      throw Refusal.of(ErrorCode.ALREADY_EXISTS, "record '" + id + "' exists; nothing changed");
    }
  }

  /** The record the caller's agency changes now: it must exist and be the caller's agency's. */
  private RegistryRecord ownedRecord(String id, Caller caller) {
    RegistryRecord record = store.require(id);
    if (!caller.msp().equals(record.issuerMsp())) {
      throw Refusal.notAuthorized("only the issuing agency may change record '" + id + "'");
    }
    return record;
  }

  private static void requireActive(RegistryRecord record, String verb) {
    if (record.status() != RecordStatus.ACTIVE) {
      throw Refusal.invalidState(
          "record '" + record.id() + "' is " + record.status() + " and cannot be " + verb);
    }
  }

  private RegistryRecord certificate(CertificateRequest request, Caller caller, String supersedes) {
    Instant now = TxTime.of(stub);
    return new RegistryRecord(
        request.id(),
        RecordKind.CERTIFICATE,
        request.documentType(),
        caller.msp(),
        request.documentHash(),
        request.subjectRef(),
        request.validFrom(),
        request.validUntil(),
        RecordStatus.ACTIVE,
        supersedes,
        null,
        null,
        null,
        request.applicationId(),
        request.metadata(),
        request.detailsHash(),
        false,
        caller.actor(),
        stub.getTxId(),
        now.toString());
  }

  /** Writes a new record, and its details commitment when it has one. */
  private void write(RegistryRecord record) {
    store.create(record);
    if (record.privateDetailsHash() != null) {
      store.putCommitment(
          new DetailsCommitment(
              record.id(), record.issuerMsp(), record.privateDetailsHash(), false));
    }
  }

  private RegistryRecord changed(
      RegistryRecord r,
      RecordStatus status,
      String supersededBy,
      Revocation revocation,
      boolean detailsPurged,
      Actor actor,
      Instant now) {
    return new RegistryRecord(
        r.id(),
        r.kind(),
        r.documentType(),
        r.issuerMsp(),
        r.documentHash(),
        r.subjectRef(),
        r.validFrom(),
        r.validUntil(),
        status,
        r.supersedes(),
        supersededBy,
        revocation,
        r.decision(),
        r.applicationId(),
        r.metadata(),
        r.privateDetailsHash(),
        detailsPurged,
        actor,
        stub.getTxId(),
        now.toString());
  }
}
