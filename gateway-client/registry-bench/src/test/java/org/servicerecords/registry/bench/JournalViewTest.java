package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.bench.JournalLine.Target;
import org.servicerecords.registry.bench.JournalView.InconsistentJournalException;
import org.servicerecords.registry.bench.JournalView.Progress;

/** Reading a journal: lines folded per record, its own consistency checked. */
class JournalViewTest {

  private static final String H = "a".repeat(64);

  private static String text(JournalLine... lines) {
    StringBuilder s = new StringBuilder();
    for (JournalLine l : lines) {
      s.append(l.toJson()).append('\n');
    }
    return s.toString();
  }

  @Test
  void everyLineKindRoundTrips() {
    List<JournalLine> lines =
        List.of(
            new JournalLine.Run("r1", "JusticeMSP", "records-justice", List.of("A", "B"), 7),
            new JournalLine.AnchorAttempt("r1-0", H, "A", "r1-batch-1", 8),
            new JournalLine.AnchorAttempt("r1-1", H, "A", null, 8),
            new JournalLine.Anchored("r1-0", H, "A", 9, "tx1", true, 2),
            new JournalLine.Anchored("r1-1", H, "A", 9, null, false, 1),
            new JournalLine.RevokeAttempt("r1-0", "WHY", 10),
            new JournalLine.Revoked("r1-0", "WHY", 11, "tx2", 1),
            new JournalLine.Unacknowledged(Target.REVOKE, "r1-1", "timeout", 4, 12));

    for (JournalLine l : lines) {
      assertThat(JournalLine.parse(l.toJson())).isEqualTo(l);
    }
    assertThat(lines.get(3).toJson())
        .isEqualTo(
            "{\"op\":\"ANCHOR\",\"id\":\"r1-0\",\"documentHash\":\""
                + H
                + "\",\"documentType\":\"A\",\"ackMillis\":9,\"txId\":\"tx1\","
                + "\"alreadyAnchored\":true,\"attempts\":2}");
  }

  @Test
  void foldsAttemptsAcknowledgementsAndGiveUps() throws Exception {
    JournalView view =
        JournalView.of(
            text(
                new JournalLine.Run("r1", "JusticeMSP", "records-justice", List.of("A"), 0),
                new JournalLine.AnchorAttempt("r1-0", H, "A", null, 1),
                new JournalLine.AnchorAttempt("r1-1", H, "B", null, 1),
                new JournalLine.Anchored("r1-0", H, "A", 2, null, false, 1),
                new JournalLine.Unacknowledged(Target.ANCHOR, "r1-1", "timeout", 3, 2),
                new JournalLine.RevokeAttempt("r1-0", "WHY", 3)));

    assertThat(view.header().runId()).isEqualTo("r1");
    assertThat(view.records()).containsOnlyKeys("r1-0", "r1-1");
    assertThat(view.records().get("r1-0"))
        .isEqualTo(
            new JournalView.Entry(
                "r1-0", H, "A", Progress.ACKNOWLEDGED, Progress.ATTEMPTED, "WHY"));
    assertThat(view.records().get("r1-1").anchor()).isEqualTo(Progress.ATTEMPTED);
    assertThat(view.documentTypes()).containsExactly("A", "B");
    assertThat(view.truncatedLines()).isZero();
  }

  @Test
  void aLastLineCutShortIsSkipped() throws Exception {
    String whole = text(new JournalLine.AnchorAttempt("r1-0", H, "A", null, 1));
    JournalView view = JournalView.of(whole + "{\"op\":\"ANCHOR\",\"id\":\"r1-");

    assertThat(view.truncatedLines()).isEqualTo(1);
    assertThat(view.records().get("r1-0").anchor()).isEqualTo(Progress.ATTEMPTED);
  }

  @Test
  void aBadLineElsewhereIsRefused() {
    String text = "not json\n" + text(new JournalLine.AnchorAttempt("r1-0", H, "A", null, 1));

    assertThatThrownBy(() -> JournalView.of(text))
        .isInstanceOf(InconsistentJournalException.class)
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> JournalView.of("{\"op\":\"WHAT\"}\n"))
        .isInstanceOf(InconsistentJournalException.class)
        .hasMessageContaining("unknown op");
  }

  @Test
  void contradictionsAreRefused() {
    JournalLine a = new JournalLine.AnchorAttempt("r1-0", H, "A", null, 1);
    JournalLine ack = new JournalLine.Anchored("r1-0", H, "A", 2, null, false, 1);
    assertThatThrownBy(
            () ->
                JournalView.of(
                    text(a, new JournalLine.Anchored("r1-0", H, "B", 2, null, false, 1))))
        .hasMessageContaining("two contents");
    assertThatThrownBy(
            () ->
                JournalView.of(
                    text(a, new JournalLine.Unacknowledged(Target.ANCHOR, "r1-0", "x", 1, 2), ack)))
        .hasMessageContaining("after it was given up");
    assertThatThrownBy(
            () ->
                JournalView.of(
                    text(a, ack, new JournalLine.Unacknowledged(Target.ANCHOR, "r1-0", "x", 1, 2))))
        .hasMessageContaining("after it was acknowledged");
    assertThatThrownBy(() -> JournalView.of(text(a, new JournalLine.RevokeAttempt("r1-0", "W", 3))))
        .hasMessageContaining("never acknowledged");
    assertThatThrownBy(
            () ->
                JournalView.of(
                    text(
                        a,
                        ack,
                        new JournalLine.RevokeAttempt("r1-0", "W", 3),
                        new JournalLine.Revoked("r1-0", "V", 4, null, 1))))
        .hasMessageContaining("two reasons");
    assertThatThrownBy(
            () ->
                JournalView.of(
                    text(new JournalLine.Unacknowledged(Target.ANCHOR, "r1-9", "x", 1, 2))))
        .hasMessageContaining("never attempted");
    assertThatThrownBy(
            () -> JournalView.of(text(a, new JournalLine.Run("r1", "M", "n", List.of(), 0))))
        .hasMessageContaining("RUN");
  }
}
