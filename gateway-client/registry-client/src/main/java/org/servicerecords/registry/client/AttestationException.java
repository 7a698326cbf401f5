package org.servicerecords.registry.client;

import java.util.Objects;

/**
 * An attested verification that could not be trusted: the endorsements the Gateway returned did not
 * prove the answer came, signed, from peers of the organisations asked. Never accompanied by a
 * verdict. {@link #reason()} says which check failed.
 */
public final class AttestationException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /** Which check of an attestation failed. */
  public enum Reason {
    /** An endorsement's signature does not verify over the answer and the endorser. */
    SIGNATURE_INVALID,
    /** An endorser's certificate is not a peer's (no {@code OU=peer}). */
    NOT_A_PEER,
    /** An endorser names an organisation the channel configuration does not hold. */
    UNKNOWN_ORGANISATION,
    /**
     * An endorser's certificate does not chain to its organisation's root certificates, or is not
     * valid now.
     */
    CERTIFICATE_NOT_TRUSTED,
    /** Fewer distinct organisations than asked endorsed, or an organisation asked is missing. */
    TOO_FEW_ORGANISATIONS,
    /**
     * The endorsed transaction is not the question asked (other transaction id, chaincode, function
     * or arguments, or a proposal hash that does not match).
     */
    NOT_THE_QUESTION_ASKED,
    /** The envelope, an identity, a certificate or the answer cannot be parsed. */
    MALFORMED,
    /**
     * The organisations' peers gave different answers to the same question (the Gateway found their
     * proposal response payloads unequal): at least one of them runs other code or reads another
     * ledger, and no answer is trusted.
     */
    ANSWERS_DIFFER
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason which check failed
   * @param message one line naming the check and, where there is one, the organisation
   * @param cause the underlying exception, or {@code null}
   */
  public AttestationException(Reason reason, String message, Throwable cause) {
    super(
        "attestation refused (" + Objects.requireNonNull(reason, "reason") + "): " + message,
        null,
        Stage.ENDORSE,
        null,
        null,
        cause);
    this.reason = reason;
  }

  /**
   * Returns which check failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
