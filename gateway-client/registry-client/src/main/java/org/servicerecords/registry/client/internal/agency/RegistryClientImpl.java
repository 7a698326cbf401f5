package org.servicerecords.registry.client.internal.agency;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.servicerecords.registry.client.AlreadyExistsException;
import org.servicerecords.registry.client.AnchorBatch;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.AnchorResult;
import org.servicerecords.registry.client.BatchListener;
import org.servicerecords.registry.client.BatchReport;
import org.servicerecords.registry.client.ContractException;
import org.servicerecords.registry.client.DocumentHash;
import org.servicerecords.registry.client.GovernanceSnapshot;
import org.servicerecords.registry.client.InvalidStateException;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RecordOutcome;
import org.servicerecords.registry.client.RecordOutcome.Status;
import org.servicerecords.registry.client.RegistryClient;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.identity.IdentityException;
import org.servicerecords.registry.client.internal.submit.ErrorMapper;
import org.servicerecords.registry.client.internal.submit.Ledger;
import org.servicerecords.registry.client.internal.submit.Submitter;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.ApplicationReceipt;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.BatchRequest;
import org.servicerecords.registry.model.BatchResult;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.ConsortiumMembers;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.RequestRules;

/**
 * The agency client over one connection. (About 530 lines: single and batched anchoring share the
 * checks, rights, co-endorsement and the comparison with the ledger; personal details are in {@link
 * DetailsStore}.)
 */
public final class RegistryClientImpl implements RegistryClient {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Ledger ledger;
  private final Submitter submitter;
  private final ExecutorService executor;
  private final String msp;
  private final DetailsStore details;
  private volatile String namespace;
  private volatile List<String> consortiumMembers;
  private volatile int batchMaximum;

  /** The signing certificate's rights, read once (the connection's credentials never change). */
  private volatile CallerRights callerRights;

  public RegistryClientImpl(Ledger ledger, Submitter submitter, ExecutorService executor) {
    this.ledger = ledger;
    this.submitter = submitter;
    this.executor = executor;
    this.msp = ledger.connector().credentials().mspId();
    this.details =
        new DetailsStore(submitter, DetailsSalt.of(ledger.connector().credentials().privateKey()));
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
    checkLocally(RequestChecks.anchor(request), request.certificate().id());
    checkRights(
        rights().problemAnchoring(request.certificate().documentType()),
        request.certificate().id());
    ledger.governance().checkMayIssue(msp, request.certificate().documentType(), Instant.now());
    String ns = namespace();
    DetailsStore.WithDetails prepared = details.withDetails(ns, request);
    CertificateRequest certificate = prepared.certificate();
    RegistryRecord record;
    boolean already = false;
    try {
      record =
          submitCoEndorsed(
              RegistryRecord.class, "AnchorCertificate", CanonicalJson.toJson(certificate));
    } catch (AlreadyExistsException e) {
      RegistryRecord stored = getRecord(certificate.id());
      if (!SameContent.certificate(certificate, stored, msp)) {
        throw e;
      }
      record = stored;
      already = true;
    }
    details.storeDetailsOf(ns, record, prepared.details());
    return new AnchorResult(record, already);
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
  public BatchReport anchorBatch(AnchorBatch batch) throws RegistryException {
    List<AnchorRequest> requests = batch.requests();
    boolean partial = batch.partial();
    BatchListener listener = batch.listener();
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
    String ns = namespace();
    for (AnchorRequest request : valid) {
      DetailsStore.WithDetails prepared = details.withDetails(ns, request);
      items.add(
          Batches.Item.of(
              new AnchorRequest(prepared.certificate(), request.personalDetails()),
              prepared.details()));
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
    Set<String> keepDetails = new HashSet<>();
    List<RecordOutcome> outcomes = anchorRecordsOf(chunk, keepDetails);
    return storeDetailsOf(chunk, outcomes, keepDetails);
  }

  /**
   * Anchors the chunk's records; {@code keepDetails} receives the ids of records found on the
   * ledger whose details must not be stored (purged since).
   */
  private List<RecordOutcome> anchorRecordsOf(List<Batches.Item> chunk, Set<String> keepDetails) {
    List<RecordOutcome> outcomes = new ArrayList<>();
    List<Batches.Item> pending = chunk;
    for (int round = 0; round < 3 && !pending.isEmpty(); round++) {
      List<CertificateRequest> records = new ArrayList<>();
      for (Batches.Item item : pending) {
        records.add(item.request().certificate());
      }
      try {
        BatchResult result =
            submitCoEndorsed(
                BatchResult.class, "AnchorBatch", CanonicalJson.toJson(new BatchRequest(records)));
        for (Batches.Item item : pending) {
          outcomes.add(new RecordOutcome(item.id(), Status.ANCHORED, result.txId(), null));
        }
        return outcomes;
      } catch (AlreadyExistsException e) {
        List<Batches.Item> missing = new ArrayList<>();
        for (Batches.Item item : pending) {
          RecordOutcome existing = compareWithLedger(item, keepDetails);
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
        RegistryException.at(Stage.ENDORSE, "records kept conflicting", null, null));
  }

  /**
   * Stores, in one owner-only transaction, the details of the chunk's records that are on the
   * ledger now; those whose details could not be stored become {@link Status#DETAILS_PENDING} (a
   * rerun stores them). Records in {@code keepDetails} are left out: their details were purged (the
   * contract would refuse them, and with them the whole transaction) or cannot be stored by this
   * identity.
   */
  private List<RecordOutcome> storeDetailsOf(
      List<Batches.Item> chunk, List<RecordOutcome> outcomes, Set<String> keepDetails) {
    Map<String, byte[]> detailsById = new LinkedHashMap<>();
    Map<String, RecordOutcome> byId = new LinkedHashMap<>();
    outcomes.forEach(o -> byId.put(o.id(), o));
    for (Batches.Item item : chunk) {
      RecordOutcome outcome = byId.get(item.id());
      if (item.details() != null
          && outcome != null
          && outcome.status().onLedger()
          && !keepDetails.contains(item.id())) {
        detailsById.put(item.id(), item.details());
      }
    }
    if (detailsById.isEmpty()) {
      return outcomes;
    }
    try {
      details.store(namespace(), detailsById);
      return outcomes;
    } catch (RegistryException e) {
      List<RecordOutcome> changed = new ArrayList<>(outcomes.size());
      for (RecordOutcome o : outcomes) {
        changed.add(
            detailsById.containsKey(o.id())
                ? new RecordOutcome(
                    o.id(),
                    Status.DETAILS_PENDING,
                    o.transactionId(),
                    "anchored; details not stored: " + e.getMessage())
                : o);
      }
      return changed;
    }
  }

  /**
   * The outcome of a record found on the ledger: {@code ALREADY_ANCHORED} when it is the request's
   * (its details then stored again, unless purged since), {@code DETAILS_PENDING} when it commits
   * to details this identity cannot store, {@code CONFLICT} when it is another record; {@code null}
   * when there is none.
   */
  private RecordOutcome compareWithLedger(Batches.Item item, Set<String> keepDetails) {
    CertificateRequest request = item.request().certificate();
    String id = request.id();
    try {
      RegistryRecord stored = getRecord(id);
      if (!SameContent.certificate(request, stored, msp)) {
        return new RecordOutcome(
            id, Status.CONFLICT, stored.txId(), "a different record with this id is on the ledger");
      }
      if (item.details() != null && stored.detailsPurged()) {
        keepDetails.add(id);
      } else if (item.details() != null) {
        String problem = DetailsStore.detailsProblem(request.detailsHash(), stored);
        if (problem != null) {
          keepDetails.add(id);
          return new RecordOutcome(
              id,
              Status.CONFLICT,
              stored.txId(),
              "anchored; its details cannot be stored: " + problem);
        }
      }
      return new RecordOutcome(id, Status.ALREADY_ANCHORED, stored.txId(), null);
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
    checkLocally(RequestChecks.words(RequestRules.application(request)), null);
    try {
      return submitCoEndorsed(
          ApplicationReceipt.class, "RecordApplication", CanonicalJson.toJson(request));
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
      return submitCoEndorsed(
          RegistryRecord.class, "RecordDecision", CanonicalJson.toJson(request));
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
    checkLocally(RequestChecks.words(RequestRules.revocation(id, reasonCode)), null);
    try {
      return submitCoEndorsed(RegistryRecord.class, "Revoke", id, reasonCode);
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
    checkLocally(RequestChecks.supersession(oldId, replacement), replacement.certificate().id());
    checkRights(
        rights().problemAnchoring(replacement.certificate().documentType()),
        replacement.certificate().id());
    ledger.governance().checkMayIssue(msp, replacement.certificate().documentType(), Instant.now());
    DetailsStore.WithDetails prepared = details.withDetails(namespace(), replacement);
    CertificateRequest certificate = prepared.certificate();
    RegistryRecord record;
    try {
      record =
          submitCoEndorsed(
              RegistryRecord.class, "Supersede", oldId, CanonicalJson.toJson(certificate));
    } catch (AlreadyExistsException | InvalidStateException e) {
      RegistryRecord stored;
      try {
        stored = getRecord(certificate.id());
      } catch (NotFoundException notFound) {
        throw e;
      }
      if (!SameContent.certificate(certificate, stored, msp)
          || !oldId.equals(stored.supersedes())) {
        throw e;
      }
      record = stored;
    }
    details.storeDetailsOf(namespace(), record, prepared.details());
    return record;
  }

  @Override
  public RegistryRecord purgeDetails(String id) throws RegistryException {
    checkLocally(RequestChecks.words(RequestRules.purge(id)), null);
    return submitCoEndorsed(RegistryRecord.class, "PurgeDetails", id);
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

  /**
   * Endorses a write on the agency's own organisation and one co-endorsing organisation ({@link
   * #coEndorsers()}) and submits it exactly once.
   */
  private <T> T submitCoEndorsed(Class<T> answer, String function, String... args)
      throws RegistryException {
    String ns = namespace();
    return submitter.submit(
        submitter.endorseWithCoEndorser(ns, function, coEndorsers(), args),
        answer,
        ns + " " + function);
  }

  /**
   * The organisations that may co-endorse this agency's writes, preferred first: the profile's
   * {@code attesters}, then every other member of the consortium (governance {@code GetMembers},
   * read once per client) by MSP id. The namespace's policy accepts any one of the other
   * application organisations, which are the consortium's members.
   */
  List<String> coEndorsers() throws RegistryException {
    List<String> members = consortiumMembers;
    if (members == null) {
      ConsortiumMembers read =
          ledger.evaluate(
              ConsortiumMembers.class,
              ledger.connector().profile().governanceChaincode(),
              "GetMembers");
      members = read.members() == null ? List.of() : List.copyOf(read.members());
      consortiumMembers = members;
    }
    List<String> ordered = new ArrayList<>();
    for (String other : ledger.connector().profile().attesters()) {
      if (!other.equals(msp) && members.contains(other) && !ordered.contains(other)) {
        ordered.add(other);
      }
    }
    for (String other : new java.util.TreeSet<>(members)) {
      if (!other.equals(msp) && !ordered.contains(other)) {
        ordered.add(other);
      }
    }
    return ordered;
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
