package org.servicerecords.registry.chaincode;

import static org.servicerecords.registry.chaincode.Fixtures.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.BatchRequest;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.DetailsCipher;
import org.servicerecords.registry.model.DetailsRequest;
import org.servicerecords.registry.model.RecordRef;
import org.servicerecords.registry.model.TransientKeys;
import org.servicerecords.registry.testing.Network;

/**
 * Generated transactions for the property tests. Ids, hashes, applications and users come from
 * small pools so that random sequences collide (duplicate ids), refer to earlier records (revoke,
 * supersede, decide), cross agencies (a ServicesMSP issuer revoking a JusticeMSP record) and
 * interleave with governance changes (suspension, document types, a third agency's registration),
 * each approved by one member's admin and often by a second one, which applies it. Every generated
 * argument is well-formed unless an operation documents otherwise, so refusals come from authority
 * and state, which is what the properties are about.
 *
 * <p>Anchorings commit to personal details by their hash ({@link
 * CertificateRequest#detailsHash()}); a {@link StoreDetails} later sends the details themselves,
 * mostly those committed to (the details of a record {@code X} name {@link #holder(String) its
 * holder}), sometimes others. Records writes go mostly through the sender's own organisation's
 * peer, otherwise through another organisation's, as a co-endorser's; now and then the endorsing
 * peer's clock lies some minutes or an hour from the asserted time ({@link Tx#endorserSkew()}).
 */
final class Operations {

  /** The records namespace of AuditMSP, registered only by a generated governance operation. */
  static final String AUDIT_NS = "records-audit";

  static final List<String> MSPS = List.of(JUSTICE, SERVICES, AUDIT);
  static final List<String> RECORDS_NAMESPACES = List.of(JUSTICE_NS, SERVICES_NS, AUDIT_NS);
  static final List<String> ROLES = List.of("issuer", "clerk", "auditor", "verifier", "admin", "");
  static final List<String> TYPES = List.of(BIRTH, MARRIAGE, DECISION, LICENCE);
  static final List<String> IDS = List.of("r0", "r1", "r2", "r3", "r4", "r5");
  static final List<String> APPLICATIONS = List.of("app0", "app1", "app2");
  static final List<String> HASHES = List.of(HASH_A, HASH_B);

  /** The document types a generated certificate may carry in its {@code doctypes} attribute. */
  static final List<List<String>> CERTIFICATE_TYPES =
      List.of(TYPES, List.of(BIRTH), List.of(DECISION, LICENCE), List.of());

  private Operations() {}

  /**
   * Who sends a transaction, and through which organisation's peer. It reads {@code
   * issuer@JusticeMSP} when the certificate lists every type, else with the listed types.
   */
  record Sender(String msp, String role, List<String> doctypes, String peerMsp) {

    /** The user with these attributes (an empty role means no role attribute at all). */
    Network.User user() {
      String name = msp + "-" + (role.isEmpty() ? "norole" : role) + "-" + doctypes.size();
      String types = doctypes.isEmpty() ? null : String.join(";", doctypes);
      return Fixtures.user(msp, name, role.isEmpty() ? null : role, types);
    }

    boolean ownPeer() {
      return msp.equals(peerMsp);
    }

    @Override
    public String toString() {
      return (role.isEmpty() ? "norole" : role)
          + "@"
          + msp
          + (doctypes.equals(TYPES) ? "" : doctypes)
          + (ownPeer() ? "" : " via " + peerMsp);
    }
  }

  /** A transaction function with its arguments and the transient entries it sends, in order. */
  interface Op {
    String function();

    List<String> args();

    default List<Map.Entry<String, String>> transientEntries() {
      return List.of();
    }

    /** Whether it is submitted (and committed on success) rather than evaluated. */
    default boolean submitted() {
      return true;
    }

    /**
     * Whether it is a records write endorsed by the owner's peer and a co-endorser's, each checking
     * the asserted time against its own clock; {@code StoreDetails} is owner-only.
     */
    default boolean coEndorsed() {
      return false;
    }
  }

  /**
   * AnchorCertificate committing to the details naming {@code detailsName}, or to none when {@code
   * null}. With {@code strayDetails} it also sends the details as transient data, as a client of
   * the contract before co-endorsement did: refused.
   */
  record Anchor(CertificateRequest request, String detailsName, boolean strayDetails)
      implements Op {
    @Override
    public String function() {
      return "records:AnchorCertificate";
    }

    @Override
    public List<String> args() {
      return List.of(json(committing(request, detailsName)));
    }

    @Override
    public List<Map.Entry<String, String>> transientEntries() {
      return strayDetails ? stray(TransientKeys.DETAILS, detailsName) : List.of();
    }

    @Override
    public boolean coEndorsed() {
      return true;
    }

    @Override
    public String toString() {
      return "AnchorCertificate " + describe(request) + withDetails(detailsName, strayDetails);
    }
  }

  /**
   * AnchorBatch; {@code detailsNames} maps record ids to the name in the details each commits to.
   * With {@code strayDetails} it also sends the first record's details as transient data: refused.
   */
  record Batch(
      List<CertificateRequest> requests, Map<String, String> detailsNames, boolean strayDetails)
      implements Op {
    @Override
    public String function() {
      return "records:AnchorBatch";
    }

    @Override
    public List<String> args() {
      return List.of(json(new BatchRequest(committedRequests())));
    }

    /** The requests as sent, each with its commitment. */
    List<CertificateRequest> committedRequests() {
      return requests.stream().map(r -> committing(r, detailsNames.get(r.id()))).toList();
    }

    @Override
    public List<Map.Entry<String, String>> transientEntries() {
      if (!strayDetails) {
        return List.of();
      }
      String id = requests.get(0).id();
      return stray(TransientKeys.batchDetails(id), detailsNames.get(id));
    }

    @Override
    public boolean coEndorsed() {
      return true;
    }

    @Override
    public String toString() {
      return "AnchorBatch "
          + requests.stream().map(Operations::describe).toList()
          + " committed to details "
          + detailsNames
          + (strayDetails ? " sending details as transient data" : "");
    }
  }

  /**
   * StoreDetails of the ids. {@code transientNames} maps each transient key, in the order sent, to
   * the name in the details sent under it: mostly {@code details:<id>} for each id, sometimes with
   * one missing or an extra {@code details} key.
   */
  record StoreDetails(List<String> ids, List<Map.Entry<String, String>> transientNames)
      implements Op {
    @Override
    public String function() {
      return "records:StoreDetails";
    }

    @Override
    public List<String> args() {
      return List.of(json(new DetailsRequest(ids)));
    }

    @Override
    public List<Map.Entry<String, String>> transientEntries() {
      return transientNames.stream()
          .map(e -> Map.entry(e.getKey(), details(e.getValue())))
          .toList();
    }

    @Override
    public String toString() {
      return "StoreDetails "
          + ids
          + " "
          + transientNames.stream().map(e -> e.getKey() + "=(" + e.getValue() + ")").toList();
    }
  }

  /** Revoke. */
  record Revoke(String id) implements Op {
    @Override
    public String function() {
      return "records:Revoke";
    }

    @Override
    public boolean coEndorsed() {
      return true;
    }

    @Override
    public List<String> args() {
      return List.of(id, "LOST");
    }

    @Override
    public String toString() {
      return "Revoke " + id;
    }
  }

  /**
   * Supersede, the new record committing to the details naming {@code detailsName} (or to none);
   * the new id may equal the old one, which is refused as an invalid argument. With {@code
   * strayDetails} it also sends the details as transient data: refused.
   */
  record Supersede(
      String oldId, CertificateRequest replacement, String detailsName, boolean strayDetails)
      implements Op {
    @Override
    public String function() {
      return "records:Supersede";
    }

    @Override
    public List<String> args() {
      return List.of(oldId, json(committing(replacement, detailsName)));
    }

    @Override
    public List<Map.Entry<String, String>> transientEntries() {
      return strayDetails ? stray(TransientKeys.DETAILS, detailsName) : List.of();
    }

    @Override
    public boolean coEndorsed() {
      return true;
    }

    @Override
    public String toString() {
      return "Supersede "
          + oldId
          + " by "
          + describe(replacement)
          + withDetails(detailsName, strayDetails);
    }
  }

  /** PurgeDetails. */
  record Purge(String id) implements Op {
    @Override
    public String function() {
      return "records:PurgeDetails";
    }

    @Override
    public boolean coEndorsed() {
      return true;
    }

    @Override
    public List<String> args() {
      return List.of(id);
    }

    @Override
    public String toString() {
      return "PurgeDetails " + id;
    }
  }

  /** RecordApplication. */
  record Apply(String applicationId) implements Op {
    @Override
    public String function() {
      return "records:RecordApplication";
    }

    @Override
    public boolean coEndorsed() {
      return true;
    }

    @Override
    public List<String> args() {
      return List.of(json(new ApplicationRequest(applicationId, "PERMIT", "2024-12-01T09:00:00Z")));
    }

    @Override
    public String toString() {
      return "RecordApplication " + applicationId;
    }
  }

  /** RecordDecision; its result ids may include its own id, an invalid argument. */
  record Decide(DecisionRequest request) implements Op {
    @Override
    public String function() {
      return "records:RecordDecision";
    }

    @Override
    public boolean coEndorsed() {
      return true;
    }

    @Override
    public List<String> args() {
      return List.of(json(request));
    }

    @Override
    public String toString() {
      return "RecordDecision " + describe(request);
    }
  }

  /** governance:SetDocumentTypes. */
  record SetTypes(String msp, List<String> types) implements Op {
    @Override
    public String function() {
      return "governance:SetDocumentTypes";
    }

    @Override
    public List<String> args() {
      return List.of(msp, json(types));
    }

    @Override
    public String toString() {
      return "SetDocumentTypes " + msp + " " + types;
    }
  }

  /** governance:SuspendAgency. */
  record Suspend(String msp) implements Op {
    @Override
    public String function() {
      return "governance:SuspendAgency";
    }

    @Override
    public List<String> args() {
      return List.of(msp, "AUDIT_FINDING");
    }

    @Override
    public String toString() {
      return "SuspendAgency " + msp;
    }
  }

  /** governance:ReinstateAgency. */
  record Reinstate(String msp) implements Op {
    @Override
    public String function() {
      return "governance:ReinstateAgency";
    }

    @Override
    public List<String> args() {
      return List.of(msp);
    }

    @Override
    public String toString() {
      return "ReinstateAgency " + msp;
    }
  }

  /** governance:RegisterAgency. */
  record Register(AgencyRequest request) implements Op {
    @Override
    public String function() {
      return "governance:RegisterAgency";
    }

    @Override
    public List<String> args() {
      return List.of(json(request));
    }

    @Override
    public String toString() {
      return "RegisterAgency "
          + request.msp()
          + " "
          + request.namespace()
          + " "
          + request.documentTypes()
          + " active "
          + request.activeFrom()
          + ".."
          + (request.activeUntil() == null ? "" : request.activeUntil());
    }
  }

  private static final List<String> INSTANTS =
      List.of("", "2024-06-01T00:00:00Z", "2025-01-01T00:10:00Z", "2031-01-01T00:00:00Z");

  /** An evaluated query of either contract. */
  record Query(String function, List<String> args) implements Op {
    @Override
    public boolean submitted() {
      return false;
    }

    @Override
    public String toString() {
      return function + " " + args;
    }
  }

  /**
   * records:ReadDetails with the transient entries it sends: mostly a valid one-time key and nonce,
   * sometimes a missing, short or long one or an unexpected extra key.
   */
  record ReadDetails(String id, List<Map.Entry<String, String>> transientEntries) implements Op {
    @Override
    public String function() {
      return "records:ReadDetails";
    }

    @Override
    public List<String> args() {
      return List.of(id);
    }

    @Override
    public boolean submitted() {
      return false;
    }

    @Override
    public String toString() {
      return "ReadDetails "
          + id
          + " "
          + transientEntries.stream()
              .map(e -> e.getKey() + "(" + e.getValue().length() + " bytes)")
              .toList();
    }
  }

  /**
   * One transaction: its sender, the chaincode it is sent to, the operation, and how far the
   * endorsing peer's clock lies ahead of the asserted transaction time (positive: the transaction
   * is backdated; negative: postdated).
   */
  record Tx(Sender sender, String chaincode, Op op, Duration endorserSkew) {

    /** A transaction endorsed by a peer whose clock agrees with the asserted time. */
    Tx(Sender sender, String chaincode, Op op) {
      this(sender, chaincode, op, Duration.ZERO);
    }

    /** Whether the endorsing peer's clock lies beyond {@link TimeTolerance#TOLERANCE}. */
    boolean outOfTolerance() {
      return endorserSkew.abs().compareTo(TimeTolerance.TOLERANCE) > 0;
    }

    /**
     * The same transaction as the other endorser of a co-endorsed write runs it: through the peer
     * of the next organisation in {@link #MSPS}, whose clock lies as far from the asserted time as
     * this one's, on the other side. Every other transaction is returned as it is.
     */
    Tx onTheOtherEndorser() {
      if (!op.coEndorsed()) {
        return this;
      }
      String other = MSPS.get((MSPS.indexOf(sender.peerMsp()) + 1) % MSPS.size());
      return new Tx(
          new Sender(sender.msp(), sender.role(), sender.doctypes(), other),
          chaincode,
          op,
          endorserSkew.negated());
    }

    /**
     * Sends it. {@code reverseTransient} sends the transient entries in reverse order, as a peer
     * may see them (Go does not marshal protobuf maps in a fixed order).
     */
    Network.Result run(Network network, boolean reverseTransient) {
      Network.Call call =
          network
              .call(chaincode, op.function(), op.args().toArray(String[]::new))
              .by(sender.user())
              .onPeerOf(sender.peerMsp());
      if (!endorserSkew.isZero()) {
        // The call is stamped with the network's clock, so the endorser's clock is set from it.
        call.endorserClockAt(network.now().plus(endorserSkew));
      }
      List<Map.Entry<String, String>> entries = new ArrayList<>(op.transientEntries());
      if (reverseTransient) {
        java.util.Collections.reverse(entries);
      }
      entries.forEach(e -> call.withTransient(e.getKey(), e.getValue()));
      return op.submitted() ? call.submit() : call.evaluate();
    }

    boolean governance() {
      return GOVERNANCE.equals(chaincode);
    }

    @Override
    public String toString() {
      return sender
          + " -> "
          + chaincode
          + " "
          + op
          + (endorserSkew.isZero() ? "" : " (endorser's clock " + skew(endorserSkew) + ")");
    }

    private static String skew(Duration skew) {
      return (skew.isNegative() ? "-" : "+") + skew.abs().toString().substring(2).toLowerCase();
    }
  }

  // ---------------------------------------------------------------- descriptions

  /** A certificate request in a line: id, type, hash, and what varies between generated ones. */
  static String describe(CertificateRequest request) {
    return request.id()
        + " "
        + request.documentType()
        + " #"
        + hashName(request.documentHash())
        + (request.validUntil() == null ? "" : " until " + request.validUntil())
        + (request.applicationId() == null ? "" : " for " + request.applicationId())
        + (request.metadata() == null ? "" : " " + request.metadata());
  }

  static String describe(DecisionRequest request) {
    return request.id()
        + " "
        + request.outcome()
        + " "
        + request.documentType()
        + " #"
        + hashName(request.documentHash())
        + " for "
        + request.applicationId()
        + (request.resultRecordIds() == null ? "" : " results " + request.resultRecordIds())
        + (request.inputRecords() == null ? "" : " inputs " + request.inputRecords());
  }

  private static String hashName(String hash) {
    if (HASH_A.equals(hash)) {
      return "A";
    }
    return HASH_B.equals(hash) ? "B" : hash;
  }

  private static String withDetails(String detailsName, boolean stray) {
    return (detailsName == null ? "" : " committed to details (" + detailsName + ")")
        + (stray ? " sending details as transient data" : "");
  }

  /** The request as sent: committing to the details naming {@code name}, or to none. */
  static CertificateRequest committing(CertificateRequest request, String name) {
    return request.withDetailsHash(name == null ? null : detailsHash(name));
  }

  /** Details sent as transient data where none is taken: those committed to, else any. */
  private static List<Map.Entry<String, String>> stray(String key, String name) {
    return List.of(Map.entry(key, details(name == null ? "Zoe Stray" : name)));
  }

  /** The name in the details of record {@code id} that {@link StoreDetails} mostly sends. */
  static String holder(String id) {
    return "Holder of " + id;
  }

  // ---------------------------------------------------------------- generators (jqwik)

  /** One of the values, chosen with probability proportional to the weight at the same index. */
  static <T> Arbitrary<T> weighted(List<T> values, int... weights) {
    if (values.size() != weights.length) {
      throw new IllegalArgumentException(values.size() + " values, " + weights.length + " weights");
    }
    List<Tuple.Tuple2<Integer, T>> frequencies = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      frequencies.add(Tuple.of(weights[i], values.get(i)));
    }
    return Arbitraries.frequency(frequencies);
  }

  /** The index of one of the weights, chosen with probability proportional to its weight. */
  static Arbitrary<Integer> weighted(int... weights) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      indexes.add(i);
    }
    return weighted(indexes, weights);
  }

  /** True with the given probability (in percent); shrinks towards false. */
  static Arbitrary<Boolean> chance(int percent) {
    return Arbitraries.frequency(Tuple.of(100 - percent, false), Tuple.of(percent, true));
  }

  static Arbitrary<Integer> between(int min, int max) {
    return Arbitraries.integers().between(min, max);
  }

  /**
   * Senders: two thirds an agency's issuer (or clerk) allowed every type, mostly through its own
   * peer, otherwise through another organisation's (a co-endorser's), so that sequences build up
   * state (now and then of the audit organisation, which is an agency only once a generated {@code
   * RegisterAgency} makes it one); the rest of any agency, role and certificate.
   */
  static Arbitrary<Sender> sender() {
    Arbitrary<Sender> agency =
        Combinators.combine(
                weighted(MSPS, 4, 4, 1),
                weighted(List.of("issuer", "clerk"), 8, 1),
                weighted(3, 1),
                between(0, MSPS.size() - 2))
            .as(
                (msp, role, elsewhere, other) ->
                    new Sender(
                        msp,
                        role,
                        TYPES,
                        elsewhere == 0
                            ? msp
                            : MSPS.stream().filter(m -> !m.equals(msp)).toList().get(other)));
    return Arbitraries.frequencyOf(Tuple.of(2, agency), Tuple.of(1, anySender()));
  }

  /** A sender of any agency, role and certificate, mostly through its own organisation's peer. */
  static Arbitrary<Sender> anySender() {
    return Combinators.combine(
            weighted(MSPS, 3, 3, 1),
            weighted(ROLES, 3, 2, 1, 1, 2, 1),
            weighted(CERTIFICATE_TYPES, 3, 1, 1, 1),
            weighted(4, 1),
            Arbitraries.of(MSPS))
        .as(
            (msp, role, doctypes, elsewhere, peer) ->
                new Sender(msp, role, doctypes, elsewhere == 0 ? msp : peer));
  }

  /**
   * A generated transaction with the transactions it brings along: some at once after it, others a
   * few transactions later (see {@link #sequence}).
   */
  record Step(Tx tx, List<Tx> atOnce, List<Later> later) {
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(tx.toString());
      atOnce.forEach(t -> text.append("\n      then ").append(t));
      later.forEach(l -> text.append("\n      ").append(l));
      return text.toString();
    }
  }

  /** A transaction sent {@code after} generated transactions more (0: right after this one's). */
  record Later(int after, Tx tx) {
    @Override
    public String toString() {
      return "+" + after + " " + tx;
    }
  }

  /**
   * A sequence of {@code min} to {@code max} generated transactions, lengths spread evenly. A
   * governance change is mostly followed by the same change from an admin of another member (now
   * and then of the same organisation again), so that changes reach the majority of approvals that
   * applies them; a suspension approved so is now and then followed, a few transactions later, by
   * the agency's reinstatement approved the same way. An anchoring committed to details is mostly
   * followed, at once or a transaction or two later, by the {@code StoreDetails} of those details
   * by an issuer of the sender's agency through its own peer, as an agency's system sends it; now
   * and then by a purge of one record's details too, and sometimes by storing them again after that
   * (refused). Such added transactions do not count towards the length. Shrinks by dropping
   * generated transactions (with what they bring along) and by simplifying each.
   */
  static Arbitrary<List<Tx>> sequence(Arbitrary<Tx> transactions, int min, int max) {
    return steps(transactions)
        .list()
        .ofMinSize(min)
        .ofMaxSize(max)
        .withSizeDistribution(RandomDistribution.uniform())
        .map(Operations::flatten);
  }

  /** Generated transactions, each with what it brings along. */
  static Arbitrary<Step> steps(Arbitrary<Tx> transactions) {
    return transactions.flatMap(
        tx ->
            Combinators.combine(approvals(tx), detailsFollowUps(tx))
                .as(
                    (approvals, details) -> {
                      List<Later> later = new ArrayList<>(approvals.later());
                      later.addAll(details);
                      return new Step(tx, approvals.atOnce(), List.copyOf(later));
                    }));
  }

  /** The transactions of a sequence of steps, in the order they are sent. */
  static List<Tx> flatten(List<Step> steps) {
    List<Tx> sequence = new ArrayList<>();
    Map<Integer, List<Tx>> later = new TreeMap<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      sequence.add(step.tx());
      sequence.addAll(step.atOnce());
      for (Later l : step.later()) {
        later.computeIfAbsent(i + l.after(), k -> new ArrayList<>()).add(l.tx());
      }
      sequence.addAll(later.getOrDefault(i, List.of()));
    }
    return List.copyOf(sequence);
  }

  /**
   * The second approval of a submitted governance change, and a reinstatement after a suspension.
   */
  private static Arbitrary<Step> approvals(Tx tx) {
    if (!(tx.governance() && tx.op().submitted())) {
      return Arbitraries.just(new Step(tx, List.of(), List.of()));
    }
    String first = tx.sender().msp();
    List<String> others = MSPS.stream().filter(m -> !m.equals(first)).toList();
    return Combinators.combine(
            chance(80), weighted(5, 1), Arbitraries.of(others), chance(50), between(1, 4))
        .as(
            (approve, elsewhere, other, reinstate, after) -> {
              if (!approve) {
                return new Step(tx, List.of(), List.of());
              }
              String msp = elsewhere == 0 ? other : first;
              List<Later> later = new ArrayList<>();
              if (tx.op() instanceof Suspend suspend && !msp.equals(first) && reinstate) {
                Op reinstatement = new Reinstate(suspend.msp());
                later.add(new Later(after, admin(first, reinstatement)));
                later.add(new Later(after, admin(msp, reinstatement)));
              }
              return new Step(tx, List.of(admin(msp, tx.op())), List.copyOf(later));
            });
  }

  /** The StoreDetails of an anchoring's committed details, a purge, and storing them again. */
  private static Arbitrary<List<Later>> detailsFollowUps(Tx tx) {
    Map<String, String> committed = committedNames(tx.op());
    if (committed.isEmpty()) {
      return Arbitraries.just(List.of());
    }
    Sender issuer = new Sender(tx.sender().msp(), "issuer", TYPES, tx.sender().msp());
    Arbitrary<Map.Entry<String, Op>> purged =
        Arbitraries.of(List.copyOf(committed.keySet()))
            .flatMap(id -> storing(Map.of(id, committed.get(id))).map(op -> Map.entry(id, op)));
    return Combinators.combine(
            chance(70),
            between(0, 2),
            storing(committed),
            chance(35),
            purged,
            between(0, 2),
            chance(50),
            between(0, 1))
        .as(
            (store, storeAfter, storeOp, purge, again, purgeAfter, restore, restoreAfter) -> {
              if (!store) {
                return List.of();
              }
              List<Later> later = new ArrayList<>();
              later.add(new Later(storeAfter, new Tx(issuer, tx.chaincode(), storeOp)));
              if (purge) {
                int purgeAt = storeAfter + purgeAfter;
                later.add(
                    new Later(purgeAt, new Tx(issuer, tx.chaincode(), new Purge(again.getKey()))));
                if (restore) {
                  later.add(
                      new Later(
                          purgeAt + restoreAfter,
                          new Tx(issuer, tx.chaincode(), again.getValue())));
                }
              }
              return List.copyOf(later);
            });
  }

  /** The ids an anchoring operation commits to details for, with the name in those details. */
  private static Map<String, String> committedNames(Op op) {
    Map<String, String> names = new TreeMap<>();
    if (op instanceof Anchor a && a.detailsName() != null) {
      names.put(a.request().id(), a.detailsName());
    } else if (op instanceof Supersede s && s.detailsName() != null) {
      names.put(s.replacement().id(), s.detailsName());
    } else if (op instanceof Batch b) {
      names.putAll(b.detailsNames());
    }
    return names;
  }

  /** StoreDetails of the details committed to, now and then of one other name instead. */
  private static Arbitrary<Op> storing(Map<String, String> committed) {
    List<Arbitrary<Map.Entry<String, String>>> entries = new ArrayList<>();
    committed.forEach(
        (id, name) ->
            entries.add(
                weighted(List.of(name, "Bo Sample", holder(id)), 10, 1, 1)
                    .map(n -> Map.entry(TransientKeys.batchDetails(id), n))));
    List<String> ids = List.copyOf(committed.keySet());
    return Combinators.combine(entries).as(e -> new StoreDetails(ids, List.copyOf(e)));
  }

  /** The operation sent by an admin of the organisation, through its own peer. */
  private static Tx admin(String msp, Op op) {
    return new Tx(new Sender(msp, "admin", List.of(), msp), GOVERNANCE, op);
  }

  /** Any transaction: records writes and reads in any namespace, and governance changes. */
  static Arbitrary<Tx> transaction() {
    return Arbitraries.frequencyOf(
        Tuple.of(12, recordWrite()), Tuple.of(2, governanceWrite()), Tuple.of(3, query()));
  }

  /** A transaction that is not a query. */
  static Arbitrary<Tx> write() {
    return Arbitraries.frequencyOf(Tuple.of(12, recordWrite()), Tuple.of(2, governanceWrite()));
  }

  /** A records write, usually in the sender's own agency's namespace. */
  static Arbitrary<Tx> recordWrite() {
    return Combinators.combine(sender(), between(0, 9), recordWriteOp(), endorserSkew())
        .as(
            (sender, pick, op, skew) ->
                new Tx(
                    sender,
                    pick < 8
                        ? RECORDS_NAMESPACES.get(MSPS.indexOf(sender.msp()))
                        : RECORDS_NAMESPACES.get(pick % RECORDS_NAMESPACES.size()),
                    op,
                    skew));
  }

  static Arbitrary<Op> recordWriteOp() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, anchor()),
        Tuple.of(2, batch()),
        Tuple.of(3, Arbitraries.of(IDS).map(Revoke::new)),
        Tuple.of(3, supersede()),
        Tuple.of(2, Arbitraries.of(IDS).map(Purge::new)),
        Tuple.of(2, Arbitraries.of(APPLICATIONS).map(Apply::new)),
        Tuple.of(3, decision()),
        Tuple.of(4, storeDetails()));
  }

  /**
   * How far the endorsing peer's clock lies ahead of the asserted time: mostly not at all; else
   * within the tolerance, exactly at it, or beyond it (by a second, a minute, an hour).
   */
  static final List<Duration> ENDORSER_SKEWS =
      List.of(
          Duration.ZERO,
          Duration.ofMinutes(3),
          Duration.ofSeconds(-250),
          TimeTolerance.TOLERANCE,
          TimeTolerance.TOLERANCE.negated(),
          TimeTolerance.TOLERANCE.plusSeconds(1),
          Duration.ofMinutes(-6),
          Duration.ofHours(1),
          Duration.ofHours(-1));

  static Arbitrary<Duration> endorserSkew() {
    return weighted(ENDORSER_SKEWS, 30, 2, 2, 1, 1, 1, 1, 1, 1);
  }

  /** A governance change, mostly by an admin of any agency, else by anyone. */
  static Arbitrary<Tx> governanceWrite() {
    Arbitrary<Sender> sender =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of(MSPS).map(msp -> new Sender(msp, "admin", List.of(), msp))),
            Tuple.of(1, anySender()));
    Arbitrary<Op> op =
        Arbitraries.frequencyOf(
            Tuple.of(2, Combinators.combine(Arbitraries.of(MSPS), typeSubset()).as(SetTypes::new)),
            Tuple.of(2, Arbitraries.of(MSPS).map(Suspend::new)),
            Tuple.of(2, Arbitraries.of(MSPS).map(Reinstate::new)),
            Tuple.of(1, registerAudit()));
    return Combinators.combine(sender, op).as((s, o) -> new Tx(s, GOVERNANCE, o));
  }

  /**
   * Active periods a registered agency may get: under way, not yet begun, and over. The network's
   * clock starts at 2025-01-01 and stays within that day in a generated sequence.
   */
  static final List<List<String>> ACTIVE_PERIODS =
      List.of(
          Arrays.asList("2024-01-01T00:00:00Z", null),
          Arrays.asList("2030-01-01T00:00:00Z", null),
          Arrays.asList("2024-01-01T00:00:00Z", "2024-12-01T00:00:00Z"));

  /**
   * The audit organisation registering as an agency, mostly for its own namespace; half the time
   * active now, otherwise not yet or no longer (so its writes are refused as {@code
   * AGENCY_INACTIVE}).
   */
  private static Arbitrary<Op> registerAudit() {
    return Combinators.combine(
            weighted(RECORDS_NAMESPACES, 1, 1, 4), typeSubset(), weighted(ACTIVE_PERIODS, 2, 1, 1))
        .as(
            (namespace, types, period) ->
                new Register(
                    new AgencyRequest(
                        AUDIT, "Audit agency", namespace, types, period.get(0), period.get(1))));
  }

  /** An evaluated query of either contract. */
  static Arbitrary<Tx> query() {
    return Arbitraries.oneOf(
        Combinators.combine(sender(), governanceQuery()).as((s, op) -> new Tx(s, GOVERNANCE, op)),
        Combinators.combine(sender(), Arbitraries.of(RECORDS_NAMESPACES), recordsQuery())
            .as(Tx::new));
  }

  private static Arbitrary<Op> recordsQuery() {
    Arbitrary<String> ids = Arbitraries.of(IDS);
    Arbitrary<String> instants = Arbitraries.of(INSTANTS);
    Arbitrary<String> applications = Arbitraries.of(APPLICATIONS);
    return Arbitraries.oneOf(
        ids.map(id -> new Query("records:GetRecord", List.of(id))),
        ids.map(id -> new Query("records:GetHistory", List.of(id))),
        readDetails(),
        Combinators.combine(ids, instants)
            .as((id, at) -> new Query("records:VerifyRecord", List.of(id, at))),
        Combinators.combine(Arbitraries.of(HASHES), instants)
            .as((hash, at) -> new Query("records:VerifyHash", List.of(hash, at))),
        Arbitraries.of(TYPES).map(type -> new Query("records:ListByType", List.of(type, "2", ""))),
        applications.map(a -> new Query("records:ListByApplication", List.of(a, "5", ""))),
        applications.map(a -> new Query("records:GetApplication", List.of(a))));
  }

  /** One-time keys and nonces of the right sizes (ASCII, so one byte per character). */
  private static final List<String> RESPONSE_KEYS =
      List.of("k".repeat(DetailsCipher.KEY_BYTES), "K".repeat(DetailsCipher.KEY_BYTES));

  private static final List<String> RESPONSE_NONCES =
      List.of("n".repeat(DetailsCipher.NONCE_BYTES), "N".repeat(DetailsCipher.NONCE_BYTES));

  /**
   * ReadDetails of a pooled id: two thirds with a valid key and nonce, the rest refused for its
   * transient data (missing nonce, short key, long nonce, an unexpected key besides valid ones).
   */
  private static Arbitrary<Op> readDetails() {
    String keyName = TransientKeys.RESPONSE_KEY;
    String nonceName = TransientKeys.RESPONSE_NONCE;
    return Combinators.combine(
            Arbitraries.of(IDS),
            Arbitraries.of(RESPONSE_KEYS),
            Arbitraries.of(RESPONSE_NONCES),
            weighted(8, 1, 1, 1, 1))
        .as(
            (id, key, nonce, variant) ->
                new ReadDetails(
                    id,
                    switch (variant) {
                      case 0 -> List.of(Map.entry(keyName, key), Map.entry(nonceName, nonce));
                      case 1 -> List.of(Map.entry(keyName, key));
                      case 2 ->
                          List.of(
                              Map.entry(keyName, key.substring(1)), Map.entry(nonceName, nonce));
                      case 3 -> List.of(Map.entry(keyName, key), Map.entry(nonceName, nonce + "n"));
                      default ->
                          List.of(
                              Map.entry(keyName, key),
                              Map.entry(nonceName, nonce),
                              Map.entry(TransientKeys.DETAILS, details("Zoe")));
                    }));
  }

  private static Arbitrary<Op> governanceQuery() {
    Arbitrary<String> instants = Arbitraries.of(INSTANTS.subList(1, INSTANTS.size()));
    return Arbitraries.oneOf(
        Arbitraries.just(new Query("governance:ListAgencies", List.of())),
        Combinators.combine(Arbitraries.of(MSPS), instants)
            .as((msp, at) -> new Query("governance:GetAgencyAt", List.of(msp, at))),
        Combinators.combine(Arbitraries.of(MSPS), Arbitraries.of(TYPES), instants)
            .as((msp, type, at) -> new Query("governance:IsAuthorized", List.of(msp, type, at))));
  }

  static Arbitrary<CertificateRequest> certificate() {
    return Combinators.combine(
            Arbitraries.of(IDS),
            weighted(TYPES, 4, 2, 1, 2),
            Arbitraries.of(HASHES),
            Arbitraries.of(APPLICATIONS).injectNull(0.7),
            Arbitraries.of("2030-01-01T00:00:00Z", "2025-01-01T00:30:00Z").injectNull(0.3),
            chance(50))
        .as(
            (id, type, hash, application, validUntil, metadata) ->
                new CertificateRequest(
                    id,
                    type,
                    hash,
                    SUBJECT,
                    "2025-01-01T00:00:00Z",
                    validUntil,
                    application,
                    metadata ? new TreeMap<>(Map.of("office", "central")) : null));
  }

  /** Half the time none; else mostly the record's {@link #holder}, sometimes another name. */
  private static Arbitrary<String> detailsName(String id) {
    return weighted(List.of(holder(id), "Bo Sample"), 4, 1).injectNull(0.5);
  }

  /** Now and then details sent as transient data by an anchoring, which takes none. */
  private static Arbitrary<Boolean> strayDetails() {
    return chance(5);
  }

  static Arbitrary<Op> anchor() {
    return certificate()
        .flatMap(
            request ->
                Combinators.combine(detailsName(request.id()), strayDetails())
                    .as((name, stray) -> new Anchor(request, name, stray)));
  }

  /** A batch of 1 to 4 certificates with distinct ids, each with or without private details. */
  static Arbitrary<Op> batch() {
    return certificate()
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .uniqueElements(CertificateRequest::id)
        .flatMap(
            requests -> {
              List<Arbitrary<Optional<String>>> names = new ArrayList<>();
              for (int i = 0; i < requests.size(); i++) {
                String id = requests.get(i).id();
                names.add(weighted(List.of(holder(id), "Name " + i), 4, 1).optional(0.5));
              }
              return Combinators.combine(
                      Combinators.combine(names).as(List::copyOf), strayDetails())
                  .as(
                      (chosen, stray) -> {
                        Map<String, String> byId = new TreeMap<>();
                        for (int i = 0; i < requests.size(); i++) {
                          String id = requests.get(i).id();
                          chosen.get(i).ifPresent(name -> byId.put(id, name));
                        }
                        return new Batch(List.copyOf(requests), byId, stray);
                      });
            });
  }

  static Arbitrary<Op> supersede() {
    return certificate()
        .flatMap(
            replacement ->
                Combinators.combine(
                        Arbitraries.of(IDS), detailsName(replacement.id()), strayDetails())
                    .as((id, name, stray) -> new Supersede(id, replacement, name, stray)));
  }

  /**
   * StoreDetails of 1 to 3 (mostly 1) distinct pooled ids, each mostly with its {@link #holder}'s
   * details, sometimes with another record's or another name's; now and then one id's details are
   * missing or an unexpected {@code details} key comes along.
   */
  static Arbitrary<Op> storeDetails() {
    return weighted(List.of(1, 2, 3), 6, 2, 1)
        .flatMap(size -> Arbitraries.of(IDS).list().uniqueElements().ofSize(size))
        .flatMap(
            chosen -> {
              List<Arbitrary<Map.Entry<String, String>>> entries = new ArrayList<>();
              for (String id : chosen) {
                entries.add(
                    Arbitraries.frequencyOf(
                            Tuple.of(8, Arbitraries.just(holder(id))),
                            Tuple.of(1, Arbitraries.of(IDS).map(Operations::holder)),
                            Tuple.of(1, Arbitraries.just("Bo Sample")))
                        .map(name -> Map.entry(TransientKeys.batchDetails(id), name)));
              }
              return Combinators.combine(
                      Combinators.combine(entries).as(List::copyOf), weighted(12, 1, 1))
                  .as(
                      (named, variant) -> {
                        List<Map.Entry<String, String>> sent = new ArrayList<>(named);
                        switch (variant) {
                          case 1 -> sent.remove(sent.size() - 1);
                          case 2 ->
                              sent.add(Map.entry(TransientKeys.DETAILS, holder(chosen.get(0))));
                          default -> {}
                        }
                        return new StoreDetails(List.copyOf(chosen), List.copyOf(sent));
                      });
            });
  }

  static Arbitrary<Op> decision() {
    return Combinators.combine(
            Arbitraries.of(IDS),
            Arbitraries.of(APPLICATIONS),
            Arbitraries.of(DecisionOutcome.values()),
            weighted(List.of(DECISION, BIRTH), 5, 1),
            Arbitraries.of(HASHES),
            Arbitraries.of(IDS).list().uniqueElements().ofMaxSize(2),
            chance(50))
        .as(
            (id, application, outcome, type, hash, results, cites) ->
                new Decide(
                    new DecisionRequest(
                        id,
                        application,
                        outcome,
                        "LAW-12/3",
                        type,
                        hash,
                        SUBJECT_2,
                        cites ? List.of(new RecordRef(SERVICES_NS, "elsewhere-1")) : null,
                        results.isEmpty() ? null : results,
                        null)));
  }

  static Arbitrary<List<String>> typeSubset() {
    return Arbitraries.of(TYPES).list().uniqueElements().ofMaxSize(3);
  }
}
