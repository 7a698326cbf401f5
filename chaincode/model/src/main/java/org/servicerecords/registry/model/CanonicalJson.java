package org.servicerecords.registry.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.Streams;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one JSON form used on the ledger and between client and chaincode.
 *
 * <p>Writing: object keys sorted (recursively, by UTF-16 code units), no HTML escaping, no
 * insignificant whitespace, {@code null} members omitted, integers only. Two peers serialising the
 * same value therefore produce the same bytes.
 *
 * <p>Reading is strict where Gson is lenient: duplicate keys, unknown fields, values of the wrong
 * JSON kind (a number for a string, a list of pairs for a map), floating-point or out-of-range
 * numbers, trailing data and nesting deeper than {@value #MAX_DEPTH} are refused with a {@link
 * JsonFormatException}.
 */
public final class CanonicalJson {

  /** Deepest nesting accepted when reading. */
  public static final int MAX_DEPTH = 16;

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

  /** More digits than any long has: out of range without parsing (a huge number costs time). */
  private static final int MAX_LONG_DIGITS = 19;

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private CanonicalJson() {}

  /**
   * Serialises a value to its canonical JSON text.
   *
   * @param value the value (a record, map, list, string, number or boolean)
   * @return canonical JSON text
   * @throws JsonFormatException if the value holds a non-integral number
   */
  public static String toJson(Object value) {
    JsonElement sorted = sorted(GSON.toJsonTree(value), "$");
    StringWriter out = new StringWriter();
    try (JsonWriter writer = new JsonWriter(out)) {
      writer.setHtmlSafe(false);
      writer.setSerializeNulls(false);
      writer.setStrictness(Strictness.STRICT);
      Streams.write(sorted, writer);
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string cannot fail", e);
    }
    return out.toString();
  }

  /**
   * Serialises a value to the UTF-8 bytes of its canonical JSON text.
   *
   * @param value the value
   * @return UTF-8 bytes of {@link #toJson(Object)}
   */
  public static byte[] toBytes(Object value) {
    return toJson(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads JSON text into a value of the given type, refusing anything Gson would silently accept.
   *
   * <p>Before Gson maps the tree, every value must be the JSON kind of its Java type ({@code
   * String} and enums a JSON string, integers a JSON number within the type's range, {@code
   * boolean} a JSON boolean, arrays and lists a JSON array, maps and records a JSON object), so
   * Gson's conversions between kinds (a number into a string, a list of pairs into a map) never
   * happen. JSON {@code null} is accepted only where a reference may be absent: a record component
   * or a map value; not for a primitive component nor as an array or list element. Anything thrown
   * while the value is built (a record's constructor included) is refused the same way.
   *
   * @param json JSON text
   * @param type the type to read: a record, {@code String}, an enum, a boxed integer or boolean, or
   *     an array of them; record components may also be primitives, {@code List}s and {@code Map}s
   *     with {@code String} keys
   * @param <T> the type
   * @return the value
   * @throws JsonFormatException if the text is not well-formed, has duplicate or unknown fields,
   *     holds non-integral numbers, or a value of the wrong JSON kind (the message names its path,
   *     such as {@code $.metadata.office}, never the value)
   * @throws IllegalArgumentException if {@code type} holds a Java type this reading does not
   *     support
   */
  public static <T> T fromJson(String json, Class<T> type) {
    JsonElement tree = parseStrict(json);
    JsonShape.check(tree, type, "$");
    T value;
    try {
      value = GSON.fromJson(tree, type);
    } catch (RuntimeException e) {
      // Gson's messages (and a constructor's) may repeat the values read: only the class is named.
      throw new JsonFormatException(
          "does not match " + type.getSimpleName() + " (" + rootCause(e) + ")");
    }
    if (value == null) {
      throw new JsonFormatException("expected a JSON value of " + type.getSimpleName());
    }
    return value;
  }

  /**
   * Reads UTF-8 JSON bytes into a value of the given type.
   *
   * @param json UTF-8 JSON bytes
   * @param type the record or class to read
   * @param <T> the type
   * @return the value
   * @throws JsonFormatException as {@link #fromJson(String, Class)}
   */
  public static <T> T fromBytes(byte[] json, Class<T> type) {
    return fromJson(new String(json, StandardCharsets.UTF_8), type);
  }

  /**
   * Parses JSON text into a tree, refusing duplicate keys, non-integral numbers, trailing data and
   * excessive nesting.
   *
   * @param json JSON text
   * @return the parsed tree
   * @throws JsonFormatException if the text is not acceptable
   */
  public static JsonElement parseStrict(String json) {
    if (json == null) {
      throw new JsonFormatException("JSON text is missing");
    }
    try (JsonReader reader = new JsonReader(new StringReader(json))) {
      reader.setStrictness(Strictness.STRICT);
      JsonElement tree = read(reader, 0, "$");
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonFormatException("unexpected data after the JSON value");
      }
      return tree;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw new JsonFormatException("malformed JSON: " + brief(e));
    }
  }

  private static JsonElement read(JsonReader reader, int depth, String path) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new JsonFormatException("JSON nested deeper than " + MAX_DEPTH + " at " + path);
    }
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        JsonObject object = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (object.has(name)) {
            throw new JsonFormatException("duplicate field '" + name + "' at " + path);
          }
          object.add(name, read(reader, depth + 1, path + "." + name));
        }
        reader.endObject();
        return object;
      }
      case BEGIN_ARRAY -> {
        JsonArray array = new JsonArray();
        reader.beginArray();
        int index = 0;
        while (reader.hasNext()) {
          array.add(read(reader, depth + 1, path + "[" + index++ + "]"));
        }
        reader.endArray();
        return array;
      }
      case STRING -> {
        return new JsonPrimitive(reader.nextString());
      }
      case NUMBER -> {
        String text = reader.nextString();
        if (!INTEGER.matcher(text).matches()) {
          throw new JsonFormatException(
              "only integers are accepted, found a fraction or exponent at " + path);
        }
        int digits = text.startsWith("-") ? text.length() - 1 : text.length();
        if (digits > MAX_LONG_DIGITS) {
          throw new JsonFormatException("integer out of range at " + path);
        }
        BigInteger number = new BigInteger(text);
        if (number.compareTo(LONG_MIN) < 0 || number.compareTo(LONG_MAX) > 0) {
          throw new JsonFormatException("integer out of range at " + path);
        }
        return new JsonPrimitive(number.longValue());
      }
      case BOOLEAN -> {
        return new JsonPrimitive(reader.nextBoolean());
      }
      case NULL -> {
        reader.nextNull();
        return JsonNull.INSTANCE;
      }
      default -> throw new JsonFormatException("malformed JSON at " + path);
    }
  }

  private static JsonElement sorted(JsonElement element, String path) {
    if (element.isJsonObject()) {
      List<String> names = new ArrayList<>(element.getAsJsonObject().keySet());
      names.sort(null);
      JsonObject result = new JsonObject();
      for (String name : names) {
        JsonElement member = element.getAsJsonObject().get(name);
        if (!member.isJsonNull()) {
          result.add(name, sorted(member, path + "." + name));
        }
      }
      return result;
    }
    if (element.isJsonArray()) {
      JsonArray result = new JsonArray();
      int index = 0;
      for (JsonElement item : element.getAsJsonArray()) {
        result.add(sorted(item, path + "[" + index++ + "]"));
      }
      return result;
    }
    if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
      String text = element.getAsJsonPrimitive().getAsNumber().toString();
      if (!INTEGER.matcher(text).matches()) {
        throw new JsonFormatException(
            "only integers can be written, found " + text + " at " + path);
      }
    }
    return element;
  }

  /** The class name of the innermost cause (Gson wraps what a record's constructor throws). */
  private static String rootCause(Throwable e) {
    Throwable cause = e;
    for (int hops = 0; cause.getCause() != null && hops < 8; hops++) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName();
  }

  private static String brief(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }
}
