package org.servicerecords.registry.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code registry completion}: prints the bash completion script picocli's {@link AutoComplete}
 * generates from the command tree (every command, nested ones and options); zsh runs it after
 * {@code bashcompinit}. docs/client.md says how to install it.
 */
@Command(
    name = "completion",
    description = {
      "Print a bash completion script for registry, completing commands and options.",
      "In zsh, run 'autoload -U +X bashcompinit && bashcompinit' first."
    },
    footer = {
      "  source <(registry completion)",
      "  registry completion > ~/.local/share/bash-completion/completions/registry"
    })
final class Completion implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
    out.flush();
    return ExitCodes.OK;
  }
}
