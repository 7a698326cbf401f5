package org.servicerecords.registry.client.internal.audit.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Consenter;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Orderers;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.orderer.ConsensusType;

/**
 * What the chain verifier needs of one channel configuration: every organisation's MSP (ordering
 * and application), whether the ordering service is BFT with its consenters, and the compiled
 * {@code /Channel/Orderer/BlockValidation} policy.
 *
 * @param msps the MSPs by id
 * @param consensusType the orderer's consensus type ({@code etcdraft}, {@code BFT}, ...)
 * @param consenters for BFT, the consenters by id (their identities as the signatures' identifier
 *     headers name them)
 * @param blockValidation the block validation policy
 * @param channelGroup the channel's root configuration group (its application policies are read
 *     from it on demand)
 */
record ChannelConfig(
    Map<String, Msp> msps,
    String consensusType,
    Map<Integer, ConsenterIdentity> consenters,
    Policy blockValidation,
    ConfigGroup channelGroup) {

  static final String BFT = "BFT";

  ChannelConfig {
    msps = Collections.unmodifiableMap(new TreeMap<>(msps));
    consenters = Collections.unmodifiableMap(new TreeMap<>(consenters));
  }

  /**
   * A BFT consenter's identity.
   *
   * @param mspId its organisation
   * @param certificate its signing certificate
   */
  record ConsenterIdentity(String mspId, X509Certificate certificate) {}

  boolean bft() {
    return BFT.equals(consensusType);
  }

  /** Whether a block is a configuration block (one envelope of type CONFIG). */
  static boolean isConfigBlock(Block block) {
    if (block.getData().getDataCount() != 1) {
      return false;
    }
    try {
      Payload payload =
          Payload.parseFrom(Envelope.parseFrom(block.getData().getData(0)).getPayload());
      ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
      return header.getType() == HeaderType.CONFIG_VALUE;
    } catch (InvalidProtocolBufferException e) {
      return false;
    }
  }

  /**
   * Reads the configuration a configuration block carries.
   *
   * @param block the configuration block
   * @return the configuration
   * @throws InvalidProtocolBufferException if it cannot be parsed
   * @throws CertificateException if a certificate in it cannot be parsed
   */
  static ChannelConfig of(Block block) throws InvalidProtocolBufferException, CertificateException {
    if (block.getData().getDataCount() != 1) {
      throw new InvalidProtocolBufferException("a configuration block holds one envelope");
    }
    Payload payload =
        Payload.parseFrom(Envelope.parseFrom(block.getData().getData(0)).getPayload());
    ConfigGroup channel = ConfigEnvelope.parseFrom(payload.getData()).getConfig().getChannelGroup();
    ConfigGroup orderer = channel.getGroupsMap().get("Orderer");
    if (orderer == null) {
      throw new InvalidProtocolBufferException("the configuration has no Orderer group");
    }
    Map<String, Msp> msps = new TreeMap<>();
    for (String section : List.of("Orderer", "Application")) {
      ConfigGroup group = channel.getGroupsMap().get(section);
      if (group == null) {
        continue;
      }
      for (ConfigGroup org : group.getGroupsMap().values()) {
        ConfigValue value = org.getValuesMap().get("MSP");
        if (value == null) {
          continue;
        }
        Msp msp = Msp.parse(value.getValue());
        if (msp != null) {
          msps.put(msp.mspId(), msp);
        }
      }
    }
    String type = "";
    ConfigValue consensus = orderer.getValuesMap().get("ConsensusType");
    if (consensus != null) {
      type = ConsensusType.parseFrom(consensus.getValue()).getType();
    }
    Map<Integer, ConsenterIdentity> consenters = new TreeMap<>();
    ConfigValue orderers = orderer.getValuesMap().get("Orderers");
    if (orderers != null) {
      for (Consenter consenter :
          Orderers.parseFrom(orderers.getValue()).getConsenterMappingList()) {
        consenters.put(
            consenter.getId(),
            new ConsenterIdentity(
                consenter.getMspId(),
                Msp.certificates(consenter.getIdentity().toByteArray()).get(0)));
      }
    }
    return new ChannelConfig(
        msps, type, consenters, Policy.of(orderer, "BlockValidation", msps), channel);
  }

  /**
   * The policy at an absolute path such as {@code /Channel/Application/Endorsement} or {@code
   * /Channel/Application/Justice/Endorsement}, as the channel's policy manager resolves it.
   *
   * @param path the path
   * @return the policy, or empty when the configuration holds none at that path
   * @throws InvalidProtocolBufferException if a policy cannot be parsed
   * @throws CertificateException if an identity principal's certificate cannot be parsed
   */
  Optional<Policy> policy(String path) throws InvalidProtocolBufferException, CertificateException {
    String[] parts = path.split("/", -1);
    if (parts.length < 3 || !parts[0].isEmpty() || !parts[1].equals("Channel")) {
      return Optional.empty();
    }
    ConfigGroup group = channelGroup;
    for (int i = 2; i < parts.length - 1; i++) {
      group = group.getGroupsMap().get(parts[i]);
      if (group == null) {
        return Optional.empty();
      }
    }
    String name = parts[parts.length - 1];
    if (!group.getPoliciesMap().containsKey(name)) {
      return Optional.empty();
    }
    return Optional.of(Policy.of(group, name, msps));
  }

  /**
   * The name of the application organisation (its group in {@code /Channel/Application}) whose MSP
   * has an id.
   *
   * @param mspId the MSP id
   * @return the organisation's group name, or empty when no application organisation has it
   */
  Optional<String> applicationOrgOf(String mspId) {
    return Optional.ofNullable(applicationOrgs().get(mspId));
  }

  /**
   * The application organisations: their group names by MSP id.
   *
   * @return the organisations, sorted by MSP id
   */
  Map<String, String> applicationOrgs() {
    Map<String, String> orgs = new TreeMap<>();
    ConfigGroup application = channelGroup.getGroupsMap().get("Application");
    if (application == null) {
      return orgs;
    }
    for (Map.Entry<String, ConfigGroup> org : application.getGroupsMap().entrySet()) {
      ConfigValue value = org.getValue().getValuesMap().get("MSP");
      try {
        if (value != null) {
          orgs.putIfAbsent(
              FabricMSPConfig.parseFrom(MSPConfig.parseFrom(value.getValue()).getConfig())
                  .getName(),
              org.getKey());
        }
      } catch (InvalidProtocolBufferException e) {
        // an MSP that cannot be read names no organisation
      }
    }
    return orgs;
  }

  /** The identity bytes of a serialized identity, parsed, for a known MSP. */
  static X509Certificate certificate(ByteString idBytes) throws CertificateException {
    return Msp.certificates(idBytes.toByteArray()).get(0);
  }
}
