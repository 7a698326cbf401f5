package org.servicerecords.registry.client.profile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One peer's Gateway endpoint.
 *
 * @param address {@code host:port}
 * @param tlsRootCertificate PEM file of the TLS root CA that signed the peer's TLS certificate
 * @param serverNameOverride TLS server name to check instead of the host, or {@code null}
 */
public record PeerEndpoint(String address, Path tlsRootCertificate, String serverNameOverride) {

  /** Checks the fields. */
  public PeerEndpoint {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(tlsRootCertificate, "tlsRootCertificate");
  }
}
