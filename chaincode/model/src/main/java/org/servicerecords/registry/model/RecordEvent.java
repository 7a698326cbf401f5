package org.servicerecords.registry.model;

import java.util.List;

/**
 * The payload of the one chaincode event a transaction emits (event name {@link #NAME}). Holds no
 * personal data.
 *
 * @param namespace chaincode name that emitted it
 * @param entries what changed, at most {@link #MAX_ENTRIES}
 */
public record RecordEvent(String namespace, List<Entry> entries) {

  /** Chaincode event name used by every registry transaction. */
  public static final String NAME = "registry";

  /** Most entries one event carries (equal to the contract's batch maximum). */
  public static final int MAX_ENTRIES = 500;

  /** Copies the list so the value cannot change. */
  public RecordEvent {
    entries = entries == null ? null : List.copyOf(entries);
  }

  /**
   * One change.
   *
   * @param id record, application or agency id
   * @param kind {@code CERTIFICATE}, {@code DECISION}, {@code APPLICATION}, {@code AGENCY} or
   *     {@code CONSORTIUM}
   * @param action what happened (for example {@code ANCHORED}, {@code REVOKED})
   */
  public record Entry(String id, String kind, String action) {}
}
