package org.servicerecords.registry.client.archfixture;

import java.util.List;
import org.servicerecords.registry.client.internal.archfixture.InternalFailure;
import org.servicerecords.registry.client.internal.archfixture.InternalView;
import org.servicerecords.registry.client.internal.audit.Csv;
import org.servicerecords.registry.client.internal.submit.Ledger;
import org.servicerecords.registry.client.internal.trust.ChannelMsps;

/**
 * A deliberately bad public type outside {@code internal}, for {@code ArchitectureTest} only: it
 * exposes internal types in every way the rule forbids. Never used.
 */
public class LeakyApi implements InternalView {

  /** A public field of an internal type. */
  public Ledger ledger;

  /** A package-private field: not exposed, not reported. */
  Csv notExposed;

  /**
   * Takes an internal type.
   *
   * @param ledger an internal type
   */
  public void takes(Ledger ledger) {
    this.ledger = ledger;
  }

  /**
   * Returns internal types inside a generic type.
   *
   * @return internal types
   */
  protected List<ChannelMsps> returns() {
    return List.of();
  }

  /**
   * Throws an internal type.
   *
   * @throws InternalFailure always
   */
  public void fails() throws InternalFailure {
    throw new InternalFailure();
  }

  /** Package-private: not exposed, not reported. */
  Csv hidden() {
    return null;
  }
}
