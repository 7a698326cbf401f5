package org.servicerecords.registry.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.servicerecords.registry.bench.JournalView.InconsistentJournalException;
import org.servicerecords.registry.bench.JournalView.Progress;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code registry-bench oracle}: compares a mixed load's journal with the ledger ({@link
 * JournalOracle}), reading the run's records through the library as an auditor ({@link LedgerScan})
 * or from a {@code registry export} file. Exit codes: 0 the ledger agrees with the journal, 1 it
 * does not (a record missing, duplicated, wrong, half-written or unexpected), 2 usage, 3 the check
 * could not be made (journal unreadable or inconsistent, ledger unreachable).
 */
@Command(
    name = "oracle",
    mixinStandardHelpOptions = true,
    description = "Compare a mixed load's journal with the ledger (journal versus ledger).",
    footer = {
      "",
      "Exit codes: 0 agrees, 1 discrepancies, 2 usage, 3 could not check.",
      "",
      "Example:",
      "  registry-bench oracle --profile audit.json --identity auditor1 \\",
      "      --journal run.jsonl --run-id faults-1 --issuer JusticeMSP --json oracle.json"
    })
public final class OracleCli implements Callable<Integer> {

  /** Exit code: the ledger agrees with the journal. */
  static final int AGREES = 0;

  /** Exit code: discrepancies found. */
  static final int DISAGREES = 1;

  /** Exit code: the check could not be made. */
  static final int CANNOT_CHECK = 3;

  @ParentCommand BenchCli parent;

  @Option(names = "--profile", description = "Connection profile (JSON) of the reading identity")
  Path profileFile;

  @Option(names = "--identity", description = "Identity name in the profile's wallet (an auditor)")
  String identity;

  @Option(names = "--journal", required = true, description = "The mixed load's journal (JSONL)")
  Path journalFile;

  @Option(names = "--run-id", description = "The run to check. Default: the journal's RUN line")
  String runId;

  @Option(
      names = "--issuer",
      description = "Namespace or MSP id whose ledger is read. Default: the journal's issuer")
  String issuer;

  @Option(
      names = "--export",
      description =
          "Read the ledger from this `registry export --format JSONL` file instead of the network")
  Path exportFile;

  @Option(
      names = "--parallel",
      defaultValue = "4",
      description = "History queries in flight. Default: ${DEFAULT-VALUE}")
  int parallel;

  @Option(names = "--json", description = "Write the report as JSON to this file")
  Path jsonFile;

  /** For picocli. */
  public OracleCli() {}

  @Override
  public Integer call() throws Exception {
    PrintStream out = parent == null ? System.out : parent.out;
    PrintStream err = parent == null ? System.err : parent.err;
    Map<String, String> environment = parent == null ? System.getenv() : parent.environment;
    if (parallel < 1) {
      throw new IllegalArgumentException("--parallel must be at least 1");
    }
    JournalView journal;
    try {
      journal = JournalView.read(journalFile);
    } catch (IOException | InconsistentJournalException e) {
      err.println(
          "registry-bench oracle: cannot use the journal " + journalFile + ": " + e.getMessage());
      return CANNOT_CHECK;
    }
    JournalLine.Run header = journal.header();
    String run = runId != null ? RunId.check(runId) : header != null ? header.runId() : null;
    if (run == null) {
      throw new IllegalArgumentException("--run-id is needed: the journal has no RUN line");
    }
    if (runId != null && header != null && !header.runId().equals(runId)) {
      throw new IllegalArgumentException(
          "--run-id " + runId + " is not the journal's run " + header.runId());
    }
    String asked = issuer != null ? issuer : header != null ? header.issuer() : null;
    if (asked == null) {
      throw new IllegalArgumentException("--issuer is needed: the journal has no RUN line");
    }
    String issuerMsp = header != null ? header.issuer() : null;
    List<String> attempted = new ArrayList<>();
    journal.records().values().stream()
        .filter(e -> e.anchor() != Progress.NONE)
        .forEach(e -> attempted.add(e.id()));
    LedgerSnapshot ledger;
    try {
      if (exportFile != null) {
        ledger = ExportFile.read(exportFile, run, header == null ? null : header.namespace());
      } else {
        try (RegistryConnection connection = RegistryConnection.open(profile(environment))) {
          ledger =
              new LedgerScan(LedgerScan.of(connection.auditor(), asked), parallel, err, 1000)
                  .scan(run, journal.documentTypes(), attempted);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    } catch (Exception e) {
      // Profile, identity, connection, queries, an export file that is not one: no verdict.
      err.println("registry-bench oracle: cannot read the ledger: " + describe(e));
      return CANNOT_CHECK;
    }
    OracleReport report = JournalOracle.compare(run, issuerMsp, journal, ledger);
    out.println(report.summary());
    if (jsonFile != null) {
      Path parentDir = jsonFile.toAbsolutePath().getParent();
      if (parentDir != null) {
        Files.createDirectories(parentDir);
      }
      Files.writeString(jsonFile, report.json(), StandardCharsets.UTF_8);
    }
    return report.agrees() ? AGREES : DISAGREES;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private ConnectionProfile profile(Map<String, String> environment) throws Exception {
    Map<String, String> env = new HashMap<>(environment);
    if (identity != null) {
      env.put(ConnectionProfile.ENV_IDENTITY, identity);
    }
    return ConnectionProfile.locate(profileFile, env);
  }
}
