package org.servicerecords.registry.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code registry help [COMMAND...]}: the help of a command, as its {@code --help} prints it, also
 * of a nested one ({@code registry help audit events}, {@code registry help governance register});
 * without a command, the help of {@code registry}.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Show the help of a command: its options, an example and its exit codes.",
    footer = {"  registry help verify", "  registry help audit events"})
final class Help implements IHelpCommandInitializable2, Runnable {

  @Parameters(
      paramLabel = "COMMAND",
      arity = "0..*",
      description = "The command, with its group for a nested one (audit events)")
  List<String> commands = new ArrayList<>();

  private CommandLine self;
  private ColorScheme colors;
  private PrintWriter out;

  @Override
  public void init(
      CommandLine helpCommandLine,
      ColorScheme colorScheme,
      PrintWriter outWriter,
      PrintWriter errWriter) {
    this.self = helpCommandLine;
    this.colors = colorScheme;
    this.out = outWriter;
  }

  @Override
  public void run() {
    CommandLine target = self.getParent();
    for (String name : commands) {
      CommandLine sub = target.getSubcommands().get(name);
      if (sub == null) {
        // Pointing at 'registry --help', which lists the commands.
        throw new ParameterException(
            self.getParent(), "Unknown command '" + String.join(" ", commands) + "'");
      }
      target = sub;
    }
    target.usage(out, colors);
  }
}
