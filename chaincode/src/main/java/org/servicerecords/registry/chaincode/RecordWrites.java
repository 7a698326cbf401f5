package org.servicerecords.registry.chaincode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.Actor;
import org.servicerecords.registry.model.BatchRequest;
import org.servicerecords.registry.model.BatchResult;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.RequestRules;
import org.servicerecords.registry.model.Revocation;

/**
 * The submitted transactions of a certificate's life in a records namespace: anchoring (one or a
 * batch), supersession and revocation; {@link DetailsWrites} stores and purges personal details,
 * {@link DecisionWrites} records applications and decisions. Each one validates every argument and
 * refuses transient data first, then checks the caller, then (these are co-endorsed) that the
 * asserted time is within {@link TimeTolerance} of the endorsing peer's clock, then governance,
 * then existing state, and only then writes; so a refused transaction writes nothing. Each ends
 * with exactly one event.
 */
final class RecordWrites {

  private final WriteSteps steps;
  private final ChaincodeStub stub;

  RecordWrites(Context ctx) {
    this.steps = new WriteSteps(ctx);
    this.stub = ctx.getStub();
  }

  String anchorCertificate(String requestJson) {
    CertificateRequest request =
        Requests.certificate(Inputs.json("request", requestJson, CertificateRequest.class));
    DetailsInput.none(stub);

    Caller caller = steps.issuer().requireDocumentType(request.documentType());
    steps.issuing(caller, Set.of(request.documentType()));
    steps.requireAbsent(request.id());

    RegistryRecord record = steps.certificate(request, caller, null);
    steps.write(record);
    steps.emit(new EventLog().add(record.id(), RecordKind.CERTIFICATE.name(), "ANCHORED"));
    return CanonicalJson.toJson(record);
  }

  String anchorBatch(String batchJson) {
    List<CertificateRequest> requests =
        Requests.batch(Inputs.json("batch", batchJson, BatchRequest.class));
    DetailsInput.none(stub);

    Caller caller = steps.issuer();
    List<String> types = requests.stream().map(CertificateRequest::documentType).toList();
    types.forEach(caller::requireDocumentType);
    Instant now = steps.issuing(caller, types);
    steps.requireAbsent(requests.stream().map(CertificateRequest::id).toList());

    EventLog events = new EventLog();
    List<BatchResult.Outcome> outcomes = new ArrayList<>(requests.size());
    for (CertificateRequest request : requests) {
      RegistryRecord record = steps.certificate(request, caller, null);
      steps.write(record);
      events.add(record.id(), RecordKind.CERTIFICATE.name(), "ANCHORED");
      outcomes.add(new BatchResult.Outcome(record.id(), "ANCHORED", record.privateDetailsHash()));
    }
    steps.emit(events);
    return CanonicalJson.toJson(new BatchResult(stub.getTxId(), now.toString(), outcomes));
  }

  String revoke(String id, String reasonCode) {
    Inputs.require(RequestRules.revocation(id, reasonCode));
    WriteSteps.Owned owned = steps.owned(id);
    RegistryRecord record = owned.record();
    owned.caller().requireDocumentType(record.documentType());
    WriteSteps.requireActive(record, "revoked");

    Actor actor = owned.caller().actor();
    RegistryRecord revoked =
        steps.changed(
            record,
            RecordStatus.REVOKED,
            null,
            new Revocation(reasonCode, owned.now().toString(), actor),
            record.detailsPurged(),
            actor,
            owned.now());
    steps.store().update(revoked);
    steps.emit(new EventLog().add(id, record.kind().name(), "REVOKED"));
    return CanonicalJson.toJson(revoked);
  }

  String supersede(String oldId, String newRequestJson) {
    Inputs.id("oldId", oldId);
    CertificateRequest request =
        Requests.supersession(
            oldId, Inputs.json("newRequest", newRequestJson, CertificateRequest.class));
    DetailsInput.none(stub);

    Caller caller = steps.issuer().requireDocumentType(request.documentType());
    Instant now = steps.issuing(caller, Set.of(request.documentType()));
    RegistryRecord old = steps.ownedRecord(oldId, caller);
    caller.requireDocumentType(old.documentType());
    if (old.kind() != RecordKind.CERTIFICATE) {
      throw Refusal.invalidState("only certificates can be superseded");
    }
    WriteSteps.requireActive(old, "superseded");
    steps.requireAbsent(request.id());

    RegistryRecord replacement = steps.certificate(request, caller, oldId);
    RegistryRecord superseded =
        steps.changed(
            old,
            RecordStatus.SUPERSEDED,
            request.id(),
            null,
            old.detailsPurged(),
            caller.actor(),
            now);
    steps.store().update(superseded);
    steps.write(replacement);
    steps.emit(
        new EventLog()
            .add(oldId, RecordKind.CERTIFICATE.name(), "SUPERSEDED")
            .add(replacement.id(), RecordKind.CERTIFICATE.name(), "ANCHORED"));
    return CanonicalJson.toJson(replacement);
  }
}
