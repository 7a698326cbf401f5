package org.servicerecords.registry.chaincode;

import static org.servicerecords.registry.chaincode.Fixtures.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.servicerecords.registry.chaincode.Operations.Anchor;
import org.servicerecords.registry.chaincode.Operations.Apply;
import org.servicerecords.registry.chaincode.Operations.Batch;
import org.servicerecords.registry.chaincode.Operations.Decide;
import org.servicerecords.registry.chaincode.Operations.Op;
import org.servicerecords.registry.chaincode.Operations.Purge;
import org.servicerecords.registry.chaincode.Operations.Register;
import org.servicerecords.registry.chaincode.Operations.Reinstate;
import org.servicerecords.registry.chaincode.Operations.Revoke;
import org.servicerecords.registry.chaincode.Operations.Sender;
import org.servicerecords.registry.chaincode.Operations.SetTypes;
import org.servicerecords.registry.chaincode.Operations.StoreDetails;
import org.servicerecords.registry.chaincode.Operations.Supersede;
import org.servicerecords.registry.chaincode.Operations.Suspend;
import org.servicerecords.registry.chaincode.Operations.Tx;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.TransientKeys;

/**
 * A deliberately simple model of the registry, written from docs/contract.md rather than from the
 * contract's code: agencies (namespace, document types, suspension, active period), the members'
 * approvals of governance changes (a change applies on a majority of the members), records (issuer,
 * kind, type, status, supersession links, the details commitment, whether the details are stored,
 * whether they were purged) and application receipts. {@link #step} predicts the outcome of a
 * transaction (its error code, or {@code null} for success) following the documented order of
 * checks (arguments, transient data, caller, the endorsing peer's clock for co-endorsed writes,
 * governance, state) and applies it when it succeeds.
 *
 * <p>Personal details: an anchoring commits to them by their hash and stores nothing private; a
 * {@code StoreDetails} by the issuing agency's issuer through its own peer stores them when they
 * hash to the commitment; a purge deletes them and marks the commitment purged for good.
 */
final class RegistryModel {

  /**
   * A governance entry; its active period runs from {@code activeFrom} to before {@code
   * activeUntil}.
   */
  record Agency(
      String msp,
      String namespace,
      Set<String> types,
      boolean suspended,
      Instant activeFrom,
      Instant activeUntil) {

    boolean activeAt(Instant at) {
      return !at.isBefore(activeFrom) && (activeUntil == null || at.isBefore(activeUntil));
    }

    Agency withTypes(Set<String> newTypes) {
      return new Agency(msp, namespace, newTypes, suspended, activeFrom, activeUntil);
    }

    Agency withSuspended(boolean newSuspended) {
      return new Agency(msp, namespace, types, newSuspended, activeFrom, activeUntil);
    }
  }

  /** A record as the model sees it. */
  record Rec(
      String id,
      String issuer,
      RecordKind kind,
      String type,
      String hash,
      String subject,
      String applicationId,
      RecordStatus status,
      String supersedes,
      String supersededBy,
      String detailsHash,
      boolean detailsStored,
      boolean purged,
      DecisionOutcome outcome) {

    Rec withStatus(RecordStatus newStatus, String successor) {
      return new Rec(
          id,
          issuer,
          kind,
          type,
          hash,
          subject,
          applicationId,
          newStatus,
          supersedes,
          successor,
          detailsHash,
          detailsStored,
          purged,
          outcome);
    }

    Rec storedNow() {
      return new Rec(
          id,
          issuer,
          kind,
          type,
          hash,
          subject,
          applicationId,
          status,
          supersedes,
          supersededBy,
          detailsHash,
          true,
          purged,
          outcome);
    }

    /** Purged: the details are gone and can never be stored again. */
    Rec purgedNow() {
      return new Rec(
          id,
          issuer,
          kind,
          type,
          hash,
          subject,
          applicationId,
          status,
          supersedes,
          supersededBy,
          detailsHash,
          false,
          true,
          outcome);
    }

    /** Whether the issuer's implicit collection holds the details: stored and not purged since. */
    boolean detailsHeld() {
      return detailsStored && !purged;
    }
  }

  final Map<String, Agency> agencies = new TreeMap<>();
  final Map<String, Map<String, Rec>> records = new TreeMap<>();

  /** The consortium's members (as {@link Fixtures#consortium()} initialises them). */
  static final List<String> MEMBERS = Fixtures.MEMBERS;

  /** Approvals a change needs: a majority of the members. */
  static final int REQUIRED = MEMBERS.size() / 2 + 1;

  /**
   * Approving organisations per pending or applied change: the change's description and the version
   * of the agency's entry it was approved on ({@code -} for a registration).
   */
  final Map<String, Set<String>> approvals = new TreeMap<>();

  /** Every approval stored: the change's description and {@code by <msp>}, in order. */
  final List<String> approvalRecords = new ArrayList<>();

  /** Applied changes per agency: the version of its entry that approvals name. */
  final Map<String, Integer> versions = new TreeMap<>();

  /** Application id to the id of its latest decision ({@code null} while undecided). */
  final Map<String, Map<String, String>> applications = new TreeMap<>();

  /** The model of {@link Fixtures#consortium()}. */
  static RegistryModel consortium() {
    RegistryModel model = new RegistryModel();
    Instant from = Instant.parse("2024-01-01T00:00:00Z");
    model.agencies.put(
        JUSTICE,
        new Agency(JUSTICE, JUSTICE_NS, Set.of(BIRTH, MARRIAGE, DECISION), false, from, null));
    model.agencies.put(
        SERVICES, new Agency(SERVICES, SERVICES_NS, Set.of(LICENCE, DECISION), false, from, null));
    for (Agency agency : model.agencies.values()) {
      for (String approver : List.of(JUSTICE, SERVICES)) {
        model.approvalRecords.add(
            describeRegistration(
                    agency.msp(), agency.namespace(), agency.types(), from.toString(), null)
                + " by "
                + approver);
      }
    }
    return model;
  }

  Map<String, Rec> records(String namespace) {
    return records.computeIfAbsent(namespace, n -> new TreeMap<>());
  }

  Map<String, String> applications(String namespace) {
    return applications.computeIfAbsent(namespace, n -> new TreeMap<>());
  }

  /** The timestamp of the transaction being stepped. */
  private Instant txTime;

  /** Whether the endorsing peer's clock lies beyond the tolerance of the stepped transaction. */
  private boolean outOfTolerance;

  /**
   * Predicts the transaction's outcome and, when it succeeds, applies it.
   *
   * @param tx the transaction
   * @param at its timestamp
   */
  ErrorCode step(Tx tx, Instant at) {
    txTime = at;
    outOfTolerance = tx.outOfTolerance();
    return tx.governance()
        ? governance(tx.sender(), tx.op())
        : records(tx.sender(), tx.chaincode(), tx.op());
  }

  /**
   * A governance change: refused unless the sender is an admin of a member, then by the agency's
   * state, then when the sender's organisation already approved this change of this version of the
   * entry; otherwise approved, and applied once a majority approved it.
   */
  private ErrorCode governance(Sender sender, Op op) {
    if (!"admin".equals(sender.role()) || !MEMBERS.contains(sender.msp())) {
      return ErrorCode.NOT_AUTHORIZED;
    }
    String change;
    String msp;
    Agency agency;
    if (op instanceof Register register) {
      AgencyRequest request = register.request();
      msp = request.msp();
      if (agencies.containsKey(msp) || agencyOf(request.namespace()) != null) {
        return ErrorCode.ALREADY_EXISTS;
      }
      agency = null;
      change =
          describeRegistration(
              msp,
              request.namespace(),
              Set.copyOf(request.documentTypes()),
              request.activeFrom(),
              request.activeUntil());
    } else {
      msp =
          op instanceof SetTypes s
              ? s.msp()
              : op instanceof Suspend s ? s.msp() : ((Reinstate) op).msp();
      agency = agencies.get(msp);
      if (agency == null) {
        return ErrorCode.AGENCY_NOT_FOUND;
      }
      if (op instanceof SetTypes s) {
        change = "SetDocumentTypes " + msp + " " + new TreeSet<>(s.types());
      } else {
        boolean suspend = op instanceof Suspend;
        if (agency.suspended() == suspend) {
          return ErrorCode.INVALID_STATE;
        }
        change = suspend ? "SuspendAgency " + msp + " AUDIT_FINDING" : "ReinstateAgency " + msp;
      }
    }
    String version = agency == null ? "-" : String.valueOf(versions.getOrDefault(msp, 0));
    Set<String> approvers =
        approvals.computeIfAbsent(change + " @" + version, k -> new TreeSet<>());
    if (!approvers.add(sender.msp())) {
      return ErrorCode.ALREADY_EXISTS;
    }
    approvalRecords.add(change + " by " + sender.msp());
    if (approvers.size() < REQUIRED) {
      return null;
    }
    versions.merge(msp, 1, Integer::sum);
    if (op instanceof Register register) {
      AgencyRequest request = register.request();
      agencies.put(
          msp,
          new Agency(
              msp,
              request.namespace(),
              Set.copyOf(request.documentTypes()),
              false,
              Instant.parse(request.activeFrom()),
              request.activeUntil() == null ? null : Instant.parse(request.activeUntil())));
    } else if (op instanceof SetTypes s) {
      agencies.put(msp, agency.withTypes(Set.copyOf(s.types())));
    } else {
      agencies.put(msp, agency.withSuspended(op instanceof Suspend));
    }
    return null;
  }

  /** How a registration is described in {@link #approvalRecords}. */
  static String describeRegistration(
      String msp, String namespace, Set<String> types, String activeFrom, String activeUntil) {
    return "RegisterAgency "
        + msp
        + " "
        + namespace
        + " "
        + new TreeSet<>(types)
        + " "
        + Instant.parse(activeFrom)
        + ".."
        + (activeUntil == null ? "" : Instant.parse(activeUntil));
  }

  private ErrorCode records(Sender sender, String namespace, Op op) {
    Map<String, Rec> recs = records(namespace);
    String msp = sender.msp();
    if (op instanceof Anchor anchor) {
      CertificateRequest r = Operations.committing(anchor.request(), anchor.detailsName());
      if (anchor.strayDetails()) {
        return ErrorCode.TRANSIENT_DATA_INVALID;
      }
      ErrorCode refused =
          firstOf(
              issuer(sender, r.documentType()),
              tolerance(),
              issuing(namespace, msp, Set.of(r.documentType())));
      if (refused == null && recs.containsKey(r.id())) {
        refused = ErrorCode.ALREADY_EXISTS;
      }
      if (refused == null) {
        recs.put(r.id(), certificate(msp, r, null));
      }
      return refused;
    }
    if (op instanceof Batch batch) {
      if (batch.strayDetails()) {
        return ErrorCode.TRANSIENT_DATA_INVALID;
      }
      List<CertificateRequest> requests = batch.committedRequests();
      Set<String> types = new TreeSet<>();
      requests.forEach(r -> types.add(r.documentType()));
      ErrorCode refused = issuer(sender, null);
      for (String type : types) {
        refused = firstOf(refused, issuer(sender, type));
      }
      refused = firstOf(refused, tolerance(), issuing(namespace, msp, types));
      if (refused == null && requests.stream().anyMatch(r -> recs.containsKey(r.id()))) {
        refused = ErrorCode.ALREADY_EXISTS;
      }
      if (refused == null) {
        for (CertificateRequest r : requests) {
          recs.put(r.id(), certificate(msp, r, null));
        }
      }
      return refused;
    }
    if (op instanceof StoreDetails store) {
      return storeDetails(sender, recs, store);
    }
    if (op instanceof Revoke revoke) {
      ErrorCode refused = firstOf(issuer(sender, null), tolerance(), owner(namespace, msp));
      Rec rec = recs.get(revoke.id());
      if (refused == null) {
        refused = owned(rec, msp);
      }
      if (refused == null && !sender.doctypes().contains(rec.type())) {
        refused = ErrorCode.NOT_AUTHORIZED;
      }
      if (refused == null && rec.status() != RecordStatus.ACTIVE) {
        refused = ErrorCode.INVALID_STATE;
      }
      if (refused == null) {
        recs.put(rec.id(), rec.withStatus(RecordStatus.REVOKED, null));
      }
      return refused;
    }
    if (op instanceof Supersede supersede) {
      CertificateRequest r =
          Operations.committing(supersede.replacement(), supersede.detailsName());
      if (r.id().equals(supersede.oldId())) {
        return ErrorCode.INVALID_ARGUMENT;
      }
      if (supersede.strayDetails()) {
        return ErrorCode.TRANSIENT_DATA_INVALID;
      }
      ErrorCode refused =
          firstOf(
              issuer(sender, r.documentType()),
              tolerance(),
              issuing(namespace, msp, Set.of(r.documentType())));
      Rec old = recs.get(supersede.oldId());
      if (refused == null) {
        refused = owned(old, msp);
      }
      if (refused == null && !sender.doctypes().contains(old.type())) {
        refused = ErrorCode.NOT_AUTHORIZED;
      }
      if (refused == null
          && (old.kind() != RecordKind.CERTIFICATE || old.status() != RecordStatus.ACTIVE)) {
        refused = ErrorCode.INVALID_STATE;
      }
      if (refused == null && recs.containsKey(r.id())) {
        refused = ErrorCode.ALREADY_EXISTS;
      }
      if (refused == null) {
        recs.put(old.id(), old.withStatus(RecordStatus.SUPERSEDED, r.id()));
        recs.put(r.id(), certificate(msp, r, old.id()));
      }
      return refused;
    }
    if (op instanceof Purge purge) {
      ErrorCode refused = firstOf(issuer(sender, null), tolerance(), owner(namespace, msp));
      Rec rec = recs.get(purge.id());
      if (refused == null) {
        refused = owned(rec, msp);
      }
      if (refused == null && (rec.detailsHash() == null || rec.purged())) {
        refused = ErrorCode.INVALID_STATE;
      }
      if (refused == null) {
        recs.put(rec.id(), rec.purgedNow());
      }
      return refused;
    }
    if (op instanceof Apply apply) {
      ErrorCode refused =
          firstOf(issuerOrClerk(sender, null), tolerance(), issuing(namespace, msp, Set.of()));
      if (refused == null && applications(namespace).containsKey(apply.applicationId())) {
        refused = ErrorCode.ALREADY_EXISTS;
      }
      if (refused == null) {
        applications(namespace).put(apply.applicationId(), null);
      }
      return refused;
    }
    if (op instanceof Decide decide) {
      var r = decide.request();
      if (r.resultRecordIds() != null && r.resultRecordIds().contains(r.id())) {
        return ErrorCode.INVALID_ARGUMENT;
      }
      ErrorCode refused =
          firstOf(
              issuerOrClerk(sender, r.documentType()),
              tolerance(),
              issuing(namespace, msp, Set.of(r.documentType())));
      Map<String, String> apps = applications(namespace);
      if (refused == null && !apps.containsKey(r.applicationId())) {
        refused = ErrorCode.APPLICATION_NOT_FOUND;
      }
      // A rerun of a recorded decision is ALREADY_EXISTS, checked before "already decided".
      if (refused == null && recs.containsKey(r.id())) {
        refused = ErrorCode.ALREADY_EXISTS;
      }
      if (refused == null && apps.get(r.applicationId()) != null) {
        Rec previous = recs.get(apps.get(r.applicationId()));
        if (previous.outcome() != DecisionOutcome.RETURNED) {
          refused = ErrorCode.INVALID_STATE;
        }
      }
      List<String> results = r.resultRecordIds() == null ? List.of() : r.resultRecordIds();
      if (refused == null && !results.stream().allMatch(recs::containsKey)) {
        refused = ErrorCode.RECORD_NOT_FOUND;
      }
      if (refused == null) {
        recs.put(
            r.id(),
            new Rec(
                r.id(),
                msp,
                RecordKind.DECISION,
                r.documentType(),
                r.documentHash(),
                r.subjectRef(),
                r.applicationId(),
                RecordStatus.ACTIVE,
                null,
                null,
                null,
                false,
                false,
                r.outcome()));
        apps.put(r.applicationId(), r.id());
      }
      return refused;
    }
    throw new IllegalArgumentException("not modelled: " + op);
  }

  /**
   * StoreDetails: the transient data holds exactly {@code details:<id>} for every id; the caller is
   * an issuer on its own organisation's peer (no document type, no governance, no time check); then
   * per id in order, the record has a commitment, issued by the caller's agency, not purged, and
   * the details sent hash to it. Then every id's details are held.
   */
  private static ErrorCode storeDetails(Sender sender, Map<String, Rec> recs, StoreDetails store) {
    Map<String, String> sent = new TreeMap<>();
    store.transientEntries().forEach(e -> sent.put(e.getKey(), e.getValue()));
    Set<String> expectedKeys = new TreeSet<>();
    store.ids().forEach(id -> expectedKeys.add(TransientKeys.batchDetails(id)));
    if (!expectedKeys.equals(sent.keySet())) {
      return ErrorCode.TRANSIENT_DATA_INVALID;
    }
    boolean ownIssuer = "issuer".equals(sender.role()) && sender.ownPeer();
    if (!ownIssuer) {
      return ErrorCode.NOT_AUTHORIZED;
    }
    for (String id : store.ids()) {
      Rec rec = recs.get(id);
      if (rec == null || rec.detailsHash() == null) {
        return ErrorCode.RECORD_NOT_FOUND;
      }
      if (!rec.issuer().equals(sender.msp())) {
        return ErrorCode.NOT_AUTHORIZED;
      }
      if (rec.purged()) {
        return ErrorCode.INVALID_STATE;
      }
      byte[] details = sent.get(TransientKeys.batchDetails(id)).getBytes(StandardCharsets.UTF_8);
      if (!Digests.sha256Hex(details).equals(rec.detailsHash())) {
        return ErrorCode.TRANSIENT_DATA_INVALID;
      }
    }
    for (String id : store.ids()) {
      recs.put(id, recs.get(id).storedNow());
    }
    return null;
  }

  /** A new certificate, committed to the request's details hash (if any), none stored yet. */
  private static Rec certificate(String msp, CertificateRequest r, String supersedes) {
    return new Rec(
        r.id(),
        msp,
        RecordKind.CERTIFICATE,
        r.documentType(),
        r.documentHash(),
        r.subjectRef(),
        r.applicationId(),
        RecordStatus.ACTIVE,
        supersedes,
        null,
        r.detailsHash(),
        false,
        false,
        null);
  }

  /**
   * Role issuer with the type (if any) in its certificate, through any organisation's peer: a
   * co-endorsed write runs on the owner's and on a co-endorser's.
   */
  private static ErrorCode issuer(Sender sender, String type) {
    boolean ok =
        "issuer".equals(sender.role()) && (type == null || sender.doctypes().contains(type));
    return ok ? null : ErrorCode.NOT_AUTHORIZED;
  }

  private static ErrorCode issuerOrClerk(Sender sender, String type) {
    boolean ok =
        ("issuer".equals(sender.role()) || "clerk".equals(sender.role()))
            && (type == null || sender.doctypes().contains(type));
    return ok ? null : ErrorCode.NOT_AUTHORIZED;
  }

  /** A co-endorsed write is refused when the endorsing peer's clock lies beyond the tolerance. */
  private ErrorCode tolerance() {
    return outOfTolerance ? ErrorCode.TIMESTAMP_OUT_OF_TOLERANCE : null;
  }

  private Agency agencyOf(String namespace) {
    return agencies.values().stream()
        .filter(a -> a.namespace().equals(namespace))
        .findFirst()
        .orElse(null);
  }

  /** Governance names the caller as the namespace's agency. */
  private ErrorCode owner(String namespace, String msp) {
    Agency agency = agencyOf(namespace);
    if (agency == null) {
      return ErrorCode.AGENCY_NOT_FOUND;
    }
    return agency.msp().equals(msp) ? null : ErrorCode.NOT_AUTHORIZED;
  }

  /**
   * As {@link #owner}, and the agency is not suspended, is within its active period at the
   * transaction time (a suspended agency outside it is refused as suspended) and lists every type.
   */
  private ErrorCode issuing(String namespace, String msp, Set<String> types) {
    ErrorCode refused = owner(namespace, msp);
    if (refused != null) {
      return refused;
    }
    Agency agency = agencyOf(namespace);
    if (agency.suspended()) {
      return ErrorCode.AGENCY_SUSPENDED;
    }
    if (!agency.activeAt(txTime)) {
      return ErrorCode.AGENCY_INACTIVE;
    }
    return agency.types().containsAll(types) ? null : ErrorCode.ISSUER_NOT_AUTHORIZED;
  }

  private static ErrorCode owned(Rec rec, String msp) {
    if (rec == null) {
      return ErrorCode.RECORD_NOT_FOUND;
    }
    return rec.issuer().equals(msp) ? null : ErrorCode.NOT_AUTHORIZED;
  }

  /** The first refusal, in the order of the checks; {@code null} when there is none. */
  private static ErrorCode firstOf(ErrorCode... refusals) {
    for (ErrorCode refusal : refusals) {
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }
}
