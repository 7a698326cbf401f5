package org.servicerecords.registry.client.ca;

import java.util.Objects;

/**
 * An attribute registered with an identity.
 *
 * @param name the attribute name
 * @param value the value
 * @param ecert whether enrollment certificates carry it by default
 */
public record Attribute(String name, String value, boolean ecert) {

  /** Checks the fields. */
  public Attribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
