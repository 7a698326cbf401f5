package org.servicerecords.registry.client.internal.proof;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Consenter;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.IdentifierHeader;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.Orderers;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.orderer.ConsensusType;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.servicerecords.registry.client.TrustRoots;
import org.servicerecords.registry.client.identity.Pem;
import org.servicerecords.registry.client.internal.audit.chain.BlockHashes;
import org.servicerecords.registry.client.internal.trust.TestPki;
import org.servicerecords.registry.client.internal.trust.TestPki.Issued;
import org.servicerecords.registry.model.Actor;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verdict;
import org.servicerecords.registry.model.Verification;

/**
 * Portable proofs built in the test with Bouncy Castle keys and certificates, shaped as Fabric
 * v3.1.5 makes them (envelopes, endorsements, block header and orderer signatures), with knobs to
 * build a tampered or weak one consistently signed.
 */
final class TestProofs {

  static final String CHANNEL = "registry";
  static final String NS = "records-justice";
  static final String ID = "bc-2026-0001";
  static final String HASH = "a".repeat(64);

  /** An organisation of the test consortium. */
  record Org(String mspId, Issued ca, Issued peer, Issued orderer, Issued client) {
    static Org of(String mspId) throws Exception {
      TestPki.Member m = TestPki.Member.of(mspId);
      return new Org(mspId, m.ca(), m.peer(), m.orderer(), m.client());
    }

    ByteString identity(Issued issued) {
      return TestPki.serialized(mspId, issued);
    }
  }

  /** The knobs; the defaults make a proof that verifies. */
  static final class Options {
    List<Org> anchoringEndorsers;
    List<Issued> anchoringEndorserCertificates;
    List<Org> attesters;
    String attestedId = ID;
    RecordStatus attestedStatus = RecordStatus.ACTIVE;
    boolean bftSignature;

    /** A version-2 proof: the block signed by BFT consenters, with the configuration block. */
    boolean bft;

    /** The consenters (1 to 4) whose keys sign the block, named by {@link #bftNamedIds}. */
    List<Integer> bftSigners = List.of(1, 2, 3);

    /** The ids the block's identifier headers name, one per signer; null: the signers' own. */
    List<Integer> bftNamedIds;

    /** The consenters whose keys sign the configuration block. */
    List<Integer> configSigners = List.of(1, 2, 4);

    /** The configuration block's number; 0 makes it an unsigned genesis block. */
    long configNumber = 3;

    /** The last configuration the block's orderer metadata names; -1: {@link #configNumber}. */
    long lastConfig = -1;

    /** Consenter 4's certificate issued by a CA the roots do not hold (named as DigitalMSP). */
    boolean foreignConsenter;

    /** The configuration's consensus type. */
    String consensusType = "BFT";

    /** The domain of the consenters' host names in the configuration. */
    String consenterDomain = "example";

    boolean highSOrdererSignature;
    String peerValidationCode = "VALID";
  }

  final Org justice;
  final Org audit;

  /** An ordering-only organisation, as the bft profile's DigitalMSP. */
  final Org digital;

  /** Consenters 1 to 4: Justice's orderer and three of Digital's. */
  final List<Issued> consenters;

  /** A consenter certificate of a CA outside the roots, named as DigitalMSP's. */
  final Issued foreign;

  TestProofs() throws Exception {
    justice = Org.of("JusticeMSP");
    audit = Org.of("AuditMSP");
    digital = Org.of("DigitalMSP");
    Instant later = Instant.now().plus(Duration.ofDays(1));
    List<Issued> list = new ArrayList<>(List.of(justice.orderer(), digital.orderer()));
    for (int i = 1; i <= 2; i++) {
      list.add(
          TestPki.issue(
              "CN=orderer" + i + ".DigitalMSP,OU=orderer,O=DigitalMSP",
              digital.ca(),
              false,
              later));
    }
    consenters = List.copyOf(list);
    Issued otherCa = TestPki.issue("CN=ca.DigitalMSP,O=DigitalMSP", null, true, later);
    foreign =
        TestPki.issue("CN=orderer3.DigitalMSP,OU=orderer,O=DigitalMSP", otherCa, false, later);
  }

  TrustRoots roots() {
    return TrustRoots.of(
        Map.of(
            justice.mspId(), List.of(justice.ca().certificate()),
            audit.mspId(), List.of(audit.ca().certificate()),
            digital.mspId(), List.of(digital.ca().certificate())));
  }

  /** Consenter {@code id}'s certificate and key (ids from 1). */
  Issued consenter(Options o, int id) {
    return id == 4 && o.foreignConsenter ? foreign : consenters.get(id - 1);
  }

  /** Consenter {@code id}'s organisation. */
  String consenterMsp(int id) {
    return id == 1 ? justice.mspId() : digital.mspId();
  }

  Options options() {
    Options o = new Options();
    o.anchoringEndorsers = List.of(justice, audit);
    o.attesters = List.of(justice, audit);
    return o;
  }

  static final Instant ANCHORED = Instant.parse("2026-03-01T10:00:00.123456789Z");
  static final Instant ATTESTED = Instant.parse("2026-03-02T11:00:00.5Z");

  RegistryRecord record(String txId, RecordStatus status, Instant at) {
    return new RegistryRecord(
        ID,
        RecordKind.CERTIFICATE,
        "BIRTH_CERTIFICATE",
        justice.mspId(),
        HASH,
        "b".repeat(64),
        "2026-01-01T00:00:00Z",
        null,
        status,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        new Actor(justice.mspId(), "c".repeat(64), "issuer"),
        txId,
        at.toString());
  }

  /** A whole proof file's bytes. */
  byte[] proof(Options o) throws Exception {
    return ProofChecker.canonicalText(file(o)).getBytes(StandardCharsets.UTF_8);
  }

  ProofFile file(Options o) throws Exception {
    Base64.Encoder b64 = Base64.getEncoder();
    // The anchoring transaction.
    ByteString creator = justice.identity(justice.client());
    ByteString nonce = ByteString.copyFrom(HexFormat.of().parseHex("0102030405060708090a0b0c"));
    String txId = txId(nonce, creator);
    RegistryRecord record = record(txId, RecordStatus.ACTIVE, ANCHORED);
    ByteString rwset =
        TxReadWriteSet.newBuilder()
            .setDataModel(TxReadWriteSet.DataModel.KV)
            .addNsRwset(
                NsReadWriteSet.newBuilder()
                    .setNamespace(NS)
                    .setRwset(
                        KVRWSet.newBuilder()
                            .addWrites(
                                KVWrite.newBuilder()
                                    .setKey("\u0000rec\u0000" + ID + "\u0000")
                                    .setValue(ByteString.copyFrom(CanonicalJson.toBytes(record))))
                            .build()
                            .toByteString()))
            .build()
            .toByteString();
    List<Issued> endorserCertificates = o.anchoringEndorserCertificates;
    List<Org> endorsers = o.anchoringEndorsers;
    Envelope anchoring =
        endorsed(
            creator,
            justice.client().keys().getPrivate(),
            nonce,
            ANCHORED,
            List.of("records:AnchorCertificate", "{}"),
            rwset,
            ByteString.copyFromUtf8("{}"),
            endorsers,
            endorserCertificates);
    Envelope other =
        Envelope.newBuilder().setPayload(ByteString.copyFromUtf8("another transaction")).build();
    List<ByteString> envelopes = List.of(other.toByteString(), anchoring.toByteString());

    BlockHeader header =
        BlockHeader.newBuilder()
            .setNumber(7)
            .setPreviousHash(ByteString.copyFrom(new byte[32]))
            .setDataHash(
                ByteString.copyFrom(
                    BlockHashes.dataHash(
                        org.hyperledger.fabric.protos.common.BlockData.newBuilder()
                            .addAllData(envelopes)
                            .build())))
            .build();
    ByteString value =
        o.bft
            ? lastConfigValue(o.lastConfig < 0 ? o.configNumber : o.lastConfig)
            : ByteString.copyFromUtf8("orderer block metadata");
    Metadata.Builder metadata = Metadata.newBuilder().setValue(value);
    byte[] headerDer = BlockHashes.headerBytes(header);
    if (o.bft) {
      metadata = bftSignatures(o, header, value, o.bftSigners, o.bftNamedIds);
    } else if (o.bftSignature) {
      ByteString identifier = IdentifierHeader.newBuilder().setIdentifier(1).build().toByteString();
      metadata.addSignatures(
          MetadataSignature.newBuilder()
              .setIdentifierHeader(identifier)
              .setSignature(
                  sign(
                      justice.orderer().keys().getPrivate(),
                      value.toByteArray(),
                      identifier.toByteArray(),
                      headerDer)));
    } else {
      ByteString signatureHeader =
          SignatureHeader.newBuilder()
              .setCreator(audit.identity(audit.orderer()))
              .setNonce(ByteString.copyFromUtf8("orderer nonce"))
              .build()
              .toByteString();
      ByteString signature =
          sign(
              audit.orderer().keys().getPrivate(),
              value.toByteArray(),
              signatureHeader.toByteArray(),
              headerDer);
      if (o.highSOrdererSignature) {
        signature = highS(signature, audit.orderer().keys().getPrivate());
      }
      metadata.addSignatures(
          MetadataSignature.newBuilder()
              .setSignatureHeader(signatureHeader)
              .setSignature(signature));
    }

    // The attestation.
    ByteString attestCreator = audit.identity(audit.client());
    ByteString attestNonce = ByteString.copyFromUtf8("attestation nonce 24bytes");
    Verification answer =
        new Verification(
            o.attestedStatus == RecordStatus.REVOKED ? Verdict.REVOKED : Verdict.VALID,
            o.attestedStatus == RecordStatus.ACTIVE
                ? record
                : record("f".repeat(64), o.attestedStatus, ATTESTED.minusSeconds(60)),
            justice.mspId(),
            "Ministry of Justice",
            NS,
            ATTESTED.toString(),
            null);
    Envelope attestation =
        endorsed(
            attestCreator,
            null,
            attestNonce,
            ATTESTED,
            List.of("records:VerifyRecord", o.attestedId, ""),
            ByteString.EMPTY,
            ByteString.copyFrom(CanonicalJson.toBytes(answer)),
            o.attesters,
            null);

    List<String> encoded = new ArrayList<>();
    envelopes.forEach(e -> encoded.add(b64.encodeToString(e.toByteArray())));
    ProofFile file =
        ProofFile.raft(
            CHANNEL,
            NS,
            ID,
            HASH,
            txId,
            7,
            record,
            new ProofFile.BlockPart(
                b64.encodeToString(header.toByteArray()),
                encoded,
                b64.encodeToString(metadata.build().toByteArray()),
                1,
                o.peerValidationCode),
            new ProofFile.AttestationPart(b64.encodeToString(attestation.toByteArray()), answer));
    return o.bft ? file.withConfigBlock(configBlock(o)) : file;
  }

  /** The orderer metadata value naming a last configuration. */
  static ByteString lastConfigValue(long index) {
    return OrdererBlockMetadata.newBuilder()
        .setLastConfig(LastConfig.newBuilder().setIndex(index))
        .build()
        .toByteString();
  }

  /** BFT signatures over a header by consenters, named by identifier headers. */
  Metadata.Builder bftSignatures(
      Options o, BlockHeader header, ByteString value, List<Integer> signers, List<Integer> named)
      throws Exception {
    Metadata.Builder metadata = Metadata.newBuilder().setValue(value);
    byte[] headerDer = BlockHashes.headerBytes(header);
    for (int i = 0; i < signers.size(); i++) {
      int id = named == null ? signers.get(i) : named.get(i);
      ByteString identifier =
          IdentifierHeader.newBuilder()
              .setIdentifier(id)
              .setNonce(ByteString.copyFromUtf8("nonce " + i))
              .build()
              .toByteString();
      metadata.addSignatures(
          MetadataSignature.newBuilder()
              .setIdentifierHeader(identifier)
              .setSignature(
                  sign(
                      consenter(o, signers.get(i)).keys().getPrivate(),
                      value.toByteArray(),
                      identifier.toByteArray(),
                      headerDer)));
    }
    return metadata;
  }

  /** The configuration envelope: a BFT ordering service of consenters 1 to 4. */
  ByteString configEnvelope(Options o) {
    Orderers.Builder orderers = Orderers.newBuilder();
    for (int id = 1; id <= 4; id++) {
      orderers.addConsenterMapping(
          Consenter.newBuilder()
              .setId(id)
              .setHost("orderer" + id + "." + o.consenterDomain)
              .setPort(7050)
              .setMspId(consenterMsp(id))
              .setIdentity(ByteString.copyFromUtf8(Pem.toPem(consenter(o, id).certificate()))));
    }
    ConfigGroup orderer =
        ConfigGroup.newBuilder()
            .putValues(
                "ConsensusType",
                ConfigValue.newBuilder()
                    .setValue(
                        ConsensusType.newBuilder().setType(o.consensusType).build().toByteString())
                    .build())
            .putValues(
                "Orderers",
                ConfigValue.newBuilder().setValue(orderers.build().toByteString()).build())
            .build();
    Config config =
        Config.newBuilder()
            .setSequence(o.configNumber + 1)
            .setChannelGroup(ConfigGroup.newBuilder().putGroups("Orderer", orderer))
            .build();
    ByteString payload =
        Payload.newBuilder()
            .setHeader(
                Header.newBuilder()
                    .setChannelHeader(
                        ChannelHeader.newBuilder()
                            .setType(HeaderType.CONFIG_VALUE)
                            .setChannelId(CHANNEL)
                            .build()
                            .toByteString()))
            .setData(ConfigEnvelope.newBuilder().setConfig(config).build().toByteString())
            .build()
            .toByteString();
    return Envelope.newBuilder().setPayload(payload).build().toByteString();
  }

  /** The configuration block in force: signed by {@code configSigners} unless it is block 0. */
  ProofFile.ConfigBlockPart configBlock(Options o) throws Exception {
    ByteString envelope = configEnvelope(o);
    BlockHeader header =
        BlockHeader.newBuilder()
            .setNumber(o.configNumber)
            .setPreviousHash(
                o.configNumber == 0 ? ByteString.EMPTY : ByteString.copyFrom(new byte[32]))
            .setDataHash(
                ByteString.copyFrom(
                    BlockHashes.dataHash(
                        org.hyperledger.fabric.protos.common.BlockData.newBuilder()
                            .addData(envelope)
                            .build())))
            .build();
    Base64.Encoder b64 = Base64.getEncoder();
    String signatures =
        o.configNumber == 0
            ? ""
            : b64.encodeToString(
                bftSignatures(o, header, lastConfigValue(o.configNumber), o.configSigners, null)
                    .build()
                    .toByteArray());
    return new ProofFile.ConfigBlockPart(
        b64.encodeToString(header.toByteArray()),
        b64.encodeToString(envelope.toByteArray()),
        signatures);
  }

  /** An endorsed transaction envelope, signed by its creator when a key is given. */
  private static Envelope endorsed(
      ByteString creator,
      PrivateKey creatorKey,
      ByteString nonce,
      Instant at,
      List<String> args,
      ByteString results,
      ByteString responsePayload,
      List<Org> endorsers,
      List<Issued> endorserCertificates)
      throws Exception {
    ByteString channelHeader =
        ChannelHeader.newBuilder()
            .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
            .setChannelId(CHANNEL)
            .setTxId(txId(nonce, creator))
            .setTimestamp(
                Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
            .build()
            .toByteString();
    ByteString signatureHeader =
        SignatureHeader.newBuilder().setCreator(creator).setNonce(nonce).build().toByteString();
    ChaincodeInput.Builder input = ChaincodeInput.newBuilder();
    args.forEach(a -> input.addArgs(ByteString.copyFromUtf8(a)));
    ByteString proposalPayload =
        ChaincodeProposalPayload.newBuilder()
            .setInput(
                ChaincodeInvocationSpec.newBuilder()
                    .setChaincodeSpec(
                        ChaincodeSpec.newBuilder()
                            .setChaincodeId(ChaincodeID.newBuilder().setName(NS))
                            .setInput(input))
                    .build()
                    .toByteString())
            .build()
            .toByteString();
    ByteString prp =
        ProposalResponsePayload.newBuilder()
            .setProposalHash(
                ByteString.copyFrom(
                    ProofChecker.sha256(
                        channelHeader.toByteArray(),
                        signatureHeader.toByteArray(),
                        proposalPayload.toByteArray())))
            .setExtension(
                ChaincodeAction.newBuilder()
                    .setResults(results)
                    .setResponse(Response.newBuilder().setStatus(200).setPayload(responsePayload))
                    .setChaincodeId(ChaincodeID.newBuilder().setName(NS).setVersion("1"))
                    .build()
                    .toByteString())
            .build()
            .toByteString();
    ChaincodeEndorsedAction.Builder action =
        ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(prp);
    for (int i = 0; i < endorsers.size(); i++) {
      Org org = endorsers.get(i);
      Issued certificate = endorserCertificates == null ? org.peer() : endorserCertificates.get(i);
      ByteString endorser = org.identity(certificate);
      action.addEndorsements(
          Endorsement.newBuilder()
              .setEndorser(endorser)
              .setSignature(
                  sign(
                      certificate.keys().getPrivate(), prp.toByteArray(), endorser.toByteArray())));
    }
    ByteString payload =
        Payload.newBuilder()
            .setHeader(
                Header.newBuilder()
                    .setChannelHeader(channelHeader)
                    .setSignatureHeader(signatureHeader))
            .setData(
                Transaction.newBuilder()
                    .addActions(
                        TransactionAction.newBuilder()
                            .setHeader(signatureHeader)
                            .setPayload(
                                ChaincodeActionPayload.newBuilder()
                                    .setChaincodeProposalPayload(proposalPayload)
                                    .setAction(action)
                                    .build()
                                    .toByteString()))
                    .build()
                    .toByteString())
            .build()
            .toByteString();
    Envelope.Builder envelope = Envelope.newBuilder().setPayload(payload);
    if (creatorKey != null) {
      envelope.setSignature(sign(creatorKey, payload.toByteArray()));
    }
    return envelope.build();
  }

  static String txId(ByteString nonce, ByteString creator) {
    return HexFormat.of()
        .formatHex(ProofChecker.sha256(nonce.toByteArray(), creator.toByteArray()));
  }

  /** A low-S ECDSA-SHA256 signature, as Fabric's signers make them. */
  static ByteString sign(PrivateKey key, byte[]... parts) throws Exception {
    Signature signature = Signature.getInstance("SHA256withECDSA");
    signature.initSign(key);
    for (byte[] part : parts) {
      signature.update(part);
    }
    ASN1Sequence sequence = ASN1Sequence.getInstance(signature.sign());
    BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
    BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
    BigInteger n = ((ECPrivateKey) key).getParams().getOrder();
    if (s.compareTo(n.shiftRight(1)) > 0) {
      s = n.subtract(s);
    }
    return ByteString.copyFrom(encode(r, s));
  }

  /** The same signature with S replaced by n - S (valid ECDSA, refused by Fabric). */
  static ByteString highS(ByteString lowS, PrivateKey key) {
    ASN1Sequence sequence = ASN1Sequence.getInstance(lowS.toByteArray());
    BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
    BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
    BigInteger n = ((ECPrivateKey) key).getParams().getOrder();
    return ByteString.copyFrom(encode(r, n.subtract(s)));
  }

  private static byte[] encode(BigInteger r, BigInteger s) {
    try {
      ASN1EncodableVector v = new ASN1EncodableVector();
      v.add(new ASN1Integer(r));
      v.add(new ASN1Integer(s));
      return new DERSequence(v).getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
