package org.servicerecords.registry.client.internal.agency;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.servicerecords.registry.client.ca.Role;
import org.servicerecords.registry.client.identity.CertificateAttributes;
import org.servicerecords.registry.client.identity.IdentityException;
import org.servicerecords.registry.model.CallerAttributes;

/**
 * What the signing certificate's Fabric CA attributes let its holder anchor, read as the contract
 * reads them ({@link CallerAttributes}), so that the library refuses before submitting what the
 * contract would refuse at endorsement.
 *
 * @param role the {@code role} attribute, or {@code null} if the certificate has none
 * @param documentTypes the document types of the {@code doctypes} attribute
 */
public record CallerRights(String role, List<String> documentTypes) {

  public CallerRights {
    documentTypes = List.copyOf(documentTypes);
  }

  /**
   * Reads the rights from a certificate.
   *
   * @param certificate the enrollment certificate
   * @return its rights
   * @throws IdentityException if its attribute extension is malformed
   */
  static CallerRights of(X509Certificate certificate) throws IdentityException {
    Map<String, String> attributes = CertificateAttributes.of(certificate);
    return new CallerRights(
        attributes.get(CallerAttributes.ROLE),
        CallerAttributes.documentTypes(attributes.get(CallerAttributes.DOCUMENT_TYPES)));
  }

  /**
   * Why this caller may not anchor a record of a document type, as the contract would say it.
   *
   * @param documentType the record's document type
   * @return the problem, or {@code null} if the certificate allows it
   */
  String problemAnchoring(String documentType) {
    if (!Role.ISSUER.attributeValue().equals(role)) {
      return "anchoring requires role issuer; the signing certificate has "
          + (role == null ? "no role attribute" : "role '" + role + "'");
    }
    if (!documentTypes.contains(documentType)) {
      return "the signing certificate does not allow document type "
          + documentType
          + " (its doctypes: "
          + (documentTypes.isEmpty()
              ? "none"
              : String.join(CallerAttributes.DOCUMENT_TYPES_SEPARATOR, documentTypes))
          + ")";
    }
    return null;
  }
}
