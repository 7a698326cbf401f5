package org.servicerecords.registry.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RegistryRecord;

/**
 * What the ledger holds of one run, as the oracle read it: the run's records found through the
 * namespace's type index, each with its history (an export line: {@code registry export} writes the
 * same), and the journal's records the index did not list, looked up one by one.
 *
 * @param listed the run's records as listed, one entry per listing (an id listed twice appears
 *     twice)
 * @param unlisted journal ids the listing did not hold, with what a direct history lookup found
 *     ({@link Entry#absent} when nothing)
 */
record LedgerSnapshot(List<Entry> listed, Map<String, Entry> unlisted) {

  /** Copies the lists. */
  LedgerSnapshot {
    listed = List.copyOf(listed);
    unlisted = Collections.unmodifiableMap(new LinkedHashMap<>(unlisted));
  }

  /**
   * One record on the ledger.
   *
   * @param id the record id
   * @param record the current record, or {@code null} when there is none (deleted, or never
   *     written)
   * @param history its versions, newest first (empty when the key was never written)
   */
  record Entry(String id, RegistryRecord record, List<RecordHistoryEntry> history) {

    /** Copies the history. */
    Entry {
      history = List.copyOf(history);
    }

    /**
     * An id the ledger never wrote.
     *
     * @param id the record id
     * @return the entry
     */
    static Entry absent(String id) {
      return new Entry(id, null, List.of());
    }

    /**
     * Says whether the ledger ever wrote the key.
     *
     * @return true when its history has a version
     */
    boolean everWritten() {
      return !history.isEmpty();
    }
  }
}
