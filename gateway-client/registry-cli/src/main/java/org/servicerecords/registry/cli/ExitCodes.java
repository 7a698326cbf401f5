package org.servicerecords.registry.cli;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.servicerecords.registry.client.AgencyInactiveException;
import org.servicerecords.registry.client.AgencySuspendedException;
import org.servicerecords.registry.client.AlreadyExistsException;
import org.servicerecords.registry.client.AttestationException;
import org.servicerecords.registry.client.ContractException;
import org.servicerecords.registry.client.DetailsNotStoredException;
import org.servicerecords.registry.client.InvalidArgumentException;
import org.servicerecords.registry.client.IssuerNotAuthorizedException;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.NotAuthorizedException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.ca.CaAnswerTooLargeException;
import org.servicerecords.registry.client.ca.CaAuthenticationException;
import org.servicerecords.registry.client.ca.CaException;
import org.servicerecords.registry.client.ca.CaUnreachableException;
import org.servicerecords.registry.client.identity.IdentityException;
import org.servicerecords.registry.client.profile.ProfileException;
import org.servicerecords.registry.model.Verdict;

/** The CLI's exit codes, documented in docs/client.md; scripts may rely on them. */
public final class ExitCodes {

  /** Success; for {@code verify}: the document is VALID. */
  public static final int OK = 0;

  /** {@code verify}: the document is known but not valid (revoked, superseded, expired, ...). */
  public static final int NOT_VALID = 1;

  /** The command line is wrong (unknown option, missing parameter). */
  public static final int USAGE = 2;

  /** No such record, application or agency; for {@code verify}: UNKNOWN document. */
  public static final int NOT_FOUND = 3;

  /**
   * The identity may not do this (contract or CA refused it), or the issuer is not authorised,
   * suspended or outside its active period.
   */
  public static final int NOT_AUTHORIZED = 4;

  /** Bad input: invalid hash, missing or unreadable file, invalid record fields. */
  public static final int BAD_INPUT = 5;

  /**
   * Network failure: peers or CA unreachable, deadline passed, outcome unknown; the CA's answer
   * larger than the client reads.
   */
  public static final int NETWORK = 6;

  /** Refused for the ledger's state: a different record with that id exists, already revoked. */
  public static final int REFUSED = 7;

  /** Configuration: missing or malformed profile, unreadable or expired identity. */
  public static final int CONFIG = 8;

  /**
   * A batch finished with records not anchored (see the report), or a record was anchored but its
   * personal details are not stored yet; in both cases the same command again completes it.
   */
  public static final int PARTIAL = 9;

  /** An unexpected internal error. */
  public static final int INTERNAL = 10;

  /**
   * {@code verify}: the answer could not be attested (an endorsement's signature, certificate or
   * organisation did not check out, or too few organisations endorsed); no verdict is given.
   */
  public static final int ATTESTATION = 11;

  /**
   * {@code audit events}: at least one event of the namespace was ignored (its transaction was not
   * VALID, or not shown to come from the namespace's owner) or a VALID transaction wrote another
   * organisation's implicit collection in it; the report says which and why.
   */
  public static final int EVENTS_IGNORED = 12;

  /**
   * {@code audit verify-chain}: the chain has findings (a broken link or data hash, orderer
   * signatures missing, forged or not enough, bad creator or endorsement signatures in VALID
   * transactions); the report lists them with block, transaction and reason.
   */
  public static final int CHAIN_FINDINGS = 13;

  /**
   * {@code proof verify}: the proof failed a check (tampered, not canonical, signed by no root
   * given, ...); the report names the check and the reason.
   */
  public static final int PROOF_FAILED = 14;

  /**
   * {@code proof verify}: every check of the proof passed but the document given is not the one the
   * record anchors.
   */
  public static final int DOCUMENT_MISMATCH = 15;

  /**
   * What a code means in general, for the exit code list of every command's help (a command lists
   * its own meaning of a code where it has one, as {@code verify} does for 0, 1 and 3).
   */
  static final Map<Integer, String> MEANINGS =
      Collections.unmodifiableMap(
          new TreeMap<>(
              Map.ofEntries(
                  Map.entry(OK, "success"),
                  Map.entry(NOT_VALID, "verify: known but not valid; verify-decision: not all"),
                  Map.entry(USAGE, "usage: unknown option, missing parameter"),
                  Map.entry(NOT_FOUND, "not found: no such record, application or agency"),
                  Map.entry(NOT_AUTHORIZED, "not authorised, or the agency suspended or inactive"),
                  Map.entry(BAD_INPUT, "bad input: invalid hash, instant or fields; missing file"),
                  Map.entry(NETWORK, "network: peers or CA unreachable, outcome unknown (rerun)"),
                  Map.entry(REFUSED, "refused for the ledger's state (e.g. a different record)"),
                  Map.entry(CONFIG, "configuration: profile or identity missing or malformed"),
                  Map.entry(PARTIAL, "partly done: run the same command again to complete it"),
                  Map.entry(INTERNAL, "internal error"),
                  Map.entry(ATTESTATION, "verify: the answer could not be attested"),
                  Map.entry(EVENTS_IGNORED, "audit events: at least one event was ignored"),
                  Map.entry(CHAIN_FINDINGS, "audit verify-chain: the chain has findings"),
                  Map.entry(PROOF_FAILED, "proof verify: the proof failed a check"),
                  Map.entry(
                      DOCUMENT_MISMATCH, "proof verify: the document is not the anchored one"))));

  /**
   * Failure types and their codes, the first match winning: a subtype before its supertypes, the
   * library's specific exceptions before the general ones.
   */
  private static final List<Map.Entry<Class<? extends Throwable>, Integer>> BY_TYPE =
      List.of(
          Map.entry(AttestationException.class, ATTESTATION),
          Map.entry(NotFoundException.class, NOT_FOUND),
          Map.entry(NotAuthorizedException.class, NOT_AUTHORIZED),
          Map.entry(IssuerNotAuthorizedException.class, NOT_AUTHORIZED),
          Map.entry(AgencySuspendedException.class, NOT_AUTHORIZED),
          Map.entry(AgencyInactiveException.class, NOT_AUTHORIZED),
          Map.entry(CaAuthenticationException.class, NOT_AUTHORIZED),
          Map.entry(InvalidArgumentException.class, BAD_INPUT),
          Map.entry(IllegalArgumentException.class, BAD_INPUT),
          Map.entry(NetworkException.class, NETWORK),
          Map.entry(CaUnreachableException.class, NETWORK),
          Map.entry(CaAnswerTooLargeException.class, NETWORK),
          Map.entry(AlreadyExistsException.class, REFUSED),
          Map.entry(ContractException.class, REFUSED),
          Map.entry(ProfileException.class, CONFIG),
          Map.entry(IdentityException.class, CONFIG),
          Map.entry(IOException.class, BAD_INPUT),
          Map.entry(CaException.class, REFUSED),
          Map.entry(RegistryException.class, REFUSED));

  private ExitCodes() {}

  /**
   * Maps a failure to its exit code.
   *
   * @param e the failure
   * @return the exit code
   */
  public static int of(Throwable e) {
    if (e instanceof DetailsNotStoredException details) {
      return details.retryable() ? PARTIAL : REFUSED;
    }
    for (Map.Entry<Class<? extends Throwable>, Integer> entry : BY_TYPE) {
      if (entry.getKey().isInstance(e)) {
        return entry.getValue();
      }
    }
    return INTERNAL;
  }

  /**
   * Maps a verdict to the exit code of {@code verify}.
   *
   * @param verdict the overall verdict
   * @return 0 for VALID, 3 for UNKNOWN, 1 otherwise
   */
  public static int of(Verdict verdict) {
    return switch (verdict) {
      case VALID -> OK;
      case UNKNOWN -> NOT_FOUND;
      default -> NOT_VALID;
    };
  }
}
