package org.servicerecords.registry.client;

import java.util.ArrayList;
import java.util.List;

/** Splits a batch into transactions of at most the contract's maximum, keeping the order. */
final class Batches {

  private Batches() {}

  /**
   * Splits a list into consecutive chunks.
   *
   * @param items the items
   * @param maximum the most items per chunk (at least 1)
   * @param <T> the item type
   * @return the chunks; every item in exactly one, in order; no chunk empty
   */
  static <T> List<List<T>> split(List<T> items, int maximum) {
    if (maximum < 1) {
      throw new IllegalArgumentException("maximum must be at least 1, was " + maximum);
    }
    List<List<T>> chunks = new ArrayList<>((items.size() + maximum - 1) / maximum);
    for (int from = 0; from < items.size(); from += maximum) {
      chunks.add(List.copyOf(items.subList(from, Math.min(items.size(), from + maximum))));
    }
    return chunks;
  }
}
