package org.servicerecords.registry.client.internal.archfixture;

/** An internal exception that {@code archfixture.LeakyApi} wrongly throws. Test only. */
public final class InternalFailure extends Exception {
  private static final long serialVersionUID = 1L;
}
