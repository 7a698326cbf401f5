package org.servicerecords.registry.client;

import java.util.List;
import java.util.Objects;
import org.servicerecords.registry.model.Verification;

/**
 * One record's verification endorsed by peers of several organisations, every endorsement checked
 * by the library against the organisations' root certificates from the channel configuration.
 *
 * @param verification the verification, read from the answer every attester signed
 * @param attesters every organisation that attested
 */
public record AttestedVerification(Verification verification, List<Attester> attesters) {

  /** Copies the list. */
  public AttestedVerification {
    Objects.requireNonNull(verification, "verification");
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
