package org.servicerecords.registry.testing;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Real X.509 identities as a Fabric CA issues them: an ECDSA P-256 certificate carrying the
 * attribute extension (OID 1.2.3.4.5.6.7.8.1, JSON {@code {"attrs":{...}}}), wrapped in the {@code
 * SerializedIdentity} a proposal's creator holds.
 */
public final class Identities {

  /** Fabric CA's attribute extension. */
  public static final String ATTRIBUTE_OID = "1.2.3.4.5.6.7.8.1";

  private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();
  private static KeyPair keys;

  private Identities() {}

  /**
   * A serialized identity, as a proposal's creator holds it. All identities of one JVM are signed
   * by one key pair drawn once; identical arguments give identical bytes.
   *
   * @param msp the MSP id
   * @param name the common name (enrollment id)
   * @param attributes the certificate attributes; none gives a certificate without the extension
   * @return the serialized identity
   */
  public static byte[] creator(String msp, String name, Map<String, String> attributes) {
    String cacheKey = msp + "|" + name + "|" + new TreeMap<>(attributes);
    return CACHE.computeIfAbsent(cacheKey, k -> build(msp, name, attributes)).clone();
  }

  private static byte[] build(String msp, String name, Map<String, String> attributes) {
    try {
      KeyPair pair = keys();
      X500Name subject = new X500Name("CN=" + name + ",OU=client,O=" + msp);
      X500Name issuer = new X500Name("CN=ca." + msp + ",O=" + msp);
      long now = 1_700_000_000_000L;
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(Math.abs((long) (msp + name).hashCode()) + 1),
              new Date(now),
              new Date(now + 3_650L * 86_400_000L),
              subject,
              pair.getPublic());
      if (!attributes.isEmpty()) {
        String json = attributesJson(attributes);
        builder.addExtension(
            new ASN1ObjectIdentifier(ATTRIBUTE_OID), false, json.getBytes(StandardCharsets.UTF_8));
      }
      X509CertificateHolder holder =
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
      String pem =
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(holder.getEncoded())
              + "\n-----END CERTIFICATE-----\n";
      return SerializedIdentity.newBuilder()
          .setMspid(msp)
          .setIdBytes(ByteString.copyFromUtf8(pem))
          .build()
          .toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException("cannot build a test certificate", e);
    }
  }

  /** {@code {"attrs":{...}}} with the attributes sorted by name, as Fabric CA writes it. */
  static String attributesJson(Map<String, String> attributes) {
    StringBuilder json = new StringBuilder("{\"attrs\":{");
    String separator = "";
    for (Map.Entry<String, String> attribute : new TreeMap<>(attributes).entrySet()) {
      json.append(separator)
          .append(quoted(attribute.getKey()))
          .append(':')
          .append(quoted(attribute.getValue()));
      separator = ",";
    }
    return json.append("}}").toString();
  }

  private static String quoted(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private static synchronized KeyPair keys() throws Exception {
    if (keys == null) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      keys = generator.generateKeyPair();
    }
    return keys;
  }
}
