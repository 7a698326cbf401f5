package org.servicerecords.registry.client;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.internal.submit.ErrorMapper;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.VerdictRules;

/**
 * The consortium's agencies as last read from governance: which agencies exist, the namespace of
 * each, the document types each may issue, and whether each is active. Immutable; the client
 * replaces it when a governance event arrives, so checks need no query per submission.
 */
public final class GovernanceSnapshot {

  private final Map<String, AgencyEntry> byMsp;
  private final Map<String, AgencyEntry> byNamespace;
  private final Instant readAt;

  private GovernanceSnapshot(Collection<AgencyEntry> agencies, Instant readAt) {
    Map<String, AgencyEntry> msp = new TreeMap<>();
    Map<String, AgencyEntry> ns = new TreeMap<>();
    for (AgencyEntry agency : agencies) {
      msp.put(agency.msp(), agency);
      if (agency.namespace() != null) {
        ns.put(agency.namespace(), agency);
      }
    }
    this.byMsp = Map.copyOf(msp);
    this.byNamespace = Map.copyOf(ns);
    this.readAt = readAt;
  }

  /**
   * Creates a snapshot.
   *
   * @param agencies the agencies, as listed by governance
   * @param readAt when they were read
   * @return the snapshot
   */
  public static GovernanceSnapshot of(Collection<AgencyEntry> agencies, Instant readAt) {
    return new GovernanceSnapshot(
        Objects.requireNonNull(agencies, "agencies"), Objects.requireNonNull(readAt, "readAt"));
  }

  /**
   * Returns when the snapshot was read.
   *
   * @return the instant
   */
  public Instant readAt() {
    return readAt;
  }

  /**
   * Returns the agency of an MSP id.
   *
   * @param msp the MSP id
   * @return the agency, or {@code null}
   */
  public AgencyEntry agency(String msp) {
    return byMsp.get(msp);
  }

  /**
   * Returns the agency owning a records namespace.
   *
   * @param namespace the chaincode name
   * @return the agency, or {@code null}
   */
  public AgencyEntry agencyOfNamespace(String namespace) {
    return byNamespace.get(namespace);
  }

  /**
   * Returns every records namespace (sorted).
   *
   * @return the namespaces
   */
  public List<String> namespaces() {
    return byNamespace.keySet().stream().sorted().toList();
  }

  /**
   * Returns every agency (sorted by MSP id).
   *
   * @return the agencies
   */
  public List<AgencyEntry> agencies() {
    return byMsp.values().stream().sorted((a, b) -> a.msp().compareTo(b.msp())).toList();
  }

  /**
   * Resolves a namespace named by a person: a namespace, or an agency's MSP id.
   *
   * @param issuer namespace or MSP id
   * @return the namespace, or {@code null} if neither matches
   */
  public String resolveNamespace(String issuer) {
    if (byNamespace.containsKey(issuer)) {
      return issuer;
    }
    AgencyEntry agency = byMsp.get(issuer);
    return agency == null ? null : agency.namespace();
  }

  /**
   * Checks, before anything is sent, that an agency may issue a document type now. The contract
   * checks the same at endorsement; this only refuses early with a clear error.
   *
   * @param msp the agency's MSP id
   * @param documentType the document type
   * @param now the current instant
   * @throws ContractException ({@link NotFoundException} for an unknown agency, {@link
   *     AgencySuspendedException}, {@link AgencyInactiveException} when not suspended but outside
   *     its active period, {@link IssuerNotAuthorizedException}) raised at {@link Stage#LOCAL}, in
   *     the contract's order
   */
  public void checkMayIssue(String msp, String documentType, Instant now) throws ContractException {
    AgencyEntry agency = byMsp.get(msp);
    if (agency == null || agency.namespace() == null) {
      throw ErrorMapper.forCode(
          ErrorCode.AGENCY_NOT_FOUND,
          "'" + msp + "' is not a registered issuing agency",
          Stage.LOCAL,
          null,
          null);
    }
    if (agency.suspended()) {
      throw ErrorMapper.forCode(
          ErrorCode.AGENCY_SUSPENDED, "agency '" + msp + "' is suspended", Stage.LOCAL, null, null);
    }
    if (!VerdictRules.activeAt(agency, now)) {
      throw ErrorMapper.forCode(
          ErrorCode.AGENCY_INACTIVE,
          "agency '" + msp + "' is outside its active period at " + now,
          Stage.LOCAL,
          null,
          null);
    }
    if (agency.documentTypes() == null || !agency.documentTypes().contains(documentType)) {
      throw ErrorMapper.forCode(
          ErrorCode.ISSUER_NOT_AUTHORIZED,
          "agency '"
              + msp
              + "' may not issue "
              + documentType
              + " (allowed: "
              + (agency.documentTypes() == null ? List.of() : agency.documentTypes())
              + ")",
          Stage.LOCAL,
          null,
          null);
    }
  }
}
