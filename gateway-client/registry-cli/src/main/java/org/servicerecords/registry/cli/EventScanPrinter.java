package org.servicerecords.registry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.servicerecords.registry.client.EventScan;
import org.servicerecords.registry.client.IgnoredEvent;
import org.servicerecords.registry.client.ScannedTransaction;
import org.servicerecords.registry.model.RecordEvent;

/** The human output of {@code registry audit events}. */
final class EventScanPrinter {

  private EventScanPrinter() {}

  /**
   * The report: a heading with the rule and the blocks, one line per transaction judged, then the
   * counts.
   *
   * @param scan the scan
   * @return the lines
   */
  static List<String> lines(EventScan scan) {
    List<String> lines = new ArrayList<>();
    lines.add(
        scan.namespace()
            + ": blocks "
            + scan.fromBlock()
            + ".."
            + scan.toBlock()
            + "; an event counts when its transaction is VALID and endorsed by "
            + scan.rule());
    for (ScannedTransaction tx : scan.transactions()) {
      lines.add(line(tx));
    }
    StringBuilder counts =
        new StringBuilder()
            .append(scan.accepted())
            .append(" accepted, ")
            .append(scan.ignored())
            .append(" ignored");
    if (!scan.ignoredByReason().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<IgnoredEvent.Reason, Long> e : scan.ignoredByReason().entrySet()) {
        parts.add(e.getKey() + " " + e.getValue());
      }
      counts.append(" (").append(String.join(", ", parts)).append(')');
    }
    lines.add(counts.toString());
    return lines;
  }

  /**
   * One transaction.
   *
   * @param tx the transaction
   * @return for example {@code IGNORED block 9 tx ab12 endorsed by [ServicesMSP]:
   *     NOT_ENDORSED_BY_OWNER: ...; event: REVOKED CERTIFICATE c1}
   */
  static String line(ScannedTransaction tx) {
    StringBuilder line =
        new StringBuilder(tx.accepted() ? "ACCEPTED " : "IGNORED  ")
            .append("block ")
            .append(tx.blockNumber())
            .append(" tx ")
            .append(tx.transactionId())
            .append(" endorsed by ")
            .append(tx.endorsingMsps());
    if (!tx.accepted()) {
      line.append(": ").append(tx.reason()).append(": ").append(tx.detail());
    }
    if (!tx.foreignCollections().isEmpty()) {
      line.append("; writes ").append(tx.foreignCollections());
    }
    line.append("; event: ").append(entries(tx.event()));
    return line.toString();
  }

  private static String entries(RecordEvent event) {
    if (event == null) {
      return "none";
    }
    if (event.entries() == null || event.entries().isEmpty()) {
      return "(no registry entries)";
    }
    List<String> parts = new ArrayList<>();
    for (RecordEvent.Entry entry : event.entries()) {
      parts.add(entry.action() + " " + entry.kind() + " " + entry.id());
    }
    return String.join(", ", parts);
  }
}
