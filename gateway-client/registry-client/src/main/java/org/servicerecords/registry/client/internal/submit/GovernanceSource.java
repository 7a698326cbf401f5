package org.servicerecords.registry.client.internal.submit;

import org.servicerecords.registry.client.GovernanceSnapshot;
import org.servicerecords.registry.client.RegistryException;

/**
 * Where a {@link Ledger} gets the governance snapshot from (implemented by {@code
 * internal.governance.GovernanceFeed}, which keeps it current from governance events).
 */
public interface GovernanceSource extends AutoCloseable {

  /**
   * Returns the governance snapshot, current or read again.
   *
   * @return the snapshot
   * @throws RegistryException if governance cannot be read
   */
  GovernanceSnapshot governance() throws RegistryException;

  /**
   * Reads governance again now.
   *
   * @return the fresh snapshot
   * @throws RegistryException if governance cannot be read
   */
  GovernanceSnapshot reload() throws RegistryException;

  /** Stops keeping the snapshot current. */
  @Override
  void close();
}
