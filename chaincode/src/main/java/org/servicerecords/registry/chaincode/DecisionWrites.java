package org.servicerecords.registry.chaincode;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.ApplicationReceipt;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.Decision;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;

/**
 * The submitted transactions of an application's life in a records namespace: its receipt and the
 * decision on it (a {@link RecordKind#DECISION} record). Same order of checks as {@link
 * RecordWrites}; each ends with exactly one event.
 */
final class DecisionWrites {

  private final WriteSteps steps;
  private final ChaincodeStub stub;
  private final RecordStore store;

  DecisionWrites(Context ctx) {
    this.steps = new WriteSteps(ctx);
    this.stub = ctx.getStub();
    this.store = steps.store();
  }

  String recordApplication(String requestJson) {
    ApplicationRequest request =
        Requests.application(Inputs.json("request", requestJson, ApplicationRequest.class));
    DetailsInput.none(stub);
    Caller caller = steps.caller(WriteSteps.ISSUER_OR_CLERK);
    Instant now = steps.issuing(caller, Set.of());
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
    steps.emit(new EventLog().add(receipt.applicationId(), EventLog.KIND_APPLICATION, "RECEIVED"));
    return CanonicalJson.toJson(receipt);
  }

  String recordDecision(String requestJson) {
    DecisionRequest request =
        Requests.decision(Inputs.json("request", requestJson, DecisionRequest.class));
    DetailsInput.none(stub);
    Caller caller =
        steps.caller(WriteSteps.ISSUER_OR_CLERK).requireDocumentType(request.documentType());
    Instant now = steps.issuing(caller, Set.of(request.documentType()));
    ApplicationReceipt receipt = store.application(request.applicationId());
    if (receipt == null) {
      throw Refusal.of(
          ErrorCode.APPLICATION_NOT_FOUND,
          "no application '" + request.applicationId() + "' in this namespace");
    }
    // A rerun of the decision already recorded is ALREADY_EXISTS (the client then compares it with
    // the ledger), not "already decided".
    steps.requireAbsent(request.id());
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
    steps.emit(
        new EventLog()
            .add(record.id(), RecordKind.DECISION.name(), "DECIDED")
            .add(receipt.applicationId(), EventLog.KIND_APPLICATION, "DECIDED"));
    return CanonicalJson.toJson(record);
  }
}
