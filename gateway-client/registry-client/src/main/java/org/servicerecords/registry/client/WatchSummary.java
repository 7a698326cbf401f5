package org.servicerecords.registry.client;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one {@link Auditor#watch} call did before it returned: the events delivered to the handler
 * and those ignored (each also passed to {@link EventHandler#ignored}). Events skipped because the
 * checkpoint had already passed them are not counted.
 *
 * @param delivered events passed to {@link EventHandler#handle}
 * @param ignored events passed to {@link EventHandler#ignored}
 * @param ignoredByReason the ignored ones per reason (only reasons that occurred)
 */
public record WatchSummary(
    long delivered, long ignored, Map<IgnoredEvent.Reason, Long> ignoredByReason) {

  /** Copies the map. */
  public WatchSummary {
    ignoredByReason =
        Collections.unmodifiableMap(
            ignoredByReason.isEmpty()
                ? new EnumMap<>(IgnoredEvent.Reason.class)
                : new EnumMap<>(ignoredByReason));
  }
}
