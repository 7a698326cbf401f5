package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.bench.JournalLine.Target;

/**
 * The journal writer: one flushed line per write, what is left in flight closed as unacknowledged.
 */
class RunJournalTest {

  private static final String H = "b".repeat(64);
  private final Clock clock = Clock.fixed(Instant.ofEpochMilli(1234), ZoneOffset.UTC);

  /** A writer that remembers what had been flushed. */
  private static final class FlushCounting extends StringWriter {
    String flushed = "";

    @Override
    public void flush() {
      flushed = toString();
    }
  }

  @Test
  void eachLineIsFlushedAsItIsWritten() {
    FlushCounting out = new FlushCounting();
    RunJournal journal = new RunJournal(out, clock);

    journal.write(new JournalLine.AnchorAttempt("r-0", H, "A", null, journal.nowMillis()));

    assertThat(out.flushed)
        .isEqualTo(
            "{\"op\":\"ATTEMPT\",\"target\":\"ANCHOR\",\"id\":\"r-0\",\"documentHash\":\""
                + H
                + "\",\"documentType\":\"A\",\"millis\":1234}\n");
    assertThat(journal.lines()).isEqualTo(1);
  }

  @Test
  void closeGivesUpWhatIsStillInFlightAndDropsLaterLines() throws Exception {
    StringWriter out = new StringWriter();
    RunJournal journal = new RunJournal(out, clock);
    journal.write(new JournalLine.AnchorAttempt("r-0", H, "A", null, 1));
    journal.write(new JournalLine.AnchorAttempt("r-1", H, "A", null, 1));
    journal.write(new JournalLine.Anchored("r-0", H, "A", 2, null, false, 1));
    journal.write(new JournalLine.RevokeAttempt("r-0", "WHY", 3));
    assertThat(journal.outstanding()).isEqualTo(2);

    journal.close();
    boolean written = journal.write(new JournalLine.Anchored("r-1", H, "A", 4, null, false, 2));

    assertThat(written).isFalse();
    assertThat(journal.dropped()).isEqualTo(1);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(JournalLine.parse(lines.get(4)))
        .isEqualTo(
            new JournalLine.Unacknowledged(
                Target.ANCHOR, "r-1", RunJournal.IN_FLIGHT_AT_CLOSE, 0, 1234));
    assertThat(JournalLine.parse(lines.get(5)))
        .isEqualTo(
            new JournalLine.Unacknowledged(
                Target.REVOKE, "r-0", RunJournal.IN_FLIGHT_AT_CLOSE, 0, 1234));
    JournalView view = JournalView.of(out.toString());
    assertThat(view.records().get("r-1").anchor()).isEqualTo(JournalView.Progress.ATTEMPTED);
  }

  @Test
  void anExistingFileIsNeverAppendedTo(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sub/journal.jsonl");
    try (RunJournal journal = RunJournal.create(file, clock)) {
      journal.write(new JournalLine.Run("r", "M", "n", List.of("A"), 0));
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("{\"op\":\"RUN\"");

    assertThatThrownBy(() -> RunJournal.create(file, clock)).isInstanceOf(IOException.class);
  }
}
