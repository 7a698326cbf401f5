package org.servicerecords.registry.bench;

/** How the {@link LoadGenerator} starts operations. */
public enum Mode {
  /**
   * Closed loop at a fixed concurrency: the window is kept full, a new operation starts as soon as
   * one completes. Measures the throughput the system sustains at that concurrency.
   */
  CLOSED,
  /**
   * Open loop at a fixed rate: operations are due at regular instants whatever the system does; one
   * due while the window is full is not started and counted as behind. Latency is measured from the
   * instant an operation was due, so a late start is part of its latency.
   */
  OPEN
}
