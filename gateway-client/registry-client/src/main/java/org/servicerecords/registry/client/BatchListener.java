package org.servicerecords.registry.client;

/** Hears a batch's progress (for example to drive a progress bar). Called from worker threads. */
@FunctionalInterface
public interface BatchListener {

  /** A listener that ignores progress. */
  BatchListener NONE = (done, total) -> {};

  /**
   * Reports progress.
   *
   * @param settled records whose outcome is known
   * @param total records in the batch
   */
  void progress(int settled, int total);
}
