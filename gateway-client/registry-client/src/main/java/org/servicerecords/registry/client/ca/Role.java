package org.servicerecords.registry.client.ca;

import java.util.Locale;

/**
 * Values of the {@code role} certificate attribute the contract checks ({@code CallerAttributes}).
 */
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
