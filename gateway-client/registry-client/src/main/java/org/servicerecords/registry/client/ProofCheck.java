package org.servicerecords.registry.client;

import java.util.Objects;

/**
 * One check of a portable proof and its outcome.
 *
 * @param check which check
 * @param status passed, failed, or skipped (an earlier check failed, or nothing to check)
 * @param reason why it failed, or {@code null} unless failed
 * @param detail what the check established, or why it failed, in words (for people; may change)
 */
public record ProofCheck(Check check, Status status, ProofFailure reason, String detail) {

  /** The checks, in the order the verifier makes them. */
  public enum Check {
    /** The file: format, version, canonical JSON, base64 and protobuf. */
    FORMAT,
    /**
     * Inclusion in a block: data hash over the envelopes, the header, the orderer signatures, the
     * transaction at its index, the peer's validation flag.
     */
    BLOCK,
    /**
     * The anchoring transaction: transaction id, creator signature, proposal hash, every
     * endorsement, endorsers of at least two organisations.
     */
    TRANSACTION,
    /** The record's content and document hash, from the transaction's write set. */
    RECORD,
    /** The attestation of the record's current status by peers of at least two organisations. */
    ATTESTATION,
    /** The document given, hashed, against the anchored hash. */
    DOCUMENT
  }

  /** A check's outcome. */
  public enum Status {
    /** The check passed; its detail says what it established. */
    PASSED,
    /** The check failed; its reason and detail say why. */
    FAILED,
    /** The check was not made: the file could not be read, or no document was given. */
    SKIPPED
  }

  /** Checks the fields. */
  public ProofCheck {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    if ((status == Status.FAILED) != (reason != null)) {
      throw new IllegalArgumentException("a reason exactly when failed");
    }
  }
}
