package org.servicerecords.registry.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import org.servicerecords.registry.client.profile.ProfileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The {@code registry} command: agencies issue and decide, citizens verify, auditors read. Exit
 * codes are those of {@link ExitCodes}; each failure prints one line, never a stack trace. Every
 * command explains itself: {@code registry COMMAND --help} and {@code registry help COMMAND} print
 * its options, an example and its exit codes, and {@code registry completion} prints a shell
 * completion script.
 */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    version = "registry 0.1.0",
    description = "Service Records Registry: anchor, verify and audit government records.",
    commandListHeading = "%nCommands (registry help COMMAND explains each):%n",
    subcommands = {
      CaCommands.Enroll.class,
      CaCommands.Register.class,
      AgencyCommands.Issue.class,
      AgencyCommands.IssueBatch.class,
      AgencyCommands.Receive.class,
      AgencyCommands.Decide.class,
      AgencyCommands.Revoke.class,
      AgencyCommands.Supersede.class,
      QrCommand.class,
      VerifyCommands.Verify.class,
      VerifyCommands.VerifyDecision.class,
      VerifyCommands.Show.class,
      AuditCommands.History.class,
      AuditCommands.ListRecords.class,
      AuditCommands.Export.class,
      AuditCommands.Watch.class,
      AuditCommands.Audit.class,
      ProofCommands.Proof.class,
      GovernanceCommands.Group.class,
      Help.class,
      Completion.class
    },
    footer = {
      "  registry --profile bank.json --identity verifier1 verify certificate.pdf",
      "  registry help issue",
      "  source <(registry completion)"
    })
public final class RegistryCli implements Callable<Integer> {

  /** The general exit codes of a command that connects, besides its own ({@link ExitCodes}). */
  private static final List<Integer> CONNECTED_CODES =
      List.of(
          ExitCodes.OK,
          ExitCodes.USAGE,
          ExitCodes.NOT_FOUND,
          ExitCodes.NOT_AUTHORIZED,
          ExitCodes.BAD_INPUT,
          ExitCodes.NETWORK,
          ExitCodes.REFUSED,
          ExitCodes.CONFIG,
          ExitCodes.INTERNAL);

  @Option(
      names = "--profile",
      description =
          "Connection profile (JSON). Default: $REGISTRY_PROFILE, else ./registry-profile.json",
      scope = CommandLine.ScopeType.INHERIT)
  Path profileFile;

  @Option(
      names = "--identity",
      description = "Identity name in the wallet (overrides $REGISTRY_IDENTITY and the profile)",
      scope = CommandLine.ScopeType.INHERIT)
  String identity;

  @Option(
      names = "--wallet",
      description = "Wallet directory (overrides $REGISTRY_WALLET and the profile)",
      scope = CommandLine.ScopeType.INHERIT)
  Path wallet;

  @Option(
      names = "--json",
      description = "Machine-readable JSON output",
      scope = CommandLine.ScopeType.INHERIT)
  boolean json;

  Map<String, String> environment = System.getenv();
  PrintStream out = System.out;
  PrintStream err = System.err;

  /** For picocli. */
  public RegistryCli() {}

  @Override
  public Integer call() {
    commandLine(this).usage(out);
    return ExitCodes.USAGE;
  }

  Output output() {
    return new Output(out, err, json);
  }

  /** The connection profile the options and the environment name ({@link ConnectionProfile}). */
  ConnectionProfile profile() throws ProfileException {
    Map<String, String> env = new HashMap<>(environment);
    if (identity != null) {
      env.put(ConnectionProfile.ENV_IDENTITY, identity);
    }
    if (wallet != null) {
      env.put(ConnectionProfile.ENV_WALLET, wallet.toString());
    }
    return ConnectionProfile.locate(profileFile, env);
  }

  /** Opens a connection with {@link #profile()}: the only place the CLI connects. */
  RegistryConnection connect() throws Exception {
    return RegistryConnection.open(profile());
  }

  /**
   * Runs the CLI.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /**
   * Runs the CLI with given streams and environment (for tests and embedding).
   *
   * @param args the arguments
   * @param environment the environment
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(
      String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    RegistryCli root = new RegistryCli();
    root.environment = environment;
    root.out = out;
    root.err = err;
    CommandLine cli = commandLine(root);
    cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cli.setExitCodeExceptionMapper(ExitCodes::of);
    cli.setParameterExceptionHandler(
        (e, arguments) -> {
          err.println("registry: " + withoutSecrets(e.getMessage(), arguments));
          err.println("Try 'registry " + commandPath(e.getCommandLine()) + "--help'.");
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println("registry: " + message(e));
          return ExitCodes.of(e);
        });
    return cli.execute(args);
  }

  /**
   * The command tree over a top command: every command and group with {@code -h}/{@code --help}
   * (the option its usage errors point to), its exit codes and its example in its help.
   *
   * @param root the top command
   * @return the command line; streams and handlers not set
   */
  static CommandLine commandLine(RegistryCli root) {
    CommandLine cli = new CommandLine(root);
    describe(cli);
    return cli;
  }

  /**
   * Gives a command and those under it the {@code -h}/{@code --help} option, the heading of their
   * example and the list of their exit codes: the command's own meanings (its {@code
   * exitCodeList}), then the general ones of the codes a command that connects can end with, or,
   * for the others (groups, {@code help}, {@code completion}), of success and usage; for {@code
   * registry} itself, every code.
   */
  private static void describe(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    if (spec.findOption("--help") == null) {
      spec.addOption(
          OptionSpec.builder("-h", "--help")
              .usageHelp(true)
              .description("Show this help message and exit.")
              .build());
    }
    Map<Integer, String> codes = new TreeMap<>();
    spec.usageMessage()
        .exitCodeList()
        .forEach((code, meaning) -> codes.put(Integer.parseInt(code.strip()), meaning));
    Collection<Integer> general;
    if (spec.parent() == null) {
      general = ExitCodes.MEANINGS.keySet();
    } else if (spec.userObject() instanceof CliCommand) {
      general = CONNECTED_CODES;
    } else {
      general = List.of(ExitCodes.OK, ExitCodes.USAGE);
    }
    for (int code : general) {
      codes.putIfAbsent(code, ExitCodes.MEANINGS.get(code));
    }
    Map<String, String> list = new LinkedHashMap<>();
    codes.forEach((code, meaning) -> list.put(String.format("%2d", code), meaning));
    spec.usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(list)
        .footerHeading("%nExample:%n");
    for (CommandLine sub : command.getSubcommands().values()) {
      describe(sub);
    }
  }

  /**
   * A usage message with any value given after {@code --secret} (or as {@code --secret=VALUE})
   * masked: secrets are never taken from the command line, and a mistaken one is not repeated into
   * logs.
   *
   * @param message picocli's message, which quotes arguments as {@code 'value'}
   * @param arguments the command line
   * @return the message without those values
   */
  static String withoutSecrets(String message, String[] arguments) {
    String masked = message;
    for (int i = 0; i < arguments.length; i++) {
      String secret = null;
      if (arguments[i].equals("--secret") && i + 1 < arguments.length) {
        secret = arguments[i + 1];
      } else if (arguments[i].startsWith("--secret=")) {
        secret = arguments[i].substring("--secret=".length());
        masked = masked.replace("'" + arguments[i] + "'", "'--secret=***'");
      }
      if (secret != null && !secret.isEmpty()) {
        masked = masked.replace("'" + secret + "'", "'***'");
      }
    }
    return masked;
  }

  private static String commandPath(CommandLine commandLine) {
    StringBuilder path = new StringBuilder();
    for (CommandLine c = commandLine; c != null && c.getParent() != null; c = c.getParent()) {
      path.insert(0, c.getCommandName() + " ");
    }
    return path.toString();
  }

  static String message(Throwable e) {
    String text = e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "file not found: " + text;
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + text;
    }
    if (text == null || text.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return text.lines().findFirst().orElse(text);
  }
}
