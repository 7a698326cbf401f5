package org.servicerecords.registry.client.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

class CaCryptoTest {

  static final KeyPair KEYS = CaCrypto.newKeyPair();
  static final BigInteger N = ((ECPrivateKey) KEYS.getPrivate()).getParams().getOrder();

  @Test
  void everySignatureHasLowSAndVerifies() throws Exception {
    for (int i = 0; i < 300; i++) {
      byte[] data = ("payload " + i).getBytes(StandardCharsets.UTF_8);
      byte[] signature = CaCrypto.signLowS(KEYS.getPrivate(), data);
      assertThat(CaCrypto.hasHighS(signature, N)).isFalse();
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(KEYS.getPublic());
      verifier.update(data);
      assertThat(verifier.verify(signature)).isTrue();
    }
  }

  @Test
  void highSIsReplacedByOrderMinusS() throws Exception {
    BigInteger r = BigInteger.valueOf(12345);
    BigInteger high = N.subtract(BigInteger.TEN);
    byte[] der =
        new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(high)}).getEncoded();
    assertThat(CaCrypto.hasHighS(der, N)).isTrue();
    ASN1Sequence low = ASN1Sequence.getInstance(CaCrypto.toLowS(der, N));
    assertThat(ASN1Integer.getInstance(low.getObjectAt(0)).getValue()).isEqualTo(r);
    assertThat(ASN1Integer.getInstance(low.getObjectAt(1)).getValue()).isEqualTo(BigInteger.TEN);
  }

  @Test
  void tokenIsCertDotSignatureOverMethodUriBodyAndCert() throws Exception {
    String certPem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    byte[] body = "{\"id\":\"u\"}".getBytes(StandardCharsets.UTF_8);
    String token = CaCrypto.token(certPem, KEYS.getPrivate(), "POST", "/api/v1/register", body);
    String[] parts = token.split("\\.");
    assertThat(parts).hasSize(2);
    Base64.Encoder b64 = Base64.getEncoder();
    assertThat(parts[0]).isEqualTo(b64.encodeToString(certPem.getBytes(StandardCharsets.UTF_8)));
    String signed =
        "POST."
            + b64.encodeToString("/api/v1/register".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(body)
            + "."
            + parts[0];
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(KEYS.getPublic());
    verifier.update(signed.getBytes(StandardCharsets.UTF_8));
    byte[] signature = Base64.getDecoder().decode(parts[1]);
    assertThat(verifier.verify(signature)).isTrue();
    assertThat(CaCrypto.hasHighS(signature, N)).isFalse();
  }

  @Test
  void csrNamesTheEnrollmentIdAndIsSignedByTheKey() throws Exception {
    PKCS10CertificationRequest csr = CaCrypto.csr("alice", KEYS);
    assertThat(csr.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue().toString())
        .isEqualTo("alice");
    assertThat(
            csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(KEYS.getPublic())))
        .isTrue();
    assertThat(CaCrypto.csrPem("alice", KEYS)).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
  }
}
