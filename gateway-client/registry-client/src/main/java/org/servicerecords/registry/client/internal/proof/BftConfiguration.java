package org.servicerecords.registry.client.internal.proof;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Consenter;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Orderers;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.orderer.ConsensusType;
import org.servicerecords.registry.client.ProofFailure;

/**
 * What a portable proof needs of a BFT channel configuration: its consenter mapping (id, MSP id,
 * identity certificate), read from a configuration block's one envelope. The envelope's bytes are
 * fixed by the configuration block's data hash, so the configuration inside is read as it is
 * (Fabric writes its maps in no fixed order, so no canonical form is asked of it); the outer
 * messages (envelope, payload, channel header) must be canonical.
 *
 * @param consenters the consenters by id, each as the serialized identity ({@code
 *     msp.SerializedIdentity}: MSP id and certificate) that its signatures stand for
 */
record BftConfiguration(Map<Integer, ByteString> consenters) {

  /** The consensus type of a SmartBFT ordering service. */
  static final String BFT = "BFT";

  BftConfiguration {
    consenters = Collections.unmodifiableMap(new TreeMap<>(consenters));
  }

  /**
   * The quorum of consenters a BFT block needs: ⌈(n + f + 1) / 2⌉ with f = ⌊(n − 1) / 3⌋, as
   * SmartBFT computes it.
   *
   * @return the quorum
   */
  int quorum() {
    int n = consenters.size();
    int f = (n - 1) / 3;
    return (n + f + 2) / 2;
  }

  /**
   * Reads the BFT configuration a configuration block's envelope carries.
   *
   * @param envelopeBytes the configuration block's one envelope
   * @param channel the channel it must be of
   * @return the configuration
   * @throws ProofProblem if it is not a BFT configuration of the channel with a consenter mapping
   */
  static BftConfiguration read(ByteString envelopeBytes, String channel) throws ProofProblem {
    String what = "the configuration block's envelope";
    Envelope envelope = Strict.parse(Envelope.parser(), envelopeBytes, what);
    Payload payload = Strict.parse(Payload.parser(), envelope.getPayload(), what + "'s payload");
    ChannelHeader header =
        Strict.parse(
            ChannelHeader.parser(), payload.getHeader().getChannelHeader(), what + "'s header");
    if (header.getType() != HeaderType.CONFIG_VALUE || !header.getChannelId().equals(channel)) {
      throw mismatch(
          "the configuration block holds a transaction of type "
              + header.getType()
              + " of channel '"
              + header.getChannelId()
              + "', not a configuration of "
              + channel);
    }
    ConfigGroup orderer;
    String type;
    Orderers orderers;
    try {
      ConfigGroup group = ConfigEnvelope.parseFrom(payload.getData()).getConfig().getChannelGroup();
      orderer = group.getGroupsMap().get("Orderer");
      if (orderer == null) {
        throw mismatch("the configuration has no Orderer group");
      }
      ConfigValue consensus = orderer.getValuesMap().get("ConsensusType");
      type = consensus == null ? "" : ConsensusType.parseFrom(consensus.getValue()).getType();
      ConfigValue mapping = orderer.getValuesMap().get("Orderers");
      orderers =
          mapping == null ? Orderers.getDefaultInstance() : Orderers.parseFrom(mapping.getValue());
    } catch (InvalidProtocolBufferException e) {
      throw new ProofProblem(ProofFailure.PROOF_MALFORMED, "the configuration does not parse");
    }
    if (!BFT.equals(type)) {
      throw mismatch("the configuration's consensus type is '" + type + "', not " + BFT);
    }
    Map<Integer, ByteString> consenters = new TreeMap<>();
    Set<ByteString> certificates = new HashSet<>();
    for (Consenter consenter : orderers.getConsenterMappingList()) {
      if (consenters.containsKey(consenter.getId()) || !certificates.add(consenter.getIdentity())) {
        throw mismatch(
            "the consenter mapping names consenter "
                + consenter.getId()
                + " or its certificate twice");
      }
      consenters.put(
          consenter.getId(),
          SerializedIdentity.newBuilder()
              .setMspid(consenter.getMspId())
              .setIdBytes(consenter.getIdentity())
              .build()
              .toByteString());
    }
    if (consenters.isEmpty()) {
      throw mismatch("the configuration's consenter mapping is empty");
    }
    return new BftConfiguration(consenters);
  }

  private static ProofProblem mismatch(String detail) {
    return new ProofProblem(ProofFailure.CONFIGURATION_MISMATCH, detail);
  }
}
