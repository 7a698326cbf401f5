package org.servicerecords.registry.chaincode;

import static org.servicerecords.registry.chaincode.Fixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.servicerecords.registry.model.RecordRef;

/**
 * Generated transactions for the property tests. Ids, hashes, applications and users come from
 * small pools so that random sequences collide (duplicate ids), refer to earlier records (revoke,
 * supersede, decide), cross agencies (a ServicesMSP issuer revoking a JusticeMSP record) and
 * interleave with governance changes (suspension, document types, a third agency's registration).
 * Every generated argument is well-formed unless an operation documents otherwise, so refusals come
 * from authority and state, which is what the properties are about.
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

  /** Who sends a transaction, and through which organisation's peer. */
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
          + doctypes
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
  }

  /** AnchorCertificate, with the name in its private details or {@code null} for none. */
  record Anchor(CertificateRequest request, String detailsName) implements Op {
    @Override
    public String function() {
      return "records:AnchorCertificate";
    }

    @Override
    public List<String> args() {
      return List.of(json(request));
    }

    @Override
    public List<Map.Entry<String, String>> transientEntries() {
      return detailsName == null ? List.of() : List.of(Map.entry("details", details(detailsName)));
    }
  }

  /** AnchorBatch; {@code detailsNames} maps record ids to the name in their private details. */
  record Batch(List<CertificateRequest> requests, Map<String, String> detailsNames) implements Op {
    @Override
    public String function() {
      return "records:AnchorBatch";
    }

    @Override
    public List<String> args() {
      return List.of(json(new BatchRequest(requests)));
    }

    @Override
    public List<Map.Entry<String, String>> transientEntries() {
      List<Map.Entry<String, String>> entries = new ArrayList<>();
      detailsNames.forEach((id, name) -> entries.add(Map.entry("details:" + id, details(name))));
      return entries;
    }
  }

  /** Revoke. */
  record Revoke(String id) implements Op {
    @Override
    public String function() {
      return "records:Revoke";
    }

    @Override
    public List<String> args() {
      return List.of(id, "LOST");
    }
  }

  /** Supersede; the new id may equal the old one, which is refused as an invalid argument. */
  record Supersede(String oldId, CertificateRequest replacement, String detailsName) implements Op {
    @Override
    public String function() {
      return "records:Supersede";
    }

    @Override
    public List<String> args() {
      return List.of(oldId, json(replacement));
    }

    @Override
    public List<Map.Entry<String, String>> transientEntries() {
      return detailsName == null ? List.of() : List.of(Map.entry("details", details(detailsName)));
    }
  }

  /** PurgeDetails. */
  record Purge(String id) implements Op {
    @Override
    public String function() {
      return "records:PurgeDetails";
    }

    @Override
    public List<String> args() {
      return List.of(id);
    }
  }

  /** RecordApplication. */
  record Apply(String applicationId) implements Op {
    @Override
    public String function() {
      return "records:RecordApplication";
    }

    @Override
    public List<String> args() {
      return List.of(json(new ApplicationRequest(applicationId, "PERMIT", "2024-12-01T09:00:00Z")));
    }
  }

  /** RecordDecision; its result ids may include its own id, an invalid argument. */
  record Decide(DecisionRequest request) implements Op {
    @Override
    public String function() {
      return "records:RecordDecision";
    }

    @Override
    public List<String> args() {
      return List.of(json(request));
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
  }

  /** An evaluated query of either contract. */
  record Query(String function, List<String> args) implements Op {
    @Override
    public boolean submitted() {
      return false;
    }
  }

  /** One transaction: its sender, the chaincode it is sent to, and the operation. */
  record Tx(Sender sender, String chaincode, Op op) {

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
      return sender + " -> " + chaincode + " " + op;
    }
  }

  // ---------------------------------------------------------------- generators

  /**
   * Senders: two thirds an agency's issuer (or clerk) allowed every type, on its own peer, so that
   * sequences build up state; the rest of any agency, role and certificate.
   */
  static Arbitrary<Sender> senders() {
    Arbitrary<Sender> issuers =
        Combinators.combine(
                Arbitraries.of(JUSTICE, SERVICES),
                Arbitraries.frequency(Tuple.of(8, "issuer"), Tuple.of(1, "clerk")))
            .as((msp, role) -> new Sender(msp, role, TYPES, msp));
    return Arbitraries.frequencyOf(Tuple.of(2, issuers), Tuple.of(1, anySender()));
  }

  /** A sender of any agency, role and certificate, mostly through its own organisation's peer. */
  static Arbitrary<Sender> anySender() {
    Arbitrary<String> msp =
        Arbitraries.frequency(Tuple.of(3, JUSTICE), Tuple.of(3, SERVICES), Tuple.of(1, AUDIT));
    Arbitrary<String> role =
        Arbitraries.frequency(
            Tuple.of(3, "issuer"),
            Tuple.of(2, "clerk"),
            Tuple.of(1, "auditor"),
            Tuple.of(1, "verifier"),
            Tuple.of(2, "admin"),
            Tuple.of(1, ""));
    Arbitrary<List<String>> doctypes =
        Arbitraries.frequency(
            Tuple.of(3, CERTIFICATE_TYPES.get(0)),
            Tuple.of(1, CERTIFICATE_TYPES.get(1)),
            Tuple.of(1, CERTIFICATE_TYPES.get(2)),
            Tuple.of(1, CERTIFICATE_TYPES.get(3)));
    Arbitrary<String> otherPeer = Arbitraries.of(MSPS);
    Arbitrary<Boolean> ownPeer = Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false));
    return Combinators.combine(msp, role, doctypes, ownPeer, otherPeer)
        .as((m, r, d, own, other) -> new Sender(m, r, d, own ? m : other));
  }

  /** Sequences of {@code min} to {@code max} transactions, lengths spread evenly. */
  static Arbitrary<List<Tx>> sequences(Arbitrary<Tx> transactions, int min, int max) {
    return transactions
        .list()
        .ofMinSize(min)
        .ofMaxSize(max)
        .withSizeDistribution(RandomDistribution.uniform());
  }

  /** Any transaction: records writes and reads in any namespace, and governance changes. */
  static Arbitrary<Tx> transactions() {
    return Arbitraries.frequencyOf(
        Tuple.of(12, recordWrites()), Tuple.of(2, governanceWrites()), Tuple.of(3, queries()));
  }

  /** Transactions without queries. */
  static Arbitrary<Tx> writes() {
    return Arbitraries.frequencyOf(Tuple.of(12, recordWrites()), Tuple.of(2, governanceWrites()));
  }

  /** A records write, usually in the sender's own agency's namespace. */
  static Arbitrary<Tx> recordWrites() {
    return Combinators.combine(senders(), Arbitraries.integers().between(0, 9), recordWriteOps())
        .as((sender, pick, op) -> new Tx(sender, namespaceFor(sender, pick), op));
  }

  private static String namespaceFor(Sender sender, int pick) {
    if (pick < 8) {
      return RECORDS_NAMESPACES.get(MSPS.indexOf(sender.msp()));
    }
    return RECORDS_NAMESPACES.get(pick % RECORDS_NAMESPACES.size());
  }

  static Arbitrary<Op> recordWriteOps() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, anchors()),
        Tuple.of(2, batches()),
        Tuple.of(3, Arbitraries.of(IDS).map(Revoke::new)),
        Tuple.of(3, supersedes()),
        Tuple.of(2, Arbitraries.of(IDS).map(Purge::new)),
        Tuple.of(2, Arbitraries.of(APPLICATIONS).map(Apply::new)),
        Tuple.of(3, decisions()));
  }

  /** A governance change, mostly by an admin of any agency, else by anyone. */
  static Arbitrary<Tx> governanceWrites() {
    Arbitrary<Op> ops =
        Arbitraries.frequencyOf(
            Tuple.of(2, Combinators.combine(Arbitraries.of(MSPS), typeSubsets()).as(SetTypes::new)),
            Tuple.of(2, Arbitraries.of(MSPS).map(Suspend::new)),
            Tuple.of(2, Arbitraries.of(MSPS).map(Reinstate::new)),
            Tuple.of(
                1,
                Combinators.combine(Arbitraries.of(RECORDS_NAMESPACES), typeSubsets())
                    .as(
                        (ns, types) ->
                            new Register(
                                new AgencyRequest(
                                    AUDIT,
                                    "Audit agency",
                                    ns,
                                    types,
                                    "2024-01-01T00:00:00Z",
                                    null)))));
    Arbitrary<Sender> admins =
        Arbitraries.of(MSPS).map(msp -> new Sender(msp, "admin", List.of(), msp));
    Arbitrary<Sender> senders =
        Arbitraries.frequencyOf(Tuple.of(3, admins), Tuple.of(1, anySender()));
    return Combinators.combine(senders, ops).as((s, op) -> new Tx(s, GOVERNANCE, op));
  }

  /** Evaluated queries of both contracts. */
  static Arbitrary<Tx> queries() {
    Arbitrary<String> id = Arbitraries.of(IDS);
    Arbitrary<String> instant =
        Arbitraries.of("", "2024-06-01T00:00:00Z", "2025-01-01T00:10:00Z", "2031-01-01T00:00:00Z");
    Arbitrary<Op> records =
        Arbitraries.oneOf(
            id.map(i -> new Query("records:GetRecord", List.of(i))),
            id.map(i -> new Query("records:GetHistory", List.of(i))),
            id.map(i -> new Query("records:ReadDetails", List.of(i))),
            Combinators.combine(id, instant)
                .as((i, at) -> new Query("records:VerifyRecord", List.of(i, at))),
            Combinators.combine(Arbitraries.of(HASHES), instant)
                .as((h, at) -> new Query("records:VerifyHash", List.of(h, at))),
            Arbitraries.of(TYPES).map(t -> new Query("records:ListByType", List.of(t, "2", ""))),
            Arbitraries.of(APPLICATIONS)
                .map(a -> new Query("records:ListByApplication", List.of(a, "5", ""))),
            Arbitraries.of(APPLICATIONS).map(a -> new Query("records:GetApplication", List.of(a))));
    Arbitrary<Op> governance =
        Arbitraries.oneOf(
            Arbitraries.just(new Query("governance:ListAgencies", List.of())),
            Combinators.combine(Arbitraries.of(MSPS), instant.filter(s -> !s.isEmpty()))
                .as((m, at) -> new Query("governance:GetAgencyAt", List.of(m, at))),
            Combinators.combine(
                    Arbitraries.of(MSPS), Arbitraries.of(TYPES), instant.filter(s -> !s.isEmpty()))
                .as((m, t, at) -> new Query("governance:IsAuthorized", List.of(m, t, at))));
    return Arbitraries.oneOf(
        Combinators.combine(senders(), Arbitraries.of(RECORDS_NAMESPACES), records).as(Tx::new),
        Combinators.combine(senders(), governance).as((s, op) -> new Tx(s, GOVERNANCE, op)));
  }

  static Arbitrary<CertificateRequest> certificates() {
    Arbitrary<String> until =
        Arbitraries.of("2030-01-01T00:00:00Z", "2025-01-01T00:30:00Z").injectNull(0.3);
    return Combinators.combine(
            Arbitraries.of(IDS),
            Arbitraries.frequency(
                Tuple.of(4, BIRTH),
                Tuple.of(2, MARRIAGE),
                Tuple.of(1, DECISION),
                Tuple.of(2, LICENCE)),
            Arbitraries.of(HASHES),
            Arbitraries.of(APPLICATIONS).injectNull(0.7),
            until,
            Arbitraries.of(true, false))
        .as(
            (id, type, hash, app, validUntil, meta) ->
                new CertificateRequest(
                    id,
                    type,
                    hash,
                    SUBJECT,
                    "2025-01-01T00:00:00Z",
                    validUntil,
                    app,
                    meta ? new TreeMap<>(Map.of("office", "central")) : null));
  }

  private static Arbitrary<String> detailsNames() {
    return Arbitraries.of("Ana Example", "Bo Sample").injectNull(0.5);
  }

  static Arbitrary<Op> anchors() {
    return Combinators.combine(certificates(), detailsNames()).as(Anchor::new);
  }

  static Arbitrary<Op> batches() {
    return certificates()
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .uniqueElements(CertificateRequest::id)
        .flatMap(
            requests ->
                Arbitraries.of(true, false)
                    .list()
                    .ofSize(requests.size())
                    .map(
                        withDetails -> {
                          Map<String, String> names = new TreeMap<>();
                          for (int i = 0; i < requests.size(); i++) {
                            if (withDetails.get(i)) {
                              names.put(requests.get(i).id(), "Name " + i);
                            }
                          }
                          return new Batch(requests, names);
                        }));
  }

  static Arbitrary<Op> supersedes() {
    return Combinators.combine(Arbitraries.of(IDS), certificates(), detailsNames())
        .as(Supersede::new);
  }

  static Arbitrary<Op> decisions() {
    return Combinators.combine(
            Arbitraries.of(IDS),
            Arbitraries.of(APPLICATIONS),
            Arbitraries.of(DecisionOutcome.class),
            Arbitraries.frequency(Tuple.of(5, DECISION), Tuple.of(1, BIRTH)),
            Arbitraries.of(HASHES),
            Arbitraries.of(IDS).list().ofMaxSize(2).uniqueElements(),
            Arbitraries.of(true, false))
        .as(
            (id, app, outcome, type, hash, results, cites) ->
                new Decide(
                    new DecisionRequest(
                        id,
                        app,
                        outcome,
                        "LAW-12/3",
                        type,
                        hash,
                        SUBJECT_2,
                        cites ? List.of(new RecordRef(SERVICES_NS, "elsewhere-1")) : null,
                        results.isEmpty() ? null : results,
                        null)));
  }

  static Arbitrary<List<String>> typeSubsets() {
    return Arbitraries.of(TYPES).list().ofMaxSize(3).uniqueElements();
  }
}
