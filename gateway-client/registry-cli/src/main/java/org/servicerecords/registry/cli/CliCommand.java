package org.servicerecords.registry.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.servicerecords.registry.client.RegistryConnection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every command that does something: the global options and streams of the top command, the
 * one way to connect, and the checks commands share. Output goes through {@link #out()}.
 */
abstract class CliCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Work done with an open connection. */
  @FunctionalInterface
  interface Connected<T> {
    T apply(RegistryConnection connection) throws Exception;
  }

  /** The top command, holding the global options and streams (also under a command group). */
  RegistryCli root() {
    CommandSpec top = spec;
    while (top.parent() != null) {
      top = top.parent();
    }
    return (RegistryCli) top.userObject();
  }

  Output out() {
    return root().output();
  }

  /**
   * Opens a connection with the profile, wallet and identity the global options and the environment
   * name, runs the work and closes the connection.
   *
   * @param work what to do
   * @return its result
   * @throws Exception the failure of the profile, the connection or the work
   */
  <T> T connected(Connected<T> work) throws Exception {
    try (RegistryConnection connection = root().connect()) {
      return work.apply(connection);
    }
  }

  /**
   * Parses an instant option.
   *
   * @param text the value, or {@code null}
   * @param option the option's name, for the message
   * @return the instant, or {@code null} without a value
   * @throws IllegalArgumentException (bad input) if it is not an ISO-8601 instant
   */
  static Instant instant(String text, String option) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " must be an ISO-8601 instant such as 2024-05-01T10:00:00Z: " + text);
    }
  }

  /**
   * An optional instant option as the text a request carries.
   *
   * @param text the value, or {@code null}
   * @param option the option's name, for the message
   * @return the normalised instant, or {@code null} without a value
   */
  static String instantText(String text, String option) {
    Instant parsed = instant(text, option);
    return parsed == null ? null : parsed.toString();
  }

  static ProgressBar progress(Output out, String task, long max) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setConsumer(new ConsoleProgressBarConsumer(out.err))
        .build();
  }
}
