package org.servicerecords.registry.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a parsed JSON tree against the Java type it is about to be read into, before Gson maps it:
 * every member must be a component of its record, and every value the JSON kind of its Java type.
 * Gson alone ignores unknown members and converts between kinds: a number or boolean into a {@code
 * String}, a string into a number or boolean, a list of {@code [key, value]} pairs into a map.
 *
 * <p>The kinds: {@code String} and enums a JSON string; {@code boolean} a JSON boolean; {@code
 * byte}, {@code short}, {@code int}, {@code long} (or boxed) a JSON number within the type's range;
 * arrays and collections a JSON array; maps (with {@code String} keys) a JSON object; records a
 * JSON object whose members are components. JSON {@code null} stands for an absent value: it is
 * accepted for a record component or a map value of a reference type (the caller's own rules decide
 * whether the value is required), and refused for a primitive component and for an array or list
 * element. Any other Java type is a programming error ({@link IllegalArgumentException}).
 */
final class JsonShape {

  private JsonShape() {}

  /**
   * Refuses a value that is not of the JSON kind of {@code type}, and any member or element inside
   * it that is not.
   *
   * @param value the parsed value (from {@link CanonicalJson#parseStrict}: numbers are integers in
   *     the {@code long} range)
   * @param type the Java type it is read into
   * @param path where the value is, as {@code $.member[index]}
   * @throws JsonFormatException naming the path of the first value of the wrong kind
   */
  static void check(JsonElement value, Type type, String path) {
    Class<?> raw = rawClass(type);
    if (value.isJsonNull()) {
      if (raw.isPrimitive()) {
        throw mismatch(kindOf(raw), value, path);
      }
      return;
    }
    long[] range = integerRange(raw);
    if (raw == String.class || raw.isEnum()) {
      requireKind(value.isJsonPrimitive() && primitive(value).isString(), raw, value, path);
    } else if (raw == boolean.class || raw == Boolean.class) {
      requireKind(value.isJsonPrimitive() && primitive(value).isBoolean(), raw, value, path);
    } else if (range != null) {
      requireKind(value.isJsonPrimitive() && primitive(value).isNumber(), raw, value, path);
      long number = primitive(value).getAsLong();
      if (number < range[0] || number > range[1]) {
        throw new JsonFormatException("integer out of range at " + path);
      }
    } else if (raw.isArray()) {
      elements(
          value,
          type instanceof GenericArrayType generic
              ? generic.getGenericComponentType()
              : raw.getComponentType(),
          path);
    } else if (Collection.class.isAssignableFrom(raw)) {
      elements(value, typeArgument(type, 0), path);
    } else if (Map.class.isAssignableFrom(raw)) {
      entries(value, type, path);
    } else if (raw.isRecord()) {
      members(value, raw, path);
    } else {
      throw unsupported(type);
    }
  }

  private static void elements(JsonElement value, Type elementType, String path) {
    if (!value.isJsonArray()) {
      throw mismatch("a JSON array", value, path);
    }
    JsonArray array = value.getAsJsonArray();
    for (int i = 0; i < array.size(); i++) {
      JsonElement element = array.get(i);
      String at = path + "[" + i + "]";
      if (element.isJsonNull()) {
        throw mismatch(kindOf(rawClass(elementType)), element, at);
      }
      check(element, elementType, at);
    }
  }

  private static void entries(JsonElement value, Type mapType, String path) {
    if (typeArgument(mapType, 0) != String.class) {
      throw unsupported(mapType);
    }
    if (!value.isJsonObject()) {
      throw mismatch("a JSON object", value, path);
    }
    Type valueType = typeArgument(mapType, 1);
    for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
      check(entry.getValue(), valueType, path + "." + entry.getKey());
    }
  }

  private static void members(JsonElement value, Class<?> record, String path) {
    if (!value.isJsonObject()) {
      throw mismatch(kindOf(record), value, path);
    }
    Map<String, Type> components = new TreeMap<>();
    for (RecordComponent component : record.getRecordComponents()) {
      components.put(component.getName(), component.getGenericType());
    }
    JsonObject object = value.getAsJsonObject();
    for (Map.Entry<String, JsonElement> member : object.entrySet()) {
      Type memberType = components.get(member.getKey());
      if (memberType == null) {
        throw new JsonFormatException("unknown field '" + member.getKey() + "' at " + path);
      }
      check(member.getValue(), memberType, path + "." + member.getKey());
    }
  }

  private static void requireKind(boolean rightKind, Class<?> raw, JsonElement value, String path) {
    if (!rightKind) {
      throw mismatch(kindOf(raw), value, path);
    }
  }

  /** The inclusive range of an integer type, or {@code null} if the type is not one. */
  private static long[] integerRange(Class<?> raw) {
    if (raw == long.class || raw == Long.class) {
      return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
    }
    if (raw == int.class || raw == Integer.class) {
      return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
    }
    if (raw == short.class || raw == Short.class) {
      return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
    }
    if (raw == byte.class || raw == Byte.class) {
      return new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
    }
    return null;
  }

  /** What a value of a Java type must be, as the refusal says it. */
  private static String kindOf(Class<?> raw) {
    if (raw == String.class || raw.isEnum()) {
      return "a JSON string";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "a JSON boolean";
    }
    if (integerRange(raw) != null) {
      return "a JSON number";
    }
    if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
      return "a JSON array";
    }
    if (raw.isRecord()) {
      return "a JSON object (" + raw.getSimpleName() + ")";
    }
    return "a JSON object";
  }

  /** What a JSON value is, as the refusal says it (never the value itself). */
  private static String found(JsonElement value) {
    if (value.isJsonNull()) {
      return "null";
    }
    if (value.isJsonObject()) {
      return "an object";
    }
    if (value.isJsonArray()) {
      return "an array";
    }
    JsonPrimitive primitive = primitive(value);
    if (primitive.isString()) {
      return "a string";
    }
    return primitive.isBoolean() ? "a boolean" : "a number";
  }

  private static JsonFormatException mismatch(String expected, JsonElement value, String path) {
    return new JsonFormatException(
        "expected " + expected + " at " + path + ", found " + found(value));
  }

  private static JsonPrimitive primitive(JsonElement value) {
    return value.getAsJsonPrimitive();
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> raw) {
      return raw;
    }
    if (type instanceof ParameterizedType parameterized
        && parameterized.getRawType() instanceof Class<?> raw) {
      return raw;
    }
    if (type instanceof GenericArrayType generic) {
      return rawClass(generic.getGenericComponentType()).arrayType();
    }
    throw unsupported(type);
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments().length > index) {
      Type argument = parameterized.getActualTypeArguments()[index];
      if (argument instanceof Class<?> || argument instanceof ParameterizedType) {
        return argument;
      }
    }
    throw unsupported(type);
  }

  private static IllegalArgumentException unsupported(Type type) {
    return new IllegalArgumentException(
        "strict JSON reading does not support the type " + type.getTypeName());
  }
}
