package org.servicerecords.registry.client;

import java.util.List;
import java.util.Objects;

/**
 * A chaincode event that {@link Auditor#watch} did not deliver, or that {@link Auditor#scanEvents}
 * reports as not to be trusted, because the transaction carrying it does not show that the
 * namespace's owner wrote it. Events are hints: any organisation can commit a VALID transaction in
 * another agency's namespace that writes only its own implicit private collection and carries an
 * event in that namespace's name (docs/architecture.md, "Trust model"), so an event counts only
 * when its transaction's endorsements satisfy the owner's own rule (see {@link Reason}).
 *
 * @param blockNumber the block holding the transaction
 * @param transactionId the transaction
 * @param namespace the namespace watched (the chaincode that emitted the event)
 * @param endorsingMsps the organisations the transaction's endorsements name, in endorsement order,
 *     as claimed (unchecked: a claim that did not pass is the reason)
 * @param foreignCollections the implicit private collections of the namespace the transaction
 *     writes other than the owner's (the attack's write pattern; usually empty)
 * @param reason why the event was not accepted
 * @param detail one line saying what was found (organisations, validation code, collections)
 */
public record IgnoredEvent(
    long blockNumber,
    String transactionId,
    String namespace,
    List<String> endorsingMsps,
    List<String> foreignCollections,
    Reason reason,
    String detail) {

  /** Why an event was not accepted, in the order the checks run. */
  public enum Reason {
    /**
     * The transaction is not VALID: the block's validation flags (metadata {@code
     * TRANSACTIONS_FILTER}) mark it invalid (MVCC_READ_CONFLICT, ENDORSEMENT_POLICY_FAILURE,
     * DUPLICATE_TXID ...). Fabric never delivers such a transaction's event as a chaincode event
     * and it wrote nothing; benign causes (a race, a resubmission of the same bytes) are common.
     */
    NOT_VALID,
    /** The transaction or its chaincode action cannot be parsed, or holds other than one action. */
    MALFORMED,
    /**
     * The endorsed proposal response does not answer the transaction's proposal (its proposal hash
     * does not match the channel header, signature header and proposal payload it travels with).
     */
    PROPOSAL_MISMATCH,
    /**
     * No endorsement names the namespace's owner: the transaction was endorsed by other
     * organisations only (the fake-event pattern of docs/architecture.md, "Trust model").
     */
    NOT_ENDORSED_BY_OWNER,
    /**
     * An endorsement names the owner, but its signature does not verify over the proposal response
     * payload and the endorser.
     */
    SIGNATURE_INVALID,
    /**
     * An endorsement names the owner, but its certificate does not chain to the owner's roots in
     * the channel configuration or was not valid at the transaction's timestamp.
     */
    CERTIFICATE_NOT_TRUSTED,
    /** An endorsement names the owner, but its certificate is not a peer's (no {@code OU=peer}). */
    NOT_A_PEER,
    /** The owner (or a member) is not an organisation of the channel configuration. */
    UNKNOWN_ORGANISATION,
    /**
     * Governance's events: fewer distinct member organisations than a majority have a checked peer
     * endorsement on the transaction.
     */
    TOO_FEW_ORGANISATIONS,
    /**
     * The transaction writes an implicit private collection of the namespace other than the owner's
     * ({@code _implicit_org_<OwnerMSP>}; in governance, which keeps no private data, any implicit
     * collection): the write pattern of the fake-event attack.
     */
    FOREIGN_COLLECTION_WRITE,
    /**
     * The owner endorsed the transaction, but it wrote nothing public in the namespace, only the
     * owner's own private collection (validated by the owner's endorsement alone), while its event
     * claims more than stored details: an owner running modified code can commit such an event
     * without any co-endorser. Only {@code DETAILS_STORED} may come from such a transaction.
     */
    NO_PUBLIC_WRITE
  }

  /** Checks the fields and copies the list. */
  public IgnoredEvent {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(namespace, "namespace");
    endorsingMsps = List.copyOf(Objects.requireNonNull(endorsingMsps, "endorsingMsps"));
    foreignCollections =
        List.copyOf(Objects.requireNonNull(foreignCollections, "foreignCollections"));
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
