package org.servicerecords.registry.client.identity;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1OctetString;

/**
 * Reads the attributes Fabric CA puts in enrollment certificates: extension {@value #OID}, whose
 * value is the JSON {@code {"attrs":{"name":"value",...}}}.
 */
public final class CertificateAttributes {

  /** Object identifier of Fabric CA's attribute extension. */
  public static final String OID = "1.2.3.4.5.6.7.8.1";

  private CertificateAttributes() {}

  /**
   * Returns the attributes of a certificate.
   *
   * @param certificate the certificate
   * @return attribute names and values (sorted), empty when it has none
   * @throws IdentityException if the extension is present but malformed
   */
  public static Map<String, String> of(X509Certificate certificate) throws IdentityException {
    byte[] extension = certificate.getExtensionValue(OID);
    Map<String, String> attributes = new TreeMap<>();
    if (extension == null) {
      return attributes;
    }
    try {
      byte[] json = ASN1OctetString.getInstance(extension).getOctets();
      JsonObject root =
          JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
      JsonElement attrs = root.get("attrs");
      if (attrs != null && attrs.isJsonObject()) {
        for (Map.Entry<String, JsonElement> e : attrs.getAsJsonObject().entrySet()) {
          attributes.put(e.getKey(), e.getValue().getAsString());
        }
      }
      return attributes;
    } catch (RuntimeException e) {
      throw new IdentityException("malformed Fabric CA attribute extension: " + e.getMessage(), e);
    }
  }
}
