package org.servicerecords.registry.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
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
 * codes are those of {@link ExitCodes}; each failure prints one line, never a stack trace.
 */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    version = "registry 0.1.0",
    description = "Service Records Registry: anchor, verify and audit government records.",
    subcommands = {
      Commands.Enroll.class,
      Commands.Register.class,
      Commands.Issue.class,
      Commands.IssueBatch.class,
      Commands.Receive.class,
      Commands.Decide.class,
      Commands.Revoke.class,
      Commands.Supersede.class,
      Commands.Verify.class,
      Commands.VerifyDecision.class,
      Commands.Show.class,
      Commands.History.class,
      Commands.ListRecords.class,
      Commands.Export.class,
      Commands.Watch.class,
      Commands.Audit.class,
      GovernanceCommands.Group.class
    })
public final class RegistryCli implements Callable<Integer> {

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
    new CommandLine(this).usage(out);
    return ExitCodes.USAGE;
  }

  Output output() {
    return new Output(out, err, json);
  }

  ConnectionProfile profile() throws ProfileException {
    Map<String, String> env = new java.util.HashMap<>(environment);
    if (identity != null) {
      env.put(ConnectionProfile.ENV_IDENTITY, identity);
    }
    if (wallet != null) {
      env.put(ConnectionProfile.ENV_WALLET, wallet.toString());
    }
    return ConnectionProfile.locate(profileFile, env);
  }

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
    CommandLine cli = new CommandLine(root);
    addHelpOptions(cli);
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
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
   * Gives every subcommand the {@code -h}/{@code --help} option its usage errors point to (the top
   * command has it from picocli's standard options).
   */
  private static void addHelpOptions(CommandLine command) {
    for (CommandLine sub : command.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      if (spec.findOption("--help") == null) {
        spec.addOption(
            OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
      }
      addHelpOptions(sub);
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
