package org.servicerecords.registry.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.servicerecords.registry.model.Verdict;

/**
 * What the mixed load knows of its own records, from the acknowledgements it journaled: the records
 * anchored and still active, those whose revocation was acknowledged, and which are being verified.
 * It hands out targets so that a verification's expected verdict cannot change under it: a record
 * being verified is never picked for revocation, and a record being revoked (or whose revocation
 * was never acknowledged) is never verified. Thread-safe.
 */
final class RunState {

  /**
   * A record of the run.
   *
   * @param id the record id
   * @param documentHash its document hash
   */
  record Entry(String id, String documentHash) {}

  /**
   * A record to verify and the verdict the journal says it must have.
   *
   * @param entry the record
   * @param expected {@link Verdict#VALID} for an active record, {@link Verdict#REVOKED} for a
   *     revoked one
   */
  record Target(Entry entry, Verdict expected) {}

  /** Tries to find an active record that is not being verified, before giving up. */
  private static final int REVOCATION_TRIES = 8;

  private final List<Entry> active = new ArrayList<>();
  private final List<Entry> revoked = new ArrayList<>();
  private final Map<String, Integer> verifying = new HashMap<>();

  /**
   * Records an acknowledged anchoring.
   *
   * @param entry the record
   */
  synchronized void anchored(Entry entry) {
    active.add(entry);
  }

  /**
   * Takes an active record that is not being verified out of the active ones, for revocation.
   *
   * @param random the random source
   * @return the record, or empty when none could be found
   */
  synchronized Optional<Entry> claimForRevocation(RandomGenerator random) {
    for (int i = 0; i < REVOCATION_TRIES && !active.isEmpty(); i++) {
      int at = random.nextInt(active.size());
      Entry e = active.get(at);
      if (!verifying.containsKey(e.id())) {
        Entry last = active.remove(active.size() - 1);
        if (at < active.size()) {
          active.set(at, last);
        }
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * Records an acknowledged revocation of a record claimed for it.
   *
   * @param entry the record
   */
  synchronized void revoked(Entry entry) {
    revoked.add(entry);
  }

  /**
   * Picks an active or revoked record to verify and marks it as being verified, until {@link
   * #verified}.
   *
   * @param random the random source
   * @return the record and its expected verdict, or empty when the run has none yet
   */
  synchronized Optional<Target> claimForVerification(RandomGenerator random) {
    int all = active.size() + revoked.size();
    if (all == 0) {
      return Optional.empty();
    }
    int at = random.nextInt(all);
    Target t =
        at < active.size()
            ? new Target(active.get(at), Verdict.VALID)
            : new Target(revoked.get(at - active.size()), Verdict.REVOKED);
    verifying.merge(t.entry().id(), 1, Integer::sum);
    return Optional.of(t);
  }

  /**
   * Ends a verification started by {@link #claimForVerification}.
   *
   * @param entry the record
   */
  synchronized void verified(Entry entry) {
    verifying.computeIfPresent(entry.id(), (id, n) -> n == 1 ? null : n - 1);
  }

  /**
   * Returns the active records.
   *
   * @return the count
   */
  synchronized int activeCount() {
    return active.size();
  }

  /**
   * Returns the records whose revocation was acknowledged.
   *
   * @return the count
   */
  synchronized int revokedCount() {
    return revoked.size();
  }
}
