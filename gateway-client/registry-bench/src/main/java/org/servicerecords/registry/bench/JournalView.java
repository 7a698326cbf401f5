package org.servicerecords.registry.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a journal says about each record of its run, folded from its lines: the content it was
 * anchored with, whether the anchoring was acknowledged or only attempted, and the same for its
 * revocation. Reading is strict about the journal's own consistency (one content per record, no
 * acknowledgement contradicted, no revocation of a record never anchored) and lenient about one
 * thing only: a last line cut short (no newline, not JSON), as a load killed mid-write leaves it,
 * is skipped and counted.
 *
 * @param header the {@code RUN} line, or {@code null} when the journal has none
 * @param records every record the journal names, in order of first appearance
 * @param truncatedLines last lines skipped because they were cut short (0 or 1)
 */
record JournalView(JournalLine.Run header, Map<String, Entry> records, int truncatedLines) {

  /** How far an operation got, by the journal. */
  enum Progress {
    /** Never attempted. */
    NONE,
    /** Attempted, never acknowledged (with or without an {@code UNACKNOWLEDGED} line). */
    ATTEMPTED,
    /** Acknowledged by the library. */
    ACKNOWLEDGED
  }

  /**
   * One record, by the journal.
   *
   * @param id the record id
   * @param documentHash the hash it was anchored with
   * @param documentType the type it was anchored with
   * @param anchor how far its anchoring got
   * @param revocation how far its revocation got ({@link Progress#NONE} when never attempted)
   * @param revocationReason the reason it was revoked with, or {@code null}
   */
  record Entry(
      String id,
      String documentHash,
      String documentType,
      Progress anchor,
      Progress revocation,
      String revocationReason) {}

  /** Copies the map. */
  JournalView {
    records = Collections.unmodifiableMap(new LinkedHashMap<>(records));
  }

  /** The journal is not consistent with itself: the oracle cannot judge the ledger by it. */
  static final class InconsistentJournalException extends Exception {
    private static final long serialVersionUID = 1L;

    InconsistentJournalException(String message) {
      super(message);
    }
  }

  /**
   * Returns the document types the journal's records were anchored with, and the header's.
   *
   * @return the types, sorted
   */
  List<String> documentTypes() {
    TreeSet<String> types = new TreeSet<>();
    if (header != null) {
      types.addAll(header.documentTypes());
    }
    records.values().forEach(e -> types.add(e.documentType()));
    return List.copyOf(types);
  }

  /**
   * Reads a journal file.
   *
   * @param file the file
   * @return the view
   * @throws IOException if it cannot be read
   * @throws InconsistentJournalException if a line is not a journal line or contradicts another
   */
  static JournalView read(Path file) throws IOException, InconsistentJournalException {
    return of(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Reads a journal's text.
   *
   * @param text the lines
   * @return the view
   * @throws InconsistentJournalException if a line is not a journal line or contradicts another
   */
  static JournalView of(String text) throws InconsistentJournalException {
    Objects.requireNonNull(text, "text");
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    boolean endsWithNewline = lines.get(lines.size() - 1).isEmpty();
    if (endsWithNewline) {
      lines.remove(lines.size() - 1);
    }
    Folder folder = new Folder();
    int truncated = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      JournalLine parsed;
      try {
        parsed = JournalLine.parse(line);
      } catch (IllegalArgumentException e) {
        if (i == lines.size() - 1 && !endsWithNewline) {
          truncated++;
          continue;
        }
        throw new InconsistentJournalException(
            "line " + (i + 1) + " is not a journal line: " + e.getMessage());
      }
      folder.fold(parsed, i + 1);
    }
    return new JournalView(folder.header, folder.view(), truncated);
  }

  /** Folds lines into records, checking each against what came before. */
  private static final class Folder {
    JournalLine.Run header;
    final Map<String, Mutable> records = new LinkedHashMap<>();

    static final class Mutable {
      final String id;
      String hash;
      String type;
      Progress anchor = Progress.NONE;
      Progress revocation = Progress.NONE;
      String reason;
      boolean anchorGivenUp;
      boolean revocationGivenUp;

      Mutable(String id) {
        this.id = id;
      }
    }

    void fold(JournalLine line, int number) throws InconsistentJournalException {
      if (line instanceof JournalLine.Run run) {
        if (header != null || !records.isEmpty()) {
          fail(number, "a second RUN line, or one after records");
        }
        header = run;
      } else if (line instanceof JournalLine.AnchorAttempt a) {
        Mutable m = content(a.id(), a.documentHash(), a.documentType(), number);
        if (m.anchor == Progress.NONE) {
          m.anchor = Progress.ATTEMPTED;
        }
      } else if (line instanceof JournalLine.Anchored a) {
        Mutable m = content(a.id(), a.documentHash(), a.documentType(), number);
        if (m.anchorGivenUp) {
          fail(number, a.id() + " acknowledged after it was given up");
        }
        m.anchor = Progress.ACKNOWLEDGED;
      } else if (line instanceof JournalLine.RevokeAttempt r) {
        Mutable m = revocable(r.id(), r.reason(), number);
        if (m.revocation == Progress.NONE) {
          m.revocation = Progress.ATTEMPTED;
        }
      } else if (line instanceof JournalLine.Revoked r) {
        Mutable m = revocable(r.id(), r.reason(), number);
        if (m.revocationGivenUp) {
          fail(number, r.id() + " revocation acknowledged after it was given up");
        }
        m.revocation = Progress.ACKNOWLEDGED;
      } else if (line instanceof JournalLine.Unacknowledged u) {
        Mutable m = records.get(u.id());
        if (m == null) {
          fail(number, u.id() + " given up but never attempted");
          return;
        }
        Progress p = u.target() == JournalLine.Target.ANCHOR ? m.anchor : m.revocation;
        if (p == Progress.NONE) {
          fail(number, u.id() + " given up but never attempted");
        }
        if (p == Progress.ACKNOWLEDGED) {
          fail(number, u.id() + " given up after it was acknowledged");
        }
        if (u.target() == JournalLine.Target.ANCHOR) {
          m.anchorGivenUp = true;
        } else {
          m.revocationGivenUp = true;
        }
      }
    }

    private Mutable content(String id, String hash, String type, int number)
        throws InconsistentJournalException {
      Mutable m = records.computeIfAbsent(id, Mutable::new);
      if (m.hash == null) {
        m.hash = hash;
        m.type = type;
      } else if (!m.hash.equals(hash) || !m.type.equals(type)) {
        fail(number, id + " appears with two contents");
      }
      return m;
    }

    private Mutable revocable(String id, String reason, int number)
        throws InconsistentJournalException {
      Mutable m = records.get(id);
      if (m == null || m.anchor != Progress.ACKNOWLEDGED) {
        fail(number, id + " revoked, but its anchoring was never acknowledged before");
      }
      if (m.reason == null) {
        m.reason = reason;
      } else if (!m.reason.equals(reason)) {
        fail(number, id + " revoked with two reasons");
      }
      return m;
    }

    private static void fail(int number, String message) throws InconsistentJournalException {
      throw new InconsistentJournalException("line " + number + ": " + message);
    }

    Map<String, Entry> view() {
      Map<String, Entry> out = new LinkedHashMap<>();
      for (Mutable m : records.values()) {
        out.put(m.id, new Entry(m.id, m.hash, m.type, m.anchor, m.revocation, m.reason));
      }
      return out;
    }
  }
}
