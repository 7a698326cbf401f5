package org.servicerecords.registry.cli;

import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.RegistryException;
import picocli.CommandLine.Option;

/**
 * The {@code --issuer} option of the commands that read one records namespace, the identity's own
 * unless the option names another (by namespace or MSP id). Mixed into a command with
 * {@code @Mixin}.
 */
final class OwnNamespaceOption {

  @Option(names = "--issuer", description = "Namespace or MSP id (default: own)")
  String issuer;

  /**
   * The namespace the option names, else the identity's own.
   *
   * @param connection the open connection
   * @return the namespace or MSP id to ask about
   * @throws RegistryException if the own namespace cannot be found
   */
  String namespace(RegistryConnection connection) throws RegistryException {
    return issuer == null ? connection.registryClient().namespace() : issuer;
  }

  /** Whether the option was given. */
  boolean given() {
    return issuer != null;
  }
}
