package org.servicerecords.registry.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.servicerecords.registry.client.AttestedReport;
import org.servicerecords.registry.client.Attester;
import org.servicerecords.registry.client.BatchReport;
import org.servicerecords.registry.client.DecisionInputsReport;
import org.servicerecords.registry.client.RecordOutcome;
import org.servicerecords.registry.client.VerificationReport;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ChangeApproval;
import org.servicerecords.registry.model.ConsortiumMembers;
import org.servicerecords.registry.model.GovernanceChange;
import org.servicerecords.registry.model.MembersApproval;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordPage;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verification;

/**
 * The CLI's output, in one place: a result is printed as one line of canonical JSON with {@code
 * --json}, else as the human lines this class formats; failures are one line {@code registry: ...}
 * on standard error. {@link WatchPrinter} (a stream of events) and {@link EventScanPrinter} (the
 * event audit) print through it too.
 */
final class Output {

  final PrintStream out;
  final PrintStream err;
  final boolean json;

  Output(PrintStream out, PrintStream err, boolean json) {
    this.out = out;
    this.err = err;
    this.json = json;
  }

  /** Prints a value as one line of canonical JSON. */
  void json(Object value) {
    out.println(CanonicalJson.toJson(value));
  }

  /**
   * Prints a result: {@code value} as JSON with {@code --json}, else the human lines.
   *
   * @param value what {@code --json} prints
   * @param human the human lines
   */
  void print(Object value, List<String> human) {
    if (json) {
      json(value);
    } else {
      human.forEach(out::println);
    }
  }

  void record(RegistryRecord r) {
    print(r, recordLines(r));
  }

  void error(String message) {
    err.println("registry: " + message);
  }

  /** The human lines of a record. */
  static List<String> recordLines(RegistryRecord r) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("record      %s (%s %s)", r.id(), r.kind(), r.documentType()));
    lines.add(String.format("status      %s", r.status()));
    lines.add(String.format("issuer MSP  %s", r.issuerMsp()));
    lines.add(String.format("hash        %s", r.documentHash()));
    lines.add(String.format("valid       %s .. %s", r.validFrom(), until(r)));
    if (r.supersedes() != null) {
      lines.add(String.format("supersedes  %s", r.supersedes()));
    }
    if (r.supersededBy() != null) {
      lines.add(String.format("superseded  by %s", r.supersededBy()));
    }
    if (r.revocation() != null) {
      lines.add(
          String.format(
              "revoked     %s at %s", r.revocation().reasonCode(), r.revocation().revokedAt()));
    }
    if (r.decision() != null) {
      lines.add(
          String.format(
              "decision    %s on application %s (%s)",
              r.decision().outcome(), r.decision().applicationId(), r.decision().legalBasis()));
      if (r.decision().inputRecords() != null) {
        for (var ref : r.decision().inputRecords()) {
          lines.add(String.format("input       %s:%s", ref.namespace(), ref.id()));
        }
      }
    }
    lines.add(String.format("tx          %s at %s", r.txId(), r.timestamp()));
    return lines;
  }

  private static Object until(RegistryRecord r) {
    return r.validUntil() == null ? "(no end)" : r.validUntil();
  }

  /**
   * The human lines of {@code verify}: the verdict and hash, each match, who attested it.
   *
   * @param documentHash the hash verified
   * @param report the report
   * @param attested the attested report, or {@code null} for {@code --fast}
   * @return the lines
   */
  static List<String> verification(
      String documentHash, VerificationReport report, AttestedReport attested) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%s  %s", report.verdict(), documentHash));
    for (Verification v : report.matches()) {
      RegistryRecord r = v.record();
      lines.add(
          String.format(
              "  %-22s %s in %s, issued by %s (%s)",
              v.verdict(), r.id(), v.namespace(), v.issuerDisplayName(), v.issuer()));
      lines.add(
          String.format(
              "  %-22s %s, valid %s .. %s, tx %s at %s",
              "", r.documentType(), r.validFrom(), until(r), r.txId(), r.timestamp()));
      if (r.revocation() != null) {
        lines.add(
            String.format(
                "  %-22s revoked at %s by %s, reason %s",
                "",
                r.revocation().revokedAt(),
                r.revocation().revokedBy() == null ? "?" : r.revocation().revokedBy().msp(),
                r.revocation().reasonCode()));
      }
      if (v.currentRecordId() != null) {
        lines.add(String.format("  %-22s replaced by %s", "", v.currentRecordId()));
      }
    }
    if (attested == null) {
      lines.add("not attested: the answer of one peer (--fast)");
    } else {
      lines.add("attested by " + String.join(", ", attested.organizations()));
      for (Attester a : attested.attesters()) {
        lines.add(
            String.format(
                "  %-22s %s in %s: %s", "", a.mspId(), a.namespace(), a.endorserSubject()));
      }
    }
    return lines;
  }

  /** The human lines of {@code verify-decision}: the summary, then each input at decision time. */
  static List<String> decisionInputs(DecisionInputsReport report) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "%s  decision %s in %s, decided %s: %d of %d inputs valid then",
            report.allValidWhenDecided() ? "ALL_VALID" : "NOT_ALL_VALID",
            report.decisionId(),
            report.namespace(),
            report.decidedAt(),
            report.validCount(),
            report.inputs().size()));
    for (DecisionInputsReport.Input input : report.inputs()) {
      Verification v = input.verification();
      String issuedBy =
          v == null || v.issuer() == null
              ? ""
              : ", issued by " + v.issuerDisplayName() + " (" + v.issuer() + ")";
      lines.add(
          String.format(
              "  %-22s %s:%s%s%s",
              input.verdict(),
              input.ref().namespace(),
              input.ref().id(),
              issuedBy,
              input.reason() == null ? "" : ": " + input.reason()));
    }
    return lines;
  }

  /** The human lines of {@code history}, newest first. */
  static List<String> history(List<RecordHistoryEntry> history) {
    List<String> lines = new ArrayList<>();
    for (RecordHistoryEntry e : history) {
      RegistryRecord r = e.record();
      lines.add(
          String.format(
              "%s  %s  %s%s",
              e.timestamp(),
              e.txId(),
              e.deleted() || r == null ? "DELETED" : r.status(),
              r == null || r.actor() == null
                  ? ""
                  : "  by " + r.actor().msp() + " (" + r.actor().role() + ")"));
    }
    return lines;
  }

  /**
   * The human lines of {@code list}: one per record, then the next page's bookmark token.
   *
   * @param page the page, its bookmark already a command-line token ({@link CommandLineBookmark})
   * @return the lines
   */
  static List<String> page(RecordPage page) {
    List<String> lines = new ArrayList<>();
    for (RegistryRecord r : page.records()) {
      lines.add(
          String.format(
              "%-32s %-10s %-22s %s", r.id(), r.status(), r.documentType(), r.timestamp()));
    }
    if (page.bookmark() != null && !page.bookmark().isEmpty()) {
      lines.add("next page: --bookmark " + page.bookmark());
    }
    return lines;
  }

  /** The human lines of {@code issue-batch}: each record not on the ledger, then the counts. */
  static List<String> batch(BatchReport report) {
    List<String> lines = new ArrayList<>();
    for (RecordOutcome o : report.outcomes()) {
      if (!o.status().onLedger()) {
        lines.add(
            String.format(
                "%-16s %s%s", o.status(), o.id(), o.message() == null ? "" : ": " + o.message()));
      }
    }
    lines.add("summary: " + report.counts());
    return lines;
  }

  /**
   * One line on where a governance change stands.
   *
   * @param change the contract's answer
   * @return for example {@code change 3f2a… SuspendAgency ServicesMSP: approved by AuditMSP,
   *     JusticeMSP (2 of 2 needed): applied}; without the MSP when the change concerns no agency
   *     ({@code change 9c1e… InitConsortium: approved by JusticeMSP (1 of 3 needed): waiting for 2
   *     more approvals})
   */
  static String change(GovernanceChange change) {
    int missing = change.required() - change.approvals().size();
    return "change "
        + change.changeId()
        + " "
        + change.action()
        + (change.msp() == null ? "" : " " + change.msp())
        + ": approved by "
        + String.join(", ", change.approvals())
        + " ("
        + change.approvals().size()
        + " of "
        + change.required()
        + " needed): "
        + (change.applied()
            ? "applied"
            : "waiting for " + missing + " more approval" + (missing == 1 ? "" : "s"));
  }

  /** One line on the consortium's members. */
  static String members(ConsortiumMembers members) {
    return "consortium members: "
        + String.join(", ", members.members())
        + " (a change needs "
        + members.required()
        + " approvals)";
  }

  /** The human lines of {@code governance approvals ID}. */
  static List<String> changeApprovals(List<ChangeApproval> approvals) {
    List<String> lines = new ArrayList<>();
    for (ChangeApproval approval : approvals) {
      lines.add(
          String.format(
              "%s %s: approved by %s (role %s) at %s, tx %s",
              approval.change().action(),
              approval.change().msp(),
              approval.actor().msp(),
              approval.actor().role(),
              approval.timestamp(),
              approval.txId()));
    }
    return lines;
  }

  /** The human lines of {@code governance approvals --members ID}. */
  static List<String> membersApprovals(List<MembersApproval> approvals) {
    List<String> lines = new ArrayList<>();
    for (MembersApproval approval : approvals) {
      lines.add(
          String.format(
              "members %s: approved by %s (role %s) at %s, tx %s",
              String.join(",", approval.members()),
              approval.actor().msp(),
              approval.actor().role(),
              approval.timestamp(),
              approval.txId()));
    }
    return lines;
  }
}
