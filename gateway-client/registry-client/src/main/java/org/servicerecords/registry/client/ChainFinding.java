package org.servicerecords.registry.client;

import java.util.Objects;

/**
 * One thing {@link Auditor#verifyChain} found wrong with a block or with a transaction in it.
 *
 * @param block the block number
 * @param transactionIndex the transaction's index in the block, or -1 for the block itself
 * @param transactionId the transaction id, or an empty string when unknown or for the block itself
 * @param reason the stable reason code
 * @param detail what was found, in words (for people; may change)
 * @param peerValidationCode for a transaction, the validation code the peer recorded for it ({@code
 *     VALID}, {@code MVCC_READ_CONFLICT}, ...); empty for a block finding
 * @param peer the address ({@code host:port}) of the peer that served the block, or an empty string
 *     when not known
 */
public record ChainFinding(
    long block,
    int transactionIndex,
    String transactionId,
    Reason reason,
    String detail,
    String peerValidationCode,
    String peer) {

  /** Checks the fields. */
  public ChainFinding {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(peerValidationCode, "peerValidationCode");
    Objects.requireNonNull(peer, "peer");
  }

  /**
   * A finding whose peer is not known yet.
   *
   * @param block the block number
   * @param transactionIndex the transaction's index, or -1 for the block itself
   * @param transactionId the transaction id, or an empty string
   * @param reason the reason
   * @param detail what was found
   * @param peerValidationCode the peer's validation code for the transaction, or empty
   */
  public ChainFinding(
      long block,
      int transactionIndex,
      String transactionId,
      Reason reason,
      String detail,
      String peerValidationCode) {
    this(block, transactionIndex, transactionId, reason, detail, peerValidationCode, "");
  }

  /**
   * The same finding, naming the peer that served the block.
   *
   * @param address the peer's address
   * @return the finding
   */
  public ChainFinding fromPeer(String address) {
    return new ChainFinding(
        block, transactionIndex, transactionId, reason, detail, peerValidationCode, address);
  }

  /** Stable reason codes; scripts may rely on the names. */
  public enum Reason {
    /** The block (or its header, data or metadata) cannot be parsed. */
    BLOCK_MALFORMED,
    /** The block's number is not the one after the previous block's. */
    NUMBER_OUT_OF_SEQUENCE,
    /** The header's previous hash is not the SHA-256 of the previous block's header. */
    PREVIOUS_HASH_MISMATCH,
    /** The header's data hash is not the SHA-256 of the block's envelopes. */
    DATA_HASH_MISMATCH,
    /** The block carries no orderer signature (from block 1 on). */
    ORDERER_SIGNATURE_MISSING,
    /**
     * An orderer signature does not verify (wrong bytes, forged, or a high-S ECDSA signature that
     * Fabric refuses), or its signer cannot be identified.
     */
    ORDERER_SIGNATURE_INVALID,
    /**
     * An orderer signature's certificate does not chain to a root of its organisation in the
     * channel configuration in force, or names an organisation the configuration does not hold.
     */
    ORDERER_SIGNER_NOT_TRUSTED,
    /**
     * The valid orderer signatures do not satisfy the channel's {@code /Channel/Orderer/
     * BlockValidation} policy in force (Raft: a Writer of an ordering organisation; BFT: a quorum
     * of the consenters).
     */
    BLOCK_VALIDATION_POLICY_NOT_SATISFIED,
    /** A configuration block's configuration cannot be read; the previous one stays in force. */
    CONFIG_MALFORMED,
    /** The validation flags do not have one entry per transaction. */
    VALIDATION_FLAGS_MALFORMED,
    /** A transaction envelope, its header or its actions cannot be parsed. */
    TRANSACTION_MALFORMED,
    /** The transaction id is not the hex SHA-256 of the nonce and the creator. */
    TRANSACTION_ID_MISMATCH,
    /**
     * The creator's certificate does not chain to a root of its organisation in the configuration
     * in force, or names an organisation the configuration does not hold.
     */
    CREATOR_NOT_TRUSTED,
    /** The creator's signature over the envelope's payload does not verify. */
    CREATOR_SIGNATURE_INVALID,
    /** An endorser transaction carries an action without endorsements. */
    ENDORSEMENT_MISSING,
    /**
     * An endorser's certificate does not chain to a root of its organisation in the configuration
     * in force, or names an organisation the configuration does not hold.
     */
    ENDORSER_NOT_TRUSTED,
    /**
     * An endorsement's signature over the proposal response payload and the endorser does not
     * verify.
     */
    ENDORSEMENT_SIGNATURE_INVALID,
    /** The endorsed response's proposal hash is not the hash of the transaction's proposal. */
    PROPOSAL_HASH_MISMATCH,
    /**
     * Another peer serves the block differently from the verified chain: its header hash differs,
     * or its envelopes do not hash to its header's data hash (a block altered in that peer's
     * storage). {@link ChainFinding#peer()} names the peer.
     */
    PEER_BLOCK_DIFFERS,
    /**
     * Another peer recorded other validation codes for the block's transactions than the peer the
     * chain was verified from: their world states differ from there on.
     */
    PEER_VALIDATION_DIFFERS,
    /**
     * The validation code the peer recorded for a transaction (its validation flags, which no
     * orderer signs) differs from the one recomputed by replaying Fabric's validation from block 0:
     * duplicate transaction ids, endorsement policies of the namespaces and collections written,
     * MVCC read versions, range queries and hashed private reads. The detail names both codes.
     */
    VALIDATION_CODE_MISMATCH,
    /**
     * A transaction writes to an organisation's implicit private data collection ({@code
     * _implicit_org_<MSP>}) other than its creator's organisation's.
     */
    IMPLICIT_COLLECTION_FOREIGN_WRITE,
    /**
     * A transaction's channel-header timestamp lies more than the tolerance (15 minutes by default)
     * before the latest timestamp of the valid transactions of earlier blocks: it was backdated, or
     * held back before ordering.
     */
    TIMESTAMP_OUT_OF_ORDER,
    /**
     * Only a note: part of a transaction's validation the replay does not recompute (a custom
     * validation plugin, a transaction that cannot be parsed).
     */
    VALIDATION_NOT_RECOMPUTED
  }

  /**
   * Whether this is about a block rather than one of its transactions.
   *
   * @return true for a block finding
   */
  public boolean blockLevel() {
    return transactionIndex < 0;
  }
}
