package org.servicerecords.registry.client.internal.audit.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.FabricNodeOUs;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.servicerecords.registry.client.internal.trust.CertificateChains;

/**
 * One organisation's MSP as a channel configuration defines it: roots, intermediates, explicit
 * admins and the node OUs (client, peer, admin, orderer) when NodeOUs are enabled.
 *
 * @param mspId the MSP id
 * @param roots the root CA certificates
 * @param intermediates the intermediate CA certificates
 * @param admins the explicitly listed admin certificates
 * @param nodeOus whether NodeOUs are enabled
 * @param clientOu the client OU
 * @param peerOu the peer OU
 * @param adminOu the admin OU
 * @param ordererOu the orderer OU
 */
record Msp(
    String mspId,
    List<X509Certificate> roots,
    List<X509Certificate> intermediates,
    List<X509Certificate> admins,
    boolean nodeOus,
    String clientOu,
    String peerOu,
    String adminOu,
    String ordererOu) {

  Msp {
    roots = List.copyOf(roots);
    intermediates = List.copyOf(intermediates);
    admins = List.copyOf(admins);
  }

  /**
   * Reads a Fabric (X.509) MSP from a configuration value.
   *
   * @param value the {@code MSP} value's bytes
   * @return the MSP, or {@code null} for an MSP type other than Fabric's
   * @throws InvalidProtocolBufferException if it cannot be parsed
   * @throws CertificateException if a certificate cannot be parsed
   */
  static Msp parse(ByteString value) throws InvalidProtocolBufferException, CertificateException {
    MSPConfig config = MSPConfig.parseFrom(value);
    if (config.getType() != 0) {
      return null;
    }
    FabricMSPConfig fabric = FabricMSPConfig.parseFrom(config.getConfig());
    FabricNodeOUs ous = fabric.getFabricNodeOus();
    return new Msp(
        fabric.getName(),
        certificates(fabric.getRootCertsList()),
        certificates(fabric.getIntermediateCertsList()),
        certificates(fabric.getAdminsList()),
        ous.getEnable(),
        ouOr(ous.getClientOuIdentifier().getOrganizationalUnitIdentifier(), "client"),
        ouOr(ous.getPeerOuIdentifier().getOrganizationalUnitIdentifier(), "peer"),
        ouOr(ous.getAdminOuIdentifier().getOrganizationalUnitIdentifier(), "admin"),
        ouOr(ous.getOrdererOuIdentifier().getOrganizationalUnitIdentifier(), "orderer"));
  }

  private static String ouOr(String ou, String fallback) {
    return ou.isEmpty() ? fallback : ou;
  }

  static List<X509Certificate> certificates(List<ByteString> encoded) throws CertificateException {
    List<X509Certificate> list = new ArrayList<>();
    for (ByteString bytes : encoded) {
      list.addAll(certificates(bytes.toByteArray()));
    }
    return list;
  }

  static List<X509Certificate> certificates(byte[] pemOrDer) throws CertificateException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> list = new ArrayList<>();
    for (var certificate : factory.generateCertificates(new ByteArrayInputStream(pemOrDer))) {
      list.add((X509Certificate) certificate);
    }
    if (list.isEmpty()) {
      throw new CertificateException("no certificate");
    }
    return list;
  }

  /**
   * Whether a certificate chains, through the intermediates, to one of the roots. Validity periods
   * are not checked, as Fabric's MSP does not check them when it validates an identity (orderers
   * refuse expired creators at broadcast).
   */
  boolean chains(X509Certificate certificate) {
    return CertificateChains.chainsTo(certificate, roots, intermediates, c -> true);
  }

  /** Whether the certificate's subject holds the OU. */
  static boolean hasOu(X509Certificate certificate, String ou) {
    return CertificateChains.hasOu(certificate, ou);
  }
}
