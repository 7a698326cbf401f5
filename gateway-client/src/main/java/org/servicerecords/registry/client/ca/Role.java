package org.servicerecords.registry.client.ca;

import java.util.Locale;
import org.servicerecords.registry.model.CallerAttributes;

/** Values of the {@code role} certificate attribute the contract checks. */
public enum Role {
  /** Anchors, revokes and supersedes the agency's records. */
  ISSUER,
  /** Records application receipts at a service centre. */
  CLERK,
  /** Reads histories and private details for audit. */
  AUDITOR,
  /** Read-only verification (citizens, banks, other agencies). */
  VERIFIER,
  /** Agency administration (governance proposals). */
  ADMIN;

  /** Name of the role attribute. */
  public static final String ATTRIBUTE = CallerAttributes.ROLE;

  /** Name of the attribute listing allowed document types, separated by {@code ;}. */
  public static final String DOCTYPES_ATTRIBUTE = CallerAttributes.DOCUMENT_TYPES;

  /** Separator of the document types in {@link #DOCTYPES_ATTRIBUTE}. */
  public static final String DOCTYPES_SEPARATOR = CallerAttributes.DOCUMENT_TYPES_SEPARATOR;

  /**
   * Returns the attribute value.
   *
   * @return the lowercase name, as stored in certificates
   */
  public String attributeValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an attribute value or a name typed by a person.
   *
   * @param text for example {@code issuer}
   * @return the role
   * @throws IllegalArgumentException if the text names no role
   */
  public static Role parse(String text) {
    for (Role role : values()) {
      if (role.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + text + "' (issuer, clerk, auditor, verifier or admin)");
  }
}
