package org.servicerecords.registry.client.internal.audit;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.rwset.CollectionHashedReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.HashedRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWriteHash;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
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
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.servicerecords.registry.client.identity.Pem;
import org.servicerecords.registry.client.internal.trust.TestPki;
import org.servicerecords.registry.client.internal.trust.TestPki.Org;
import org.servicerecords.registry.client.internal.trust.TestPki.Signer;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.RecordEvent;

/**
 * Blocks as a peer delivers them, built in the test: endorser transactions with a chaincode action,
 * its read-write set (public writes and hashed private writes per collection), its chaincode event
 * and endorsements signed with real ECDSA keys; validation flags in the block metadata; and
 * configuration blocks naming organisations' roots.
 */
public final class TestBlocks {

  private TestBlocks() {}

  /** A registry event payload with one entry. */
  public static byte[] registryEvent(String namespace, String id, String action) {
    return CanonicalJson.toBytes(
        new RecordEvent(namespace, List.of(new RecordEvent.Entry(id, "CERTIFICATE", action))));
  }

  /** One endorser transaction, described field by field; {@link #envelope()} builds it. */
  public static final class Tx {
    private final String txId;
    private String chaincode;
    private String eventChaincode;
    private byte[] eventPayload;
    private final List<String> privateWrites = new ArrayList<>();
    private final List<Signer> endorsers = new ArrayList<>();
    private Instant timestamp = Instant.now();
    private boolean forged;
    private boolean otherProposal;
    private boolean noPublicWrite;
    private int actions = 1;

    Tx(String txId, String chaincode) {
      this.txId = txId;
      this.chaincode = chaincode;
      this.eventChaincode = chaincode;
    }

    /** Carries a registry event with one entry. */
    public Tx event(String id, String action) {
      this.eventPayload = registryEvent(chaincode, id, action);
      return this;
    }

    /** Carries an event with this payload. */
    public Tx eventPayload(byte[] payload) {
      this.eventPayload = payload.clone();
      return this;
    }

    /** The event names another chaincode than the action's. */
    public Tx eventOf(String otherChaincode) {
      this.eventChaincode = otherChaincode;
      return this;
    }

    /** Writes one key of this private collection of the namespace (hashed in the block). */
    public Tx writes(String collection) {
      privateWrites.add(collection);
      return this;
    }

    /** Writes no public key of the namespace (only the private collections named). */
    public Tx privateOnly() {
      this.noPublicWrite = true;
      return this;
    }

    /** Endorsed, in order, by these signers, each signing the proposal response payload. */
    public Tx endorsedBy(Signer... signers) {
      endorsers.addAll(List.of(signers));
      return this;
    }

    /** The endorsers signed other bytes than the proposal response payload carried. */
    public Tx forged() {
      this.forged = true;
      return this;
    }

    /** The proposal response payload answers another proposal than the one carried. */
    public Tx answeringAnotherProposal() {
      this.otherProposal = true;
      return this;
    }

    /** The channel header's timestamp. */
    public Tx at(Instant instant) {
      this.timestamp = instant;
      return this;
    }

    /** Holds the chaincode action this many times. */
    public Tx actions(int count) {
      this.actions = count;
      return this;
    }

    ByteString envelope() throws Exception {
      ByteString channelHeader =
          ChannelHeader.newBuilder()
              .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
              .setChannelId("registry")
              .setTxId(txId)
              .setTimestamp(
                  Timestamp.newBuilder()
                      .setSeconds(timestamp.getEpochSecond())
                      .setNanos(timestamp.getNano()))
              .build()
              .toByteString();
      ByteString signatureHeader =
          SignatureHeader.newBuilder()
              .setCreator(
                  SerializedIdentity.newBuilder()
                      .setMspid("ClientMSP")
                      .setIdBytes(ByteString.copyFromUtf8("client"))
                      .build()
                      .toByteString())
              .setNonce(ByteString.copyFromUtf8("nonce-" + txId))
              .build()
              .toByteString();
      ByteString proposal = proposalPayload(chaincode, "records:RevokeRecord", txId);
      ByteString hashed =
          otherProposal ? proposalPayload(chaincode, "records:RevokeRecord", "other") : proposal;
      ByteString prp = responsePayload(channelHeader, signatureHeader, hashed);
      ByteString signed =
          forged ? responsePayload(channelHeader, signatureHeader, hashed, "x") : prp;
      List<Endorsement> endorsements = new ArrayList<>();
      for (Signer s : endorsers) {
        endorsements.add(TestPki.endorse(s, signed));
      }
      ChaincodeActionPayload actionPayload =
          ChaincodeActionPayload.newBuilder()
              .setChaincodeProposalPayload(proposal)
              .setAction(
                  ChaincodeEndorsedAction.newBuilder()
                      .setProposalResponsePayload(prp)
                      .addAllEndorsements(endorsements))
              .build();
      Transaction.Builder transaction = Transaction.newBuilder();
      for (int i = 0; i < actions; i++) {
        transaction.addActions(
            TransactionAction.newBuilder()
                .setHeader(signatureHeader)
                .setPayload(actionPayload.toByteString()));
      }
      Payload payload =
          Payload.newBuilder()
              .setHeader(
                  Header.newBuilder()
                      .setChannelHeader(channelHeader)
                      .setSignatureHeader(signatureHeader))
              .setData(transaction.build().toByteString())
              .build();
      return Envelope.newBuilder()
          .setPayload(payload.toByteString())
          .setSignature(ByteString.copyFromUtf8("client signature"))
          .build()
          .toByteString();
    }

    private ByteString responsePayload(
        ByteString channelHeader, ByteString signatureHeader, ByteString proposal, String... salt)
        throws Exception {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(channelHeader.toByteArray());
      digest.update(signatureHeader.toByteArray());
      digest.update(proposal.toByteArray());
      NsReadWriteSet.Builder ns =
          NsReadWriteSet.newBuilder()
              .setNamespace(chaincode)
              .setRwset(
                  noPublicWrite
                      ? KVRWSet.getDefaultInstance().toByteString()
                      : KVRWSet.newBuilder()
                          .addWrites(
                              KVWrite.newBuilder()
                                  .setKey("record-" + txId + String.join("", salt))
                                  .setValue(ByteString.copyFromUtf8("{}")))
                          .build()
                          .toByteString());
      for (String collection : privateWrites) {
        ns.addCollectionHashedRwset(
            CollectionHashedReadWriteSet.newBuilder()
                .setCollectionName(collection)
                .setHashedRwset(
                    HashedRWSet.newBuilder()
                        .addHashedWrites(
                            KVWriteHash.newBuilder()
                                .setKeyHash(sha256("details-" + txId))
                                .setValueHash(sha256("value")))
                        .build()
                        .toByteString()));
      }
      ChaincodeAction.Builder action =
          ChaincodeAction.newBuilder()
              .setChaincodeId(ChaincodeID.newBuilder().setName(chaincode))
              .setResults(TxReadWriteSet.newBuilder().addNsRwset(ns).build().toByteString())
              .setResponse(Response.newBuilder().setStatus(200));
      if (eventPayload != null) {
        action.setEvents(
            ChaincodeEvent.newBuilder()
                .setChaincodeId(eventChaincode)
                .setTxId(txId)
                .setEventName(RecordEvent.NAME)
                .setPayload(ByteString.copyFrom(eventPayload))
                .build()
                .toByteString());
      }
      return ProposalResponsePayload.newBuilder()
          .setProposalHash(ByteString.copyFrom(digest.digest()))
          .setExtension(action.build().toByteString())
          .build()
          .toByteString();
    }
  }

  public static Tx tx(String txId, String chaincode) {
    return new Tx(txId, chaincode);
  }

  private static ByteString proposalPayload(String chaincode, String function, String arg) {
    return ChaincodeProposalPayload.newBuilder()
        .setInput(
            ChaincodeInvocationSpec.newBuilder()
                .setChaincodeSpec(
                    ChaincodeSpec.newBuilder()
                        .setChaincodeId(ChaincodeID.newBuilder().setName(chaincode))
                        .setInput(
                            ChaincodeInput.newBuilder()
                                .addArgs(ByteString.copyFromUtf8(function))
                                .addArgs(ByteString.copyFromUtf8(arg))))
                .build()
                .toByteString())
        .build()
        .toByteString();
  }

  private static ByteString sha256(String text) throws Exception {
    return ByteString.copyFrom(
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A block of transactions, all VALID. */
  public static Block block(long number, Tx... transactions) throws Exception {
    TxValidationCode[] codes = new TxValidationCode[transactions.length];
    java.util.Arrays.fill(codes, TxValidationCode.VALID);
    return block(number, List.of(transactions), codes);
  }

  /** A block of transactions with the given validation flags. */
  public static Block block(long number, List<Tx> transactions, TxValidationCode... codes)
      throws Exception {
    BlockData.Builder data = BlockData.newBuilder();
    for (Tx tx : transactions) {
      data.addData(tx.envelope());
    }
    byte[] flags = new byte[codes.length];
    for (int i = 0; i < codes.length; i++) {
      flags[i] = (byte) codes[i].getNumber();
    }
    return Block.newBuilder()
        .setHeader(BlockHeader.newBuilder().setNumber(number))
        .setData(data)
        .setMetadata(
            BlockMetadata.newBuilder()
                .addMetadata(ByteString.EMPTY) // SIGNATURES
                .addMetadata(ByteString.EMPTY) // LAST_CONFIG
                .addMetadata(ByteString.copyFrom(flags)) // TRANSACTIONS_FILTER
                .addMetadata(ByteString.EMPTY) // ORDERER
                .addMetadata(ByteString.EMPTY)) // COMMIT_HASH
        .build();
  }

  /** A configuration block whose Application group holds these organisations, with peers. */
  public static Block configBlock(long number, Org... orgs) {
    ConfigGroup.Builder application = ConfigGroup.newBuilder();
    for (Org org : orgs) {
      FabricMSPConfig fabric =
          FabricMSPConfig.newBuilder()
              .setName(org.mspId())
              .addRootCerts(ByteString.copyFromUtf8(Pem.toPem(org.ca().certificate())))
              .build();
      application.putGroups(
          org.mspId(),
          ConfigGroup.newBuilder()
              .putValues(
                  "MSP",
                  ConfigValue.newBuilder()
                      .setValue(
                          MSPConfig.newBuilder()
                              .setType(0)
                              .setConfig(fabric.toByteString())
                              .build()
                              .toByteString())
                      .build())
              .putValues("AnchorPeers", ConfigValue.newBuilder().build())
              .build());
    }
    Config config =
        Config.newBuilder()
            .setChannelGroup(ConfigGroup.newBuilder().putGroups("Application", application.build()))
            .build();
    Payload payload =
        Payload.newBuilder()
            .setHeader(
                Header.newBuilder()
                    .setChannelHeader(
                        ChannelHeader.newBuilder()
                            .setType(HeaderType.CONFIG_VALUE)
                            .setChannelId("registry")
                            .build()
                            .toByteString()))
            .setData(ConfigEnvelope.newBuilder().setConfig(config).build().toByteString())
            .build();
    return Block.newBuilder()
        .setHeader(BlockHeader.newBuilder().setNumber(number))
        .setData(
            BlockData.newBuilder()
                .addData(
                    Envelope.newBuilder()
                        .setPayload(payload.toByteString())
                        .build()
                        .toByteString()))
        .build();
  }
}
