package org.servicerecords.registry.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.servicerecords.registry.client.io.FileRefusedException;
import org.servicerecords.registry.client.io.SmallFiles;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.JsonFormatException;

/**
 * Reads personal details for {@code --details-file}: a JSON object whose values are strings, from a
 * regular file or ({@code -}) standard input of at most 1 MiB ({@link SmallFiles}), read strictly
 * (no duplicate keys). Messages name the file and the key, never a value.
 */
final class DetailsFile {

  private DetailsFile() {}

  /**
   * Reads the details.
   *
   * @param source a file path, or {@code -} for standard input
   * @return the details, sorted by key
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it is not a regular file, is larger than {@link
   *     SmallFiles#DEFAULT_LIMIT}, or is not a JSON object of strings
   */
  static SortedMap<String, String> read(String source) throws IOException {
    return read(source, System.in);
  }

  /**
   * Reads the details, standard input being the given stream.
   *
   * @param source a file path, or {@code -} for the stream
   * @param standardInput the stream standing for standard input
   * @return the details, sorted by key
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it is not a regular file, is larger than {@link
   *     SmallFiles#DEFAULT_LIMIT}, or is not a JSON object of strings
   */
  static SortedMap<String, String> read(String source, InputStream standardInput)
      throws IOException {
    String name = "-".equals(source) ? "standard input" : source;
    String text;
    try {
      if ("-".equals(source)) {
        text =
            new String(
                SmallFiles.read(standardInput, SmallFiles.DEFAULT_LIMIT, name),
                StandardCharsets.UTF_8);
      } else {
        text =
            SmallFiles.readString(
                Path.of(source), SmallFiles.DEFAULT_LIMIT, StandardCharsets.UTF_8);
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--details-file: file not found: " + source, e);
    } catch (FileRefusedException e) {
      throw new IllegalArgumentException(
          "--details-file " + name + " refused: " + e.getReason(), e);
    }
    return parse(text, name);
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
