package org.servicerecords.registry.client;

import java.util.List;
import java.util.Objects;

/**
 * A verification whose answers were endorsed by peers of several organisations, every endorsement
 * checked by the library against the organisations' root certificates from the channel
 * configuration.
 *
 * @param report the verification report, computed from the answers all attesters signed
 * @param attesters every organisation that attested, per namespace asked
 */
public record AttestedReport(VerificationReport report, List<Attester> attesters) {

  /** Copies the list. */
  public AttestedReport {
    Objects.requireNonNull(report, "report");
    attesters = List.copyOf(attesters);
  }

  /**
   * The distinct MSP ids of the attesters, in order.
   *
   * @return the organisations
   */
  public List<String> organizations() {
    return attesters.stream().map(Attester::mspId).distinct().toList();
  }
}
