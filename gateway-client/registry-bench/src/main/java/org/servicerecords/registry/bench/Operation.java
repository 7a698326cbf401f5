package org.servicerecords.registry.bench;

import java.util.concurrent.CompletionStage;

/**
 * One operation of a workload, started by the {@link LoadGenerator}: it must return at once and
 * complete later, with the number of units it made succeed (1 for a transaction or a query, the
 * records anchored for a batch), or exceptionally with the failure.
 */
@FunctionalInterface
public interface Operation {

  /**
   * Starts the operation.
   *
   * @return its completion: the units that succeeded, or the failure
   */
  CompletionStage<Integer> start();
}
