package org.servicerecords.registry.client.internal.audit.chain;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Consenter;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.IdentifierHeader;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.Orderers;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.ledger.rwset.CollectionHashedReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.HashedRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVMetadataEntry;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVMetadataWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVReadHash;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWriteHash;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReads;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReadsMerkleSummary;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.FabricNodeOUs;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.orderer.ConsensusType;
import org.hyperledger.fabric.protos.peer.ApplicationPolicy;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.CollectionConfigPackage;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.lifecycle.ChaincodeValidationInfo;
import org.hyperledger.fabric.protos.peer.lifecycle.StateData;
import org.hyperledger.fabric.protos.peer.lifecycle.StateMetadata;
import org.servicerecords.registry.client.identity.Pem;
import org.servicerecords.registry.client.internal.trust.TestPki;
import org.servicerecords.registry.client.internal.trust.TestPki.Issued;

/**
 * Small Fabric chains built in the test: organisations with a Bouncy Castle root CA and
 * orderer/peer/client certificates (NodeOUs), configuration blocks (Raft: BlockValidation ANY
 * Writers of the orderer organisations, whose Writers admit their orderers; BFT: a quorum of
 * identified consenters), endorser transactions, and blocks signed the way orderers sign them.
 */
final class TestChain {

  private TestChain() {}

  /** An organisation: its root and its identities. */
  record Org(String mspId, Issued ca, Issued orderer, Issued peer, Issued client) {
    static Org of(String mspId) throws Exception {
      TestPki.Member m = TestPki.Member.of(mspId);
      return new Org(mspId, m.ca(), m.orderer(), m.peer(), m.client());
    }

    /** The same organisation with a new root and new identities. */
    Org rekeyed() throws Exception {
      return of(mspId);
    }

    Id as(Issued identity) {
      return new Id(mspId, identity);
    }
  }

  /** An identity signing as an organisation. */
  record Id(String mspId, Issued issued) {
    ByteString serialized() {
      return TestPki.serialized(mspId, issued);
    }

    byte[] sign(byte[]... parts) throws Exception {
      return TestChain.sign(issued.keys().getPrivate(), parts);
    }
  }

  /** A low-S ECDSA signature, as Fabric's signers make. */
  static byte[] sign(PrivateKey key, byte[]... parts) throws Exception {
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    for (byte[] part : parts) {
      signer.update(part);
    }
    byte[] der = signer.sign();
    BigInteger n = ((ECPrivateKey) key).getParams().getOrder();
    ASN1Sequence seq = ASN1Sequence.getInstance(der);
    BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
    BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
    if (s.compareTo(n.shiftRight(1)) > 0) {
      s = n.subtract(s);
    }
    return encode(r, s);
  }

  /** The same signature with S replaced by N - S (valid for plain ECDSA, refused by Fabric). */
  static byte[] highS(byte[] lowS, PrivateKey key) {
    BigInteger n = ((ECPrivateKey) key).getParams().getOrder();
    ASN1Sequence seq = ASN1Sequence.getInstance(lowS);
    BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
    BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
    return encode(r, n.subtract(s));
  }

  private static byte[] encode(BigInteger r, BigInteger s) {
    ASN1EncodableVector v = new ASN1EncodableVector();
    v.add(new ASN1Integer(r));
    v.add(new ASN1Integer(s));
    try {
      return new DERSequence(v).getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- configuration ---

  static ConfigValue msp(Org org) {
    FabricMSPConfig fabric =
        FabricMSPConfig.newBuilder()
            .setName(org.mspId())
            .addRootCerts(ByteString.copyFromUtf8(Pem.toPem(org.ca().certificate())))
            .setFabricNodeOus(FabricNodeOUs.newBuilder().setEnable(true))
            .build();
    return ConfigValue.newBuilder()
        .setValue(
            MSPConfig.newBuilder()
                .setType(0)
                .setConfig(fabric.toByteString())
                .build()
                .toByteString())
        .build();
  }

  static ConfigPolicy signedByRole(String mspId, MSPRole.MSPRoleType role) {
    MSPPrincipal principal =
        MSPPrincipal.newBuilder()
            .setPrincipalClassification(MSPPrincipal.Classification.ROLE)
            .setPrincipal(
                MSPRole.newBuilder().setMspIdentifier(mspId).setRole(role).build().toByteString())
            .build();
    SignaturePolicyEnvelope envelope =
        SignaturePolicyEnvelope.newBuilder()
            .setRule(
                SignaturePolicy.newBuilder()
                    .setNOutOf(
                        SignaturePolicy.NOutOf.newBuilder()
                            .setN(1)
                            .addRules(SignaturePolicy.newBuilder().setSignedBy(0))))
            .addIdentities(principal)
            .build();
    return policy(1, envelope.toByteString());
  }

  static ConfigPolicy policy(int type, ByteString value) {
    return ConfigPolicy.newBuilder()
        .setPolicy(
            org.hyperledger.fabric.protos.common.Policy.newBuilder().setType(type).setValue(value))
        .build();
  }

  /** A Raft configuration: the ordering organisations' Writers admit their orderers. */
  static Config raftConfig(List<Org> ordering, List<Org> application) {
    ConfigGroup.Builder orderer =
        ConfigGroup.newBuilder()
            .putValues(
                "ConsensusType",
                ConfigValue.newBuilder()
                    .setValue(ConsensusType.newBuilder().setType("etcdraft").build().toByteString())
                    .build())
            .putPolicies(
                "BlockValidation",
                policy(
                    3,
                    ImplicitMetaPolicy.newBuilder()
                        .setSubPolicy("Writers")
                        .setRule(ImplicitMetaPolicy.Rule.ANY)
                        .build()
                        .toByteString()));
    for (Org org : ordering) {
      orderer.putGroups(
          org.mspId(),
          ConfigGroup.newBuilder()
              .putValues("MSP", msp(org))
              .putPolicies("Writers", signedByRole(org.mspId(), MSPRole.MSPRoleType.ORDERER))
              .build());
    }
    return channel(orderer, application);
  }

  /** A BFT configuration: the consenters (ids from 1), BlockValidation a quorum of them. */
  static Config bftConfig(List<Org> consenters, List<Org> application) {
    int n = consenters.size();
    int f = (n - 1) / 3;
    int quorum = (int) Math.ceil((n + f + 1) / 2.0);
    Orderers.Builder orderers = Orderers.newBuilder();
    SignaturePolicy.NOutOf.Builder rule = SignaturePolicy.NOutOf.newBuilder().setN(quorum);
    SignaturePolicyEnvelope.Builder envelope = SignaturePolicyEnvelope.newBuilder();
    ConfigGroup.Builder orderer = ConfigGroup.newBuilder();
    for (int i = 0; i < n; i++) {
      Org org = consenters.get(i);
      ByteString pem = ByteString.copyFromUtf8(Pem.toPem(org.orderer().certificate()));
      orderers.addConsenterMapping(
          Consenter.newBuilder().setId(i + 1).setMspId(org.mspId()).setIdentity(pem));
      rule.addRules(SignaturePolicy.newBuilder().setSignedBy(i));
      envelope.addIdentities(
          MSPPrincipal.newBuilder()
              .setPrincipalClassification(MSPPrincipal.Classification.IDENTITY)
              .setPrincipal(org.as(org.orderer()).serialized()));
      orderer.putGroups(org.mspId(), ConfigGroup.newBuilder().putValues("MSP", msp(org)).build());
    }
    envelope.setRule(SignaturePolicy.newBuilder().setNOutOf(rule));
    orderer
        .putValues(
            "ConsensusType",
            ConfigValue.newBuilder()
                .setValue(ConsensusType.newBuilder().setType("BFT").build().toByteString())
                .build())
        .putValues(
            "Orderers", ConfigValue.newBuilder().setValue(orderers.build().toByteString()).build())
        .putPolicies("BlockValidation", policy(1, envelope.build().toByteString()));
    return channel(orderer, application);
  }

  /**
   * The channel: its application organisations' Endorsement policies admit their peers, and the
   * Application group's Endorsement and LifecycleEndorsement are a MAJORITY of them (Fabric's
   * defaults).
   */
  private static Config channel(ConfigGroup.Builder orderer, List<Org> application) {
    ConfigGroup.Builder app = ConfigGroup.newBuilder();
    for (Org org : application) {
      app.putGroups(
          org.mspId(),
          ConfigGroup.newBuilder()
              .putValues("MSP", msp(org))
              .putPolicies("Endorsement", signedByRole(org.mspId(), MSPRole.MSPRoleType.PEER))
              .build());
    }
    ByteString majority =
        ImplicitMetaPolicy.newBuilder()
            .setSubPolicy("Endorsement")
            .setRule(ImplicitMetaPolicy.Rule.MAJORITY)
            .build()
            .toByteString();
    app.putPolicies("Endorsement", policy(3, majority));
    app.putPolicies("LifecycleEndorsement", policy(3, majority));
    return Config.newBuilder()
        .setChannelGroup(
            ConfigGroup.newBuilder()
                .putGroups("Orderer", orderer.build())
                .putGroups("Application", app.build()))
        .build();
  }

  // --- transactions ---

  /** A configuration envelope, signed by {@code signer} (unsigned when null: the genesis block). */
  static ByteString configEnvelope(Config config, Id signer) throws Exception {
    Header.Builder header =
        Header.newBuilder()
            .setChannelHeader(
                ChannelHeader.newBuilder()
                    .setType(HeaderType.CONFIG_VALUE)
                    .setChannelId("registry")
                    .build()
                    .toByteString());
    if (signer != null) {
      header.setSignatureHeader(
          SignatureHeader.newBuilder().setCreator(signer.serialized()).build().toByteString());
    }
    ByteString payload =
        Payload.newBuilder()
            .setHeader(header)
            .setData(ConfigEnvelope.newBuilder().setConfig(config).build().toByteString())
            .build()
            .toByteString();
    Envelope.Builder envelope = Envelope.newBuilder().setPayload(payload);
    if (signer != null) {
      envelope.setSignature(ByteString.copyFrom(signer.sign(payload.toByteArray())));
    }
    return envelope.build().toByteString();
  }

  /** The timestamp transactions assert unless told otherwise. */
  static final Instant BASE_TIME = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * An endorser transaction: how to build it, and what to spoil. By default it invokes {@code
   * _lifecycle} (whose policy the channel itself defines, so that a chain needs no chaincode
   * definition) and writes one key of its own.
   */
  static final class Tx {
    Id creator;
    final List<Id> endorsers = new ArrayList<>();
    boolean alterPayloadAfterSigning;
    boolean alterResponseAfterEndorsing;
    String chaincode = "_lifecycle";
    ByteString rwSet = new RwSet().write("_lifecycle", "test/key", "v").build();
    Instant timestamp = BASE_TIME;
    byte[] nonce;

    /** Invokes a chaincode with a read-write set. */
    Tx invoking(String chaincode, RwSet rwSet) {
      this.chaincode = chaincode;
      this.rwSet = rwSet.build();
      return this;
    }

    Tx(Id creator, Id... endorsers) {
      this.creator = creator;
      this.endorsers.addAll(List.of(endorsers));
    }

    ByteString envelope() throws Exception {
      if (nonce == null) {
        nonce = new byte[24];
        new java.security.SecureRandom().nextBytes(nonce);
      }
      ByteString creatorBytes = creator.serialized();
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(nonce);
      digest.update(creatorBytes.toByteArray());
      String txId = HexFormat.of().formatHex(digest.digest());
      ByteString channelHeader =
          ChannelHeader.newBuilder()
              .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
              .setChannelId("registry")
              .setTxId(txId)
              .setTimestamp(
                  com.google.protobuf.Timestamp.newBuilder()
                      .setSeconds(timestamp.getEpochSecond())
                      .setNanos(timestamp.getNano()))
              .setExtension(
                  ChaincodeHeaderExtension.newBuilder()
                      .setChaincodeId(ChaincodeID.newBuilder().setName(chaincode))
                      .build()
                      .toByteString())
              .build()
              .toByteString();
      ByteString signatureHeader =
          SignatureHeader.newBuilder()
              .setCreator(creatorBytes)
              .setNonce(ByteString.copyFrom(nonce))
              .build()
              .toByteString();
      ByteString proposalPayload = ByteString.copyFromUtf8("invoke records-justice Anchor c1");
      MessageDigest proposalHash = MessageDigest.getInstance("SHA-256");
      proposalHash.update(channelHeader.toByteArray());
      proposalHash.update(signatureHeader.toByteArray());
      proposalHash.update(proposalPayload.toByteArray());
      ByteString prp =
          ProposalResponsePayload.newBuilder()
              .setProposalHash(ByteString.copyFrom(proposalHash.digest()))
              .setExtension(action("").toByteString())
              .build()
              .toByteString();
      ChaincodeEndorsedAction.Builder endorsed =
          ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(prp);
      for (Id endorser : endorsers) {
        ByteString endorserBytes = endorser.serialized();
        endorsed.addEndorsements(
            Endorsement.newBuilder()
                .setEndorser(endorserBytes)
                .setSignature(
                    ByteString.copyFrom(
                        endorser.sign(prp.toByteArray(), endorserBytes.toByteArray()))));
      }
      if (alterResponseAfterEndorsing) {
        ProposalResponsePayload changed =
            ProposalResponsePayload.parseFrom(prp).toBuilder()
                .setExtension(action("another response").toByteString())
                .build();
        endorsed.setProposalResponsePayload(changed.toByteString());
      }
      ByteString data =
          Transaction.newBuilder()
              .addActions(
                  TransactionAction.newBuilder()
                      .setHeader(signatureHeader)
                      .setPayload(
                          ChaincodeActionPayload.newBuilder()
                              .setChaincodeProposalPayload(proposalPayload)
                              .setAction(endorsed)
                              .build()
                              .toByteString()))
              .build()
              .toByteString();
      Payload payload =
          Payload.newBuilder()
              .setHeader(
                  Header.newBuilder()
                      .setChannelHeader(channelHeader)
                      .setSignatureHeader(signatureHeader))
              .setData(data)
              .build();
      byte[] signature = creator.sign(payload.toByteArray());
      if (alterPayloadAfterSigning) {
        // an unknown field 15 = 1: the transaction still parses, its bytes differ
        payload =
            payload.toBuilder()
                .setData(data.concat(ByteString.copyFrom(new byte[] {0x78, 0x01})))
                .build();
      }
      return Envelope.newBuilder()
          .setPayload(payload.toByteString())
          .setSignature(ByteString.copyFrom(signature))
          .build()
          .toByteString();
    }

    private ChaincodeAction action(String message) {
      return ChaincodeAction.newBuilder()
          .setResults(rwSet)
          .setChaincodeId(ChaincodeID.newBuilder().setName(chaincode).setVersion("1.0"))
          .setResponse(Response.newBuilder().setStatus(200).setMessage(message))
          .build();
    }
  }

  /** Builds a transaction's read-write set. */
  static final class RwSet {
    private final Map<String, KVRWSet.Builder> namespaces = new LinkedHashMap<>();
    private final Map<String, Map<String, HashedRWSet.Builder>> collections = new LinkedHashMap<>();

    private KVRWSet.Builder ns(String ns) {
      return namespaces.computeIfAbsent(ns, n -> KVRWSet.newBuilder());
    }

    private HashedRWSet.Builder coll(String ns, String coll) {
      ns(ns);
      return collections
          .computeIfAbsent(ns, n -> new LinkedHashMap<>())
          .computeIfAbsent(coll, c -> HashedRWSet.newBuilder());
    }

    /** A read of a key at a version ({@code null}: the key did not exist). */
    RwSet read(String ns, String key, long[] version) {
      ns(ns).addReads(kvRead(key, version));
      return this;
    }

    RwSet write(String ns, String key, String value) {
      ns(ns).addWrites(KVWrite.newBuilder().setKey(key).setValue(ByteString.copyFromUtf8(value)));
      return this;
    }

    RwSet delete(String ns, String key) {
      ns(ns).addWrites(KVWrite.newBuilder().setKey(key).setIsDelete(true));
      return this;
    }

    /** A metadata write giving a key a key-level validation parameter. */
    RwSet keyPolicy(String ns, String key, SignaturePolicyEnvelope policy) {
      ns(ns)
          .addMetadataWrites(
              KVMetadataWrite.newBuilder()
                  .setKey(key)
                  .addEntries(
                      KVMetadataEntry.newBuilder()
                          .setName("VALIDATION_PARAMETER")
                          .setValue(policy.toByteString())));
      return this;
    }

    /** A range query with the reads it returned. */
    RwSet range(String ns, String start, String end, KVRead... reads) {
      ns(ns)
          .addRangeQueriesInfo(
              RangeQueryInfo.newBuilder()
                  .setStartKey(start)
                  .setEndKey(end)
                  .setItrExhausted(true)
                  .setRawReads(QueryReads.newBuilder().addAllKvReads(List.of(reads))));
      return this;
    }

    /** A range query whose many reads the endorser summarised as Merkle hashes. */
    RwSet rangeMerkle(String ns, String start, String end, QueryReadsMerkleSummary summary) {
      ns(ns)
          .addRangeQueriesInfo(
              RangeQueryInfo.newBuilder()
                  .setStartKey(start)
                  .setEndKey(end)
                  .setItrExhausted(true)
                  .setReadsMerkleHashes(summary));
      return this;
    }

    RwSet hashedWrite(String ns, String coll, String key, String value) {
      coll(ns, coll)
          .addHashedWrites(
              KVWriteHash.newBuilder().setKeyHash(sha256(key)).setValueHash(sha256(value)));
      return this;
    }

    RwSet hashedRead(String ns, String coll, String key, long[] version) {
      KVReadHash.Builder read = KVReadHash.newBuilder().setKeyHash(sha256(key));
      if (version != null) {
        read.setVersion(Version.newBuilder().setBlockNum(version[0]).setTxNum(version[1]));
      }
      coll(ns, coll).addHashedReads(read);
      return this;
    }

    ByteString build() {
      TxReadWriteSet.Builder tx = TxReadWriteSet.newBuilder();
      namespaces.forEach(
          (ns, kv) -> {
            NsReadWriteSet.Builder set =
                NsReadWriteSet.newBuilder().setNamespace(ns).setRwset(kv.build().toByteString());
            collections
                .getOrDefault(ns, Map.of())
                .forEach(
                    (coll, hashed) ->
                        set.addCollectionHashedRwset(
                            CollectionHashedReadWriteSet.newBuilder()
                                .setCollectionName(coll)
                                .setHashedRwset(hashed.build().toByteString())));
            tx.addNsRwset(set);
          });
      return tx.build().toByteString();
    }
  }

  static KVRead kvRead(String key, long[] version) {
    KVRead.Builder read = KVRead.newBuilder().setKey(key);
    if (version != null) {
      read.setVersion(Version.newBuilder().setBlockNum(version[0]).setTxNum(version[1]));
    }
    return read.build();
  }

  /** A version (block, transaction). */
  static long[] at(long block, long tx) {
    return new long[] {block, tx};
  }

  static ByteString sha256(String text) {
    try {
      return ByteString.copyFrom(
          MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The {@code _lifecycle} writes of a committed chaincode definition, as Fabric's lifecycle stores
   * it: the metadata key and the ValidationInfo field (plugin vscc, the policy).
   */
  static RwSet definition(String name, ApplicationPolicy policy) {
    return definition(name, policy, CollectionConfigPackage.getDefaultInstance());
  }

  /** A committed chaincode definition with collections. */
  static RwSet definition(
      String name, ApplicationPolicy policy, CollectionConfigPackage collections) {
    StateMetadata metadata =
        StateMetadata.newBuilder()
            .setDatatype("ChaincodeDefinition")
            .addFields("Sequence")
            .addFields("EndorsementInfo")
            .addFields("ValidationInfo")
            .addFields("Collections")
            .build();
    ChaincodeValidationInfo validation =
        ChaincodeValidationInfo.newBuilder()
            .setValidationPlugin("vscc")
            .setValidationParameter(policy.toByteString())
            .build();
    RwSet rwSet = new RwSet();
    rwSet
        .ns("_lifecycle")
        .addWrites(
            KVWrite.newBuilder()
                .setKey("namespaces/metadata/" + name)
                .setValue(metadata.toByteString()))
        .addWrites(
            KVWrite.newBuilder()
                .setKey("namespaces/fields/" + name + "/ValidationInfo")
                .setValue(
                    StateData.newBuilder()
                        .setBytes(validation.toByteString())
                        .build()
                        .toByteString()))
        .addWrites(
            KVWrite.newBuilder()
                .setKey("namespaces/fields/" + name + "/Sequence")
                .setValue(StateData.newBuilder().setInt64(1).build().toByteString()))
        .addWrites(
            KVWrite.newBuilder()
                .setKey("namespaces/fields/" + name + "/Collections")
                .setValue(
                    StateData.newBuilder()
                        .setBytes(collections.toByteString())
                        .build()
                        .toByteString()));
    return rwSet;
  }

  /** {@code AND('<a>.peer', OR('<b>.peer', '<c>.peer'))} as an application policy. */
  static ApplicationPolicy andPeerOrPeers(String a, String b, String c) {
    SignaturePolicyEnvelope.Builder envelope = SignaturePolicyEnvelope.newBuilder();
    for (String mspId : List.of(a, b, c)) {
      envelope.addIdentities(
          MSPPrincipal.newBuilder()
              .setPrincipalClassification(MSPPrincipal.Classification.ROLE)
              .setPrincipal(
                  MSPRole.newBuilder()
                      .setMspIdentifier(mspId)
                      .setRole(MSPRole.MSPRoleType.PEER)
                      .build()
                      .toByteString()));
    }
    SignaturePolicy or =
        SignaturePolicy.newBuilder()
            .setNOutOf(
                SignaturePolicy.NOutOf.newBuilder()
                    .setN(1)
                    .addRules(SignaturePolicy.newBuilder().setSignedBy(1))
                    .addRules(SignaturePolicy.newBuilder().setSignedBy(2)))
            .build();
    envelope.setRule(
        SignaturePolicy.newBuilder()
            .setNOutOf(
                SignaturePolicy.NOutOf.newBuilder()
                    .setN(2)
                    .addRules(SignaturePolicy.newBuilder().setSignedBy(0))
                    .addRules(or)));
    return ApplicationPolicy.newBuilder().setSignaturePolicy(envelope).build();
  }

  /** A reference to a channel policy, such as {@code /Channel/Application/Endorsement}. */
  static ApplicationPolicy channelPolicy(String path) {
    return ApplicationPolicy.newBuilder().setChannelConfigPolicyReference(path).build();
  }

  // --- blocks ---

  /** Builds blocks of one chain in order, linking each to the previous header. */
  static final class Builder {
    private byte[] previous = new byte[0];
    private long next;
    private long lastConfig;

    /** The genesis block. */
    Block genesis(Config config) throws Exception {
      return block(List.of(configEnvelope(config, null)), List.of(), true, null);
    }

    /** A configuration block signed by {@code orderers}, its envelope by the first of them. */
    Block config(Config config, List<Id> orderers) throws Exception {
      return block(List.of(configEnvelope(config, orderers.get(0))), orderers, true, null);
    }

    /** A block of transactions, signed by {@code orderers}. */
    Block transactions(List<ByteString> envelopes, List<Id> orderers, byte... flags)
        throws Exception {
      return block(envelopes, orderers, false, flags.length == 0 ? null : flags);
    }

    /** A block signed by BFT consenters, named by their identifiers. */
    Block bft(List<ByteString> envelopes, List<Id> consenters, List<Integer> ids) throws Exception {
      BlockHeader header = header(envelopes);
      ByteString value = value();
      Metadata.Builder signatures = Metadata.newBuilder().setValue(value);
      byte[] headerBytes = BlockHashes.headerBytes(header);
      for (int i = 0; i < consenters.size(); i++) {
        ByteString identifier =
            IdentifierHeader.newBuilder().setIdentifier(ids.get(i)).build().toByteString();
        signatures.addSignatures(
            MetadataSignature.newBuilder()
                .setIdentifierHeader(identifier)
                .setSignature(
                    ByteString.copyFrom(
                        consenters
                            .get(i)
                            .sign(value.toByteArray(), identifier.toByteArray(), headerBytes))));
      }
      return finish(header, envelopes, signatures.build(), false, null);
    }

    private Block block(
        List<ByteString> envelopes, List<Id> orderers, boolean isConfig, byte[] flags)
        throws Exception {
      BlockHeader header = header(envelopes);
      ByteString value = value();
      Metadata.Builder signatures = Metadata.newBuilder().setValue(value);
      byte[] headerBytes = BlockHashes.headerBytes(header);
      for (Id orderer : orderers) {
        ByteString signatureHeader =
            SignatureHeader.newBuilder()
                .setCreator(orderer.serialized())
                .setNonce(ByteString.copyFromUtf8("n"))
                .build()
                .toByteString();
        signatures.addSignatures(
            MetadataSignature.newBuilder()
                .setSignatureHeader(signatureHeader)
                .setSignature(
                    ByteString.copyFrom(
                        orderer.sign(
                            value.toByteArray(), signatureHeader.toByteArray(), headerBytes))));
      }
      return finish(header, envelopes, signatures.build(), isConfig, flags);
    }

    private BlockHeader header(List<ByteString> envelopes) {
      return BlockHeader.newBuilder()
          .setNumber(next)
          .setPreviousHash(ByteString.copyFrom(previous))
          .setDataHash(
              ByteString.copyFrom(
                  BlockHashes.dataHash(BlockData.newBuilder().addAllData(envelopes).build())))
          .build();
    }

    private ByteString value() {
      return OrdererBlockMetadata.newBuilder()
          .setLastConfig(LastConfig.newBuilder().setIndex(lastConfig))
          .build()
          .toByteString();
    }

    private Block finish(
        BlockHeader header,
        List<ByteString> envelopes,
        Metadata signatures,
        boolean isConfig,
        byte[] flags) {
      if (isConfig) {
        lastConfig = header.getNumber();
      }
      byte[] filter = flags == null ? new byte[envelopes.size()] : flags;
      Block block =
          Block.newBuilder()
              .setHeader(header)
              .setData(BlockData.newBuilder().addAllData(envelopes))
              .setMetadata(
                  BlockMetadata.newBuilder()
                      .addMetadata(signatures.toByteString())
                      .addMetadata(ByteString.EMPTY)
                      .addMetadata(ByteString.copyFrom(filter))
                      .addMetadata(ByteString.EMPTY))
              .build();
      previous = BlockHashes.headerHash(header);
      next = header.getNumber() + 1;
      return block;
    }
  }
}
