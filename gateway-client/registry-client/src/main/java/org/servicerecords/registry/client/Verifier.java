package org.servicerecords.registry.client;

import java.time.Instant;
import org.servicerecords.registry.model.Verification;

/**
 * Verification for citizens, banks and other agencies: is this document authentic, who issued it,
 * and is it valid (now or at a past instant)? Needs only a read-only identity ({@code
 * role=verifier}). Obtain one from {@link RegistryConnection#verifier()}.
 */
public interface Verifier {

  /**
   * Verifies a document: looks its hash up, at the request's instant (now when absent), with the
   * request's issuer (every agency in parallel when absent).
   *
   * @param request the hash (or file, hashed when the request was built), instant and issuer
   * @return the report
   * @throws RegistryException if the lookup fails ({@link NotFoundException} for an unknown issuer)
   */
  VerificationReport verify(VerificationRequest request) throws RegistryException;

  /**
   * Verifies a document by its SHA-256 with an answer that trusts no single peer: {@code
   * VerifyHash} is endorsed, never submitted, by peers of the record owner's organisation and of
   * {@code attestation.organizations() - 1} others (the preferred first), and the library checks
   * every endorsement itself: the endorser's certificate chains to its organisation's root
   * certificates in the channel configuration (read once per connection with qscc {@code
   * GetConfigBlock}), is valid now and is a peer's ({@code OU=peer}); its ECDSA signature verifies
   * over the one answer; the endorsed proposal is this question; every organisation asked endorsed.
   * The verdict is read from that signed answer. With no issuer, every agency's namespace is asked
   * in parallel, each attested by its own owner and others.
   *
   * @param request the hash (or file, hashed when the request was built), instant and issuer
   * @param attestation how many organisations must attest, and which to ask first
   * @return the report with its attesters
   * @throws AttestationException if the endorsements do not prove the answer, with the {@link
   *     AttestationException.Reason}
   * @throws RegistryException if the lookup fails ({@link NotFoundException} for an unknown issuer,
   *     {@link NetworkException} when an organisation asked has no peer that answers)
   */
  AttestedReport verifyAttested(VerificationRequest request, Attestation attestation)
      throws RegistryException;

  /**
   * Verifies one record by id, computed by the contract.
   *
   * @param namespace the record's namespace (or its agency's MSP id)
   * @param id the record id
   * @param at the instant, or {@code null} for now
   * @return the verification
   * @throws RegistryException if the lookup fails
   */
  Verification verifyRecord(String namespace, String id, Instant at) throws RegistryException;

  /**
   * Verifies one record by id with an answer that trusts no single peer: {@code VerifyRecord} is
   * endorsed, never submitted, by peers of the namespace owner's organisation and of {@code
   * attestation.organizations() - 1} others, every endorsement checked as for {@link
   * #verifyAttested}.
   *
   * @param namespace the record's namespace (or its agency's MSP id)
   * @param id the record id
   * @param at the instant, or {@code null} for now
   * @param attestation how many organisations must attest, and which to ask first
   * @return the verification ({@code UNKNOWN} when no such record exists) with its attesters
   * @throws AttestationException if the endorsements do not prove the answer
   * @throws RegistryException if the lookup fails ({@link NotFoundException} for an unknown
   *     namespace, {@link NetworkException} when an organisation asked has no peer that answers)
   */
  AttestedVerification verifyRecordAttested(
      String namespace, String id, Instant at, Attestation attestation) throws RegistryException;

  /**
   * Verifies one record by id, computed in the library with the contract's own rules ({@code
   * VerdictRules}) from the record's history and governance's history. Gives the same verdict as
   * {@link #verifyRecord}; costs more queries.
   *
   * @param namespace the record's namespace (or its agency's MSP id)
   * @param id the record id
   * @param at the instant, or {@code null} for now
   * @return the verification
   * @throws RegistryException if a lookup fails
   */
  Verification verifyRecordLocally(String namespace, String id, Instant at)
      throws RegistryException;

  /**
   * Checks the records a decision relied on, each at the decision's instant: for every reference in
   * {@code Decision.inputRecords}, {@code records:VerifyRecord(id, decidedAt)} in the reference's
   * own namespace, the namespaces asked in parallel. The contract stores these references unchecked
   * (a records namespace never calls another), so this is where they are checked. A reference to a
   * namespace no agency owns in governance is UNKNOWN with a reason and that namespace is not
   * asked; an absent record is UNKNOWN; a namespace that refuses the query makes its references
   * UNKNOWN with the refusal as reason. At most {@code InputRules.MAX_LIST} references are checked,
   * as the contract stores no more.
   *
   * @param namespace the decision's namespace (or its agency's MSP id)
   * @param decisionId the decision record's id
   * @return the report, with per reference the verdict at {@code decidedAt} and overall whether all
   *     inputs were valid when decided
   * @throws NotFoundException if the namespace is unknown or holds no record with that id
   * @throws InvalidArgumentException if the record is not a decision
   * @throws RegistryException if a read fails ({@link NetworkException} when peers are unreachable)
   */
  DecisionInputsReport verifyDecisionInputs(String namespace, String decisionId)
      throws RegistryException;
}
