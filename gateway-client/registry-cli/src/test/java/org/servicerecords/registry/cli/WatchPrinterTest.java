package org.servicerecords.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.IgnoredEvent;
import org.servicerecords.registry.client.RegistryEventRecord;
import org.servicerecords.registry.model.RecordEvent;

class WatchPrinterTest {

  private static final RegistryEventRecord EVENT =
      new RegistryEventRecord(
          6,
          "tx-c",
          "records-justice",
          new RecordEvent(
              "records-justice", List.of(new RecordEvent.Entry("c1", "CERTIFICATE", "REVOKED"))));

  @Test
  void printsEachEntryAndStopsAfterTheMaximum() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    WatchPrinter printer = new WatchPrinter(new Output(out, out, false), 2);

    assertThat(printer.handle(EVENT)).isTrue();
    assertThat(printer.handle(EVENT)).isFalse();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "block 6 tx tx-c REVOKED CERTIFICATE c1\n"
                .repeat(2)
                .replace("\n", System.lineSeparator()));
  }

  /**
   * One supersession is one transaction and one event with two entries: {@code --max-events 1}
   * prints both and stops, and a further event would not be printed.
   */
  @Test
  void theMaximumCountsTransactionsAndPrintsEveryEntryOfTheLastOne() throws Exception {
    RegistryEventRecord supersession =
        new RegistryEventRecord(
            7,
            "tx-s",
            "records-justice",
            new RecordEvent(
                "records-justice",
                List.of(
                    new RecordEvent.Entry("c1", "CERTIFICATE", "SUPERSEDED"),
                    new RecordEvent.Entry("c2", "CERTIFICATE", "ANCHORED"))));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    WatchPrinter printer = new WatchPrinter(new Output(out, out, false), 1);

    assertThat(printer.handle(supersession)).isFalse();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            ("block 7 tx tx-s SUPERSEDED CERTIFICATE c1\n"
                    + "block 7 tx tx-s ANCHORED CERTIFICATE c2\n")
                .replace("\n", System.lineSeparator()));
  }

  @Test
  void theMaximumCountsOneJsonLinePerTransaction() throws Exception {
    RegistryEventRecord supersession =
        new RegistryEventRecord(
            7,
            "tx-s",
            "records-justice",
            new RecordEvent(
                "records-justice",
                List.of(
                    new RecordEvent.Entry("c1", "CERTIFICATE", "SUPERSEDED"),
                    new RecordEvent.Entry("c2", "CERTIFICATE", "ANCHORED"))));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    WatchPrinter printer = new WatchPrinter(new Output(out, out, true), 1);

    assertThat(printer.handle(supersession)).isFalse();
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed.lines()).hasSize(1);
    assertThat(printed).contains("\"c1\"", "\"c2\"", "SUPERSEDED", "ANCHORED");
  }

  /** The listener writes the checkpoint only when the handler returns normally. */
  @Test
  void aFailedWriteIsNotAcknowledged() {
    OutputStream closedPipe =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    PrintStream out = new PrintStream(closedPipe, true, StandardCharsets.UTF_8);
    WatchPrinter printer = new WatchPrinter(new Output(out, out, true), 0);

    assertThatThrownBy(() -> printer.handle(EVENT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("checkpoint stays before this event");
  }

  /**
   * An ignored event goes to standard error only, one line naming block, transaction, endorsers and
   * reason; it does not count towards the maximum.
   */
  @Test
  void anIgnoredEventIsOneLineOnStandardErrorAndIsCountedApart() throws Exception {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    WatchPrinter printer = new WatchPrinter(new Output(out, err, false), 1);

    printer.ignored(
        new IgnoredEvent(
            9,
            "tx-f",
            "records-justice",
            List.of("ServicesMSP"),
            List.of("_implicit_org_ServicesMSP"),
            IgnoredEvent.Reason.NOT_ENDORSED_BY_OWNER,
            "endorsed by [ServicesMSP], none of them the namespace's owner JusticeMSP"));

    assertThat(outBytes.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "registry: ignored event: block 9 tx tx-f in records-justice endorsed by [ServicesMSP]:"
                + " NOT_ENDORSED_BY_OWNER: endorsed by [ServicesMSP], none of them the namespace's"
                + " owner JusticeMSP; writes [_implicit_org_ServicesMSP]"
                + System.lineSeparator());
    assertThat(printer.ignored()).isEqualTo(1);
    assertThat(printer.printed()).isZero();
    assertThat(printer.handle(EVENT)).isFalse();
    assertThat(printer.printed()).isEqualTo(1);
  }
}
