package org.servicerecords.registry.client.internal.verify;

import java.time.Instant;
import java.util.List;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.VerdictRules;
import org.servicerecords.registry.model.Verification;

/**
 * The verdict on one record computed in the library, from four ledger reads and the shared {@link
 * VerdictRules}: the record's history ({@code records:GetHistory}) gives the version in force at
 * the instant and the anchoring instant; governance's agency for the namespace ({@code
 * governance:GetAgencyByNamespace}) names the issuer; that agency's entry at the anchoring instant
 * ({@code governance:GetAgencyAt}) decides whether it was authorised; and for a superseded version
 * the {@code supersededBy} links are followed ({@code records:GetRecord}) to the record in force
 * now. It answers what the contract's {@code records:VerifyRecord} answers for the same ledger and
 * instant; {@code LocalVerdictAgreementTest} checks that on the real contract.
 *
 * <p>The instant is always explicit here: {@link VerifierImpl#verifyRecordLocally} passes the
 * caller's clock when none is asked for, where the contract uses its transaction timestamp.
 */
public final class LocalVerdict {

  /**
   * Most records read to follow supersession links, as in the contract: the first link is the
   * version's own {@code supersededBy}, and each read record may give one more.
   */
  static final int MAX_SUPERSESSION_HOPS = 32;

  /**
   * The ledger reads a local verdict rests on. Each answers an absent thing with an empty list or
   * {@code null}, never with a {@link NotFoundException}.
   */
  interface Reads {
    /**
     * {@code records:GetHistory} in a records namespace.
     *
     * @param namespace the records namespace
     * @param id the record id
     * @return the record's versions as the contract lists them, empty if it has none
     * @throws RegistryException if the read fails
     */
    List<RecordHistoryEntry> history(String namespace, String id) throws RegistryException;

    /**
     * {@code governance:GetAgencyByNamespace}.
     *
     * @param namespace the records namespace
     * @return governance's agency for it now, or {@code null} if none
     * @throws RegistryException if the read fails
     */
    AgencyEntry agencyByNamespace(String namespace) throws RegistryException;

    /**
     * {@code governance:GetAgencyAt}.
     *
     * @param msp the agency's MSP id
     * @param at the instant
     * @return the agency's entry in force at that instant, or {@code null} if none
     * @throws RegistryException if the read fails
     */
    AgencyEntry agencyAt(String msp, Instant at) throws RegistryException;

    /**
     * {@code records:GetRecord} in a records namespace.
     *
     * @param namespace the records namespace
     * @param id the record id
     * @return the record as stored now, or {@code null} if none
     * @throws RegistryException if the read fails
     */
    RegistryRecord record(String namespace, String id) throws RegistryException;
  }

  private final Reads reads;

  LocalVerdict(Reads reads) {
    this.reads = reads;
  }

  /**
   * Computes the verdict on one record.
   *
   * @param namespace the records namespace holding the record
   * @param id the record id
   * @param at the instant the verdict is for
   * @return the verification, {@code UNKNOWN} if the namespace holds no such record
   * @throws RegistryException if a read fails
   */
  Verification verify(String namespace, String id, Instant at) throws RegistryException {
    List<RecordHistoryEntry> history = reads.history(namespace, id);
    RegistryRecord version = VerdictRules.versionAt(history, at);
    if (version == null) {
      return VerdictRules.verify(namespace, null, null, null, null, at, null);
    }
    Instant anchoredAt = VerdictRules.anchoredAt(history);
    AgencyEntry issuer = reads.agencyByNamespace(namespace);
    AgencyEntry issuerThen = issuer == null ? null : reads.agencyAt(issuer.msp(), anchoredAt);
    String current =
        version.status() == RecordStatus.SUPERSEDED
            ? inForce(namespace, version.supersededBy())
            : null;
    return VerdictRules.verify(namespace, version, anchoredAt, issuer, issuerThen, at, current);
  }

  /**
   * Follows supersededBy links from a version's successor to the record in force now, reading at
   * most {@link #MAX_SUPERSESSION_HOPS} records; past that, the last link read names the answer.
   */
  private String inForce(String namespace, String successorId) throws RegistryException {
    String id = successorId;
    for (int hop = 0; hop < MAX_SUPERSESSION_HOPS && id != null; hop++) {
      RegistryRecord next = reads.record(namespace, id);
      if (next == null || next.supersededBy() == null) {
        return id;
      }
      id = next.supersededBy();
    }
    return id;
  }
}
