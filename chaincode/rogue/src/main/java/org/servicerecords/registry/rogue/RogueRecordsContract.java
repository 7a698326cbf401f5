package org.servicerecords.registry.rogue;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.Actor;
import org.servicerecords.registry.model.BatchRequest;
import org.servicerecords.registry.model.BatchResult;
import org.servicerecords.registry.model.CallerAttributes;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.RecordEvent;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verdict;
import org.servicerecords.registry.model.Verification;

/**
 * TEST ONLY — an agency running modified code. Named {@code records}, so that {@code
 * records:AnchorCertificate} sent to a namespace whose organisation runs this jar reaches it.
 *
 * <p>{@code AnchorCertificate} and {@code AnchorBatch} write a record where the registry's contract
 * does (the same composite keys, the model's {@link RegistryRecord} as canonical JSON, the index
 * keys, the details commitment, the one {@code registry} event) but check nothing: no role, no
 * document type, no governance, no time tolerance, no existing record. {@code PlantEvent} writes
 * only the endorsing peer's own implicit collection and sets an event claiming that a record was
 * revoked. {@code GetRecord} reads the record key as stored.
 *
 * <p>The trust tests prove that none of this reaches the ledger as a record (the endorsement policy
 * and the honest co-endorser refuse it) and that a planted event is ignored by the registry's event
 * readers. Never deploy it.
 */
@Default
@Contract(name = "records")
public final class RogueRecordsContract implements ContractInterface {

  /** The registry contract's key layout (chaincode {@code Keys}), repeated here on purpose. */
  static final String RECORD = "rec";

  static final String BY_HASH = "rec~hash";
  static final String BY_TYPE = "rec~type";
  static final String BY_SUBJECT = "rec~subject";
  static final String BY_APPLICATION = "rec~app";
  static final String DETAILS_COMMITMENT = "commitment";
  static final byte[] INDEX_VALUE = {0};

  /** Key prefix of what {@code PlantEvent} writes into the endorsing organisation's collection. */
  static final String PLANTED = "planted~";

  /** The registry contract's details commitment (chaincode {@code DetailsCommitment}). */
  record DetailsCommitment(String recordId, String issuerMsp, String detailsHash, boolean purged) {}

  /** Creates the contract; the shim instantiates it once per process. */
  public RogueRecordsContract() {}

  /**
   * Writes one certificate as the registry's contract would, without checking anything.
   *
   * @param ctx the transaction context
   * @param requestJson a {@code CertificateRequest}
   * @return the written {@code RegistryRecord}
   */
  @Transaction(name = "AnchorCertificate", intent = Transaction.TYPE.SUBMIT)
  public String anchorCertificate(Context ctx, String requestJson) {
    CertificateRequest request = CanonicalJson.fromJson(requestJson, CertificateRequest.class);
    RegistryRecord record = write(ctx, request);
    emit(ctx.getStub(), List.of(anchored(record)));
    return CanonicalJson.toJson(record);
  }

  /**
   * Writes a batch of certificates as the registry's contract would, without checking anything.
   *
   * @param ctx the transaction context
   * @param batchJson a {@code BatchRequest}
   * @return a {@code BatchResult}
   */
  @Transaction(name = "AnchorBatch", intent = Transaction.TYPE.SUBMIT)
  public String anchorBatch(Context ctx, String batchJson) {
    BatchRequest batch = CanonicalJson.fromJson(batchJson, BatchRequest.class);
    List<RecordEvent.Entry> entries = new ArrayList<>();
    List<BatchResult.Outcome> outcomes = new ArrayList<>();
    for (CertificateRequest request : batch.records()) {
      RegistryRecord record = write(ctx, request);
      entries.add(anchored(record));
      outcomes.add(new BatchResult.Outcome(record.id(), "ANCHORED", record.privateDetailsHash()));
    }
    emit(ctx.getStub(), entries);
    ChaincodeStub stub = ctx.getStub();
    return CanonicalJson.toJson(
        new BatchResult(stub.getTxId(), stub.getTxTimestamp().toString(), outcomes));
  }

  /**
   * Writes only the endorsing peer's own organisation's implicit collection in this namespace, and
   * sets an event in this namespace's name claiming that {@code recordId} was revoked.
   *
   * @param ctx the transaction context
   * @param recordId the record the event claims to revoke
   * @return the collection written
   */
  @Transaction(name = "PlantEvent", intent = Transaction.TYPE.SUBMIT)
  public String plantEvent(Context ctx, String recordId) {
    ChaincodeStub stub = ctx.getStub();
    String collection = "_implicit_org_" + stub.getMspId();
    stub.putPrivateData(
        collection, PLANTED + recordId, stub.getTxId().getBytes(StandardCharsets.UTF_8));
    emit(
        stub,
        List.of(
            new RecordEvent.Entry(
                recordId, RecordKind.CERTIFICATE.name(), RecordStatus.REVOKED.name())));
    return collection;
  }

  /**
   * A forged verification: whatever the hash, one VALID verdict naming the namespace's issuer (the
   * answer a peer that lies to citizens would give). An attested verification that asks this peer
   * and an honest one gets two different answers.
   *
   * @param ctx the transaction context
   * @param documentHash the document's SHA-256
   * @param atInstant ignored
   * @return a JSON array of one {@code Verification}
   */
  @Transaction(name = "VerifyHash", intent = Transaction.TYPE.EVALUATE)
  public String verifyHash(Context ctx, String documentHash, String atInstant) {
    ChaincodeStub stub = ctx.getStub();
    String at = stub.getTxTimestamp().toString();
    return CanonicalJson.toJson(
        List.of(new Verification(Verdict.VALID, null, null, null, stub.getChannelId(), at, null)));
  }

  /**
   * The record as stored under its key.
   *
   * @param ctx the transaction context
   * @param id the record id
   * @return its JSON
   */
  @Transaction(name = "GetRecord", intent = Transaction.TYPE.EVALUATE)
  public String getRecord(Context ctx, String id) {
    ChaincodeStub stub = ctx.getStub();
    byte[] value = stub.getState(stub.createCompositeKey(RECORD, id).toString());
    if (value == null || value.length == 0) {
      throw new ChaincodeException("RECORD_NOT_FOUND: no record '" + id + "' in this namespace");
    }
    return new String(value, StandardCharsets.UTF_8);
  }

  private static RegistryRecord write(Context ctx, CertificateRequest r) {
    ChaincodeStub stub = ctx.getStub();
    ClientIdentity caller = ctx.getClientIdentity();
    String msp = caller.getMSPID();
    String now = stub.getTxTimestamp().toString();
    RegistryRecord record =
        new RegistryRecord(
            r.id(),
            RecordKind.CERTIFICATE,
            r.documentType(),
            msp,
            r.documentHash(),
            r.subjectRef(),
            instant(r.validFrom()),
            instant(r.validUntil()),
            RecordStatus.ACTIVE,
            null,
            null,
            null,
            null,
            r.applicationId(),
            r.metadata(),
            r.detailsHash(),
            false,
            new Actor(
                msp, sha256Hex(caller.getId()), caller.getAttributeValue(CallerAttributes.ROLE)),
            stub.getTxId(),
            now);
    String id = record.id();
    stub.putState(stub.createCompositeKey(RECORD, id).toString(), CanonicalJson.toBytes(record));
    index(stub, BY_HASH, record.documentHash(), id);
    index(stub, BY_TYPE, record.documentType(), id);
    index(stub, BY_SUBJECT, record.subjectRef(), id);
    if (record.applicationId() != null) {
      index(stub, BY_APPLICATION, record.applicationId(), id);
    }
    if (record.privateDetailsHash() != null) {
      stub.putState(
          stub.createCompositeKey(DETAILS_COMMITMENT, id).toString(),
          CanonicalJson.toBytes(
              new DetailsCommitment(id, msp, record.privateDetailsHash(), false)));
    }
    return record;
  }

  private static void index(ChaincodeStub stub, String index, String value, String id) {
    stub.putState(stub.createCompositeKey(index, value, id).toString(), INDEX_VALUE);
  }

  private static RecordEvent.Entry anchored(RegistryRecord record) {
    return new RecordEvent.Entry(record.id(), RecordKind.CERTIFICATE.name(), "ANCHORED");
  }

  /** The one {@code registry} event, in the name of the namespace the proposal was sent to. */
  private static void emit(ChaincodeStub stub, List<RecordEvent.Entry> entries) {
    stub.setEvent(
        RecordEvent.NAME, CanonicalJson.toBytes(new RecordEvent(namespace(stub), entries)));
  }

  private static String namespace(ChaincodeStub stub) {
    try {
      Proposal proposal = Proposal.parseFrom(stub.getSignedProposal().getProposalBytes());
      ChaincodeProposalPayload payload = ChaincodeProposalPayload.parseFrom(proposal.getPayload());
      return ChaincodeInvocationSpec.parseFrom(payload.getInput())
          .getChaincodeSpec()
          .getChaincodeId()
          .getName();
    } catch (InvalidProtocolBufferException e) {
      throw new ChaincodeException("the proposal cannot be read", e);
    }
  }

  /** The registry stores instants in {@link Instant#toString()} form; anything else as given. */
  private static String instant(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value).toString();
    } catch (DateTimeParseException e) {
      return value;
    }
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
