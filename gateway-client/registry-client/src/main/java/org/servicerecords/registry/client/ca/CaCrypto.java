package org.servicerecords.registry.client.ca;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.servicerecords.registry.client.identity.Pem;

/**
 * Key generation, PKCS#10 requests and the CA's authorisation token.
 *
 * <p>Fabric CA v1.5 verifies the token header {@code base64(cert) + "." + base64(signature)} where
 * the signature is ECDSA-SHA256 over {@code method + "." + base64(uri) + "." + base64(body) + "." +
 * base64(cert)} (util.GenECDSAToken / util.VerifyToken in fabric-ca v1.5.21); the older form {@code
 * base64(body) + "." + base64(cert)} is accepted only when the server runs in v1.3 compatibility
 * mode. Fabric's BCCSP rejects signatures whose S is in the upper half of the curve order; the JCA
 * does not normalise S, so it is done here.
 */
final class CaCrypto {

  private static final SecureRandom RANDOM = new SecureRandom();

  static {
    // Pem registers the Bouncy Castle provider.
    Pem.class.getName();
  }

  private CaCrypto() {}

  /** Generates an ECDSA P-256 key pair. */
  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 key generation is not available", e);
    }
  }

  /**
   * Builds a PEM PKCS#10 request with CN = the enrollment id, signed with SHA256withECDSA.
   *
   * @param enrollmentId the subject common name
   * @param keys the key pair
   * @return the PEM text
   */
  static String csrPem(String enrollmentId, KeyPair keys) {
    PKCS10CertificationRequest csr = csr(enrollmentId, keys);
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(csr);
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string cannot fail", e);
    }
    return out.toString();
  }

  static PKCS10CertificationRequest csr(String enrollmentId, KeyPair keys) {
    try {
      ContentSigner signer =
          new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
      return new JcaPKCS10CertificationRequestBuilder(
              new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, enrollmentId).build(),
              keys.getPublic())
          .build(signer);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign the certificate request", e);
    }
  }

  /**
   * Builds the token for Fabric CA's {@code authorization} header.
   *
   * @param certificatePem the registrar's certificate, PEM
   * @param key the registrar's private key (EC)
   * @param method the HTTP method, for example {@code POST}
   * @param requestUri the request URI: path and query, for example {@code /api/v1/register}
   * @param body the request body
   * @return the token
   */
  static String token(
      String certificatePem, PrivateKey key, String method, String requestUri, byte[] body) {
    Base64.Encoder b64 = Base64.getEncoder();
    String b64cert = b64.encodeToString(certificatePem.getBytes(StandardCharsets.UTF_8));
    String payload =
        method
            + "."
            + b64.encodeToString(requestUri.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(body)
            + "."
            + b64cert;
    byte[] signature = signLowS(key, payload.getBytes(StandardCharsets.UTF_8));
    return b64cert + "." + b64.encodeToString(signature);
  }

  /**
   * Signs with ECDSA-SHA256 and normalises S to the lower half of the curve order.
   *
   * @param key an EC private key
   * @param data the data
   * @return the DER signature with low S
   */
  static byte[] signLowS(PrivateKey key, byte[] data) {
    if (!(key instanceof ECPrivateKey ec)) {
      throw new IllegalArgumentException("the CA token needs an EC private key");
    }
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(key, RANDOM);
      signature.update(data);
      return toLowS(signature.sign(), ec.getParams().getOrder());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ECDSA signing failed", e);
    }
  }

  /**
   * Rewrites a DER ECDSA signature so that S is at most half the curve order (n - S otherwise).
   *
   * @param der the signature
   * @param order the curve order n
   * @return the DER signature with low S (the same bytes when S was already low)
   */
  static byte[] toLowS(byte[] der, BigInteger order) {
    ASN1Sequence sequence = ASN1Sequence.getInstance(der);
    BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
    BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
    if (!isHighS(s, order)) {
      return der.clone();
    }
    try {
      return new DERSequence(
              new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(order.subtract(s))})
          .getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding cannot fail", e);
    }
  }

  /**
   * Says whether S of a DER signature is in the upper half.
   *
   * @param der the signature
   * @param order the curve order
   * @return true when S &gt; n/2
   */
  static boolean hasHighS(byte[] der, BigInteger order) {
    ASN1Sequence sequence = ASN1Sequence.getInstance(der);
    return isHighS(ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue(), order);
  }

  private static boolean isHighS(BigInteger s, BigInteger order) {
    return s.compareTo(order.shiftRight(1)) > 0;
  }
}
