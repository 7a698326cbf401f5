package org.servicerecords.registry.client.profile;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A Fabric CA endpoint of an organisation.
 *
 * @param url base URL, for example {@code https://127.0.0.1:7054}
 * @param caName the CA's name inside the server ({@code caname}), or empty for the default CA
 * @param tlsCertificate PEM file of the CA's TLS certificate (or its root), or {@code null} for a
 *     plain HTTP endpoint
 */
public record CaEndpoint(URI url, String caName, Path tlsCertificate) {

  /** Checks the fields. */
  public CaEndpoint {
    Objects.requireNonNull(url, "url");
    caName = caName == null ? "" : caName;
  }
}
