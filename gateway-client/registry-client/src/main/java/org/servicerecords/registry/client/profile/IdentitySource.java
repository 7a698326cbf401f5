package org.servicerecords.registry.client.profile;

import java.nio.file.Path;

/**
 * Where the identity comes from: PEM files, or a named identity in a wallet directory. Either pair
 * may be absent (for example before enrollment).
 *
 * @param certificate certificate PEM file, or {@code null}
 * @param privateKey private key PEM file, or {@code null}
 * @param wallet wallet directory, or {@code null}
 * @param name identity name in the wallet, or {@code null}
 */
public record IdentitySource(Path certificate, Path privateKey, Path wallet, String name) {

  /** No identity configured. */
  public static final IdentitySource NONE = new IdentitySource(null, null, null, null);

  /**
   * Says whether PEM files are configured.
   *
   * @return true when both certificate and key are set
   */
  public boolean hasFiles() {
    return certificate != null && privateKey != null;
  }

  /**
   * Says whether a wallet identity is configured.
   *
   * @return true when both wallet and name are set
   */
  public boolean hasWalletIdentity() {
    return wallet != null && name != null;
  }
}
