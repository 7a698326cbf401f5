package org.servicerecords.registry.client.ca;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.servicerecords.registry.model.CallerAttributes;
import org.servicerecords.registry.model.InputRules;

/**
 * A request to register an identity with a Fabric CA.
 *
 * @param enrollmentId the identity's unique name ({@link #ENROLLMENT_ID})
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

  /**
   * Enrollment ids: 1 to 64 characters of {@code [A-Za-z0-9._@-]}, the first a letter or digit (64
   * is X.509's limit for the common name that carries the id). Registry users, peers and orderers
   * are named so ({@code issuer1}, {@code demo-issuer-1796539772}, {@code peer0.justice}); what
   * else a CA would take, such as line breaks and other control characters, would split the lines
   * of logs and output.
   */
  public static final Pattern ENROLLMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

  /** What {@link #ENROLLMENT_ID} admits, in the words of the refusals. */
  public static final String ENROLLMENT_ID_RULE =
      "1 to 64 characters of [A-Za-z0-9._@-], the first a letter or digit";

  /**
   * Checks the fields and copies the list.
   *
   * @throws IllegalArgumentException if the enrollment id breaks {@link #ENROLLMENT_ID}, or {@code
   *     maxEnrollments} is negative
   */
  public Registration {
    checkEnrollmentId(enrollmentId);
    type = type == null ? "client" : type;
    affiliation = affiliation == null ? "" : affiliation;
    if (maxEnrollments < 0) {
      throw new IllegalArgumentException("maxEnrollments must not be negative");
    }
    attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
  }

  /**
   * Checks an enrollment id against {@link #ENROLLMENT_ID}.
   *
   * @param enrollmentId the id
   * @throws IllegalArgumentException if it breaks the rule (the message does not repeat it)
   */
  static void checkEnrollmentId(String enrollmentId) {
    Objects.requireNonNull(enrollmentId, "enrollmentId");
    if (!ENROLLMENT_ID.matcher(enrollmentId).matches()) {
      throw new IllegalArgumentException("enrollmentId must be " + ENROLLMENT_ID_RULE);
    }
  }

  /**
   * A registration for a registry user: a CA client (whatever its role: governance admins are not
   * MSP admins) whose secret enrolls once, with the {@code role} attribute and, when given, the
   * {@code doctypes} attribute, both carried in enrollment certificates.
   *
   * @param enrollmentId the identity's unique name ({@link #ENROLLMENT_ID})
   * @param secret the secret, or {@code null} to let the CA generate one
   * @param role the role
   * @param documentTypes the document types it may issue (may be empty), each a code of the
   *     contract ({@link InputRules#CODE}) once trimmed
   * @return the registration
   * @throws IllegalArgumentException if the enrollment id or a document type breaks its rule
   */
  public static Registration forRole(
      String enrollmentId, String secret, Role role, List<String> documentTypes) {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(documentTypes, "documentTypes");
    List<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute(CallerAttributes.ROLE, role.attributeValue(), true));
    if (!documentTypes.isEmpty()) {
      List<String> types = new ArrayList<>();
      for (String type : documentTypes) {
        // Trimmed as the contract reads them (CallerAttributes.documentTypes).
        String code = type == null ? null : type.strip();
        if (code == null || !InputRules.CODE.matcher(code).matches()) {
          throw new IllegalArgumentException("a document type must be " + InputRules.CODE_RULE);
        }
        types.add(code);
      }
      attributes.add(
          new Attribute(
              CallerAttributes.DOCUMENT_TYPES,
              String.join(CallerAttributes.DOCUMENT_TYPES_SEPARATOR, types),
              true));
    }
    // Every registry user is a CA client, the governance admin too: CA type admin would make it an
    // MSP admin (NodeOUs), able to approve chaincode definitions and sign channel updates. Its
    // role=admin attribute is what governance reads. One enrollment: the secret is spent once used.
    return new Registration(enrollmentId, secret, "client", "", 1, attributes);
  }
}
