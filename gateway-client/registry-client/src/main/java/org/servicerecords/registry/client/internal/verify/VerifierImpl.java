package org.servicerecords.registry.client.internal.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.servicerecords.registry.client.Attestation;
import org.servicerecords.registry.client.AttestationException;
import org.servicerecords.registry.client.AttestedReport;
import org.servicerecords.registry.client.AttestedVerification;
import org.servicerecords.registry.client.Attester;
import org.servicerecords.registry.client.DecisionInputsReport;
import org.servicerecords.registry.client.DocumentHash;
import org.servicerecords.registry.client.GovernanceSnapshot;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.VerificationReport;
import org.servicerecords.registry.client.VerificationRequest;
import org.servicerecords.registry.client.Verifier;
import org.servicerecords.registry.client.internal.submit.Connector;
import org.servicerecords.registry.client.internal.submit.ErrorMapper;
import org.servicerecords.registry.client.internal.submit.Ledger;
import org.servicerecords.registry.client.internal.trust.ChannelMsps;
import org.servicerecords.registry.client.internal.trust.Endorsements;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verification;

/** Verification over one connection. */
public final class VerifierImpl implements Verifier {

  private final Ledger ledger;
  private final ExecutorService executor;

  public VerifierImpl(Ledger ledger, ExecutorService executor) {
    this.ledger = ledger;
    this.executor = executor;
  }

  @Override
  public VerificationReport verify(VerificationRequest request) throws RegistryException {
    Objects.requireNonNull(request, "request");
    return verifyHash(
        request.documentHash(), request.at().orElse(null), request.issuer().orElse(null));
  }

  private VerificationReport verifyHash(String documentHash, Instant at, String issuer)
      throws RegistryException {
    String hash = DocumentHash.normalize(documentHash);
    String atText = at == null ? "" : at.toString();
    List<String> namespaces =
        issuer == null ? ledger.governance().namespaces() : List.of(ledger.namespaceOf(issuer));
    List<CompletableFuture<List<Verification>>> futures = new ArrayList<>();
    for (String ns : namespaces) {
      futures.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return ledger.evaluateList(Verification[].class, ns, "VerifyHash", hash, atText);
                } catch (RegistryException e) {
                  throw new CompletionException(e);
                }
              },
              executor));
    }
    List<Verification> all = new ArrayList<>();
    for (CompletableFuture<List<Verification>> future : futures) {
      all.addAll(join(future));
    }
    return VerificationReport.of(hash, at == null ? null : atText, all);
  }

  @Override
  public AttestedReport verifyAttested(VerificationRequest request, Attestation attestation)
      throws RegistryException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(attestation, "attestation");
    String documentHash = request.documentHash();
    Instant at = request.at().orElse(null);
    String issuer = request.issuer().orElse(null);
    String hash = DocumentHash.normalize(documentHash);
    String atText = at == null ? "" : at.toString();
    GovernanceSnapshot governance = ledger.governance();
    List<String> namespaces =
        issuer == null ? governance.namespaces() : List.of(ledger.namespaceOf(issuer));
    List<CompletableFuture<NamespaceAnswer>> futures = new ArrayList<>();
    for (String ns : namespaces) {
      AgencyEntry owner = ownerOf(governance, ns);
      futures.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return attested(ns, owner.msp(), attestation, hash, atText);
                } catch (RegistryException e) {
                  throw new CompletionException(e);
                }
              },
              executor));
    }
    List<Verification> all = new ArrayList<>();
    List<Attester> attesters = new ArrayList<>();
    for (CompletableFuture<NamespaceAnswer> future : futures) {
      NamespaceAnswer answer = join(future);
      all.addAll(answer.verifications());
      attesters.addAll(answer.attesters());
    }
    return new AttestedReport(
        VerificationReport.of(hash, at == null ? null : atText, all), attesters);
  }

  private record NamespaceAnswer(List<Verification> verifications, List<Attester> attesters) {}

  private NamespaceAnswer attested(
      String ns, String owner, Attestation attestation, String hash, String atText)
      throws RegistryException {
    Endorsed<Verification[]> answer =
        endorsedByOrganizations(
            ns, owner, attestation, VERIFY_HASH, Verification[].class, hash, atText);
    return new NamespaceAnswer(Arrays.asList(answer.value()), answer.attesters());
  }

  @Override
  public AttestedVerification verifyRecordAttested(
      String namespace, String id, Instant at, Attestation attestation) throws RegistryException {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(attestation, "attestation");
    String ns = ledger.namespaceOf(namespace);
    AgencyEntry owner = ownerOf(ledger.governance(), ns);
    Endorsed<Verification> answer =
        endorsedByOrganizations(
            ns,
            owner.msp(),
            attestation,
            VERIFY_RECORD,
            Verification.class,
            id,
            at == null ? "" : at.toString());
    return new AttestedVerification(answer.value(), answer.attesters());
  }

  /** The agency that owns a namespace in governance: the first organisation to attest for it. */
  private static AgencyEntry ownerOf(GovernanceSnapshot governance, String ns)
      throws RegistryException {
    AgencyEntry owner = governance.agencyOfNamespace(ns);
    if (owner == null) {
      throw ErrorMapper.forCode(
          ErrorCode.AGENCY_NOT_FOUND,
          "no agency owns namespace '" + ns + "'",
          Stage.LOCAL,
          null,
          null);
    }
    return owner;
  }

  /** An answer every attester signed, read as {@code T}. */
  private record Endorsed<T>(T value, List<Attester> attesters) {}

  /**
   * Evaluates {@code function} by endorsement of the owner's and other organisations' peers,
   * checking every endorsement; reads the channel configuration once more before refusing an
   * unknown organisation or certificate (a new organisation or root may have joined since).
   */
  private <T> Endorsed<T> endorsedByOrganizations(
      String ns,
      String owner,
      Attestation attestation,
      String function,
      Class<T> type,
      String... args)
      throws RegistryException {
    try {
      return endorsedWith(ledger.channelMsps(false), ns, owner, attestation, function, type, args);
    } catch (AttestationException e) {
      if (e.reason() != AttestationException.Reason.UNKNOWN_ORGANISATION
          && e.reason() != AttestationException.Reason.CERTIFICATE_NOT_TRUSTED) {
        throw e;
      }
      return endorsedWith(ledger.channelMsps(true), ns, owner, attestation, function, type, args);
    }
  }

  private <T> Endorsed<T> endorsedWith(
      ChannelMsps msps,
      String ns,
      String owner,
      Attestation attestation,
      String function,
      Class<T> type,
      String... args)
      throws RegistryException {
    List<String> organizations = attestation.choose(owner, othersInOrder(msps, owner));
    Ledger.Endorsed endorsed = ledger.endorseWithoutSubmitting(ns, function, organizations, args);
    String qualified =
        Connector.contractNameOf(ns, ledger.connector().profile().governanceChaincode())
            + ":"
            + function;
    List<String> question = new ArrayList<>();
    question.add(qualified);
    question.addAll(Arrays.asList(args));
    Endorsements.Attested checked =
        Endorsements.check(
            endorsed.envelope(),
            msps,
            new Endorsements.Question(endorsed.transactionId(), ns, question),
            organizations,
            attestation.organizations(),
            Instant.now());
    T value = Ledger.parse(checked.payload(), type, ns + " " + function);
    List<Attester> attesters = new ArrayList<>();
    checked.endorsers().forEach((msp, subject) -> attesters.add(new Attester(ns, msp, subject)));
    return new Endorsed<>(value, attesters);
  }

  private static final String VERIFY_HASH = "VerifyHash";
  private static final String VERIFY_RECORD = "VerifyRecord";

  /**
   * The organisations to ask after the owner (and after the attestation's own preference): the
   * profile's {@code attesters} that the channel holds with peers, then the channel's other
   * organisations with peers by MSP id.
   */
  private List<String> othersInOrder(ChannelMsps msps, String owner) {
    List<String> withPeers = msps.peerOrganizationsOtherThan(owner);
    List<String> ordered = new ArrayList<>();
    for (String msp : ledger.connector().profile().attesters()) {
      if (withPeers.contains(msp) && !ordered.contains(msp)) {
        ordered.add(msp);
      }
    }
    for (String msp : withPeers) {
      if (!ordered.contains(msp)) {
        ordered.add(msp);
      }
    }
    return ordered;
  }

  @Override
  public Verification verifyRecord(String namespace, String id, Instant at)
      throws RegistryException {
    return ledger.evaluate(
        Verification.class,
        ledger.namespaceOf(namespace),
        VERIFY_RECORD,
        id,
        at == null ? "" : at.toString());
  }

  @Override
  public Verification verifyRecordLocally(String namespace, String id, Instant at)
      throws RegistryException {
    String ns = ledger.namespaceOf(namespace);
    Instant when = at == null ? Instant.now() : at;
    return new LocalVerdict(new GatewayReads()).verify(ns, id, when);
  }

  @Override
  public DecisionInputsReport verifyDecisionInputs(String namespace, String decisionId)
      throws RegistryException {
    String ns = ledger.namespaceOf(namespace);
    // One snapshot for every reference: asked per reference, a snapshot not yet kept current by
    // the listener would be re-read by each parallel task.
    GovernanceSnapshot governance = ledger.governance();
    return new DecisionInputs(new GatewayDecisionReads(governance), executor).check(ns, decisionId);
  }

  /**
   * The reads of a decision-inputs check: governance's namespaces from one governance snapshot,
   * records through evaluations in each namespace (routed as {@code records:<Name>}).
   */
  private final class GatewayDecisionReads implements DecisionInputs.Reads {
    private final GovernanceSnapshot governance;

    GatewayDecisionReads(GovernanceSnapshot governance) {
      this.governance = governance;
    }

    @Override
    public RegistryRecord record(String namespace, String id) throws RegistryException {
      return optional(RegistryRecord.class, namespace, "GetRecord", id);
    }

    @Override
    public AgencyEntry agencyByNamespace(String namespace) {
      return governance.agencyOfNamespace(namespace);
    }

    @Override
    public Verification verifyRecord(String namespace, String id, Instant at)
        throws RegistryException {
      return ledger.evaluate(Verification.class, namespace, VERIFY_RECORD, id, at.toString());
    }
  }

  /** The reads of a local verdict, as evaluations through the Gateway. */
  private final class GatewayReads implements LocalVerdict.Reads {
    private final String governance = ledger.connector().profile().governanceChaincode();

    @Override
    public List<RecordHistoryEntry> history(String namespace, String id) throws RegistryException {
      try {
        return ledger.evaluateList(RecordHistoryEntry[].class, namespace, "GetHistory", id);
      } catch (NotFoundException e) {
        return List.of();
      }
    }

    @Override
    public AgencyEntry agencyByNamespace(String namespace) throws RegistryException {
      return optional(AgencyEntry.class, governance, "GetAgencyByNamespace", namespace);
    }

    @Override
    public AgencyEntry agencyAt(String msp, Instant at) throws RegistryException {
      return optional(AgencyEntry.class, governance, "GetAgencyAt", msp, at.toString());
    }

    @Override
    public RegistryRecord record(String namespace, String id) throws RegistryException {
      return optional(RegistryRecord.class, namespace, "GetRecord", id);
    }
  }

  private <T> T optional(Class<T> type, String chaincode, String function, String... args)
      throws RegistryException {
    try {
      return ledger.evaluate(type, chaincode, function, args);
    } catch (NotFoundException e) {
      return null;
    }
  }

  static <T> T join(CompletableFuture<T> future) throws RegistryException {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RegistryException r) {
        throw r;
      }
      throw e;
    }
  }
}
