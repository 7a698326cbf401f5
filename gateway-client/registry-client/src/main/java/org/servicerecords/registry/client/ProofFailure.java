package org.servicerecords.registry.client;

/** Why a portable proof failed a check (docs/proofs.md). Stable names: scripts may rely on them. */
public enum ProofFailure {
  /**
   * The file is not a proof: not UTF-8 JSON, a field missing, unknown or of the wrong type, bad
   * base64, a protobuf message that does not parse, or a structure the proof cannot hold.
   */
  PROOF_MALFORMED,
  /** The proof's format name or version is not one this verifier reads. */
  UNSUPPORTED_VERSION,
  /**
   * The file is not in its one canonical form: JSON, base64 or a protobuf message (re-serialized
   * bytes differ, or it carries fields unknown to the protobuf schema).
   */
  NOT_CANONICAL,
  /**
   * A human-readable field (record, ids, hash, block number, namespace, attested answer) is not
   * what the signed bytes it restates say.
   */
  RESTATEMENT_MISMATCH,
  /** The document given is not the one the record anchors. */
  DOCUMENT_MISMATCH,
  /** The transaction id is not SHA-256 of the nonce and the creator. */
  TRANSACTION_ID_MISMATCH,
  /** An endorsed response does not answer its proposal (the proposal hash). */
  PROPOSAL_HASH_MISMATCH,
  /**
   * A signer (creator, endorser, orderer) names an organisation the roots do not hold, or its
   * certificate does not chain to that organisation's roots.
   */
  UNTRUSTED_SIGNER,
  /** A signer lacks the role the check needs (peer for an endorser, orderer for a block). */
  WRONG_ROLE,
  /** A signature does not verify (or is high-S, which Fabric refuses). */
  SIGNATURE_INVALID,
  /**
   * The endorsements are not by peers of at least two organisations, one of them the record's
   * issuing agency.
   */
  TOO_FEW_ORGANISATIONS,
  /** The block's data hash is not SHA-256 of its envelopes. */
  DATA_HASH_MISMATCH,
  /** The block carries no orderer signature. */
  ORDERER_SIGNATURE_MISSING,
  /** The peer recorded the anchoring transaction as not VALID. */
  TRANSACTION_NOT_VALID,
  /**
   * The attestation is not about the anchored record: another question, namespace, record or
   * issuer, or a time that is not the proposal's.
   */
  ATTESTATION_MISMATCH,
  /** The attestation is older than the verifier accepts ({@code --max-age}). */
  ATTESTATION_TOO_OLD,
  /**
   * Something this verifier cannot check: a version-1 proof whose block is signed by BFT consenter
   * ids (it lacks the configuration block that names them).
   */
  UNSUPPORTED,
  /**
   * A BFT orderer signature names a consenter id that the configuration block's consenter mapping
   * does not hold.
   */
  UNKNOWN_CONSENTER,
  /** The distinct consenters whose signatures verified are fewer than the BFT quorum. */
  QUORUM_NOT_REACHED,
  /**
   * The configuration block is not the one in force for the block (its number is not the last
   * configuration the block names), not a BFT configuration of the channel, or has no usable
   * consenter mapping; or the proof's version does not match the kind of its block signatures.
   */
  CONFIGURATION_MISMATCH
}
