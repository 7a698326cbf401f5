package org.servicerecords.registry.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.servicerecords.registry.client.Auditor;
import org.servicerecords.registry.client.ChainReport;
import org.servicerecords.registry.client.ChainVerification;
import org.servicerecords.registry.client.EventScan;
import org.servicerecords.registry.client.ExportFormat;
import org.servicerecords.registry.client.FileCheckpoint;
import org.servicerecords.registry.client.ListQuery;
import org.servicerecords.registry.client.ListRequest;
import org.servicerecords.registry.client.WatchRequest;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The commands of auditors, who read the ledger rather than a document: {@code history}, {@code
 * list}, {@code export}, {@code watch}, {@code audit events} and {@code audit verify-chain}.
 */
final class AuditCommands {

  private AuditCommands() {}

  /** {@code registry history}. */
  @Command(
      name = "history",
      description = "Show a record's history, newest first: each transaction, status and actor.",
      footer = {"  registry --identity auditor1 history --issuer JusticeMSP bc-7"})
  static final class History extends CliCommand {
    @Parameters(paramLabel = "ID", description = "Record id")
    String id;

    @Mixin OwnNamespaceOption issuer;

    @Override
    public Integer call() throws Exception {
      List<RecordHistoryEntry> history =
          connected(c -> c.auditor().history(issuer.namespace(c), id));
      out().print(history, Output.history(history));
      return ExitCodes.OK;
    }
  }

  /** {@code registry list}. */
  @Command(
      name = "list",
      description = {
        "List records by type, subject or application, a page at a time.",
        "When there is a next page, the last line is 'next page: --bookmark TOKEN'."
      },
      footer = {
        "  registry list --by TYPE BIRTH_CERTIFICATE --issuer JusticeMSP",
        "  registry list --by APPLICATION app-42 --bookmark $TOKEN"
      })
  static final class ListRecords extends CliCommand {
    @Option(names = "--by", defaultValue = "TYPE", description = "TYPE, SUBJECT or APPLICATION")
    ListQuery by;

    @Parameters(paramLabel = "VALUE", description = "The type, subject reference or application id")
    String value;

    @Mixin OwnNamespaceOption issuer;

    @Option(names = "--page-size", defaultValue = "100", description = "1 to 500")
    int pageSize;

    @Option(
        names = "--bookmark",
        description = "The token the previous page printed after 'next page:' (JSON: bookmark)")
    String bookmark;

    @Override
    public Integer call() throws Exception {
      if (pageSize < 1 || pageSize > 500) {
        throw new IllegalArgumentException("--page-size must be between 1 and 500");
      }
      String start = CommandLineBookmark.decode(bookmark);
      RecordPage page =
          connected(
              c ->
                  c.auditor()
                      .list(
                          ListRequest.of(issuer.namespace(c), by, value)
                              .pageSize(pageSize)
                              .bookmark(start)
                              .build()));
      // The bookmark as a token a command line can carry back (it holds U+0000).
      RecordPage printed =
          new RecordPage(
              page.records(), CommandLineBookmark.encode(page.bookmark()), page.fetchedCount());
      out().print(printed, Output.page(printed));
      return ExitCodes.OK;
    }
  }

  /** {@code registry export}. */
  @Command(
      name = "export",
      description = "Export every record with its history (JSON lines or CSV).",
      footer = {
        "  registry --identity auditor1 export --issuer JusticeMSP \\",
        "      --format CSV --out records.csv"
      })
  static final class Export extends CliCommand {
    @Option(names = "--format", defaultValue = "JSONL", description = "JSONL or CSV")
    ExportFormat format;

    @Option(names = "--out", description = "Output file (default: standard output)")
    Path file;

    @Option(names = "--issuer", description = "Namespace or MSP id (repeatable; default: all)")
    List<String> issuers = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      Output out = out();
      connected(
          connection -> {
            try (Writer writer =
                file == null
                    ? new BufferedWriter(new OutputStreamWriter(out.out, StandardCharsets.UTF_8))
                    : Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
              Auditor auditor = connection.auditor();
              if (file != null && !out.json) {
                long count;
                try (ProgressBar bar = progress(out, "exporting", -1)) {
                  count = auditor.export(issuers, format, writer, bar::stepTo);
                }
                out.out.printf("exported %d records to %s%n", count, file);
              } else {
                auditor.export(issuers, format, writer, n -> {});
              }
            }
            return null;
          });
      return ExitCodes.OK;
    }
  }

  /** {@code registry watch}. */
  @Command(
      name = "watch",
      description = {
        "Print registry events endorsed by the namespace's owner, one line per entry (any other"
            + " event to standard error); resumes after the checkpoint.",
        "--max-events counts events, that is transactions, and prints every entry of the last."
      },
      footer = {
        "  registry --identity auditor1 watch --issuer JusticeMSP \\",
        "      --checkpoint events.checkpoint --from-block 0 --max-events 4"
      })
  static final class Watch extends CliCommand {
    @Mixin OwnNamespaceOption issuer;

    @Option(names = "--checkpoint", required = true, description = "Checkpoint file")
    Path checkpointFile;

    @Option(
        names = "--from-block",
        defaultValue = "0",
        description = "First block without a checkpoint")
    long fromBlock;

    @Option(
        names = "--max-events",
        defaultValue = "0",
        description =
            "Stop after this many events, that is transactions, each printed with all its"
                + " entries (0: never)")
    long maxEvents;

    @Override
    public Integer call() throws Exception {
      FileCheckpoint checkpoint = FileCheckpoint.open(checkpointFile);
      Output out = out();
      WatchPrinter printer = new WatchPrinter(out, maxEvents);
      try {
        connected(
            c -> {
              c.auditor()
                  .watch(
                      WatchRequest.of(issuer.namespace(c))
                          .checkpoint(checkpoint)
                          .startBlock(fromBlock)
                          .build(),
                      printer);
              return null;
            });
      } finally {
        if (printer.ignored() > 0) {
          out.error(
              "watch: "
                  + printer.printed()
                  + " events printed, "
                  + printer.ignored()
                  + " ignored (not shown to come from the namespace's owner; see above)");
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code registry audit}: the group; without a subcommand, a usage error. */
  @Command(
      name = "audit",
      description = "Audit the ledger itself.",
      subcommands = {AuditEvents.class, VerifyChain.class},
      footer = {
        "  registry --identity auditor1 audit events --namespace JusticeMSP",
        "  registry --identity auditor1 audit verify-chain"
      })
  static final class Audit implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      throw new ParameterException(
          spec.commandLine(), "a subcommand is required: events, verify-chain");
    }
  }

  /** {@code registry audit events}. */
  @Command(
      name = "events",
      description = {
        "Judge every event of a namespace in a range of blocks: accepted only when its"
            + " transaction is VALID and endorsed by a peer of the namespace's owner (governance:"
            + " a majority of the members); also flags writes of another organisation's implicit"
            + " collection.",
        "Prints one line per transaction, ACCEPTED or IGNORED with the reason, then the counts."
      },
      exitCodeList = {
        " 0:every event was accepted",
        "12:at least one event was ignored, or a transaction wrote another organisation's"
            + " implicit collection"
      },
      footer = {
        "  registry --identity auditor1 audit events --namespace records-justice \\",
        "      --from 0 --to 120"
      })
  static final class AuditEvents extends CliCommand {
    @Option(
        names = "--namespace",
        required = true,
        description = "Namespace, MSP id of its agency, or the governance chaincode")
    String namespace;

    @Option(names = "--from", defaultValue = "0", description = "First block (default 0)")
    long from;

    @Option(names = "--to", description = "Last block (default: the ledger's last)")
    Long to;

    @Override
    public Integer call() throws Exception {
      if (from < 0 || (to != null && to < from)) {
        throw new IllegalArgumentException("--from must be 0 or more and --to not before it");
      }
      EventScan scan =
          connected(c -> c.auditor().scanEvents(namespace, from, to == null ? -1 : to));
      out().print(scan, EventScanPrinter.lines(scan));
      return scan.anyIgnored() ? ExitCodes.EVENTS_IGNORED : ExitCodes.OK;
    }
  }

  /** {@code registry audit verify-chain}. */
  @Command(
      name = "verify-chain",
      description = {
        "Verify the channel's blocks without trusting the peer: header hash links, data hashes,"
            + " orderer signatures against the block validation policy of the configuration in"
            + " force at each block (Raft and BFT), and each transaction's creator and endorsement"
            + " signatures against its organisation's roots. From block 0 it also replays Fabric's"
            + " validation (duplicate transaction ids, endorsement policies from the committed"
            + " chaincode definitions, MVCC) and compares each code with the peer's; it flags"
            + " writes to another organisation's implicit collection and timestamps more than"
            + " --time-tolerance before an earlier block's.",
        "Then every peer the profile lists, of any organisation, is read over the same range and"
            + " compared: its header hashes, data hashes and validation codes must be the verified"
            + " chain's (PEER lines: AGREES, BEHIND, DIFFERS, UNREACHABLE).",
        "From a block above 0 the validation codes are not recomputed (docs/audit.md).",
        "Prints each finding (block, transaction, peer, REASON: detail), then a summary with the"
            + " last block's header hash; --json prints the ChainReport."
      },
      exitCodeList = {
        " 0:the blocks checked are clean",
        "13:the chain has findings (see the report); transactions the peer invalidated are notes,"
            + " not findings",
        " 6:blocks could not be read (network)"
      },
      footer = {
        "  registry --identity auditor1 audit verify-chain",
        "  registry --identity auditor1 audit verify-chain --from 100 --to 200 --json",
        "  registry --identity auditor1 audit verify-chain --no-peers",
        "  registry --identity auditor1 audit verify-chain --time-tolerance PT1H"
      })
  static final class VerifyChain extends CliCommand {
    @Option(
        names = "--time-tolerance",
        paramLabel = "DURATION",
        description =
            "How far before the latest timestamp of an earlier block's valid transaction a"
                + " transaction's may lie before it is a TIMESTAMP_OUT_OF_ORDER finding: an"
                + " ISO-8601 duration (PT15M) or whole minutes (default 15, Fabric's"
                + " peer.authentication.timewindow)")
    String timeTolerance;

    @Option(
        names = "--from",
        defaultValue = "0",
        description =
            "First block (default 0; above 0 the peer is trusted for the block before it and its"
                + " configuration)")
    long from;

    @Option(names = "--to", description = "Last block (default: the ledger's last)")
    Long to;

    @Option(
        names = "--no-peers",
        description = "Do not compare the other peers the profile lists with the verified chain")
    boolean noPeers;

    @Override
    public Integer call() throws Exception {
      if (from < 0 || (to != null && to < from)) {
        throw new IllegalArgumentException("--from must be 0 or more and --to not before it");
      }
      Output out = out();
      ChainReport report =
          connected(
              c -> {
                try (ProgressBar bar = out.json ? null : progress(out, "verifying", -1)) {
                  ChainVerification.Builder request =
                      ChainVerification.builder()
                          .from(from)
                          .comparePeers(!noPeers)
                          .progress(
                              (block, last, findings) -> {
                                if (bar != null) {
                                  bar.maxHint(last - from + 1);
                                  bar.stepTo(block - from + 1);
                                }
                              });
                  if (to != null) {
                    request.to(to);
                  }
                  if (timeTolerance != null) {
                    request.timeTolerance(tolerance(timeTolerance));
                  }
                  return c.auditor().verifyChain(request.build());
                }
              });
      out.print(report, ChainReportPrinter.lines(report));
      return report.clean() ? ExitCodes.OK : ExitCodes.CHAIN_FINDINGS;
    }

    /**
     * Reads a tolerance: whole minutes ({@code 15}) or an ISO-8601 duration ({@code PT15M}).
     *
     * @param text the option's value
     * @return the duration
     * @throws IllegalArgumentException if it is neither or negative
     */
    static Duration tolerance(String text) {
      Duration duration;
      if (text.matches("[0-9]{1,9}")) {
        duration = Duration.ofMinutes(Long.parseLong(text));
      } else {
        try {
          duration = Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
          throw new IllegalArgumentException(
              "--time-tolerance must be whole minutes or an ISO-8601 duration such as PT15M: "
                  + text);
        }
      }
      if (duration.isNegative()) {
        throw new IllegalArgumentException("--time-tolerance must not be negative: " + text);
      }
      return duration;
    }
  }
}
