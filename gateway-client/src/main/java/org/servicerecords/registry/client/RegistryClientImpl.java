package org.servicerecords.registry.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.servicerecords.registry.client.RecordOutcome.Status;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.identity.IdentityException;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.ApplicationReceipt;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.BatchRequest;
import org.servicerecords.registry.model.BatchResult;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.TransientKeys;

/** The agency client over one connection. */
final class RegistryClientImpl implements RegistryClient {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Ledger ledger;
  private final Submitter submitter;
  private final ExecutorService executor;
  private final String msp;
  private volatile String namespace;
  private volatile int batchMaximum;

  /** The signing certificate's rights, read once (the connection's credentials never change). */
  private volatile CallerRights callerRights;

  RegistryClientImpl(Ledger ledger, Submitter submitter, ExecutorService executor) {
    this.ledger = ledger;
    this.submitter = submitter;
    this.executor = executor;
    this.msp = ledger.connector().credentials().mspId();
    this.namespace = ledger.connector().profile().recordsChaincode();
  }

  @Override
  public String namespace() throws RegistryException {
    String ns = namespace;
    if (ns == null) {
      AgencyEntry agency = ledger.governance().agency(msp);
      if (agency == null || agency.namespace() == null) {
        throw ErrorMapper.forCode(
            ErrorCode.AGENCY_NOT_FOUND,
            "'" + msp + "' has no records namespace in governance",
            Stage.LOCAL,
            null,
            null);
      }
      ns = agency.namespace();
      namespace = ns;
    }
    return ns;
  }

  @Override
  public GovernanceSnapshot governance() throws RegistryException {
    return ledger.governance();
  }

  @Override
  public AnchorResult anchorCertificate(AnchorRequest request) throws RegistryException {
    CertificateRequest certificate = request.certificate();
    checkLocally(RequestChecks.anchor(request), certificate.id());
    checkRights(rights().problemAnchoring(certificate.documentType()), certificate.id());
    ledger.governance().checkMayIssue(msp, certificate.documentType(), Instant.now());
    Map<String, byte[]> transientData = new LinkedHashMap<>();
    if (!request.personalDetails().isEmpty()) {
      transientData.put(TransientKeys.DETAILS, details(request));
    }
    try {
      return new AnchorResult(
          submit(
              RegistryRecord.class,
              "AnchorCertificate",
              transientData,
              CanonicalJson.toJson(certificate)),
          false);
    } catch (AlreadyExistsException e) {
      RegistryRecord stored = getRecord(certificate.id());
      if (SameContent.certificate(certificate, stored, msp)) {
        return new AnchorResult(stored, true);
      }
      throw e;
    }
  }

  @Override
  public AnchorResult anchorDocument(Path document, AnchorRequest request)
      throws IOException, RegistryException {
    return anchorCertificate(request.withDocumentHash(DocumentHash.ofFile(document)));
  }

  @Override
  public CompletableFuture<AnchorResult> anchorCertificateAsync(AnchorRequest request) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return anchorCertificate(request);
          } catch (RegistryException e) {
            throw new CompletionException(e);
          }
        },
        executor);
  }

  @Override
  public BatchReport anchorBatch(
      List<AnchorRequest> requests, boolean partial, BatchListener listener)
      throws RegistryException {
    int total = requests.size();
    BatchCheck check =
        BatchCheck.of(requests, partial, rights(), ledger.governance(), msp, Instant.now());
    List<String> order = check.order();
    Map<String, RecordOutcome> outcomes = new LinkedHashMap<>(check.outcomes());
    List<AnchorRequest> valid = check.toSubmit();
    if (valid.isEmpty()) {
      listener.progress(total, total);
      return report(order, outcomes);
    }
    AtomicInteger settled = new AtomicInteger(outcomes.size());
    listener.progress(settled.get(), total);
    List<Batches.Item> items = new ArrayList<>(valid.size());
    for (AnchorRequest request : valid) {
      items.add(
          Batches.Item.of(request, request.personalDetails().isEmpty() ? null : details(request)));
    }
    Map<String, RecordOutcome> settledOutcomes = new ConcurrentHashMap<>();
    Batches.run(
        Batches.forTransactions(items, batchMaximum()),
        executor,
        ledger.connector().profile().batchConcurrency(),
        this::anchorChunk,
        settledOutcomes,
        settled,
        total,
        listener);
    outcomes.putAll(settledOutcomes);
    return report(order, outcomes);
  }

  private static BatchReport report(List<String> order, Map<String, RecordOutcome> outcomes) {
    List<RecordOutcome> list = new ArrayList<>(order.size());
    for (String key : order) {
      list.add(outcomes.get(key));
    }
    return new BatchReport(list);
  }

  /**
   * Anchors one transaction's worth of records. When the contract refuses the whole transaction
   * because some records exist already, those are compared with the ledger and the rest are
   * submitted again: a rerun of a batch anchors exactly the missing records.
   */
  private List<RecordOutcome> anchorChunk(List<Batches.Item> chunk) {
    List<RecordOutcome> outcomes = new ArrayList<>();
    List<Batches.Item> pending = chunk;
    for (int round = 0; round < 3 && !pending.isEmpty(); round++) {
      List<CertificateRequest> records = new ArrayList<>();
      Map<String, byte[]> transientData = new LinkedHashMap<>();
      for (Batches.Item item : pending) {
        records.add(item.request().certificate());
        if (item.details() != null) {
          transientData.put(TransientKeys.batchDetails(item.id()), item.details().clone());
        }
      }
      try {
        BatchResult result =
            submit(
                BatchResult.class,
                "AnchorBatch",
                transientData,
                CanonicalJson.toJson(new BatchRequest(records)));
        for (Batches.Item item : pending) {
          outcomes.add(new RecordOutcome(item.id(), Status.ANCHORED, result.txId(), null));
        }
        return outcomes;
      } catch (AlreadyExistsException e) {
        List<Batches.Item> missing = new ArrayList<>();
        for (Batches.Item item : pending) {
          RecordOutcome existing = compareWithLedger(item.request());
          if (existing == null) {
            missing.add(item);
          } else {
            outcomes.add(existing);
          }
        }
        if (missing.size() == pending.size()) {
          return failAll(outcomes, pending, e);
        }
        pending = missing;
      } catch (RegistryException e) {
        return failAll(outcomes, pending, e);
      }
    }
    return failAll(
        outcomes,
        pending,
        new RegistryException("records kept conflicting", null, Stage.ENDORSE, null, null, null));
  }

  private RecordOutcome compareWithLedger(AnchorRequest request) {
    String id = request.certificate().id();
    try {
      RegistryRecord stored = getRecord(id);
      if (SameContent.certificate(request.certificate(), stored, msp)) {
        return new RecordOutcome(id, Status.ALREADY_ANCHORED, stored.txId(), null);
      }
      return new RecordOutcome(
          id, Status.CONFLICT, stored.txId(), "a different record with this id is on the ledger");
    } catch (NotFoundException e) {
      return null;
    } catch (RegistryException e) {
      return new RecordOutcome(id, Status.FAILED, null, e.getMessage());
    }
  }

  private static List<RecordOutcome> failAll(
      List<RecordOutcome> outcomes, List<Batches.Item> pending, RegistryException e) {
    Status status =
        e instanceof NetworkException network && network.outcomeUnknown()
            ? Status.OUTCOME_UNKNOWN
            : Status.FAILED;
    for (Batches.Item item : pending) {
      outcomes.add(new RecordOutcome(item.id(), status, e.transactionId(), e.getMessage()));
    }
    return outcomes;
  }

  int batchMaximum() throws RegistryException {
    int maximum = batchMaximum;
    if (maximum == 0) {
      Long value = ledger.evaluate(Long.class, namespace(), "GetBatchMaximum");
      maximum = (int) Math.max(1, Math.min(value, 10_000));
      batchMaximum = maximum;
    }
    return maximum;
  }

  @Override
  public ApplicationReceipt recordApplication(ApplicationRequest request) throws RegistryException {
    try {
      return submit(
          ApplicationReceipt.class, "RecordApplication", Map.of(), CanonicalJson.toJson(request));
    } catch (AlreadyExistsException e) {
      ApplicationReceipt stored =
          ledger.evaluate(
              ApplicationReceipt.class, namespace(), "GetApplication", request.applicationId());
      if (SameContent.application(request, stored)) {
        return stored;
      }
      throw e;
    }
  }

  @Override
  public RegistryRecord recordDecision(DecisionRequest request) throws RegistryException {
    checkLocally(RequestChecks.decision(request), request.id());
    ledger.governance().checkMayIssue(msp, request.documentType(), Instant.now());
    try {
      return submit(
          RegistryRecord.class, "RecordDecision", Map.of(), CanonicalJson.toJson(request));
    } catch (AlreadyExistsException e) {
      RegistryRecord stored = getRecord(request.id());
      if (SameContent.decision(request, stored, msp)) {
        return stored;
      }
      throw e;
    }
  }

  @Override
  public RegistryRecord revoke(String id, String reasonCode) throws RegistryException {
    try {
      return submit(RegistryRecord.class, "Revoke", Map.of(), id, reasonCode);
    } catch (InvalidStateException e) {
      RegistryRecord stored = getRecord(id);
      if (stored.status() == RecordStatus.REVOKED
          && stored.revocation() != null
          && reasonCode.equals(stored.revocation().reasonCode())
          && msp.equals(stored.issuerMsp())) {
        return stored;
      }
      throw e;
    }
  }

  @Override
  public RegistryRecord supersede(String oldId, AnchorRequest replacement)
      throws RegistryException {
    CertificateRequest certificate = replacement.certificate();
    checkLocally(RequestChecks.anchor(replacement), certificate.id());
    checkRights(rights().problemAnchoring(certificate.documentType()), certificate.id());
    ledger.governance().checkMayIssue(msp, certificate.documentType(), Instant.now());
    Map<String, byte[]> transientData = new LinkedHashMap<>();
    if (!replacement.personalDetails().isEmpty()) {
      transientData.put(TransientKeys.DETAILS, details(replacement));
    }
    try {
      return submit(
          RegistryRecord.class,
          "Supersede",
          transientData,
          oldId,
          CanonicalJson.toJson(certificate));
    } catch (AlreadyExistsException | InvalidStateException e) {
      RegistryRecord stored;
      try {
        stored = getRecord(certificate.id());
      } catch (NotFoundException notFound) {
        throw e;
      }
      if (SameContent.certificate(certificate, stored, msp) && oldId.equals(stored.supersedes())) {
        return stored;
      }
      throw e;
    }
  }

  @Override
  public RegistryRecord purgeDetails(String id) throws RegistryException {
    return submit(RegistryRecord.class, "PurgeDetails", Map.of(), id);
  }

  @Override
  public RegistryRecord getRecord(String id) throws RegistryException {
    return ledger.evaluate(RegistryRecord.class, namespace(), "GetRecord", id);
  }

  @Override
  public PrivateDetails readDetails(String id) throws RegistryException {
    // Evaluated only, on the own organisation's peers, and answered sealed under a key drawn for
    // this call alone: even a submitted ReadDetails would put only ciphertext into the block.
    String ns = namespace();
    try (DetailsReadKey key = DetailsReadKey.draw(RANDOM)) {
      byte[] answer = ledger.evaluateInOwnOrganization(ns, "ReadDetails", key.transientData(), id);
      return key.open(answer, id, ns + " ReadDetails");
    }
  }

  /** Endorses on the agency's own organisation and submits exactly once. */
  private <T> T submit(
      Class<T> answer, String function, Map<String, byte[]> transientData, String... args)
      throws RegistryException {
    String ns = namespace();
    return submitter.submit(
        submitter.endorse(ns, function, transientData, args), answer, ns + " " + function);
  }

  /** Personal details as transient bytes, with a fresh 256-bit salt. */
  static byte[] details(AnchorRequest request) {
    return CanonicalJson.toJson(new PrivateDetails(newSalt(), request.personalDetails()))
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A salt of 32 random bytes from a secure source, as 64 lowercase hex digits.
   *
   * @return the salt
   */
  static String newSalt() {
    byte[] salt = new byte[32];
    RANDOM.nextBytes(salt);
    return HexFormat.of().formatHex(salt);
  }

  /** The signing identity's rights, read from its certificate's Fabric CA attributes. */
  private CallerRights rights() throws ContractException {
    CallerRights known = callerRights;
    if (known != null) {
      return known;
    }
    try {
      known = CallerRights.of(ledger.connector().credentials().certificate());
      callerRights = known;
      return known;
    } catch (IdentityException e) {
      throw ErrorMapper.forCode(ErrorCode.NOT_AUTHORIZED, e.getMessage(), Stage.LOCAL, null, null);
    }
  }

  private static void checkRights(String problem, String id) throws ContractException {
    if (problem != null) {
      throw ErrorMapper.forCode(
          ErrorCode.NOT_AUTHORIZED, "record '" + id + "': " + problem, Stage.LOCAL, null, null);
    }
  }

  private static void checkLocally(List<String> problems, String id) throws ContractException {
    if (!problems.isEmpty()) {
      throw ErrorMapper.forCode(
          ErrorCode.INVALID_ARGUMENT,
          (id == null ? "" : "record '" + id + "': ") + String.join("; ", problems),
          Stage.LOCAL,
          null,
          null);
    }
  }
}
