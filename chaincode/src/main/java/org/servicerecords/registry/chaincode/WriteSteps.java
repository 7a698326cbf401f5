package org.servicerecords.registry.chaincode;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.Actor;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Revocation;

/**
 * The steps the submitted transactions of a records namespace share ({@link RecordWrites}, {@link
 * DetailsWrites}, {@link DecisionWrites}), in the order every one of them takes: the caller, the
 * asserted time against {@link TimeTolerance}, governance ({@link Authority}), existing state, and
 * the records written.
 */
final class WriteSteps {

  static final Set<String> ISSUER = Set.of(Caller.ISSUER);
  static final Set<String> ISSUER_OR_CLERK = Set.of(Caller.ISSUER, Caller.CLERK);

  private final Context ctx;
  private final ChaincodeStub stub;
  private final RecordStore store;

  WriteSteps(Context ctx) {
    this.ctx = ctx;
    this.stub = ctx.getStub();
    this.store = new RecordStore(stub);
  }

  ChaincodeStub stub() {
    return stub;
  }

  RecordStore store() {
    return store;
  }

  /** The caller, who must hold one of the roles. */
  Caller caller(Set<String> roles) {
    return Caller.of(ctx).requireRole(roles);
  }

  /**
   * The caller, who must hold {@code role=issuer}. Co-endorsed writes run on the owner's peer and
   * on a peer of another organisation, so they do not require the caller's own peer; the namespace
   * owner is checked against governance ({@link Authority}).
   */
  Caller issuer() {
    return caller(ISSUER);
  }

  /**
   * Where and when a write by an issuing agency happens: checks the asserted time against the
   * endorsing peer's clock, then that governance lets the caller's agency issue the document types
   * in this namespace at that time.
   */
  Instant issuing(Caller caller, Collection<String> documentTypes) {
    TimeTolerance.check(stub);
    String namespace = ChaincodeName.of(stub);
    Instant now = TxTime.of(stub);
    Authority.issuing(governance(), namespace, caller.msp(), now, documentTypes);
    return now;
  }

  /**
   * A record its owner changes: takes no transient data, needs an issuer whose agency owns this
   * namespace (after the time check) and a record of that agency.
   */
  Owned owned(String id) {
    DetailsInput.none(stub);
    Caller caller = issuer();
    TimeTolerance.check(stub);
    String namespace = ChaincodeName.of(stub);
    Instant now = TxTime.of(stub);
    Authority.owner(governance(), namespace, caller.msp());
    return new Owned(caller, now, ownedRecord(id, caller));
  }

  /** The record the caller's agency changes now: it must exist and be the caller's agency's. */
  RegistryRecord ownedRecord(String id, Caller caller) {
    RegistryRecord record = store.require(id);
    if (!caller.msp().equals(record.issuerMsp())) {
      throw Refusal.notAuthorized("only the issuing agency may change record '" + id + "'");
    }
    return record;
  }

  /** The caller, the transaction time and the record of an owner's change. */
  record Owned(Caller caller, Instant now, RegistryRecord record) {}

  void requireAbsent(String id) {
    requireAbsent(List.of(id));
  }

  /** Refuses if any of the records exists, naming the first (read in one go when batching). */
  void requireAbsent(List<String> ids) {
    String existing = store.firstExisting(ids);
    if (existing != null) {
      throw Refusal.of(
          ErrorCode.ALREADY_EXISTS, "record '" + existing + "' exists; nothing changed");
    }
  }

  static void requireActive(RegistryRecord record, String verb) {
    if (record.status() != RecordStatus.ACTIVE) {
      throw Refusal.invalidState(
          "record '" + record.id() + "' is " + record.status() + " and cannot be " + verb);
    }
  }

  /** Emits the transaction's one event, in this namespace. */
  void emit(EventLog events) {
    events.emit(stub, ChaincodeName.of(stub));
  }

  /** The record of a certificate request, anchored by the caller now. */
  RegistryRecord certificate(CertificateRequest request, Caller caller, String supersedes) {
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
  void write(RegistryRecord record) {
    store.create(record);
    if (record.privateDetailsHash() != null) {
      store.putCommitment(
          new DetailsCommitment(
              record.id(), record.issuerMsp(), record.privateDetailsHash(), false));
    }
  }

  /** A new version of a record: its status and links changed by the actor now. */
  RegistryRecord changed(
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

  private GovernanceReader governance() {
    return new GovernanceReader(stub);
  }
}
