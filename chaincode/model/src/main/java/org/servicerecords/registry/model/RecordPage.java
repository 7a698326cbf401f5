package org.servicerecords.registry.model;

import java.util.List;

/**
 * One page of a listing ({@code records:ListByType}, {@code ListBySubject}, {@code
 * ListByApplication}).
 *
 * @param records the records of this page, in index key order
 * @param bookmark pass it back to get the next page; empty when there is no next page
 * @param fetchedCount number of records in this page
 */
public record RecordPage(List<RegistryRecord> records, String bookmark, int fetchedCount) {

  /** Copies the list so the value cannot change. */
  public RecordPage {
    records = records == null ? null : List.copyOf(records);
  }
}
