package org.servicerecords.registry.bench;

import java.util.Locale;

/** The workloads of the load client, by their command-line names. */
public enum Workload {
  /** {@code Put(key, value)} on the reference contract: submit and wait for commit. */
  REFERENCE_PUT(true, false),
  /** {@code Get(key)} on the reference contract (evaluate) of preloaded keys. */
  REFERENCE_GET(true, true),
  /** One certificate per transaction: {@code anchorCertificateAsync}, submit and commit. */
  ANCHOR_SINGLE(false, false),
  /** {@code anchorBatch} of {@code --batch-size} certificates per operation. */
  ANCHOR_BATCH(false, false),
  /** {@code verify} of a preloaded record's hash with its issuer. */
  VERIFY(false, true),
  /** {@code verify} of a preloaded record's hash with the issuer unknown (every agency asked). */
  VERIFY_ANY(false, true);

  private final boolean reference;
  private final boolean preloads;

  Workload(boolean reference, boolean preloads) {
    this.reference = reference;
    this.preloads = preloads;
  }

  /**
   * Says whether the workload calls the reference contract (through the Gateway SDK).
   *
   * @return true for {@code reference-put} and {@code reference-get}
   */
  public boolean reference() {
    return reference;
  }

  /**
   * Says whether the workload reads what a preload step wrote first.
   *
   * @return true for the read workloads
   */
  public boolean preloads() {
    return preloads;
  }

  /**
   * Returns the command-line name.
   *
   * @return for example {@code anchor-batch}
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Finds a workload by its command-line name.
   *
   * @param name for example {@code verify-any}
   * @return the workload
   * @throws IllegalArgumentException for an unknown name
   */
  public static Workload of(String name) {
    for (Workload w : values()) {
      if (w.cliName().equals(name)) {
        return w;
      }
    }
    throw new IllegalArgumentException("unknown workload " + name);
  }
}
