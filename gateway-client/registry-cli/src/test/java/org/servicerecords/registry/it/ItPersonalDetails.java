package org.servicerecords.registry.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The personal details the integration tests send, read from {@code
 * scripts/tests/personal-details.txt} ({@code KEY=VALUE} lines): the personal-data scan of the test
 * run ({@code scripts/tests/personal_data_scan.sh}) searches every block and log for exactly these
 * values, so a test that sends a detail must take it from there.
 */
final class ItPersonalDetails {

  private static final Map<String, String> VALUES = read();

  private ItPersonalDetails() {}

  /**
   * A detail's value.
   *
   * @param key its key, for example {@code records.fullName}
   * @return the value
   * @throws IllegalArgumentException if the file has no such key
   */
  static String value(String key) {
    String value = VALUES.get(key);
    if (value == null) {
      throw new IllegalArgumentException(
          "scripts/tests/personal-details.txt has no " + key + ": add it there");
    }
    return value;
  }

  private static Map<String, String> read() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("scripts/tests/personal-details.txt"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "no scripts/tests/personal-details.txt above " + Path.of("").toAbsolutePath());
    }
    Map<String, String> values = new TreeMap<>();
    try {
      for (String line :
          Files.readAllLines(
              dir.resolve("scripts/tests/personal-details.txt"), StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
          values.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return values;
  }
}
