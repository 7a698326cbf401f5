package org.servicerecords.registry.client.internal.trust;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.identity.Pem;

/**
 * Real keys and certificates made with Bouncy Castle, for tests that need PEM files, and
 * organisations (a CA and a peer) whose peers sign endorsements with real ECDSA signatures, for the
 * tests of attested verification and of event checks.
 */
public final class TestPki {

  private TestPki() {}

  /** A P-256 key pair and a self-signed certificate (a CA when {@code ca}), valid for a day. */
  public record Issued(KeyPair keys, java.security.cert.X509Certificate certificate) {
    String certificatePem() {
      return Pem.toPem(certificate);
    }
  }

  public static Issued selfSigned(String commonName, boolean ca) throws Exception {
    return selfSigned(commonName, ca, null);
  }

  /**
   * A self-signed P-256 certificate valid from an hour ago for a day, for a server at {@code
   * ipAddress} (its subject alternative name) when one is given.
   */
  public static Issued selfSigned(String commonName, boolean ca, String ipAddress)
      throws Exception {
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
    if (ipAddress != null) {
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.iPAddress, ipAddress)));
    }
    var certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    return new Issued(keys, certificate);
  }

  /** Writes a TLS root CA certificate as PEM. */
  public static Path tlsRoot(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, selfSigned("tlsca.justice.example", true).certificatePem());
    return file;
  }

  /** Credentials of a client identity of the organisation (self-signed: never sent anywhere). */
  public static Credentials credentials(String msp) throws Exception {
    Issued issued = selfSigned("issuer1", false);
    return Credentials.of(msp, issued.certificate(), issued.keys().getPrivate());
  }

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  /** An organisation's CA and one of its peers. */
  public record Org(String mspId, Issued ca, Issued peer) {}

  /** An endorser signing as an organisation with the given certificate and key. */
  public record Signer(String mspId, Issued identity) {}

  /**
   * An organisation of a test consortium: a root CA and the orderer, peer and client it issued
   * (each with its NodeOU in the subject), valid for a day. Chain, event and proof fixtures build
   * their organisations from it.
   */
  public record Member(String mspId, Issued ca, Issued orderer, Issued peer, Issued client) {
    /**
     * A new organisation with fresh keys.
     *
     * @param mspId its MSP id
     * @return the organisation
     */
    public static Member of(String mspId) throws Exception {
      Instant later = Instant.now().plus(Duration.ofDays(1));
      Issued ca = issue("CN=ca." + mspId + ",O=" + mspId, null, true, later);
      return new Member(
          mspId,
          ca,
          issue("CN=orderer0." + mspId + ",OU=orderer,O=" + mspId, ca, false, later),
          issue("CN=peer0." + mspId + ",OU=peer,O=" + mspId, ca, false, later),
          issue("CN=user1." + mspId + ",OU=client,O=" + mspId, ca, false, later));
    }
  }

  /**
   * A serialized identity as Fabric writes it: the MSP id and the certificate as PEM.
   *
   * @param mspId the MSP id
   * @param issued the identity
   * @return the serialized identity's bytes
   */
  public static ByteString serialized(String mspId, Issued issued) {
    return SerializedIdentity.newBuilder()
        .setMspid(mspId)
        .setIdBytes(ByteString.copyFromUtf8(Pem.toPem(issued.certificate())))
        .build()
        .toByteString();
  }

  /**
   * Issues a P-256 certificate valid from two hours ago until {@code notAfter}.
   *
   * @param subject the subject, for example {@code "CN=peer0.JusticeMSP,OU=peer,O=JusticeMSP"}
   * @param issuer the issuing CA, or {@code null} for a self-signed one
   * @param ca whether it is a CA
   * @param notAfter the end of validity
   */
  public static Issued issue(String subject, Issued issuer, boolean ca, Instant notAfter)
      throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name(subject);
    X500Name issuerName =
        issuer == null
            ? name
            : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuerName,
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(now.minus(Duration.ofHours(2))),
            Date.from(notAfter),
            name,
            keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    var signingKey = issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
    return new Issued(keys, certificate);
  }

  /** An organisation: its root CA and one peer ({@code OU=peer}), valid for a day. */
  public static Org org(String mspId) throws Exception {
    Instant later = Instant.now().plus(Duration.ofDays(1));
    Issued ca = issue("CN=ca." + mspId + ",O=" + mspId, null, true, later);
    Issued peer = issue("CN=peer0." + mspId + ",OU=peer,O=" + mspId, ca, false, later);
    return new Org(mspId, ca, peer);
  }

  /** The channel's organisations, each with its root and with peers. */
  public static ChannelMsps msps(Org... orgs) {
    Map<String, ChannelMsps.Msp> map = new TreeMap<>();
    for (Org o : orgs) {
      map.put(
          o.mspId(),
          new ChannelMsps.Msp(o.mspId(), List.of(o.ca().certificate()), List.of(), true));
    }
    return new ChannelMsps(map);
  }

  /** The organisation's peer as an endorser. */
  public static Signer peerOf(Org org) {
    return new Signer(org.mspId(), org.peer());
  }

  /**
   * An endorsement as a peer makes it: ECDSA-SHA256 over the signed payload followed by the
   * serialized endorser identity (certificate as PEM).
   */
  public static Endorsement endorse(Signer signer, ByteString signedPayload) throws Exception {
    ByteString endorser = serialized(signer.mspId(), signer.identity());
    Signature signature = Signature.getInstance("SHA256withECDSA");
    signature.initSign(signer.identity().keys().getPrivate());
    signature.update(signedPayload.toByteArray());
    signature.update(endorser.toByteArray());
    return Endorsement.newBuilder()
        .setEndorser(endorser)
        .setSignature(ByteString.copyFrom(signature.sign()))
        .build();
  }
}
