package org.servicerecords.registry.client.internal.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.identity.CertificateAttributes;
import org.servicerecords.registry.model.CanonicalJson;

class CallerRightsTest {

  private static X509Certificate certificate(Map<String, String> attributes) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name("CN=officer,OU=client,O=JusticeMSP");
    long now = System.currentTimeMillis();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.ONE,
            new Date(now - 60_000),
            new Date(now + 86_400_000),
            name,
            pair.getPublic());
    if (!attributes.isEmpty()) {
      String json = CanonicalJson.toJson(Map.of("attrs", new TreeMap<>(attributes)));
      builder.addExtension(
          new ASN1ObjectIdentifier(CertificateAttributes.OID),
          false,
          json.getBytes(StandardCharsets.UTF_8));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
  }

  @Test
  void anIssuerMayAnchorExactlyTheTypesOfItsCertificate() throws Exception {
    CallerRights rights =
        CallerRights.of(
            certificate(
                Map.of("role", "issuer", "doctypes", "BIRTH_CERTIFICATE; MARRIAGE_CERTIFICATE")));

    assertThat(rights.problemAnchoring("BIRTH_CERTIFICATE")).isNull();
    assertThat(rights.problemAnchoring("MARRIAGE_CERTIFICATE")).isNull();
    assertThat(rights.problemAnchoring("DRIVING_LICENCE"))
        .isEqualTo(
            "the signing certificate does not allow document type DRIVING_LICENCE"
                + " (its doctypes: BIRTH_CERTIFICATE;MARRIAGE_CERTIFICATE)");
  }

  @Test
  void anyOtherRoleOrNoRoleMayNotAnchor() throws Exception {
    assertThat(
            CallerRights.of(certificate(Map.of("role", "clerk", "doctypes", "BIRTH_CERTIFICATE")))
                .problemAnchoring("BIRTH_CERTIFICATE"))
        .isEqualTo("anchoring requires role issuer; the signing certificate has role 'clerk'");
    assertThat(CallerRights.of(certificate(Map.of())).problemAnchoring("BIRTH_CERTIFICATE"))
        .isEqualTo("anchoring requires role issuer; the signing certificate has no role attribute");
  }

  @Test
  void anIssuerWithoutDocumentTypesMayAnchorNothing() throws Exception {
    assertThat(
            CallerRights.of(certificate(Map.of("role", "issuer", "doctypes", "")))
                .problemAnchoring("BIRTH_CERTIFICATE"))
        .endsWith("(its doctypes: none)");
  }
}
