package org.servicerecords.registry.client.internal.audit.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.IdentifierHeader;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.servicerecords.registry.client.ChainFinding;
import org.servicerecords.registry.client.ChainFinding.Reason;
import org.servicerecords.registry.client.internal.trust.Endorsements;

/**
 * Verifies a channel's blocks offline, fed one at a time in ledger order, without trusting the peer
 * that served them. Per block:
 *
 * <ol>
 *   <li>its number follows the previous block's, and its previous hash is the SHA-256 of the
 *       previous block's header ({@link BlockHashes#headerHash});
 *   <li>its data hash is the SHA-256 of its envelopes ({@link BlockHashes#dataHash});
 *   <li>from block 1 on, its orderer signatures (metadata {@code SIGNATURES}: each over the
 *       metadata value, the signature or identifier header and the header's DER bytes) verify
 *       (ECDSA, SHA-256, low S) with certificates chaining to their organisation's roots, and the
 *       valid ones satisfy {@code /Channel/Orderer/BlockValidation} of the configuration in force
 *       (Raft: typically ANY Writers of the ordering organisations; BFT: a quorum of the
 *       consenters, named by the identifier headers);
 *   <li>per transaction: the creator's certificate chains to its organisation's roots and its
 *       signature over the payload verifies; for endorser transactions the transaction id is the
 *       hash of nonce and creator, each action's endorsed response answers its proposal, and each
 *       endorsement's certificate chains and its signature over the proposal response payload and
 *       the endorser verifies; no transaction writes to another organisation's implicit collection
 *       ({@code IMPLICIT_COLLECTION_FOREIGN_WRITE}) and none asserts a timestamp more than the
 *       tolerance before the latest of earlier blocks' valid transactions ({@link Backdating},
 *       {@code TIMESTAMP_OUT_OF_ORDER});
 *   <li>from the genesis block on, each transaction's validation code recomputed by {@link
 *       ValidationReplay} equals the peer's ({@code VALIDATION_CODE_MISMATCH}).
 * </ol>
 *
 * <p>A configuration block is checked under the configuration in force before it and puts its own
 * in force for the blocks after it. Problems never throw: each is a {@link ChainFinding}; those in
 * transactions the peer invalidated (its validation flags, which no orderer signs) are notes
 * instead. Memory is constant per block but for a small bounded cache of checked identities and the
 * replay's state, which grows with the ledger's keys and transactions.
 */
public final class ChainVerifier {

  private static final int IDENTITY_CACHE = 256;

  /** The deprecated LAST_CONFIG metadata index, read only as Fabric's own fallback does. */
  private static final int LAST_CONFIG_INDEX = 1;

  private static final String VALID = TxValidationCode.VALID.name();

  private long expected;
  private byte[] previousHash;
  private ChannelConfig config;
  private final ValidationReplay replay;
  private final Backdating backdating;
  private final Map<ByteString, Object> identities =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteString, Object> eldest) {
          return size() > IDENTITY_CACHE;
        }
      };

  private ChainVerifier(
      long expected,
      byte[] previousHash,
      ChannelConfig config,
      boolean replay,
      Duration timeTolerance) {
    this.expected = expected;
    this.previousHash = previousHash;
    this.config = config;
    this.replay = replay ? new ValidationReplay() : null;
    this.backdating = new Backdating(timeTolerance);
  }

  /**
   * A verifier that starts at the genesis block (block 0, the configuration it carries is the trust
   * anchor: its hash is reported, it carries no signatures).
   *
   * @return the verifier
   */
  public static ChainVerifier fromGenesis() {
    return fromGenesis(Backdating.DEFAULT_TOLERANCE);
  }

  /**
   * A verifier that starts at the genesis block and replays validation (see {@link
   * ValidationReplay}), with a tolerance for backdated transaction timestamps.
   *
   * @param timeTolerance how far before the latest earlier valid transaction's timestamp a
   *     transaction's may lie
   * @return the verifier
   */
  public static ChainVerifier fromGenesis(Duration timeTolerance) {
    return new ChainVerifier(0, null, null, true, timeTolerance);
  }

  /**
   * A verifier that starts at the block after {@code previousNumber}, trusting the caller for that
   * block's header hash and for the configuration in force.
   *
   * @param previousNumber the number of the block before the first one to check
   * @param previousHeaderHash that block's header hash
   * @param configBlock the configuration block in force after it (the one its last configuration
   *     names)
   * @return the verifier
   * @throws IllegalArgumentException if the configuration block cannot be read
   */
  public static ChainVerifier after(
      long previousNumber, byte[] previousHeaderHash, Block configBlock) {
    return after(previousNumber, previousHeaderHash, configBlock, Backdating.DEFAULT_TOLERANCE);
  }

  /**
   * A verifier that starts at the block after {@code previousNumber} (see {@link #after(long,
   * byte[], Block)}), with a tolerance for backdated timestamps. It cannot replay validation: that
   * needs every write from block 0.
   *
   * @param previousNumber the number of the block before the first one to check
   * @param previousHeaderHash that block's header hash
   * @param configBlock the configuration block in force after it
   * @param timeTolerance the tolerance for backdated timestamps
   * @return the verifier
   * @throws IllegalArgumentException if the configuration block cannot be read
   */
  public static ChainVerifier after(
      long previousNumber, byte[] previousHeaderHash, Block configBlock, Duration timeTolerance) {
    try {
      return new ChainVerifier(
          previousNumber + 1,
          previousHeaderHash.clone(),
          ChannelConfig.of(configBlock),
          false,
          timeTolerance);
    } catch (InvalidProtocolBufferException | CertificateException | RuntimeException e) {
      throw new IllegalArgumentException(
          "the configuration block cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The number of a block's last configuration block (Fabric v2+: in the orderer block metadata of
   * the SIGNATURES entry; earlier: the LAST_CONFIG entry).
   *
   * @param block the block
   * @return the configuration block's number
   * @throws InvalidProtocolBufferException if the metadata cannot be parsed
   */
  public static long lastConfigOf(Block block) throws InvalidProtocolBufferException {
    Metadata signatures = Metadata.parseFrom(metadata(block, BlockMetadataIndex.SIGNATURES_VALUE));
    if (!signatures.getValue().isEmpty()) {
      return OrdererBlockMetadata.parseFrom(signatures.getValue()).getLastConfig().getIndex();
    }
    Metadata last = Metadata.parseFrom(metadata(block, LAST_CONFIG_INDEX));
    return LastConfig.parseFrom(last.getValue()).getIndex();
  }

  /**
   * Whether this verifier replays validation (it started at the genesis block).
   *
   * @return true when it does
   */
  public boolean replays() {
    return replay != null;
  }

  /**
   * The number of the next block expected.
   *
   * @return the block number
   */
  public long nextNumber() {
    return expected;
  }

  /**
   * One block's outcome.
   *
   * @param number the block's number as its header says
   * @param headerHash its header hash
   * @param transactions how many envelopes it holds
   * @param findings what is wrong
   * @param notes problems in transactions the peer invalidated
   * @param invalidated per validation code other than VALID, how many transactions have it
   * @param replayed whether validation was replayed (only from block 0)
   * @param recomputed how many transactions' validation codes were recomputed
   */
  public record BlockResult(
      long number,
      byte[] headerHash,
      int transactions,
      List<ChainFinding> findings,
      List<ChainFinding> notes,
      Map<String, Long> invalidated,
      boolean replayed,
      int recomputed) {
    public BlockResult {
      headerHash = headerHash.clone();
      findings = List.copyOf(findings);
      notes = List.copyOf(notes);
      invalidated = java.util.Collections.unmodifiableMap(new TreeMap<>(invalidated));
    }

    @Override
    public byte[] headerHash() {
      return headerHash.clone();
    }
  }

  /**
   * Verifies the next block from its serialized bytes; bytes that do not parse are a finding (and
   * the chain cannot be linked past them).
   *
   * @param bytes the serialized block
   * @return the outcome
   */
  public BlockResult verify(byte[] bytes) {
    try {
      return verify(Block.parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      long number = expected++;
      byte[] unknown = new byte[0];
      previousHash = unknown;
      return new BlockResult(
          number,
          unknown,
          0,
          List.of(blockFinding(number, Reason.BLOCK_MALFORMED, "the block cannot be parsed")),
          List.of(),
          Map.of(),
          replay != null,
          0);
    }
  }

  /**
   * Verifies the next block.
   *
   * @param block the block
   * @return the outcome
   */
  public BlockResult verify(Block block) {
    BlockHeader header = block.getHeader();
    long number = header.getNumber();
    List<ChainFinding> findings = new ArrayList<>();
    List<ChainFinding> notes = new ArrayList<>();
    Map<String, Long> invalidated = new TreeMap<>();
    if (!block.hasHeader() || !block.hasData() || !block.hasMetadata()) {
      findings.add(blockFinding(number, Reason.BLOCK_MALFORMED, "header, data or metadata absent"));
    }
    if (number != expected) {
      findings.add(
          blockFinding(
              number,
              Reason.NUMBER_OUT_OF_SEQUENCE,
              "block " + number + " where block " + expected + " was expected"));
    }
    byte[] wantPrevious = previousHash == null ? new byte[0] : previousHash;
    if (!MessageDigest.isEqual(wantPrevious, header.getPreviousHash().toByteArray())) {
      findings.add(
          blockFinding(
              number,
              Reason.PREVIOUS_HASH_MISMATCH,
              "previous hash "
                  + hex(header.getPreviousHash().toByteArray())
                  + ", the previous header hashes to "
                  + hex(wantPrevious)));
    }
    byte[] dataHash = BlockHashes.dataHash(block.getData());
    if (!MessageDigest.isEqual(dataHash, header.getDataHash().toByteArray())) {
      findings.add(
          blockFinding(
              number,
              Reason.DATA_HASH_MISMATCH,
              "data hash "
                  + hex(header.getDataHash().toByteArray())
                  + ", the data hashes to "
                  + hex(dataHash)));
    }
    boolean genesis = previousHash == null;
    boolean isConfig = ChannelConfig.isConfigBlock(block);
    if (genesis && !isConfig) {
      findings.add(
          blockFinding(number, Reason.CONFIG_MALFORMED, "the first block is not a configuration"));
    }
    if (!genesis && config != null) {
      checkOrdererSignatures(block, findings);
    }

    byte[] flags = metadata(block, BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE);
    int count = block.getData().getDataCount();
    if (flags.length != count && !(genesis && flags.length == 0)) {
      findings.add(
          blockFinding(
              number,
              Reason.VALIDATION_FLAGS_MALFORMED,
              flags.length + " validation flags for " + count + " transactions"));
    }
    List<TxFacts> facts = new ArrayList<>();
    List<String> peerCodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String code = i < flags.length ? codeName(flags[i]) : VALID;
      peerCodes.add(code);
      if (!code.equals(VALID)) {
        invalidated.merge(code, 1L, Long::sum);
      }
      List<ChainFinding> target = code.equals(VALID) ? findings : notes;
      TxFacts tx = checkTransaction(number, i, block.getData().getData(i), code, !genesis, target);
      facts.add(tx);
      if (tx != null) {
        checkOrder(number, tx, code, target);
      }
    }
    backdating.endBlock();
    int recomputed = replay == null ? 0 : replay(number, facts, peerCodes, findings, notes);

    if (isConfig) {
      try {
        config = ChannelConfig.of(block);
        identities.clear();
      } catch (InvalidProtocolBufferException | CertificateException | RuntimeException e) {
        findings.add(
            blockFinding(
                number,
                Reason.CONFIG_MALFORMED,
                "the configuration cannot be read (the previous one stays in force): "
                    + e.getMessage()));
      }
    }
    byte[] headerHash = BlockHashes.headerHash(header);
    previousHash = headerHash;
    expected = number + 1;
    return new BlockResult(
        number, headerHash, count, findings, notes, invalidated, replay != null, recomputed);
  }

  /** Backdated timestamps and writes to another organisation's implicit collection. */
  private void checkOrder(long number, TxFacts tx, String code, List<ChainFinding> target) {
    Tx report = new Tx(number, tx.index(), tx.txId(), code, target, new ArrayList<>());
    backdating
        .check(tx.timestamp(), code.equals(VALID))
        .ifPresent(
            before ->
                report.add(
                    Reason.TIMESTAMP_OUT_OF_ORDER,
                    "its timestamp "
                        + tx.timestamp()
                        + " lies "
                        + before
                        + " before the latest of the earlier blocks' valid transactions (tolerance "
                        + backdating.tolerance()
                        + ")"));
    if (tx.rwSet() == null) {
      return;
    }
    for (TxRwSet.Ns ns : tx.rwSet().namespaces()) {
      for (TxRwSet.Coll coll : ns.collections()) {
        boolean writes =
            coll.hashed().getHashedWritesCount() > 0 || coll.hashed().getMetadataWritesCount() > 0;
        if (writes
            && coll.name().startsWith(TxRwSet.IMPLICIT_PREFIX)
            && !coll.name().equals(TxRwSet.IMPLICIT_PREFIX + tx.creatorMsp())) {
          report.add(
              Reason.IMPLICIT_COLLECTION_FOREIGN_WRITE,
              "a creator of "
                  + tx.creatorMsp()
                  + " writes to "
                  + coll.name()
                  + " of namespace "
                  + ns.name());
        }
      }
    }
  }

  /** Replays validation over the block and compares each code with the peer's. */
  private int replay(
      long number,
      List<TxFacts> facts,
      List<String> peerCodes,
      List<ChainFinding> findings,
      List<ChainFinding> notes) {
    List<String> txIds = new ArrayList<>();
    for (TxFacts tx : facts) {
      txIds.add(tx == null ? "" : tx.txId());
    }
    List<ValidationReplay.Computed> computed = replay.replayBlock(number, config, facts, txIds);
    int recomputed = 0;
    for (int i = 0; i < computed.size(); i++) {
      ValidationReplay.Computed c = computed.get(i);
      String peer = peerCodes.get(i);
      String txId = txIds.get(i);
      for (String note : c.notes()) {
        notes.add(new ChainFinding(number, i, txId, Reason.VALIDATION_NOT_RECOMPUTED, note, peer));
      }
      if (c.code() == null) {
        continue;
      }
      recomputed++;
      if (!c.code().equals(peer)) {
        findings.add(
            new ChainFinding(
                number,
                i,
                txId,
                Reason.VALIDATION_CODE_MISMATCH,
                "the peer recorded "
                    + peer
                    + ", the replay computes "
                    + c.code()
                    + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")"),
                peer));
      }
    }
    return recomputed;
  }

  private void checkOrdererSignatures(Block block, List<ChainFinding> findings) {
    long number = block.getHeader().getNumber();
    Metadata signatures;
    try {
      signatures = Metadata.parseFrom(metadata(block, BlockMetadataIndex.SIGNATURES_VALUE));
    } catch (InvalidProtocolBufferException e) {
      findings.add(
          blockFinding(number, Reason.BLOCK_MALFORMED, "the signatures metadata cannot be parsed"));
      return;
    }
    if (signatures.getSignaturesCount() == 0) {
      findings.add(blockFinding(number, Reason.ORDERER_SIGNATURE_MISSING, "no orderer signature"));
      return;
    }
    byte[] value = signatures.getValue().toByteArray();
    byte[] headerBytes = BlockHashes.headerBytes(block.getHeader());
    List<Signer> valid = new ArrayList<>();
    int index = 0;
    for (MetadataSignature signature : signatures.getSignaturesList()) {
      String which = "orderer signature " + index++;
      Msp msp;
      X509Certificate certificate;
      byte[] signedHeader;
      try {
        if (config.bft()
            && signature.getSignatureHeader().isEmpty()
            && !signature.getIdentifierHeader().isEmpty()) {
          int id = IdentifierHeader.parseFrom(signature.getIdentifierHeader()).getIdentifier();
          ChannelConfig.ConsenterIdentity consenter = config.consenters().get(id);
          if (consenter == null) {
            findings.add(
                blockFinding(
                    number,
                    Reason.ORDERER_SIGNER_NOT_TRUSTED,
                    which + " names consenter " + id + ", not in the consenter set in force"));
            continue;
          }
          msp = config.msps().get(consenter.mspId());
          certificate = consenter.certificate();
          signedHeader = signature.getIdentifierHeader().toByteArray();
        } else {
          SignatureHeader signatureHeader =
              SignatureHeader.parseFrom(signature.getSignatureHeader());
          SerializedIdentity creator = SerializedIdentity.parseFrom(signatureHeader.getCreator());
          msp = config.msps().get(creator.getMspid());
          certificate = ChannelConfig.certificate(creator.getIdBytes());
          signedHeader = signature.getSignatureHeader().toByteArray();
        }
      } catch (InvalidProtocolBufferException | CertificateException | RuntimeException e) {
        findings.add(
            blockFinding(
                number,
                Reason.ORDERER_SIGNATURE_INVALID,
                which + ": its signer cannot be read (" + e.getMessage() + ")"));
        continue;
      }
      String subject = certificate.getSubjectX500Principal().getName();
      if (msp == null || !msp.chains(certificate)) {
        findings.add(
            blockFinding(
                number,
                Reason.ORDERER_SIGNER_NOT_TRUSTED,
                which
                    + " by "
                    + subject
                    + (msp == null
                        ? ", of an organisation the configuration does not hold"
                        : ", not issued by a root of " + msp.mspId())));
        continue;
      }
      Ecdsa.Outcome outcome =
          Ecdsa.verify(
              certificate.getPublicKey(),
              signature.getSignature().toByteArray(),
              value,
              signedHeader,
              headerBytes);
      if (outcome != Ecdsa.Outcome.VALID) {
        findings.add(
            blockFinding(
                number,
                Reason.ORDERER_SIGNATURE_INVALID,
                which
                    + " by "
                    + subject
                    + " of "
                    + msp.mspId()
                    + (outcome == Ecdsa.Outcome.HIGH_S
                        ? ": high-S signature, which Fabric refuses"
                        : " does not verify")));
        continue;
      }
      Signer signer = new Signer(msp, certificate);
      if (valid.stream().noneMatch(s -> s.equals(signer))) {
        valid.add(signer);
      }
    }
    if (!config.blockValidation().satisfiedBy(valid)) {
      findings.add(
          blockFinding(
              number,
              Reason.BLOCK_VALIDATION_POLICY_NOT_SATISFIED,
              valid.size()
                  + " valid orderer signature(s) "
                  + valid.stream().map(Signer::describe).toList()
                  + " do not satisfy /Channel/Orderer/BlockValidation"
                  + (config.bft() ? " (BFT, " + config.consenters().size() + " consenters)" : "")));
    }
  }

  private TxFacts checkTransaction(
      long number,
      int index,
      ByteString envelopeBytes,
      String code,
      boolean checkCreator,
      List<ChainFinding> target) {
    String txId = "";
    if (config == null) {
      target = new ArrayList<>();
    }
    try {
      Envelope envelope = Envelope.parseFrom(envelopeBytes);
      Payload payload = Payload.parseFrom(envelope.getPayload());
      ChannelHeader channelHeader = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
      txId = channelHeader.getTxId();
      SignatureHeader signatureHeader =
          SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
      Tx tx = new Tx(number, index, txId, code, target, new ArrayList<>());
      String creatorMsp = "";
      try {
        creatorMsp = SerializedIdentity.parseFrom(signatureHeader.getCreator()).getMspid();
      } catch (InvalidProtocolBufferException e) {
        // an unreadable creator is reported by the creator check
      }
      if (checkCreator && config != null) {
        Object creator = identity(signatureHeader.getCreator());
        if (creator instanceof String problem) {
          tx.add(Reason.CREATOR_NOT_TRUSTED, "creator " + problem);
        } else {
          Signer signer = (Signer) creator;
          Ecdsa.Outcome outcome =
              Ecdsa.verify(
                  signer.certificate().getPublicKey(),
                  envelope.getSignature().toByteArray(),
                  envelope.getPayload().toByteArray());
          if (outcome != Ecdsa.Outcome.VALID) {
            tx.add(
                Reason.CREATOR_SIGNATURE_INVALID,
                "the signature of creator "
                    + signer.describe()
                    + (outcome == Ecdsa.Outcome.HIGH_S ? " is high-S" : " does not verify"));
          }
        }
      }
      Endorsed endorsed = Endorsed.NONE;
      if (channelHeader.getType() == HeaderType.ENDORSER_TRANSACTION_VALUE) {
        endorsed = checkEndorsements(tx, payload, channelHeader, signatureHeader);
      }
      return new TxFacts(
          index,
          txId,
          channelHeader.getType(),
          channelHeader.hasTimestamp()
              ? Instant.ofEpochSecond(
                  channelHeader.getTimestamp().getSeconds(),
                  channelHeader.getTimestamp().getNanos())
              : null,
          creatorMsp,
          structuralCode(tx.reasons()),
          endorsed.invoked(),
          endorsed.actionChaincode(),
          endorsed.actionVersion(),
          endorsed.rwSet(),
          endorsed.endorsers());
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      target.add(
          new ChainFinding(
              number,
              index,
              txId,
              Reason.TRANSACTION_MALFORMED,
              "the transaction cannot be parsed: " + e.getMessage(),
              code));
      return null;
    }
  }

  /** The code Fabric's checks before validation give (creator first, as Fabric checks it). */
  private static String structuralCode(List<Reason> reasons) {
    if (reasons.contains(Reason.CREATOR_NOT_TRUSTED)
        || reasons.contains(Reason.CREATOR_SIGNATURE_INVALID)) {
      return TxValidationCode.BAD_CREATOR_SIGNATURE.name();
    }
    if (reasons.contains(Reason.TRANSACTION_ID_MISMATCH)) {
      return TxValidationCode.BAD_PROPOSAL_TXID.name();
    }
    if (reasons.contains(Reason.PROPOSAL_HASH_MISMATCH)
        || reasons.contains(Reason.TRANSACTION_MALFORMED)) {
      return TxValidationCode.INVALID_ENDORSER_TRANSACTION.name();
    }
    return null;
  }

  /**
   * What an endorser transaction's (first) action carries for validation.
   *
   * @param invoked the chaincode the header invokes
   * @param actionChaincode the chaincode the action names
   * @param actionVersion the version the action names
   * @param rwSet the read-write set (null when it cannot be parsed)
   * @param endorsers the distinct valid endorsers
   */
  private record Endorsed(
      String invoked,
      String actionChaincode,
      String actionVersion,
      TxRwSet rwSet,
      List<Signer> endorsers) {
    static final Endorsed NONE = new Endorsed("", "", "", null, List.of());
  }

  private Endorsed checkEndorsements(
      Tx tx, Payload payload, ChannelHeader channelHeader, SignatureHeader signatureHeader)
      throws InvalidProtocolBufferException {
    String invoked =
        ChaincodeHeaderExtension.parseFrom(channelHeader.getExtension()).getChaincodeId().getName();
    Endorsed first = null;
    MessageDigest digest = BlockHashes.sha256();
    digest.update(signatureHeader.getNonce().toByteArray());
    digest.update(signatureHeader.getCreator().toByteArray());
    String computed = hex(digest.digest());
    if (!computed.equals(channelHeader.getTxId())) {
      tx.add(Reason.TRANSACTION_ID_MISMATCH, "the nonce and creator hash to " + computed);
    }
    Transaction transaction = Transaction.parseFrom(payload.getData());
    if (transaction.getActionsCount() == 0) {
      tx.add(Reason.ENDORSEMENT_MISSING, "an endorser transaction without actions");
    } else if (transaction.getActionsCount() > 1) {
      tx.reasons().add(Reason.TRANSACTION_MALFORMED);
    }
    for (TransactionAction action : transaction.getActionsList()) {
      ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(action.getPayload());
      ChaincodeEndorsedAction endorsed = actionPayload.getAction();
      ByteString responsePayload = endorsed.getProposalResponsePayload();
      ProposalResponsePayload prp = ProposalResponsePayload.parseFrom(responsePayload);
      if (!Endorsements.proposalHashMatches(
          payload.getHeader().getChannelHeader(),
          action.getHeader(),
          actionPayload.getChaincodeProposalPayload(),
          prp)) {
        tx.add(
            Reason.PROPOSAL_HASH_MISMATCH,
            "the endorsed response's proposal hash is not the proposal's");
      }
      if (endorsed.getEndorsementsCount() == 0) {
        tx.add(Reason.ENDORSEMENT_MISSING, "an action without endorsements");
      }
      List<Signer> valid = new ArrayList<>();
      for (Endorsement endorsement : endorsed.getEndorsementsList()) {
        Object endorser = identity(endorsement.getEndorser());
        if (endorser instanceof String problem) {
          tx.add(Reason.ENDORSER_NOT_TRUSTED, "endorser " + problem);
          continue;
        }
        Signer signer = (Signer) endorser;
        Ecdsa.Outcome outcome =
            Ecdsa.verify(
                signer.certificate().getPublicKey(),
                endorsement.getSignature().toByteArray(),
                responsePayload.toByteArray(),
                endorsement.getEndorser().toByteArray());
        if (outcome != Ecdsa.Outcome.VALID) {
          tx.add(
              Reason.ENDORSEMENT_SIGNATURE_INVALID,
              "the endorsement of "
                  + signer.describe()
                  + (outcome == Ecdsa.Outcome.HIGH_S ? " is high-S" : " does not verify"));
        } else if (!valid.contains(signer)) {
          valid.add(signer);
        }
      }
      if (first == null) {
        ChaincodeAction chaincodeAction = ChaincodeAction.parseFrom(prp.getExtension());
        TxRwSet rwSet;
        try {
          rwSet = TxRwSet.parse(chaincodeAction.getResults());
        } catch (InvalidProtocolBufferException e) {
          rwSet = null;
        }
        first =
            new Endorsed(
                invoked,
                chaincodeAction.getChaincodeId().getName(),
                chaincodeAction.getChaincodeId().getVersion(),
                rwSet,
                valid);
      }
    }
    return first == null ? new Endorsed(invoked, "", "", null, List.of()) : first;
  }

  /** The checked identity of a serialized identity (a {@link Signer}), or why not (a String). */
  private Object identity(ByteString serialized) {
    Object known = identities.get(serialized);
    if (known != null) {
      return known;
    }
    Object result;
    try {
      SerializedIdentity identity = SerializedIdentity.parseFrom(serialized);
      Msp msp = config.msps().get(identity.getMspid());
      if (msp == null) {
        result =
            "of '"
                + identity.getMspid()
                + "', an organisation the configuration in force does not hold";
      } else {
        X509Certificate certificate = ChannelConfig.certificate(identity.getIdBytes());
        result =
            msp.chains(certificate)
                ? new Signer(msp, certificate)
                : certificate.getSubjectX500Principal().getName()
                    + " of "
                    + msp.mspId()
                    + " is not issued by a root of "
                    + msp.mspId()
                    + " in the configuration in force";
      }
    } catch (InvalidProtocolBufferException | CertificateException | RuntimeException e) {
      result = "cannot be read (" + e.getMessage() + ")";
    }
    identities.put(serialized, result);
    return result;
  }

  /** Collects one transaction's problems. */
  private record Tx(
      long number,
      int index,
      String txId,
      String code,
      List<ChainFinding> target,
      List<Reason> reasons) {
    void add(Reason reason, String detail) {
      reasons.add(reason);
      target.add(new ChainFinding(number, index, txId, reason, detail, code));
    }
  }

  private static ChainFinding blockFinding(long number, Reason reason, String detail) {
    return new ChainFinding(number, -1, "", reason, detail, "");
  }

  private static byte[] metadata(Block block, int index) {
    return index < block.getMetadata().getMetadataCount()
        ? block.getMetadata().getMetadata(index).toByteArray()
        : new byte[0];
  }

  private static String codeName(byte flag) {
    TxValidationCode code = TxValidationCode.forNumber(flag & 0xff);
    return code == null ? "CODE_" + (flag & 0xff) : code.name();
  }

  /**
   * Lowercase hex.
   *
   * @param bytes the bytes
   * @return the hex string
   */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
