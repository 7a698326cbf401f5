package org.servicerecords.registry.client.internal.proof;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.servicerecords.registry.client.Attestation;
import org.servicerecords.registry.client.PortableProof;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.internal.audit.chain.ChainVerifier;
import org.servicerecords.registry.client.internal.submit.Connector;
import org.servicerecords.registry.client.internal.submit.Ledger;
import org.servicerecords.registry.client.internal.trust.ChannelMsps;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verification;

/**
 * Assembles a portable proof through the Gateway: the record's first version (its history), the
 * block holding that transaction (qscc {@code GetBlockByTxID}) with, when BFT consenter ids sign
 * it, the configuration block in force (a version-2 proof), and an attestation of the record's
 * current status ({@code VerifyRecord} endorsed, never submitted, by peers of the owner and of
 * other organisations). Nothing read here is trusted: the proof is checked offline by {@link
 * ProofChecker}.
 */
public final class ProofExporter {

  private final Ledger ledger;

  /**
   * An exporter over a connection's ledger.
   *
   * @param ledger the ledger
   */
  public ProofExporter(Ledger ledger) {
    this.ledger = ledger;
  }

  /**
   * Exports the proof of a record.
   *
   * @param namespace the namespace or its agency's MSP id
   * @param id the record id
   * @param attestation how many organisations attest the current status
   * @return the proof
   * @throws RegistryException if a read fails ({@code NotFoundException} for an unknown record)
   */
  public PortableProof export(String namespace, String id, Attestation attestation)
      throws RegistryException {
    String ns = ledger.namespaceOf(namespace);
    AgencyEntry owner = ledger.governance().agencyOfNamespace(ns);
    List<RecordHistoryEntry> history =
        ledger.evaluateList(RecordHistoryEntry[].class, ns, "GetHistory", id);
    if (history.isEmpty()) {
      throw RegistryException.evaluate("record " + id + " has no history in " + ns);
    }
    String txId = history.get(history.size() - 1).txId();

    Block block = blockOf(txId);
    int index = indexOf(block, txId);
    byte[] flags =
        block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray();
    TxValidationCode code = TxValidationCode.forNumber(flags[index] & 0xff);
    RegistryRecord record = writtenRecord(block.getData().getData(index), ns, id);

    ChannelMsps msps = ledger.channelMsps(false);
    List<String> others = new ArrayList<>();
    for (String msp : ledger.connector().profile().attesters()) {
      if (!msp.equals(owner.msp()) && msps.peerOrganizationsOtherThan(owner.msp()).contains(msp)) {
        others.add(msp);
      }
    }
    for (String msp : msps.peerOrganizationsOtherThan(owner.msp())) {
      if (!others.contains(msp)) {
        others.add(msp);
      }
    }
    List<String> organizations = attestation.choose(owner.msp(), others);
    Ledger.Endorsed endorsed =
        ledger.endorseWithoutSubmitting(ns, "VerifyRecord", organizations, id, "");
    Verification answer = answerOf(endorsed.envelope());

    Base64.Encoder b64 = Base64.getEncoder();
    List<String> envelopes = new ArrayList<>();
    for (ByteString envelope : block.getData().getDataList()) {
      envelopes.add(b64.encodeToString(envelope.toByteArray()));
    }
    ProofFile file =
        ProofFile.raft(
            ledger.channel(),
            ns,
            id,
            record.documentHash(),
            txId,
            block.getHeader().getNumber(),
            record,
            new ProofFile.BlockPart(
                b64.encodeToString(block.getHeader().toByteArray()),
                envelopes,
                b64.encodeToString(
                    block
                        .getMetadata()
                        .getMetadata(BlockMetadataIndex.SIGNATURES_VALUE)
                        .toByteArray()),
                index,
                code == null ? "CODE_" + (flags[index] & 0xff) : code.name()),
            new ProofFile.AttestationPart(b64.encodeToString(endorsed.envelope()), answer));
    if (bftSigned(block)) {
      file = file.withConfigBlock(configBlockPart(block));
    }
    return new PortableProof(
        ProofChecker.canonicalText(file).getBytes(StandardCharsets.UTF_8),
        ns,
        id,
        txId,
        block.getHeader().getNumber(),
        answer.verdict(),
        organizations);
  }

  /** Whether the block's orderer signatures name their signers by BFT consenter ids. */
  private static boolean bftSigned(Block block) throws RegistryException {
    try {
      Metadata metadata =
          Metadata.parseFrom(block.getMetadata().getMetadata(BlockMetadataIndex.SIGNATURES_VALUE));
      return metadata.getSignaturesList().stream()
          .anyMatch(s -> s.getSignatureHeader().isEmpty() && !s.getIdentifierHeader().isEmpty());
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw RegistryException.evaluate(
          "the orderer signatures of block " + block.getHeader().getNumber() + " cannot be read");
    }
  }

  /**
   * The configuration block in force for a block (qscc {@code GetBlockByNumber} of the last
   * configuration its orderer metadata names): header, envelope and orderer signatures (none for an
   * unsigned genesis block).
   */
  private ProofFile.ConfigBlockPart configBlockPart(Block block) throws RegistryException {
    long number;
    try {
      number = ChainVerifier.lastConfigOf(block);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw RegistryException.evaluate(
          "the last configuration of block " + block.getHeader().getNumber() + " cannot be read");
    }
    byte[] bytes =
        ledger.evaluate(
            Connector.QSCC, "GetBlockByNumber", ledger.channel(), Long.toString(number));
    Block config;
    Metadata signatures;
    try {
      config = Block.parseFrom(bytes);
      signatures =
          Metadata.parseFrom(config.getMetadata().getMetadata(BlockMetadataIndex.SIGNATURES_VALUE));
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw RegistryException.evaluate("configuration block " + number + " cannot be read");
    }
    if (config.getHeader().getNumber() != number || config.getData().getDataCount() != 1) {
      throw RegistryException.evaluate("block " + number + " is not a configuration block");
    }
    Base64.Encoder b64 = Base64.getEncoder();
    return new ProofFile.ConfigBlockPart(
        b64.encodeToString(config.getHeader().toByteArray()),
        b64.encodeToString(config.getData().getData(0).toByteArray()),
        number == 0 && signatures.getSignaturesCount() == 0
            ? ""
            : b64.encodeToString(
                config
                    .getMetadata()
                    .getMetadata(BlockMetadataIndex.SIGNATURES_VALUE)
                    .toByteArray()));
  }

  private Block blockOf(String txId) throws RegistryException {
    byte[] bytes = ledger.evaluate(Connector.QSCC, "GetBlockByTxID", ledger.channel(), txId);
    try {
      return Block.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw RegistryException.at(Stage.EVALUATE, "unreadable block of " + txId, txId, e);
    }
  }

  private static int indexOf(Block block, String txId) throws RegistryException {
    for (int i = 0; i < block.getData().getDataCount(); i++) {
      try {
        Payload payload =
            Payload.parseFrom(Envelope.parseFrom(block.getData().getData(i)).getPayload());
        if (ChannelHeader.parseFrom(payload.getHeader().getChannelHeader())
            .getTxId()
            .equals(txId)) {
          return i;
        }
      } catch (InvalidProtocolBufferException e) {
        // Not this one.
      }
    }
    throw RegistryException.evaluate(
        "block " + block.getHeader().getNumber() + " does not hold transaction " + txId);
  }

  /** The record as the transaction wrote it. */
  private static RegistryRecord writtenRecord(ByteString envelopeBytes, String ns, String id)
      throws RegistryException {
    try {
      Payload payload = Payload.parseFrom(Envelope.parseFrom(envelopeBytes).getPayload());
      Transaction transaction = Transaction.parseFrom(payload.getData());
      ChaincodeActionPayload action =
          ChaincodeActionPayload.parseFrom(transaction.getActions(0).getPayload());
      ProposalResponsePayload response =
          ProposalResponsePayload.parseFrom(action.getAction().getProposalResponsePayload());
      ChaincodeAction chaincodeAction = ChaincodeAction.parseFrom(response.getExtension());
      TxReadWriteSet rwset = TxReadWriteSet.parseFrom(chaincodeAction.getResults());
      String key = "\u0000rec\u0000" + id + "\u0000";
      for (NsReadWriteSet set : rwset.getNsRwsetList()) {
        if (!set.getNamespace().equals(ns)) {
          continue;
        }
        for (KVWrite write : KVRWSet.parseFrom(set.getRwset()).getWritesList()) {
          if (write.getKey().equals(key) && !write.getIsDelete()) {
            return CanonicalJson.fromBytes(write.getValue().toByteArray(), RegistryRecord.class);
          }
        }
      }
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw RegistryException.evaluate("the anchoring transaction of " + id + " cannot be read");
    }
    throw RegistryException.evaluate("the anchoring transaction does not write record " + id);
  }

  private static Verification answerOf(byte[] envelope) throws RegistryException {
    try {
      Payload payload = Payload.parseFrom(Envelope.parseFrom(envelope).getPayload());
      ChaincodeActionPayload action =
          ChaincodeActionPayload.parseFrom(
              Transaction.parseFrom(payload.getData()).getActions(0).getPayload());
      ChaincodeAction chaincodeAction =
          ChaincodeAction.parseFrom(
              ProposalResponsePayload.parseFrom(action.getAction().getProposalResponsePayload())
                  .getExtension());
      return Ledger.parse(
          chaincodeAction.getResponse().getPayload().toByteArray(),
          Verification.class,
          "VerifyRecord");
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw RegistryException.evaluate("the attestation's answer cannot be read");
    }
  }
}
