package org.servicerecords.registry.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.servicerecords.registry.client.RegistryClient;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.SubmissionMetrics;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import org.servicerecords.registry.model.InputRules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code registry-bench}: runs one workload against the running network and reports throughput,
 * latency percentiles, failures by cause and the client's CPU time (docs/performance.md, "Load
 * client"); the {@code mixed} workload also writes a journal, which the {@code oracle} subcommand
 * ({@link OracleCli}) compares with the ledger. Exit codes: 0 done (failures are reported, not
 * fatal), 1 the run could not be made, 2 usage.
 */
@Command(
    name = "registry-bench",
    mixinStandardHelpOptions = true,
    version = "registry-bench 0.1.0",
    description = "Load client of the Service Records Registry benchmarks.",
    subcommands = OracleCli.class,
    footer = {
      "",
      "Examples:",
      "  registry-bench --profile justice.json --identity officer1 --workload anchor-single \\",
      "      --document-type BIRTH_CERTIFICATE --concurrency 50 --duration 60 --json single.json",
      "  registry-bench --profile justice.json --identity officer1 --workload verify \\",
      "      --document-type BIRTH_CERTIFICATE --preload 10000 --mode open --rate 300",
      "  registry-bench --profile justice.json --identity issuer1 --workload mixed \\",
      "      --run-id faults-1 --journal run.jsonl --mode open --rate 20 --duration 30 \\",
      "      --json run.json",
      "  registry-bench oracle --profile audit.json --identity auditor1 --journal run.jsonl"
    })
public final class BenchCli implements Callable<Integer> {

  @Option(names = "--profile", description = "Connection profile (JSON), as the registry CLI's")
  Path profileFile;

  @Option(names = "--identity", description = "Identity name in the profile's wallet")
  String identity;

  @Option(
      names = "--workload",
      description =
          "reference-put, reference-get, anchor-single, anchor-batch, verify, verify-any,"
              + " list-page, history-revoked, history-governance, preload-only or mixed"
              + " (required unless a subcommand is given)")
  String workload;

  @Option(
      names = "--mode",
      defaultValue = "closed",
      description = "closed (fixed concurrency) or open (fixed rate). Default: ${DEFAULT-VALUE}")
  String mode;

  @Option(
      names = "--concurrency",
      defaultValue = "50",
      description =
          "In-flight window: operations kept in flight (closed) or the most (open);"
              + " preload-only: batches in flight, default 4")
  int concurrency;

  @Option(names = "--rate", defaultValue = "100", description = "Operations per second (open)")
  double rate;

  @Option(names = "--duration", defaultValue = "30", description = "Measured seconds")
  double duration;

  @Option(
      names = "--warmup",
      defaultValue = "10",
      description = "Warm-up seconds, not measured (mixed: default 0, and counted)")
  double warmup;

  @Option(
      names = "--batch-size",
      defaultValue = "100",
      description = "Records per anchorBatch call (anchor-batch; preload-only: default 500)")
  int batchSize;

  @Option(
      names = "--chaincode",
      defaultValue = "reference",
      description = "Chaincode name of the reference contract (reference-*)")
  String chaincode;

  @Option(
      names = "--contract",
      defaultValue = "reference",
      description = "Contract name inside that chaincode (reference-*)")
  String contractName;

  @Option(
      names = "--issuer",
      description = "Issuer asked by verify (MSP id or namespace). Default: the identity's MSP")
  String issuer;

  @Option(
      names = "--document-type",
      defaultValue = "BIRTH_CERTIFICATE",
      description =
          "A document type the identity's agency may issue (mixed: a comma-separated list,"
              + " one drawn per record)")
  String documentType;

  @Option(
      names = "--run-id",
      description = "mixed: prefix of every record id (<run-id>-<n>). Default: mixed-<random>")
  String runId;

  @Option(
      names = "--journal",
      description = "mixed: the journal to create (JSON lines; an existing file is refused)")
  Path journalFile;

  @Option(
      names = "--mix",
      defaultValue = OperationMix.DEFAULT,
      description = "mixed: weights of single, batch, revoke, verify. Default: ${DEFAULT-VALUE}")
  String mix;

  @Option(
      names = "--batch-sizes",
      defaultValue = BatchSizes.DEFAULT,
      description = "mixed: records per batch, MIN-MAX. Default: ${DEFAULT-VALUE}")
  String batchSizes;

  @Option(
      names = "--settle",
      defaultValue = "60",
      description =
          "mixed: seconds after the end during which operations in flight keep retrying."
              + " Default: ${DEFAULT-VALUE}")
  double settle;

  @Option(
      names = "--preload",
      description =
          "Records (or reference keys) written before a read workload (default 1000;"
              + " history-revoked: 50), or by preload-only (required there)")
  Integer preload;

  @Option(
      names = "--verify-from-ledger",
      description =
          "verify, verify-any: read --preload hashes of ACTIVE records from the own namespace's"
              + " listing instead of anchoring new ones")
  boolean verifyFromLedger;

  @Spec CommandSpec spec;

  @Option(
      names = "--drain-timeout",
      defaultValue = "60",
      description = "Seconds to wait at the end for operations in flight")
  double drainTimeout;

  @Option(names = "--json", description = "Write the result as JSON to this file")
  Path jsonFile;

  Map<String, String> environment = System.getenv();
  PrintStream out = System.out;
  PrintStream err = System.err;

  /** The workload's own report fields ({@link BenchReport#GROWTH_FIELDS}), set while it runs. */
  private final Map<String, Object> extra = new LinkedHashMap<>();

  /** The bookmark walk of {@code list-page}, once it runs. */
  private PageWalk walk;

  /** The run id drawn for a mixed run without {@code --run-id}. */
  private String randomRunId;

  /** Records per {@code anchorBatch} call of {@code preload-only} without {@code --batch-size}. */
  static final int PRELOAD_BATCH = InputRules.BATCH_MAXIMUM;

  /** Batches in flight of {@code preload-only} without {@code --concurrency}. */
  static final int PRELOAD_WINDOW = 4;

  /** For picocli. */
  public BenchCli() {}

  /**
   * The load settings the options give.
   *
   * @return the settings
   * @throws IllegalArgumentException for values out of range
   */
  LoadSettings settings() {
    Mode m =
        switch (mode.toLowerCase(Locale.ROOT)) {
          case "closed" -> Mode.CLOSED;
          case "open" -> Mode.OPEN;
          default -> throw new IllegalArgumentException("--mode is closed or open, not " + mode);
        };
    boolean mixedWithoutWarmup = Workload.MIXED.cliName().equals(workload) && !given("--warmup");
    return new LoadSettings(
        m,
        concurrency,
        rate,
        seconds(mixedWithoutWarmup ? 0 : warmup),
        seconds(duration),
        seconds(drainTimeout));
  }

  private static Duration seconds(double value) {
    return Duration.ofNanos(Math.round(value * 1e9));
  }

  /**
   * The {@code --preload} count of a workload: the option's value, else the workload's default.
   *
   * @param w the workload
   * @return the count (0 where the option does not apply)
   * @throws IllegalArgumentException when {@code preload-only} lacks it, or it is below 1
   */
  int preloadCount(Workload w) {
    if (!w.preloads()) {
      return 0;
    }
    int count = preload != null ? preload : w.defaultPreload();
    if (preload == null && count == 0) {
      throw new IllegalArgumentException(w.cliName() + " needs --preload N");
    }
    if (count < 1) {
      throw new IllegalArgumentException("--preload must be at least 1");
    }
    return count;
  }

  /**
   * Records per {@code anchorBatch} call: {@code --batch-size}, or for {@code preload-only} without
   * it the contract's maximum.
   *
   * @param w the workload
   * @return the batch size
   */
  int batchSize(Workload w) {
    return w == Workload.PRELOAD_ONLY && !given("--batch-size") ? PRELOAD_BATCH : batchSize;
  }

  /**
   * Operations in flight: {@code --concurrency}, or for {@code preload-only} without it {@value
   * #PRELOAD_WINDOW}.
   *
   * @param w the workload
   * @return the window
   */
  int window(Workload w) {
    return w == Workload.PRELOAD_ONLY && !given("--concurrency") ? PRELOAD_WINDOW : concurrency;
  }

  private boolean given(String option) {
    return spec != null
        && spec.commandLine().getParseResult() != null
        && spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /**
   * Checks the options that depend on the workload, before anything connects.
   *
   * @param w the workload
   * @throws IllegalArgumentException for a combination that makes no sense
   */
  void check(Workload w) {
    preloadCount(w);
    if (batchSize(w) < 1) {
      throw new IllegalArgumentException("--batch-size must be at least 1");
    }
    if (window(w) < 1) {
      throw new IllegalArgumentException("--concurrency must be at least 1");
    }
    if (verifyFromLedger && w != Workload.VERIFY && w != Workload.VERIFY_ANY) {
      throw new IllegalArgumentException("--verify-from-ledger is for verify and verify-any");
    }
    if (w == Workload.MIXED) {
      if (journalFile == null) {
        throw new IllegalArgumentException("mixed needs --journal FILE");
      }
      mixedSettings(settings());
    } else {
      for (String option : List.of("--run-id", "--journal", "--mix", "--batch-sizes", "--settle")) {
        if (given(option)) {
          throw new IllegalArgumentException(option + " is for the mixed workload");
        }
      }
    }
  }

  /**
   * The settings of the {@code mixed} workload from the options.
   *
   * @param load the load settings
   * @return the settings
   * @throws IllegalArgumentException for values out of range
   */
  MixedRun.Settings mixedSettings(LoadSettings load) {
    List<String> types = new ArrayList<>();
    for (String t : documentType.split(",")) {
      if (!t.isBlank() && !types.contains(t.trim())) {
        types.add(t.trim());
      }
    }
    if (settle < 0) {
      throw new IllegalArgumentException("--settle must be >= 0");
    }
    return new MixedRun.Settings(
        load,
        seconds(settle),
        runId != null ? RunId.check(runId) : chosenRunId(),
        types,
        OperationMix.parse(mix),
        BatchSizes.parse(batchSizes));
  }

  private String chosenRunId() {
    if (randomRunId == null) {
      randomRunId = RunId.random();
    }
    return randomRunId;
  }

  /**
   * The profile: the file and environment as the registry CLI reads them, the identity overridden
   * by {@code --identity}, and the library's batch concurrency raised to the window, so that the
   * executor behind {@code anchorCertificateAsync} (sized from it) does not cap the window.
   */
  ConnectionProfile profile() throws Exception {
    Map<String, String> env = new HashMap<>(environment);
    if (identity != null) {
      env.put(ConnectionProfile.ENV_IDENTITY, identity);
    }
    ConnectionProfile p = ConnectionProfile.locate(profileFile, env);
    return new ConnectionProfile(
        p.channel(),
        p.mspId(),
        p.governanceChaincode(),
        p.recordsChaincode(),
        p.identity(),
        p.organizations(),
        p.timeouts(),
        Math.max(p.batchConcurrency(), concurrency),
        p.attesters(),
        p.source());
  }

  @Override
  public Integer call() throws Exception {
    if (workload == null) {
      throw new IllegalArgumentException(
          "Missing required option: '--workload=<workload>' (or the oracle subcommand)");
    }
    Workload w = Workload.of(workload);
    LoadSettings settings = settings();
    check(w);
    if (w == Workload.MIXED) {
      return runMixed(settings);
    }
    int batch = batchSize(w);
    int window = w == Workload.PRELOAD_ONLY ? window(w) : settings.window();
    ConnectionProfile profile = profile();
    Credentials credentials = RegistryConnection.loadCredentials(profile);
    ExecutorService pool = Executors.newFixedThreadPool(window, daemonThreads());
    RecordFactory records = new RecordFactory(documentType, Clock.systemUTC());
    Workloads workloads = new Workloads(pool, records, err);
    LoadGenerator generator = new LoadGenerator(settings, FailureCause::of, CpuClock.process());
    LoadResult result;
    try {
      if (w.reference()) {
        try (ReferenceGateway gateway =
            ReferenceGateway.open(profile, credentials, chaincode, contractName)) {
          Operation op =
              w == Workload.REFERENCE_PUT
                  ? workloads.referencePut(gateway.contract())
                  : workloads.referenceGet(
                      gateway.contract(),
                      workloads.preloadReference(
                          gateway.contract(), preloadCount(w), settings.window()));
          result = generator.run(op);
        }
      } else if (w == Workload.PRELOAD_ONLY) {
        try (RegistryConnection connection = RegistryConnection.open(profile, credentials)) {
          Preloader preloader =
              new Preloader(
                  batch,
                  window,
                  settings.drainTimeout(),
                  FailureCause::of,
                  CpuClock.process(),
                  err);
          result =
              preloader.run(workloads.preloadBatch(connection.registryClient()), preloadCount(w));
        }
      } else {
        try (RegistryConnection connection = RegistryConnection.open(profile, credentials)) {
          result = generator.run(registryOperation(w, connection, workloads));
        }
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
    if (w.preloads()) {
      extra.put("preload", preloadCount(w));
    }
    if (walk != null) {
      extra.put("pages_known", walk.pagesKnown());
      extra.put("last_page_seen", walk.endSeen());
    }
    out.println(BenchReport.summary(w, result, batch, extra));
    if (jsonFile != null) {
      Path parent = jsonFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          jsonFile,
          BenchReport.json(BenchReport.fields(w, result, batch, extra)),
          StandardCharsets.UTF_8);
    }
    return 0;
  }

  private Operation registryOperation(
      Workload w, RegistryConnection connection, Workloads workloads) throws Exception {
    var client = connection.registryClient();
    String msp = connection.credentials().mspId();
    return switch (w) {
      case ANCHOR_SINGLE -> workloads.anchorSingle(client);
      case ANCHOR_BATCH -> workloads.anchorBatch(client, batchSize);
      case VERIFY, VERIFY_ANY -> {
        extra.put("hashes_from_ledger", verifyFromLedger);
        List<String> hashes =
            verifyFromLedger
                ? workloads.hashesFromLedger(
                    connection.auditor(), msp, documentType, preloadCount(w))
                : workloads.preloadRecords(client, preloadCount(w));
        String asked = w == Workload.VERIFY_ANY ? null : issuer != null ? issuer : msp;
        yield workloads.verify(connection.verifier(), hashes, asked);
      }
      case LIST_PAGE -> {
        walk = new PageWalk();
        extra.put("page_size", Workloads.LIST_PAGE_SIZE);
        yield workloads.listPage(connection.auditor(), msp, documentType, walk);
      }
      case HISTORY_REVOKED -> {
        List<String> ids = workloads.preloadRevoked(client, preloadCount(w), concurrency);
        extra.put("history_versions", 2);
        yield workloads.historyRevoked(connection.auditor(), msp, ids);
      }
      case HISTORY_GOVERNANCE -> {
        int versions = connection.governanceAdmin().agencyHistory(msp).size();
        err.println("agency " + msp + ": " + versions + " versions in governance's history");
        extra.put("history_versions", versions);
        yield workloads.historyGovernance(connection.governanceAdmin(), msp);
      }
      default -> throw new IllegalStateException("not a registry workload: " + w);
    };
  }

  /**
   * Runs the {@code mixed} workload: connects as the agency, creates the journal, runs, prints the
   * summary and writes the JSON.
   */
  private int runMixed(LoadSettings settings) throws Exception {
    MixedRun.Settings mixed = mixedSettings(settings);
    ConnectionProfile profile = profile();
    Credentials credentials = RegistryConnection.loadCredentials(profile);
    ExecutorService pool = Executors.newFixedThreadPool(settings.window(), daemonThreads());
    MixedRun.Outcome outcome;
    MixedReport.Context context;
    SubmissionMetrics library;
    try (RegistryConnection connection = RegistryConnection.open(profile, credentials)) {
      RegistryClient client = connection.registryClient();
      String msp = connection.credentials().mspId();
      String namespace = client.namespace();
      AgencyCalls calls = AgencyCalls.of(client, connection.verifier(), msp);
      context =
          new MixedReport.Context(mixed.runId(), msp, namespace, journalFile.toString(), mixed);
      err.println(
          "mixed run "
              + mixed.runId()
              + " as "
              + msp
              + " ("
              + namespace
              + "), journal "
              + journalFile);
      try (RunJournal journal = RunJournal.create(journalFile, Clock.systemUTC())) {
        JournalLine.Run header =
            new JournalLine.Run(
                mixed.runId(), msp, namespace, mixed.documentTypes(), journal.nowMillis());
        outcome =
            MixedRun.run(
                calls, journal, header, mixed, pool, RetryPolicy.standard(), CpuClock.process());
      }
      library = connection.metrics();
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
    out.println(MixedReport.summary(context, outcome));
    if (jsonFile != null) {
      Path parent = jsonFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          jsonFile,
          MixedReport.json(MixedReport.fields(context, outcome, library)),
          StandardCharsets.UTF_8);
    }
    return 0;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, "bench-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Runs the load client.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the load client with given streams.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    BenchCli bench = new BenchCli();
    bench.out = out;
    bench.err = err;
    CommandLine cli = new CommandLine(bench);
    cli.setParameterExceptionHandler(
        (e, arguments) -> {
          err.println("registry-bench: " + e.getMessage());
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println("registry-bench: " + describe(e));
          if (e instanceof IllegalArgumentException) {
            return 2;
          }
          return commandLine.getCommand() instanceof OracleCli ? OracleCli.CANNOT_CHECK : 1;
        });
    return cli.execute(args);
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
