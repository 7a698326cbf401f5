package org.servicerecords.registry.client;

import java.util.List;
import java.util.Objects;

/**
 * How many organisations must attest an answer, and which ones to ask first. The record owner's
 * organisation is always asked; the others come from {@code preferred} in order, then from the
 * connection profile's {@code attesters}, then from the channel's other organisations that have
 * peers (anchor peers in the channel configuration), sorted by MSP id.
 *
 * <pre>{@code
 * Attestation.of(2)                              // owner + one other
 * Attestation.of(2).preferring("ServicesMSP")    // owner + ServicesMSP
 * Attestation.of(3)                              // owner + two others
 * }</pre>
 *
 * @param organizations the number of distinct organisations whose peers must endorse the answer (at
 *     least 1)
 * @param preferred MSP ids to ask, in order, before the others (may be empty)
 */
public record Attestation(int organizations, List<String> preferred) {

  /** The default: the owner's organisation plus one other. */
  public static final int DEFAULT_ORGANIZATIONS = 2;

  /** Checks the count and copies the list. */
  public Attestation {
    if (organizations < 1) {
      throw new IllegalArgumentException("organizations must be at least 1: " + organizations);
    }
    preferred = List.copyOf(Objects.requireNonNull(preferred, "preferred"));
  }

  /**
   * An attestation by {@code organizations} distinct organisations, with no preference.
   *
   * @param organizations how many (at least 1)
   * @return the attestation
   */
  public static Attestation of(int organizations) {
    return new Attestation(organizations, List.of());
  }

  /**
   * The same attestation, asking these organisations first (after the owner).
   *
   * @param mspIds MSP ids in order of preference
   * @return a new attestation
   */
  public Attestation preferring(String... mspIds) {
    Objects.requireNonNull(mspIds, "mspIds");
    return new Attestation(organizations, List.of(mspIds));
  }

  /**
   * The organisations to ask: the owner, then the preferred, then the others, without repeats, the
   * first {@link #organizations()}.
   *
   * @param owner the record owner's MSP id
   * @param others the channel's other organisations with peers, in order
   * @return the organisations to name as endorsers
   * @throws AttestationException ({@link AttestationException.Reason#TOO_FEW_ORGANISATIONS}) when
   *     there are not enough
   */
  public List<String> choose(String owner, List<String> others) throws AttestationException {
    java.util.LinkedHashSet<String> chosen = new java.util.LinkedHashSet<>();
    chosen.add(owner);
    for (String msp : preferred) {
      if (chosen.size() < organizations) {
        chosen.add(msp);
      }
    }
    for (String msp : others) {
      if (chosen.size() < organizations) {
        chosen.add(msp);
      }
    }
    if (chosen.size() < organizations) {
      throw new AttestationException(
          AttestationException.Reason.TOO_FEW_ORGANISATIONS,
          organizations
              + " organisations asked for, the channel has only "
              + chosen.size()
              + " with peers: "
              + chosen,
          null);
    }
    return List.copyOf(chosen);
  }
}
