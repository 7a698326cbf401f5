package org.servicerecords.registry.bench;

import java.util.Locale;

/** The workloads of the load client, by their command-line names. */
public enum Workload {
  /** {@code Put(key, value)} on the reference contract: submit and wait for commit. */
  REFERENCE_PUT(true, -1),
  /** {@code Get(key)} on the reference contract (evaluate) of preloaded keys. */
  REFERENCE_GET(true, 1000),
  /** One certificate per transaction: {@code anchorCertificateAsync}, submit and commit. */
  ANCHOR_SINGLE(false, -1),
  /** {@code anchorBatch} of {@code --batch-size} certificates per operation. */
  ANCHOR_BATCH(false, -1),
  /**
   * {@code verify} of a preloaded record's hash with its issuer (or, with {@code
   * --verify-from-ledger}, of a hash read from the ledger).
   */
  VERIFY(false, 1000),
  /** {@code verify} of a preloaded record's hash with the issuer unknown (every agency asked). */
  VERIFY_ANY(false, 1000),
  /** {@code list} of one page of 100 of the own namespace by type, walking the bookmarks. */
  LIST_PAGE(false, -1),
  /** {@code history} of a record anchored and revoked in the preload step (2 versions). */
  HISTORY_REVOKED(false, 50),
  /** {@code agencyHistory} of the identity's own agency (governance history). */
  HISTORY_GOVERNANCE(false, -1),
  /** Anchors {@code --preload} records in batches and measures nothing else (grows the ledger). */
  PRELOAD_ONLY(false, 0),
  /**
   * Single and batched anchorings, revocations and verifications of the run's own records, each
   * retried until acknowledged and journaled for the oracle ({@link MixedLoad}).
   */
  MIXED(false, -1);

  private final boolean reference;
  private final int defaultPreload;

  /**
   * A workload.
   *
   * @param reference whether it calls the reference contract
   * @param defaultPreload -1: {@code --preload} does not apply; 0: it must be given; else its
   *     default
   */
  Workload(boolean reference, int defaultPreload) {
    this.reference = reference;
    this.defaultPreload = defaultPreload;
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
   * Says whether {@code --preload} applies: the workload writes that many items first (and reads
   * them), or, for {@code preload-only}, writes only those.
   *
   * @return true for {@code reference-get}, {@code verify}, {@code verify-any}, {@code
   *     history-revoked} and {@code preload-only}
   */
  public boolean preloads() {
    return defaultPreload >= 0;
  }

  /**
   * Returns {@code --preload}'s value when it is not given.
   *
   * @return the default, or 0 when the option must be given ({@code preload-only}) or does not
   *     apply
   */
  public int defaultPreload() {
    return Math.max(0, defaultPreload);
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
