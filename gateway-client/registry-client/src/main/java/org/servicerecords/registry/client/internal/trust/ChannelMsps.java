package org.servicerecords.registry.client.internal.trust;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.servicerecords.registry.client.AttestationException;
import org.servicerecords.registry.client.AttestationException.Reason;

/**
 * The application organisations of a channel as its configuration block defines them: each one's
 * MSP id, root and intermediate CA certificates, and whether it has anchor peers (an organisation
 * without peers, such as a read-only verifiers' organisation, cannot attest).
 *
 * @param organizations by MSP id (sorted)
 */
public record ChannelMsps(Map<String, Msp> organizations) {

  /**
   * One organisation's MSP.
   *
   * @param mspId the MSP id
   * @param roots the root CA certificates
   * @param intermediates the intermediate CA certificates
   * @param hasPeers whether the configuration lists anchor peers for it
   */
  record Msp(
      String mspId,
      List<X509Certificate> roots,
      List<X509Certificate> intermediates,
      boolean hasPeers) {
    Msp {
      roots = List.copyOf(roots);
      intermediates = List.copyOf(intermediates);
    }
  }

  public ChannelMsps {
    organizations = Collections.unmodifiableMap(new TreeMap<>(organizations));
  }

  /**
   * The organisations with peers other than {@code owner}, sorted by MSP id.
   *
   * @param owner the MSP id to leave out
   * @return the MSP ids
   */
  public List<String> peerOrganizationsOtherThan(String owner) {
    List<String> list = new ArrayList<>();
    for (Msp msp : organizations.values()) {
      if (msp.hasPeers() && !msp.mspId().equals(owner)) {
        list.add(msp.mspId());
      }
    }
    return list;
  }

  /**
   * Reads the application organisations from a configuration block (cscc {@code GetConfigBlock}).
   *
   * @param blockBytes the serialized block
   * @return the organisations
   * @throws AttestationException ({@link Reason#MALFORMED}) if the block is not a configuration
   *     block with an Application group of Fabric MSPs
   */
  public static ChannelMsps fromConfigBlock(byte[] blockBytes) throws AttestationException {
    try {
      Block block = Block.parseFrom(blockBytes);
      if (block.getData().getDataCount() != 1) {
        throw malformed("a configuration block holds exactly one envelope", null);
      }
      Envelope envelope = Envelope.parseFrom(block.getData().getData(0));
      Payload payload = Payload.parseFrom(envelope.getPayload());
      ConfigEnvelope config = ConfigEnvelope.parseFrom(payload.getData());
      ConfigGroup application =
          config.getConfig().getChannelGroup().getGroupsMap().get("Application");
      if (application == null) {
        throw malformed("the channel configuration has no Application group", null);
      }
      Map<String, Msp> organizations = new TreeMap<>();
      for (ConfigGroup org : application.getGroupsMap().values()) {
        ConfigValue mspValue = org.getValuesMap().get("MSP");
        if (mspValue == null) {
          continue;
        }
        MSPConfig mspConfig = MSPConfig.parseFrom(mspValue.getValue());
        if (mspConfig.getType() != 0) {
          continue; // not a Fabric (X.509) MSP
        }
        FabricMSPConfig fabric = FabricMSPConfig.parseFrom(mspConfig.getConfig());
        organizations.put(
            fabric.getName(),
            new Msp(
                fabric.getName(),
                certificates(fabric.getRootCertsList()),
                certificates(fabric.getIntermediateCertsList()),
                org.getValuesMap().containsKey("AnchorPeers")));
      }
      return new ChannelMsps(organizations);
    } catch (InvalidProtocolBufferException e) {
      throw malformed("the configuration block cannot be parsed", e);
    }
  }

  /**
   * Parses PEM (or DER) certificates.
   *
   * @param encoded each entry PEM or DER bytes of one or more certificates
   * @return the certificates
   * @throws AttestationException ({@link Reason#MALFORMED}) if one cannot be parsed
   */
  static List<X509Certificate> certificates(List<ByteString> encoded) throws AttestationException {
    List<X509Certificate> list = new ArrayList<>();
    for (ByteString bytes : encoded) {
      list.addAll(parse(bytes.toByteArray()));
    }
    return list;
  }

  static List<X509Certificate> parse(byte[] bytes) throws AttestationException {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> list = new ArrayList<>();
      for (var certificate : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
        list.add((X509Certificate) certificate);
      }
      if (list.isEmpty()) {
        throw malformed("no certificate", null);
      }
      return list;
    } catch (CertificateException e) {
      throw malformed("a certificate cannot be parsed", e);
    }
  }

  private static AttestationException malformed(String message, Throwable cause) {
    return new AttestationException(Reason.MALFORMED, message, cause);
  }
}
