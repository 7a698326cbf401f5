package org.servicerecords.registry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.servicerecords.registry.client.ChainFinding;
import org.servicerecords.registry.client.ChainReport;
import org.servicerecords.registry.client.PeerChain;

/** The human output of {@code registry audit verify-chain}. */
final class ChainReportPrinter {

  private ChainReportPrinter() {}

  /**
   * The report: one line per finding, one per note, one per peer compared, then the summary.
   *
   * @param report the report
   * @return the lines
   */
  static List<String> lines(ChainReport report) {
    List<String> lines = new ArrayList<>();
    for (ChainFinding finding : report.findings()) {
      lines.add("FINDING " + line(finding));
    }
    for (ChainFinding note : report.notes()) {
      lines.add("NOTE    " + line(note));
    }
    for (PeerChain peer : report.peers()) {
      lines.add("PEER    " + line(peer));
    }
    StringBuilder summary =
        new StringBuilder()
            .append(report.clean() ? "CLEAN" : "FINDINGS")
            .append(": blocks ")
            .append(report.fromBlock())
            .append("..")
            .append(report.lastBlock())
            .append(" (")
            .append(report.blocksChecked())
            .append(" blocks, ")
            .append(report.transactionsChecked())
            .append(" transactions), ")
            .append(report.findings().size())
            .append(" findings, ")
            .append(report.notes().size())
            .append(" notes");
    if (!report.invalidatedTransactions().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, Long> e : report.invalidatedTransactions().entrySet()) {
        parts.add(e.getKey() + " " + e.getValue());
      }
      summary.append("; invalidated by the peer: ").append(String.join(", ", parts));
    }
    lines.add(summary.toString());
    lines.add(
        report.validationReplayed()
            ? "validation replayed: "
                + report.validationCodesRecomputed()
                + " transactions' codes recomputed"
                + (report.findings().stream()
                        .anyMatch(f -> f.reason() == ChainFinding.Reason.VALIDATION_CODE_MISMATCH)
                    ? ", some differ from the peer's (VALIDATION_CODE_MISMATCH)"
                    : ", all equal to the peer's")
            : "validation not replayed (only from block 0)");
    lines.add("last block " + report.lastBlock() + " header hash " + report.lastHeaderHash());
    return lines;
  }

  /**
   * One finding.
   *
   * @param finding the finding
   * @return for example {@code block 7 tx 2 (ab12..., VALID): CREATOR_SIGNATURE_INVALID: ...}
   */
  static String line(ChainFinding finding) {
    String where =
        finding.blockLevel()
            ? "block " + finding.block()
            : "block "
                + finding.block()
                + " tx "
                + finding.transactionIndex()
                + " ("
                + (finding.transactionId().isEmpty() ? "no id" : finding.transactionId())
                + ", "
                + finding.peerValidationCode()
                + ")";
    String peer = finding.peer().isEmpty() ? "" : " from peer " + finding.peer();
    return where + peer + ": " + finding.reason() + ": " + finding.detail();
  }

  /**
   * One peer's comparison.
   *
   * @param peer the peer
   * @return for example {@code ServicesMSP 127.0.0.1:8051 AGREES: 166 blocks compared, last block
   *     165 header hash ab12...}
   */
  static String line(PeerChain peer) {
    StringBuilder line =
        new StringBuilder()
            .append(peer.mspId())
            .append(' ')
            .append(peer.address())
            .append(' ')
            .append(peer.status())
            .append(": ")
            .append(peer.blocksCompared())
            .append(" blocks compared");
    if (peer.lastBlock() >= 0) {
      line.append(", last block ")
          .append(peer.lastBlock())
          .append(" header hash ")
          .append(peer.lastHeaderHash());
    }
    if (!peer.detail().isEmpty()) {
      line.append(" (").append(peer.detail()).append(')');
    }
    return line.toString();
  }
}
