package org.servicerecords.registry.client;

import java.util.Objects;

/**
 * One organisation whose peer endorsed (attested) an answer, with its signature checked.
 *
 * @param namespace the records namespace the answer came from
 * @param mspId the organisation's MSP id
 * @param endorserSubject the subject of the endorsing peer's certificate (RFC 2253)
 */
public record Attester(String namespace, String mspId, String endorserSubject) {

  /** Checks that nothing is missing. */
  public Attester {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(mspId, "mspId");
    Objects.requireNonNull(endorserSubject, "endorserSubject");
  }
}
