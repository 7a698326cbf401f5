package org.servicerecords.registry.client;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.identity.Pem;

/** Real keys and certificates made with Bouncy Castle, for tests that need PEM files. */
final class TestPki {

  private TestPki() {}

  /** A P-256 key pair and a self-signed certificate (a CA when {@code ca}), valid for a day. */
  record Issued(KeyPair keys, java.security.cert.X509Certificate certificate) {
    String certificatePem() {
      return Pem.toPem(certificate);
    }
  }

  static Issued selfSigned(String commonName, boolean ca) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=" + commonName + ",O=Test");
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(1))),
            name,
            keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    var certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    return new Issued(keys, certificate);
  }

  /** Writes a TLS root CA certificate as PEM. */
  static Path tlsRoot(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, selfSigned("tlsca.justice.example", true).certificatePem());
    return file;
  }

  /** Credentials of a client identity of the organisation (self-signed: never sent anywhere). */
  static Credentials credentials(String msp) throws Exception {
    Issued issued = selfSigned("issuer1", false);
    return Credentials.of(msp, issued.certificate(), issued.keys().getPrivate());
  }
}
