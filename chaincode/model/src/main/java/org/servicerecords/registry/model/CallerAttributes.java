package org.servicerecords.registry.model;

import java.util.Arrays;
import java.util.List;

/**
 * The Fabric CA attributes the contract reads from a caller's enrollment certificate, and how their
 * values are read. Shared by the contract (which enforces them at endorsement) and the client
 * library (which checks them before submitting), so that both read them alike.
 */
public final class CallerAttributes {

  /** The attribute naming the caller's role ({@code issuer}, {@code clerk}, ...). */
  public static final String ROLE = "role";

  /** The attribute listing the document types the caller may sign. */
  public static final String DOCUMENT_TYPES = "doctypes";

  /**
   * Separator of the {@link #DOCUMENT_TYPES} value: Fabric CA attribute values cannot easily hold
   * commas.
   */
  public static final String DOCUMENT_TYPES_SEPARATOR = ";";

  private CallerAttributes() {}

  /**
   * The document types of a {@link #DOCUMENT_TYPES} attribute value.
   *
   * @param value the attribute's value, or {@code null} when the certificate has none
   * @return the types, trimmed, in the attribute's order; empty for a missing or empty value
   */
  public static List<String> documentTypes(String value) {
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(value.split(DOCUMENT_TYPES_SEPARATOR, -1)).map(String::trim).toList();
  }
}
