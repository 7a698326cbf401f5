package org.servicerecords.registry.chaincode;

import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.VerdictRules;

/** Checks a records write against governance's entry for the namespace. */
final class Authority {

  private Authority() {}

  /**
   * The agency entry, after checking that it names the caller's MSP. Enough for revocation and
   * purge, which only take assertions back.
   */
  static AgencyEntry owner(GovernanceReader governance, String namespace, String callerMsp) {
    AgencyEntry agency = governance.byNamespace(namespace);
    if (agency == null) {
      throw Refusal.of(
          ErrorCode.AGENCY_NOT_FOUND, "no agency is registered for namespace " + namespace);
    }
    if (!agency.msp().equals(callerMsp)) {
      throw Refusal.notAuthorized(
          "namespace " + namespace + " belongs to " + agency.msp() + ", not " + callerMsp);
    }
    return agency;
  }

  /**
   * The agency entry, after checking that it names the caller's MSP, is not suspended ({@code
   * AGENCY_SUSPENDED}), is within its active period at the transaction time ({@code
   * AGENCY_INACTIVE}), and lists every document type. Suspension is checked first, so a suspended
   * agency outside its active period is refused as suspended.
   */
  static AgencyEntry issuing(
      GovernanceReader governance,
      String namespace,
      String callerMsp,
      Instant txTime,
      Collection<String> documentTypes) {
    AgencyEntry agency = owner(governance, namespace, callerMsp);
    if (agency.suspended()) {
      throw Refusal.of(ErrorCode.AGENCY_SUSPENDED, "agency " + agency.msp() + " is suspended");
    }
    if (!VerdictRules.activeAt(agency, txTime)) {
      throw Refusal.of(
          ErrorCode.AGENCY_INACTIVE,
          "agency " + agency.msp() + " is outside its active period at " + txTime);
    }
    for (String type : new TreeSet<>(documentTypes)) {
      if (agency.documentTypes() == null || !agency.documentTypes().contains(type)) {
        throw Refusal.of(
            ErrorCode.ISSUER_NOT_AUTHORIZED,
            "agency " + agency.msp() + " is not authorized for document type " + type);
      }
    }
    return agency;
  }
}
