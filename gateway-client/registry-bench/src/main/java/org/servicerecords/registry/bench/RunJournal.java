package org.servicerecords.registry.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.servicerecords.registry.bench.JournalLine.Target;

/**
 * The mixed load's journal: an append-only file of {@link JournalLine}s, one JSON object per line,
 * each flushed as soon as it is written, so that a load killed at any instant leaves every line it
 * wrote complete (at worst the last one cut short, which {@link JournalView} skips).
 *
 * <p>The order of writes is the promise the oracle relies on: an {@code ATTEMPT} line is written
 * before the operation is first sent, the {@code ANCHOR} or {@code REVOKE} line only after the
 * library acknowledged it, and an {@code UNACKNOWLEDGED} line when it was given up. The journal
 * keeps track of the attempts that have neither: {@link #close()} writes an {@code UNACKNOWLEDGED}
 * line ({@value #IN_FLIGHT_AT_CLOSE}) for each, and drops (and counts) what is written after it.
 * Thread-safe.
 */
final class RunJournal implements Closeable {

  /** The cause of the {@code UNACKNOWLEDGED} lines {@link #close()} writes. */
  static final String IN_FLIGHT_AT_CLOSE = "in_flight_at_close";

  private final Writer out;
  private final Clock clock;
  private final Set<String> outstanding = new LinkedHashSet<>();
  private boolean closed;
  private long lines;
  private long dropped;

  /**
   * Creates a journal over a writer.
   *
   * @param out where the lines go (flushed after each)
   * @param clock the clock of {@link #nowMillis()}
   */
  RunJournal(Writer out, Clock clock) {
    this.out = Objects.requireNonNull(out, "out");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Creates a new journal file; an existing file is never appended to or replaced (one journal, one
   * run).
   *
   * @param file the file to create (its folder is created when missing)
   * @param clock the clock of {@link #nowMillis()}
   * @return the journal
   * @throws IOException if the file exists or cannot be created
   */
  static RunJournal create(Path file, Clock clock) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new RunJournal(
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        clock);
  }

  /**
   * Returns the journal clock's time.
   *
   * @return epoch milliseconds
   */
  long nowMillis() {
    return clock.millis();
  }

  /**
   * Writes a line and flushes it. An attempt starts being tracked; an acknowledgement or an {@code
   * UNACKNOWLEDGED} line ends its tracking. After {@link #close()} the line is dropped.
   *
   * @param line the line
   * @return false when it was dropped because the journal is closed
   * @throws UncheckedIOException if it cannot be written (the journal is then unusable: an attempt
   *     whose line failed must not be sent)
   */
  synchronized boolean write(JournalLine line) {
    Objects.requireNonNull(line, "line");
    if (closed) {
      dropped++;
      return false;
    }
    append(line);
    if (line instanceof JournalLine.AnchorAttempt a) {
      outstanding.add(key(Target.ANCHOR, a.id()));
    } else if (line instanceof JournalLine.RevokeAttempt r) {
      outstanding.add(key(Target.REVOKE, r.id()));
    } else if (line instanceof JournalLine.Anchored a) {
      outstanding.remove(key(Target.ANCHOR, a.id()));
    } else if (line instanceof JournalLine.Revoked r) {
      outstanding.remove(key(Target.REVOKE, r.id()));
    } else if (line instanceof JournalLine.Unacknowledged u) {
      outstanding.remove(key(u.target(), u.id()));
    }
    return true;
  }

  private void append(JournalLine line) {
    try {
      out.write(line.toJson());
      out.write('\n');
      out.flush();
      lines++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal", e);
    }
  }

  private static String key(Target target, String id) {
    return target.name() + " " + id;
  }

  /**
   * Returns the lines written.
   *
   * @return the count
   */
  synchronized long lines() {
    return lines;
  }

  /**
   * Returns the lines dropped because they came after {@link #close()}.
   *
   * @return the count
   */
  synchronized long dropped() {
    return dropped;
  }

  /**
   * Returns the attempts that have neither an acknowledgement nor an {@code UNACKNOWLEDGED} line.
   *
   * @return the count
   */
  synchronized int outstanding() {
    return outstanding.size();
  }

  /**
   * Writes an {@code UNACKNOWLEDGED} line ({@value #IN_FLIGHT_AT_CLOSE}) for every attempt still
   * outstanding (its {@code attempts} 0: the journal does not count them), then closes the file.
   * Idempotent.
   *
   * @throws IOException if the file cannot be closed
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    long now = nowMillis();
    for (String key : outstanding) {
      int space = key.indexOf(' ');
      append(
          new JournalLine.Unacknowledged(
              Target.valueOf(key.substring(0, space)),
              key.substring(space + 1),
              IN_FLIGHT_AT_CLOSE,
              0,
              now));
    }
    outstanding.clear();
    closed = true;
    out.close();
  }
}
