package org.servicerecords.registry.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.JsonFormatException;

/**
 * Reads personal details for {@code --details-file}: a JSON object whose values are strings, from a
 * file or ({@code -}) standard input, read strictly (no duplicate keys). Messages name the file and
 * the key, never a value.
 */
final class DetailsFile {

  private DetailsFile() {}

  /**
   * Reads the details.
   *
   * @param source a file path, or {@code -} for standard input
   * @return the details, sorted by key
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it is not a JSON object of strings
   */
  static SortedMap<String, String> read(String source) throws IOException {
    String text;
    if ("-".equals(source)) {
      text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    } else {
      try {
        text = Files.readString(Path.of(source), StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("--details-file: file not found: " + source, e);
      }
    }
    return parse(text, "-".equals(source) ? "standard input" : source);
  }

  /**
   * Parses the text of a details file.
   *
   * @param text the JSON text
   * @param name what to call the source in messages
   * @return the details, sorted by key
   * @throws IllegalArgumentException if it is not a JSON object of strings
   */
  static SortedMap<String, String> parse(String text, String name) {
    JsonElement root;
    try {
      root = CanonicalJson.parseStrict(text);
    } catch (JsonFormatException e) {
      throw new IllegalArgumentException("--details-file " + name + ": " + e.getMessage(), e);
    }
    if (!root.isJsonObject()) {
      throw new IllegalArgumentException(
          "--details-file " + name + ": must hold a JSON object of strings");
    }
    JsonObject object = root.getAsJsonObject();
    SortedMap<String, String> details = new TreeMap<>();
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      JsonElement value = entry.getValue();
      if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
        throw new IllegalArgumentException(
            "--details-file " + name + ": the value of '" + entry.getKey() + "' must be a string");
      }
      details.put(entry.getKey(), value.getAsString());
    }
    return details;
  }
}
