package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.bench.TestRecords.active;
import static org.servicerecords.registry.bench.TestRecords.entry;
import static org.servicerecords.registry.bench.TestRecords.hash;
import static org.servicerecords.registry.bench.TestRecords.revoked;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.bench.JournalLine.Target;
import org.servicerecords.registry.bench.OracleReport.Finding;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;

/**
 * The journal-versus-ledger comparison on made-up journals and ledgers: what agrees, and each kind
 * of discrepancy, which must be found (each test fails if the oracle let it pass).
 */
class JournalOracleTest {

  private static final String RUN = "r1";
  private static final String REASON = MixedLoad.REVOKE_REASON;

  private static String id(int n) {
    return RUN + "-" + n;
  }

  private static JournalLine attempt(String id) {
    return new JournalLine.AnchorAttempt(id, hash(id), TestRecords.TYPE, null, 1);
  }

  private static JournalLine ack(String id) {
    return new JournalLine.Anchored(id, hash(id), TestRecords.TYPE, 2, "tx", false, 1);
  }

  private static JournalLine revokeAttempt(String id) {
    return new JournalLine.RevokeAttempt(id, REASON, 3);
  }

  private static JournalLine revokeAck(String id) {
    return new JournalLine.Revoked(id, REASON, 4, "tx", 1);
  }

  private static JournalLine givenUp(Target target, String id) {
    return new JournalLine.Unacknowledged(target, id, RetryPolicy.OUTCOME_UNKNOWN, 3, 5);
  }

  /** A journal with a header and these lines. */
  private static JournalView journal(JournalLine... lines) throws Exception {
    StringBuilder text = new StringBuilder();
    text.append(
            new JournalLine.Run(
                    RUN, TestRecords.MSP, "records-justice", List.of(TestRecords.TYPE), 0)
                .toJson())
        .append('\n');
    for (JournalLine l : lines) {
      text.append(l.toJson()).append('\n');
    }
    return JournalView.of(text.toString());
  }

  /** An acknowledged anchoring. */
  private static List<JournalLine> anchored(String id) {
    return List.of(attempt(id), ack(id));
  }

  private static JournalLine[] lines(List<?>... groups) {
    List<JournalLine> all = new ArrayList<>();
    for (List<?> g : groups) {
      for (Object o : g) {
        all.add((JournalLine) o);
      }
    }
    return all.toArray(JournalLine[]::new);
  }

  private static LedgerSnapshot ledger(LedgerSnapshot.Entry... listed) {
    return new LedgerSnapshot(Arrays.asList(listed), Map.of());
  }

  private static OracleReport compare(JournalView journal, LedgerSnapshot ledger) {
    return JournalOracle.compare(RUN, TestRecords.MSP, journal, ledger);
  }

  /** The report finds exactly one record with this finding, names it, and fails. */
  private static void onlyFinding(OracleReport report, Finding finding, String id, String reason) {
    assertThat(report.count(finding)).as(report.summary()).isEqualTo(1);
    assertThat(report.agrees()).as(report.summary()).isFalse();
    assertThat(report.offenders().get(finding))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.id()).isEqualTo(id);
              assertThat(o.reason()).contains(reason);
            });
    long otherFailures =
        Arrays.stream(Finding.values())
            .filter(f -> f.fails() && f != finding)
            .mapToLong(report::count)
            .sum();
    assertThat(otherFailures).as(report.summary()).isZero();
  }

  @Nested
  class Agreement {

    @Test
    void everyAcknowledgedRecordPresentAsJournaledAgrees() throws Exception {
      RegistryRecord a = active(id(0));
      RegistryRecord b = active(id(1));
      RegistryRecord c = active(id(2));
      RegistryRecord e = active(id(4));
      RegistryRecord f = active(id(5));
      JournalView journal =
          journal(
              lines(
                  anchored(id(0)),
                  anchored(id(1)),
                  List.of(revokeAttempt(id(1)), revokeAck(id(1))),
                  List.of(attempt(id(2)), givenUp(Target.ANCHOR, id(2))),
                  List.of(attempt(id(3)), givenUp(Target.ANCHOR, id(3))),
                  anchored(id(4)),
                  List.of(revokeAttempt(id(4)), givenUp(Target.REVOKE, id(4))),
                  anchored(id(5)),
                  List.of(revokeAttempt(id(5)))));

      OracleReport report =
          compare(
              journal,
              ledger(
                  entry(a),
                  entry(b, revoked(b, REASON)),
                  entry(c),
                  entry(e),
                  entry(f, revoked(f, REASON))));

      assertThat(report.agrees()).as(report.summary()).isTrue();
      assertThat(report.acknowledged()).isEqualTo(4);
      assertThat(report.count(Finding.PRESENT)).isEqualTo(4);
      assertThat(report.count(Finding.UNACKNOWLEDGED_PRESENT)).isEqualTo(1);
      assertThat(report.count(Finding.UNACKNOWLEDGED_ABSENT)).isEqualTo(1);
      assertThat(report.revocations())
          .containsEntry("acknowledged", 1L)
          .containsEntry("onLedger", 1L)
          .containsEntry("unacknowledgedApplied", 1L)
          .containsEntry("unacknowledgedAbsent", 1L);
      assertThat(report.summary()).contains("the ledger agrees with the journal");
    }

    @Test
    void recordsOfOtherRunsAreIgnored() throws Exception {
      JournalView journal = journal(lines(anchored(id(0))));

      OracleReport report =
          compare(
              journal,
              ledger(entry(active(id(0))), entry(active("r1-2-7")), entry(active("r10-7"))));

      assertThat(report.agrees()).as(report.summary()).isTrue();
      assertThat(report.ledgerRecords()).isEqualTo(1);
    }

    @Test
    void aJournalOfAcknowledgementsAloneIsEnough() throws Exception {
      JournalView journal = journal(ack(id(0)), revokeAck(id(0)));
      RegistryRecord a = active(id(0));

      assertThat(compare(journal, ledger(entry(a, revoked(a, REASON)))).agrees()).isTrue();
    }
  }

  @Nested
  class Missing {

    @Test
    void anAcknowledgedRecordNotOnTheLedger() throws Exception {
      JournalView journal = journal(lines(anchored(id(0)), anchored(id(1))));

      OracleReport report = compare(journal, ledger(entry(active(id(0)))));

      onlyFinding(report, Finding.MISSING, id(1), "not on the ledger");
      assertThat(report.count(Finding.PRESENT)).isEqualTo(1);
    }

    @Test
    void aFakeAcknowledgementAppendedToARealJournal() throws Exception {
      JournalView journal = journal(lines(anchored(id(0)), List.of(ack(id(99)))));

      onlyFinding(compare(journal, ledger(entry(active(id(0))))), Finding.MISSING, id(99), "");
    }
  }

  @Nested
  class Duplicated {

    @Test
    void aRecordListedTwice() throws Exception {
      JournalView journal = journal(lines(anchored(id(0))));

      OracleReport report = compare(journal, ledger(entry(active(id(0))), entry(active(id(0)))));

      onlyFinding(report, Finding.DUPLICATED, id(0), "listed 2 times");
    }

    @Test
    void aRecordAnchoredTwice() throws Exception {
      JournalView journal = journal(lines(anchored(id(0))));
      RegistryRecord a = active(id(0));

      onlyFinding(
          compare(journal, ledger(entry(a, a))), Finding.DUPLICATED, id(0), "anchored 2 times");
    }

    @Test
    void aRecordRevokedTwice() throws Exception {
      JournalView journal = journal(lines(anchored(id(0)), List.of(revokeAck(id(0)))));
      RegistryRecord a = active(id(0));
      RegistryRecord r = revoked(a, REASON);

      onlyFinding(
          compare(journal, ledger(entry(a, r, r))), Finding.DUPLICATED, id(0), "revoked 2 times");
    }

    @Test
    void aSecondRecordOfTheRunWithAJournaledDocument() throws Exception {
      JournalView journal = journal(lines(anchored(id(0))));
      RegistryRecord twin = active(id(7), hash(id(0)), TestRecords.TYPE);

      onlyFinding(
          compare(journal, ledger(entry(active(id(0))), entry(twin))),
          Finding.DUPLICATED,
          id(7),
          "document of " + id(0));
    }
  }

  @Nested
  class Wrong {

    @Test
    void anotherDocumentHash() throws Exception {
      JournalView journal = journal(lines(anchored(id(0))));

      onlyFinding(
          compare(journal, ledger(entry(active(id(0), hash("other"), TestRecords.TYPE)))),
          Finding.WRONG,
          id(0),
          "document hash");
    }

    @Test
    void anotherDocumentType() throws Exception {
      JournalView journal = journal(lines(anchored(id(0))));

      onlyFinding(
          compare(journal, ledger(entry(active(id(0), hash(id(0)), "NOTARIAL_ACT")))),
          Finding.WRONG,
          id(0),
          "document type");
    }

    @Test
    void anAcknowledgedRevocationNotOnTheLedger() throws Exception {
      JournalView journal = journal(lines(anchored(id(0)), List.of(revokeAck(id(0)))));

      onlyFinding(
          compare(journal, ledger(entry(active(id(0))))),
          Finding.WRONG,
          id(0),
          "acknowledged revocation is not on the ledger");
    }

    @Test
    void revokedWithAnotherReason() throws Exception {
      JournalView journal = journal(lines(anchored(id(0)), List.of(revokeAck(id(0)))));
      RegistryRecord a = active(id(0));

      onlyFinding(
          compare(journal, ledger(entry(a, revoked(a, "OTHER")))),
          Finding.WRONG,
          id(0),
          "reason OTHER");
    }

    @Test
    void revokedThoughTheJournalNeverRevokedIt() throws Exception {
      JournalView journal = journal(lines(anchored(id(0))));
      RegistryRecord a = active(id(0));

      onlyFinding(
          compare(journal, ledger(entry(a, revoked(a, REASON)))),
          Finding.WRONG,
          id(0),
          "journal never revoked it");
    }

    @Test
    void anotherIssuer() throws Exception {
      JournalView journal = journal(lines(anchored(id(0))));
      RegistryRecord other =
          TestRecords.record(
              id(0),
              RecordKind.CERTIFICATE,
              "ServicesMSP",
              hash(id(0)),
              TestRecords.TYPE,
              RecordStatus.ACTIVE,
              null,
              "tx");

      onlyFinding(compare(journal, ledger(entry(other))), Finding.WRONG, id(0), "issuer");
    }

    @Test
    void aDecisionInsteadOfACertificate() throws Exception {
      JournalView journal = journal(lines(anchored(id(0))));
      RegistryRecord decision =
          TestRecords.record(
              id(0),
              RecordKind.DECISION,
              TestRecords.MSP,
              hash(id(0)),
              TestRecords.TYPE,
              RecordStatus.ACTIVE,
              null,
              "tx");

      onlyFinding(compare(journal, ledger(entry(decision))), Finding.WRONG, id(0), "kind");
    }

    @Test
    void aSupersededVersion() throws Exception {
      JournalView journal = journal(lines(anchored(id(0))));
      RegistryRecord a = active(id(0));
      RegistryRecord superseded =
          TestRecords.record(
              id(0),
              RecordKind.CERTIFICATE,
              TestRecords.MSP,
              hash(id(0)),
              TestRecords.TYPE,
              RecordStatus.SUPERSEDED,
              null,
              "tx2");

      onlyFinding(
          compare(journal, ledger(entry(a, superseded))), Finding.WRONG, id(0), "SUPERSEDED");
    }

    @Test
    void anUnacknowledgedRecordOnTheLedgerWithOtherContent() throws Exception {
      JournalView journal = journal(attempt(id(0)), givenUp(Target.ANCHOR, id(0)));

      OracleReport report =
          compare(journal, ledger(entry(active(id(0), hash("other"), TestRecords.TYPE))));

      onlyFinding(report, Finding.WRONG, id(0), "document hash");
      assertThat(report.count(Finding.UNACKNOWLEDGED_PRESENT)).isZero();
    }
  }

  @Nested
  class HalfWritten {

    @Test
    void aRecordWhoseKeyIsWrittenButNotIndexed() throws Exception {
      JournalView journal = journal(attempt(id(0)), givenUp(Target.ANCHOR, id(0)));
      RegistryRecord a = active(id(0));

      OracleReport report =
          compare(journal, new LedgerSnapshot(List.of(), Map.of(id(0), entry(a))));

      onlyFinding(report, Finding.HALF_WRITTEN, id(0), "type index does not list it");
      assertThat(report.count(Finding.UNACKNOWLEDGED_ABSENT)).isZero();
    }

    @Test
    void aRevokedStatusWithoutRevocationDetails() throws Exception {
      JournalView journal = journal(lines(anchored(id(0)), List.of(revokeAck(id(0)))));
      RegistryRecord a = active(id(0));
      RegistryRecord bare =
          TestRecords.record(
              id(0),
              RecordKind.CERTIFICATE,
              TestRecords.MSP,
              hash(id(0)),
              TestRecords.TYPE,
              RecordStatus.REVOKED,
              null,
              "tx2");

      onlyFinding(
          compare(journal, ledger(entry(a, bare))),
          Finding.HALF_WRITTEN,
          id(0),
          "without revocation details");
    }

    @Test
    void aCurrentRecordThatIsNotItsNewestVersion() throws Exception {
      JournalView journal = journal(lines(anchored(id(0)), List.of(revokeAck(id(0)))));
      RegistryRecord a = active(id(0));
      LedgerSnapshot.Entry e = entry(a, revoked(a, REASON));
      LedgerSnapshot.Entry stale = new LedgerSnapshot.Entry(id(0), a, e.history());

      onlyFinding(
          compare(journal, ledger(stale)), Finding.HALF_WRITTEN, id(0), "differs from its newest");
    }

    @Test
    void aListedRecordWithoutHistory() throws Exception {
      JournalView journal = journal(lines(anchored(id(0))));

      onlyFinding(
          compare(journal, ledger(new LedgerSnapshot.Entry(id(0), active(id(0)), List.of()))),
          Finding.HALF_WRITTEN,
          id(0),
          "history is empty");
    }

    @Test
    void aHistoryWithADeletion() throws Exception {
      JournalView journal = journal(lines(anchored(id(0))));
      RegistryRecord a = active(id(0));
      List<RecordHistoryEntry> history =
          List.of(TestRecords.version(a), new RecordHistoryEntry("tx0", "t", true, null));

      onlyFinding(
          compare(journal, ledger(new LedgerSnapshot.Entry(id(0), a, history))),
          Finding.HALF_WRITTEN,
          id(0),
          "deletion");
    }
  }

  @Nested
  class Unexpected {

    @Test
    void aRecordOfTheRunTheJournalNeverAttempted() throws Exception {
      JournalView journal = journal(lines(anchored(id(0))));

      onlyFinding(
          compare(journal, ledger(entry(active(id(0))), entry(active(id(5))))),
          Finding.UNEXPECTED,
          id(5),
          "never attempted");
    }
  }

  @Test
  void offendersAreListedUpToTwentyAndCountedAll() throws Exception {
    List<JournalLine> lines = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      lines.addAll(anchored(id(i)));
    }

    OracleReport report = compare(journal(lines.toArray(JournalLine[]::new)), ledger());

    assertThat(report.count(Finding.MISSING)).isEqualTo(25);
    assertThat(report.offenders().get(Finding.MISSING)).hasSize(OracleReport.LISTED);
    assertThat(report.fields()).containsEntry("missing", 25L).containsEntry("agrees", false);
    @SuppressWarnings("unchecked")
    Map<String, List<Map<String, String>>> listed =
        (Map<String, List<Map<String, String>>>) report.fields().get("offenders");
    assertThat(listed.get("missing").stream().map(m -> m.get("id")).collect(Collectors.toList()))
        .startsWith(id(0), id(1));
    assertThat(report.json()).contains("\"halfWritten\": 0");
  }
}
