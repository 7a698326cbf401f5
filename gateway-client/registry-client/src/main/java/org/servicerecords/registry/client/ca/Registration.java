package org.servicerecords.registry.client.ca;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.servicerecords.registry.model.CallerAttributes;

/**
 * A request to register an identity with a Fabric CA.
 *
 * @param enrollmentId the identity's unique name
 * @param secret the enrollment secret, or {@code null} to let the CA generate one
 * @param type the identity type ({@code client}, {@code admin}, {@code peer})
 * @param affiliation the affiliation, or empty for the registrar's own
 * @param maxEnrollments how often the secret may be used, or 0 for the CA's default
 * @param attributes attributes to register
 */
public record Registration(
    String enrollmentId,
    String secret,
    String type,
    String affiliation,
    int maxEnrollments,
    List<Attribute> attributes) {

  /** Checks the fields and copies the list. */
  public Registration {
    Objects.requireNonNull(enrollmentId, "enrollmentId");
    if (enrollmentId.isBlank()) {
      throw new IllegalArgumentException("enrollmentId is blank");
    }
    type = type == null ? "client" : type;
    affiliation = affiliation == null ? "" : affiliation;
    if (maxEnrollments < 0) {
      throw new IllegalArgumentException("maxEnrollments must not be negative");
    }
    attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
  }

  /**
   * A registration for a registry user: the {@code role} attribute and, when given, the {@code
   * doctypes} attribute, both carried in enrollment certificates.
   *
   * @param enrollmentId the identity's unique name
   * @param secret the secret, or {@code null} to let the CA generate one
   * @param role the role
   * @param documentTypes the document types it may issue (may be empty)
   * @return the registration
   */
  public static Registration forRole(
      String enrollmentId, String secret, Role role, List<String> documentTypes) {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(documentTypes, "documentTypes");
    List<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute(CallerAttributes.ROLE, role.attributeValue(), true));
    if (!documentTypes.isEmpty()) {
      for (String type : documentTypes) {
        if (type.isBlank()
            || type.contains(CallerAttributes.DOCUMENT_TYPES_SEPARATOR)
            || type.contains(",")) {
          throw new IllegalArgumentException("invalid document type '" + type + "'");
        }
      }
      attributes.add(
          new Attribute(
              CallerAttributes.DOCUMENT_TYPES,
              String.join(CallerAttributes.DOCUMENT_TYPES_SEPARATOR, documentTypes),
              true));
    }
    String type = role == Role.ADMIN ? "admin" : "client";
    return new Registration(enrollmentId, secret, type, "", 0, attributes);
  }
}
