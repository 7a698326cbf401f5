package org.servicerecords.registry.chaincode;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The records contract, served in every agency's records namespace ({@code records-justice}, ...).
 * Transactions are called as {@code records:<Name>}; docs/contract.md describes each one. Every
 * argument and result is canonical JSON text.
 *
 * <p>It is the shim's {@code @Default} contract only so that every name the shim cannot route to a
 * contract (no prefix, several colons) reaches {@link #createContext}, which refuses it with {@code
 * INVALID_ARGUMENT} before anything runs; without a default the shim answers such names with an
 * uncoded error. No unprefixed name ever runs a records transaction.
 */
@Default
@Contract(
    name = "records",
    info =
        @Info(
            title = "Service records registry: records",
            description = "Certificates and decisions of one issuing agency",
            version = "0.1.0"))
public final class RecordsContract extends ServedContract {

  /** Creates the contract; the shim instantiates it once per process. */
  public RecordsContract() {
    super("records", ServedRole.RECORDS);
  }

  /**
   * Anchors one certificate. Co-endorsed by the owner's peer and a peer of another organisation, so
   * it takes no transient data; personal details are committed to by the request's {@code
   * detailsHash} and stored by {@link #storeDetails}.
   *
   * @param ctx the transaction context
   * @param requestJson a {@code CertificateRequest}
   * @return the stored {@code RegistryRecord}
   */
  @Transaction(name = "AnchorCertificate", intent = Transaction.TYPE.SUBMIT)
  public String anchorCertificate(Context ctx, String requestJson) {
    return Guard.run(
        "AnchorCertificate", () -> new RecordWrites(ctx).anchorCertificate(requestJson));
  }

  /**
   * Anchors up to {@link #BATCH_MAXIMUM} certificates, all or none.
   *
   * @param ctx the transaction context
   * @param batchJson a {@code BatchRequest}
   * @return a {@code BatchResult}
   */
  @Transaction(name = "AnchorBatch", intent = Transaction.TYPE.SUBMIT)
  public String anchorBatch(Context ctx, String batchJson) {
    return Guard.run("AnchorBatch", () -> new RecordWrites(ctx).anchorBatch(batchJson));
  }

  /**
   * Stores the personal details of records already anchored, in the issuing agency's implicit
   * private collection. Endorsed by the owner's peer alone: it writes nothing public, so it is
   * validated against the owner's own endorsement policy, and no other organisation sees the
   * details. Each record's details come as transient {@code details:<id>} and must hash to its
   * commitment.
   *
   * @param ctx the transaction context
   * @param requestJson a {@code DetailsRequest}
   * @return the same {@code DetailsRequest}, once stored
   */
  @Transaction(name = "StoreDetails", intent = Transaction.TYPE.SUBMIT)
  public String storeDetails(Context ctx, String requestJson) {
    return Guard.run("StoreDetails", () -> new DetailsWrites(ctx).storeDetails(requestJson));
  }

  /** Most records one {@code AnchorBatch} accepts. */
  public static final int BATCH_MAXIMUM = Requests.BATCH_MAXIMUM;

  /**
   * Records the receipt of a citizen's application.
   *
   * @param ctx the transaction context
   * @param requestJson an {@code ApplicationRequest}
   * @return the stored {@code ApplicationReceipt}
   */
  @Transaction(name = "RecordApplication", intent = Transaction.TYPE.SUBMIT)
  public String recordApplication(Context ctx, String requestJson) {
    return Guard.run(
        "RecordApplication", () -> new DecisionWrites(ctx).recordApplication(requestJson));
  }

  /**
   * Records the decision on an application as a {@code DECISION} record.
   *
   * @param ctx the transaction context
   * @param requestJson a {@code DecisionRequest}
   * @return the stored {@code RegistryRecord}
   */
  @Transaction(name = "RecordDecision", intent = Transaction.TYPE.SUBMIT)
  public String recordDecision(Context ctx, String requestJson) {
    return Guard.run("RecordDecision", () -> new DecisionWrites(ctx).recordDecision(requestJson));
  }

  /**
   * Revokes an active record of the caller's agency.
   *
   * @param ctx the transaction context
   * @param id the record id
   * @param reasonCode why, as a short code
   * @return the revoked {@code RegistryRecord}
   */
  @Transaction(name = "Revoke", intent = Transaction.TYPE.SUBMIT)
  public String revoke(Context ctx, String id, String reasonCode) {
    return Guard.run("Revoke", () -> new RecordWrites(ctx).revoke(id, reasonCode));
  }

  /**
   * Replaces an active certificate with a new one; both link to each other.
   *
   * @param ctx the transaction context
   * @param oldId the certificate replaced
   * @param newCertificateRequestJson a {@code CertificateRequest} for the new record
   * @return the new {@code RegistryRecord}
   */
  @Transaction(name = "Supersede", intent = Transaction.TYPE.SUBMIT)
  public String supersede(Context ctx, String oldId, String newCertificateRequestJson) {
    return Guard.run(
        "Supersede", () -> new RecordWrites(ctx).supersede(oldId, newCertificateRequestJson));
  }

  /**
   * Purges a record's private details, keeping their hash in the public record.
   *
   * @param ctx the transaction context
   * @param id the record id
   * @return the updated {@code RegistryRecord}
   */
  @Transaction(name = "PurgeDetails", intent = Transaction.TYPE.SUBMIT)
  public String purgeDetails(Context ctx, String id) {
    return Guard.run("PurgeDetails", () -> new DetailsWrites(ctx).purgeDetails(id));
  }

  /**
   * Reads a record.
   *
   * @param ctx the transaction context
   * @param id the record id
   * @return the {@code RegistryRecord}
   */
  @Transaction(name = "GetRecord", intent = Transaction.TYPE.EVALUATE)
  public String getRecord(Context ctx, String id) {
    return Guard.run("GetRecord", () -> new RecordReads(ctx).getRecord(id));
  }

  /**
   * Reads a record's private details (issuer or clerk of the issuing agency, on its own peer),
   * sealed for the caller: it takes the transient values {@code responseKey} (a one-time AES-256
   * key, exactly 32 bytes) and {@code responseNonce} (exactly 12 bytes) and no other transient key,
   * and never answers in plaintext, so that even a submitted call puts no personal data into the
   * blocks.
   *
   * @param ctx the transaction context
   * @param id the record id
   * @return base64 (standard, padded) of AES-256-GCM under the given key and nonce, with the
   *     authenticated data {@code "records:ReadDetails:" + id}, of the {@code PrivateDetails} JSON
   *     exactly as stored ({@code DetailsCipher} in the model opens it)
   */
  @Transaction(name = "ReadDetails", intent = Transaction.TYPE.EVALUATE)
  public String readDetails(Context ctx, String id) {
    return Guard.run("ReadDetails", () -> new RecordReads(ctx).readDetails(id));
  }

  /**
   * Reads an application receipt.
   *
   * @param ctx the transaction context
   * @param applicationId the application id
   * @return the {@code ApplicationReceipt}
   */
  @Transaction(name = "GetApplication", intent = Transaction.TYPE.EVALUATE)
  public String getApplication(Context ctx, String applicationId) {
    return Guard.run("GetApplication", () -> new RecordReads(ctx).getApplication(applicationId));
  }

  /**
   * Verifies a record at an instant.
   *
   * @param ctx the transaction context
   * @param id the record id
   * @param atInstant ISO-8601 instant, or empty for the transaction timestamp
   * @return a {@code Verification} ({@code UNKNOWN} when no such record exists)
   */
  @Transaction(name = "VerifyRecord", intent = Transaction.TYPE.EVALUATE)
  public String verifyRecord(Context ctx, String id, String atInstant) {
    return Guard.run("VerifyRecord", () -> new RecordReads(ctx).verifyRecord(id, atInstant));
  }

  /**
   * Verifies every record of this namespace anchoring a document hash.
   *
   * @param ctx the transaction context
   * @param documentHash SHA-256 of the document, lowercase hex
   * @param atInstant ISO-8601 instant, or empty for the transaction timestamp
   * @return a JSON array of {@code Verification}, one {@code UNKNOWN} entry when nothing matches
   */
  @Transaction(name = "VerifyHash", intent = Transaction.TYPE.EVALUATE)
  public String verifyHash(Context ctx, String documentHash, String atInstant) {
    return Guard.run("VerifyHash", () -> new RecordReads(ctx).verifyHash(documentHash, atInstant));
  }

  /**
   * A record's history, newest first as Fabric returns it.
   *
   * @param ctx the transaction context
   * @param id the record id
   * @return a JSON array of {@code RecordHistoryEntry}
   */
  @Transaction(name = "GetHistory", intent = Transaction.TYPE.EVALUATE)
  public String getHistory(Context ctx, String id) {
    return Guard.run("GetHistory", () -> new RecordReads(ctx).getHistory(id));
  }

  /**
   * Lists records of a document type.
   *
   * @param ctx the transaction context
   * @param documentType the document type
   * @param pageSize 1 to 500
   * @param bookmark empty for the first page, else the bookmark of the previous page
   * @return a {@code RecordPage}
   */
  @Transaction(name = "ListByType", intent = Transaction.TYPE.EVALUATE)
  public String listByType(Context ctx, String documentType, String pageSize, String bookmark) {
    return Guard.run(
        "ListByType", () -> new RecordReads(ctx).listByType(documentType, pageSize, bookmark));
  }

  /**
   * Lists records of a subject reference.
   *
   * @param ctx the transaction context
   * @param subjectRef the subject reference
   * @param pageSize 1 to 500
   * @param bookmark empty for the first page, else the bookmark of the previous page
   * @return a {@code RecordPage}
   */
  @Transaction(name = "ListBySubject", intent = Transaction.TYPE.EVALUATE)
  public String listBySubject(Context ctx, String subjectRef, String pageSize, String bookmark) {
    return Guard.run(
        "ListBySubject", () -> new RecordReads(ctx).listBySubject(subjectRef, pageSize, bookmark));
  }

  /**
   * Lists records (certificates and decisions) linked to an application.
   *
   * @param ctx the transaction context
   * @param applicationId the application id
   * @param pageSize 1 to 500
   * @param bookmark empty for the first page, else the bookmark of the previous page
   * @return a {@code RecordPage}
   */
  @Transaction(name = "ListByApplication", intent = Transaction.TYPE.EVALUATE)
  public String listByApplication(
      Context ctx, String applicationId, String pageSize, String bookmark) {
    return Guard.run(
        "ListByApplication",
        () -> new RecordReads(ctx).listByApplication(applicationId, pageSize, bookmark));
  }

  /**
   * The most records one {@code AnchorBatch} accepts.
   *
   * @param ctx the transaction context
   * @return the maximum as a JSON number
   */
  @Transaction(name = "GetBatchMaximum", intent = Transaction.TYPE.EVALUATE)
  public String getBatchMaximum(Context ctx) {
    return Guard.run(
        "GetBatchMaximum",
        () -> org.servicerecords.registry.model.CanonicalJson.toJson(BATCH_MAXIMUM));
  }
}
