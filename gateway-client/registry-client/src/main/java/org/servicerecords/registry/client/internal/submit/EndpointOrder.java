package org.servicerecords.registry.client.internal.submit;

/**
 * An organisation's endpoints in the order they are tried: how many there are, which one first (the
 * last that answered), and marking the one that answered. Submission and event streams fail over
 * the same way.
 */
public interface EndpointOrder {

  /**
   * The number of endpoints.
   *
   * @return at least 1
   */
  int count();

  /**
   * The endpoint to try first: the last one that answered.
   *
   * @return its index
   */
  int preferred();

  /**
   * Marks the endpoint to try first from now on.
   *
   * @param index its index
   */
  void answered(int index);
}
