package org.servicerecords.registry.client.ca;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An attribute registered with an identity. Certificates carry it and the registry prints it, so
 * neither name nor value may hold a control character or a line separator (U+2028, U+2029): a line
 * break would split a line of output.
 *
 * @param name the attribute name: 1 to 64 characters of {@code [A-Za-z0-9._-]}
 * @param value the value, without control characters or line separators
 * @param ecert whether enrollment certificates carry it by default
 */
public record Attribute(String name, String value, boolean ecert) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the name breaks its rule or the value holds a control
   *     character (the message does not repeat the value)
   */
  public Attribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "an attribute name must be 1 to 64 characters of [A-Za-z0-9._-]");
    }
    if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
      throw new IllegalArgumentException(
          "attribute '"
              + name
              + "': the value must not contain control characters or line separators");
    }
  }
}
