package org.servicerecords.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command explains itself: its help, {@code registry help}, its usage errors, completion. */
class CommandHelpTest {

  /** Every command of the tree as its path, {@code registry} itself as the empty path. */
  static Stream<List<String>> commands() {
    List<List<String>> paths = new ArrayList<>();
    collect(RegistryCli.commandLine(new RegistryCli()), new ArrayList<>(), paths);
    return paths.stream();
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
    paths.add(List.copyOf(path));
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> longer = new ArrayList<>(path);
              longer.add(name);
              collect(sub, longer, paths);
            });
  }

  private static RegistryCliTest.Result run(List<String> path, String... more) {
    List<String> args = new ArrayList<>(path);
    args.addAll(List.of(more));
    return RegistryCliTest.run(Map.of(), args.toArray(String[]::new));
  }

  private static String usage(List<String> path) {
    return "Usage: registry" + (path.isEmpty() ? "" : " " + String.join(" ", path));
  }

  @Test
  void theTreeHoldsEveryCommandAndGroup() {
    assertThat(commands().map(p -> String.join(" ", p)))
        .contains(
            "enroll",
            "issue",
            "issue-batch",
            "verify",
            "verify-decision",
            "qr",
            "audit events",
            "governance register",
            "help",
            "completion")
        .hasSizeGreaterThan(25);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpPrintsUsageAnExampleAndExitCodes(List<String> path) {
    RegistryCliTest.Result help = run(path, "--help");

    assertThat(help.code()).as("%s --help", path).isEqualTo(ExitCodes.OK);
    assertThat(help.err()).isEmpty();
    assertThat(help.out())
        .startsWith(usage(path))
        .contains(System.lineSeparator() + "Example:" + System.lineSeparator())
        .contains("Exit codes:")
        .containsPattern("(?m)^ +0 +\\S")
        .containsPattern("(?m)^ +2 +usage");
    assertThat(help.out().substring(help.out().indexOf("Example:"))).contains("registry ");
    for (String line : help.out().lines().toList()) {
      assertThat(line.length()).as("%s: %s", path, line).isLessThanOrEqualTo(80);
    }
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpCommandPrintsTheSameAsTheOption(List<String> path) {
    List<String> asked = new ArrayList<>(List.of("help"));
    asked.addAll(path);
    RegistryCliTest.Result viaCommand = RegistryCliTest.run(Map.of(), asked.toArray(String[]::new));

    assertThat(viaCommand.code()).as("help %s", path).isEqualTo(ExitCodes.OK);
    assertThat(viaCommand.out()).isEqualTo(run(path, "--help").out());
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aUsageErrorNamesTheCommandsHelp(List<String> path) {
    // picocli lets a help command (helpCommand = true) pass over options it does not know.
    assumeThat(path).isNotEqualTo(List.of("help"));
    RegistryCliTest.Result wrong = run(path, "--no-such-option");

    assertThat(wrong.code()).as("%s --no-such-option", path).isEqualTo(ExitCodes.USAGE);
    String command = path.isEmpty() ? "" : String.join(" ", path) + " ";
    assertThat(wrong.err())
        .startsWith("registry: ")
        .contains("Try 'registry " + command + "--help'.");
    assertThat(wrong.out()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyExitCodeInHelpIsOneOfExitCodes(List<String> path) {
    List<String> listed =
        run(path, "--help")
            .out()
            .lines()
            .dropWhile(line -> !line.equals("Exit codes:"))
            .skip(1)
            .takeWhile(line -> !line.isBlank())
            .filter(line -> line.matches(" +\\d+ .*"))
            .toList();
    assertThat(listed).isNotEmpty();
    for (String line : listed) {
      assertThat(ExitCodes.MEANINGS).containsKey(Integer.parseInt(line.strip().split(" +")[0]));
    }
  }

  @Test
  void commandsListTheirOwnMeaningOfACode() {
    assertThat(run(List.of("verify"), "--help").out())
        .containsPattern("(?m)^ +0 +VALID$")
        .containsPattern("(?m)^ +3 +UNKNOWN")
        .containsPattern("(?m)^ +11 +the answer could not be attested");
    assertThat(run(List.of("audit", "events"), "--help").out())
        .containsPattern("(?m)^ +12 +at least one event was ignored");
    assertThat(run(List.of(), "--help").out())
        .containsPattern("(?m)^ +12 +audit events")
        .containsPattern("(?m)^ +9 +partly done");
  }

  @Test
  void helpOfAnUnknownCommandIsAUsageErrorPointingAtTheList() {
    RegistryCliTest.Result r = RegistryCliTest.run(Map.of(), "help", "audit", "nosuch");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("Unknown command 'audit nosuch'")
        .contains("Try 'registry --help'.");
  }

  @Test
  void aUsageErrorDoesNotEchoASecret() {
    for (String secret : List.of("--secret=pw1", "--secret=")) {
      RegistryCliTest.Result r =
          RegistryCliTest.run(Map.of(), "register", "--user", "u1", "--role", "issuer", secret);
      assertThat(r.code()).as(secret).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("Try 'registry register --help'.").doesNotContain("pw1");
    }
  }

  @Test
  void completionScriptNamesTheCommands() {
    RegistryCliTest.Result r = RegistryCliTest.run(Map.of(), "completion");

    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_registry")
        .contains("verify-decision", "issue-batch", "governance", "events", "--hash", "--file")
        .contains("qr", "--portal-url");
  }
}
