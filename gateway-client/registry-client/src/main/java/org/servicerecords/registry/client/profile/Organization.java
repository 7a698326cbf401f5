package org.servicerecords.registry.client.profile;

import java.util.List;
import java.util.Objects;

/**
 * An organisation's endpoints: its peers (tried in order, failing over within the organisation
 * only) and its certificate authorities.
 *
 * @param mspId the organisation's MSP id
 * @param peers Gateway endpoints of its peers, in order of preference
 * @param certificateAuthorities its Fabric CA endpoints
 */
public record Organization(
    String mspId, List<PeerEndpoint> peers, List<CaEndpoint> certificateAuthorities) {

  /** Copies the lists so the value cannot change. */
  public Organization {
    Objects.requireNonNull(mspId, "mspId");
    peers = List.copyOf(Objects.requireNonNull(peers, "peers"));
    certificateAuthorities =
        List.copyOf(Objects.requireNonNull(certificateAuthorities, "certificateAuthorities"));
  }
}
