package org.servicerecords.registry.client.internal.proof;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.IdentifierHeader;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.servicerecords.registry.client.DocumentHash;
import org.servicerecords.registry.client.ProofCheck;
import org.servicerecords.registry.client.ProofCheck.Check;
import org.servicerecords.registry.client.ProofCheck.Status;
import org.servicerecords.registry.client.ProofFailure;
import org.servicerecords.registry.client.ProofReport;
import org.servicerecords.registry.client.TrustRoots;
import org.servicerecords.registry.client.internal.audit.chain.BlockHashes;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verdict;
import org.servicerecords.registry.model.Verification;

/**
 * Verifies a portable proof offline against given roots (docs/proofs.md, "Checks"). Every check
 * runs on what the file holds; a failed check names its {@link ProofFailure}; nothing is read from
 * the network.
 */
public final class ProofChecker {

  /** The NodeOU of peers. */
  static final String PEER_OU = "peer";

  /** The NodeOU of orderers. */
  static final String ORDERER_OU = "orderer";

  /** The question an attestation must answer, as the records contract names it. */
  static final String VERIFY_RECORD = "records:VerifyRecord";

  /** The largest proof read. */
  public static final int MAX_PROOF_BYTES = 64 * 1024 * 1024;

  private final ProofSigners signers;

  /**
   * A checker trusting these roots.
   *
   * @param roots the consortium's roots
   */
  public ProofChecker(TrustRoots roots) {
    this.signers = new ProofSigners(Objects.requireNonNull(roots, "roots"));
  }

  /** What the file holds, decoded. */
  private record Decoded(
      ProofFile file,
      BlockHeader header,
      List<ByteString> envelopes,
      ByteString signatures,
      ByteString attestation,
      ConfigDecoded config) {}

  /** The configuration block of a version-2 proof, decoded. */
  private record ConfigDecoded(BlockHeader header, ByteString envelope, ByteString signatures) {}

  /** What a report says about the proof, filled in as checks read it. */
  private static final class Facts {
    String namespace = "";
    String recordId = "";
    String documentHash = "";
    String transactionId = "";
    long blockNumber = -1;
    String anchoredAt = "";
    Verdict attestedVerdict;
    String attestedAt = "";
    List<String> attestedBy = List.of();
  }

  /**
   * Verifies a proof.
   *
   * @param proof the file's bytes
   * @param documentHash a document's SHA-256 to compare, or {@code null}
   * @return the report
   */
  public ProofReport verify(byte[] proof, String documentHash) {
    Objects.requireNonNull(proof, "proof");
    List<ProofCheck> checks = new ArrayList<>();
    Facts facts = new Facts();
    Decoded decoded;
    try {
      decoded = decode(proof);
      checks.add(
          passed(
              Check.FORMAT,
              "a version "
                  + decoded.file().version()
                  + " proof in its canonical form (JSON, base64, block header); the block holds "
                  + decoded.envelopes().size()
                  + " envelope(s)"));
    } catch (ProofProblem e) {
      checks.add(failed(Check.FORMAT, e));
      for (Check check : List.of(Check.BLOCK, Check.TRANSACTION, Check.RECORD, Check.ATTESTATION)) {
        checks.add(skipped(check, "the file could not be read"));
      }
      checks.add(skipped(Check.DOCUMENT, "the file could not be read"));
      return report(checks, facts);
    }
    ProofFile file = decoded.file();
    facts.namespace = file.namespace();
    facts.recordId = file.recordId();
    facts.documentHash = file.documentHash();
    facts.transactionId = file.transactionId();
    facts.blockNumber = file.blockNumber();
    facts.anchoredAt = file.record().timestamp() == null ? "" : file.record().timestamp();

    checks.add(run(Check.BLOCK, () -> checkBlock(decoded)));
    checks.add(run(Check.TRANSACTION, () -> checkTransaction(decoded)));
    checks.add(run(Check.RECORD, () -> checkRecord(decoded)));
    checks.add(run(Check.ATTESTATION, () -> checkAttestation(decoded, facts)));
    if (documentHash == null) {
      checks.add(skipped(Check.DOCUMENT, "no document given"));
    } else {
      checks.add(run(Check.DOCUMENT, () -> checkDocument(file, documentHash)));
    }
    return report(checks, facts);
  }

  private static ProofReport report(List<ProofCheck> checks, Facts facts) {
    boolean verified =
        checks.stream()
            .allMatch(
                c ->
                    c.status() == Status.PASSED
                        || (c.check() == Check.DOCUMENT && c.status() == Status.SKIPPED));
    return new ProofReport(
        verified,
        checks,
        facts.namespace,
        facts.recordId,
        facts.documentHash,
        facts.transactionId,
        facts.blockNumber,
        facts.anchoredAt,
        facts.attestedVerdict,
        facts.attestedAt,
        facts.attestedBy);
  }

  @FunctionalInterface
  private interface Step {
    String run() throws ProofProblem;
  }

  private static ProofCheck run(Check check, Step step) {
    try {
      return passed(check, step.run());
    } catch (ProofProblem e) {
      return failed(check, e);
    } catch (RuntimeException e) {
      // Anything unforeseen in a hostile file is a malformed proof, never a crash.
      return new ProofCheck(
          check,
          Status.FAILED,
          ProofFailure.PROOF_MALFORMED,
          "unreadable: " + e.getClass().getSimpleName());
    }
  }

  private static ProofCheck passed(Check check, String detail) {
    return new ProofCheck(check, Status.PASSED, null, detail);
  }

  private static ProofCheck failed(Check check, ProofProblem e) {
    return new ProofCheck(check, Status.FAILED, e.reason(), e.getMessage());
  }

  private static ProofCheck skipped(Check check, String why) {
    return new ProofCheck(check, Status.SKIPPED, null, why);
  }

  // ---------------------------------------------------------------- format

  private static Decoded decode(byte[] proof) throws ProofProblem {
    if (proof.length > MAX_PROOF_BYTES) {
      throw new ProofProblem(ProofFailure.PROOF_MALFORMED, "larger than 64 MiB");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(proof))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ProofProblem(ProofFailure.PROOF_MALFORMED, "not UTF-8 text");
    }
    ProofFile file;
    try {
      file = CanonicalJson.fromJson(text, ProofFile.class);
    } catch (RuntimeException e) {
      throw new ProofProblem(ProofFailure.PROOF_MALFORMED, "not a proof's JSON: " + e.getMessage());
    }
    if (!ProofFile.FORMAT.equals(file.format())) {
      throw new ProofProblem(ProofFailure.UNSUPPORTED_VERSION, "format is not " + ProofFile.FORMAT);
    }
    if (file.version() != ProofFile.VERSION && file.version() != ProofFile.BFT_VERSION) {
      throw new ProofProblem(
          ProofFailure.UNSUPPORTED_VERSION,
          "version "
              + file.version()
              + ", this verifier reads "
              + ProofFile.VERSION
              + " and "
              + ProofFile.BFT_VERSION);
    }
    requirePresent(file);
    if (!text.equals(canonicalText(file))) {
      throw new ProofProblem(
          ProofFailure.NOT_CANONICAL,
          "the file is not the canonical JSON of its content (sorted keys, no blanks, one final"
              + " newline)");
    }
    ProofFile.BlockPart block = file.block();
    BlockHeader header =
        Strict.parse(BlockHeader.parser(), Strict.base64(block.header(), "block.header"), "header");
    List<ByteString> envelopes = new ArrayList<>();
    for (int i = 0; i < block.envelopes().size(); i++) {
      envelopes.add(Strict.base64(block.envelopes().get(i), "block.envelopes[" + i + "]"));
    }
    ByteString signatures = Strict.base64(block.ordererSignatures(), "block.ordererSignatures");
    ByteString attestation = Strict.base64(file.attestation().envelope(), "attestation.envelope");
    ConfigDecoded config = null;
    if (file.configBlock() != null) {
      ProofFile.ConfigBlockPart part = file.configBlock();
      config =
          new ConfigDecoded(
              Strict.parse(
                  BlockHeader.parser(),
                  Strict.base64(part.header(), "configBlock.header"),
                  "the configuration block's header"),
              Strict.base64(part.envelope(), "configBlock.envelope"),
              Strict.base64(part.ordererSignatures(), "configBlock.ordererSignatures"));
    }
    return new Decoded(file, header, envelopes, signatures, attestation, config);
  }

  /**
   * The canonical text of a proof: its canonical JSON and one newline.
   *
   * @param file the proof
   * @return the text
   */
  static String canonicalText(ProofFile file) {
    return CanonicalJson.toJson(file) + "\n";
  }

  private static void requirePresent(ProofFile file) throws ProofProblem {
    List<Object> fields =
        java.util.Arrays.asList(
            file.channel(),
            file.namespace(),
            file.recordId(),
            file.documentHash(),
            file.transactionId(),
            file.record(),
            file.block(),
            file.attestation());
    if (fields.contains(null)) {
      throw new ProofProblem(ProofFailure.PROOF_MALFORMED, "a field of the proof is missing");
    }
    ProofFile.BlockPart block = file.block();
    if (block.header() == null
        || block.envelopes() == null
        || block.envelopes().isEmpty()
        || block.ordererSignatures() == null
        || block.peerValidationCode() == null
        || file.attestation().envelope() == null
        || file.attestation().answer() == null) {
      throw new ProofProblem(ProofFailure.PROOF_MALFORMED, "a field of the proof is missing");
    }
    boolean bft = file.version() == ProofFile.BFT_VERSION;
    if (bft != (file.configBlock() != null)) {
      throw new ProofProblem(
          ProofFailure.PROOF_MALFORMED,
          bft
              ? "a version " + ProofFile.BFT_VERSION + " proof without its configBlock"
              : "a version " + ProofFile.VERSION + " proof with a configBlock");
    }
    if (bft
        && (file.configBlock().header() == null
            || file.configBlock().envelope() == null
            || file.configBlock().ordererSignatures() == null)) {
      throw new ProofProblem(ProofFailure.PROOF_MALFORMED, "a field of the configBlock is missing");
    }
    if (block.transactionIndex() < 0 || block.transactionIndex() >= block.envelopes().size()) {
      throw new ProofProblem(
          ProofFailure.PROOF_MALFORMED, "the transaction index is not one of the envelopes'");
    }
  }

  // ---------------------------------------------------------------- block

  private String checkBlock(Decoded d) throws ProofProblem {
    ProofFile file = d.file();
    BlockHeader header = d.header();
    if (header.getNumber() != file.blockNumber()) {
      throw restated(
          "blockNumber " + file.blockNumber() + ", the header says " + header.getNumber());
    }
    byte[] dataHash =
        BlockHashes.dataHash(BlockData.newBuilder().addAllData(d.envelopes()).build());
    if (!MessageDigest.isEqual(dataHash, header.getDataHash().toByteArray())) {
      throw new ProofProblem(
          ProofFailure.DATA_HASH_MISMATCH,
          "the header's data hash is "
              + hex(header.getDataHash())
              + ", the envelopes hash to "
              + hex(ByteString.copyFrom(dataHash)));
    }
    ByteString anchoring = d.envelopes().get(file.block().transactionIndex());
    Envelope envelope = Strict.parse(Envelope.parser(), anchoring, "the anchoring envelope");
    Payload payload = Strict.parse(Payload.parser(), envelope.getPayload(), "its payload");
    ChannelHeader channelHeader =
        Strict.parse(
            ChannelHeader.parser(), payload.getHeader().getChannelHeader(), "its channel header");
    if (!channelHeader.getTxId().equals(file.transactionId())) {
      throw restated(
          "envelope "
              + file.block().transactionIndex()
              + " is transaction "
              + channelHeader.getTxId()
              + ", not "
              + file.transactionId());
    }
    List<String> signedBy = checkOrdererSignatures(d);
    if (!"VALID".equals(file.block().peerValidationCode())) {
      throw new ProofProblem(
          ProofFailure.TRANSACTION_NOT_VALID,
          "the peer recorded the transaction as " + file.block().peerValidationCode());
    }
    return "block "
        + header.getNumber()
        + " (header hash "
        + hex(ByteString.copyFrom(BlockHashes.headerHash(header)))
        + ") holds transaction "
        + file.transactionId()
        + " as envelope "
        + file.block().transactionIndex()
        + " of "
        + d.envelopes().size()
        + " (data hash over all of them); its header is signed by orderer "
        + String.join(", ", signedBy)
        + "; the exporting peer's validation flag VALID (signed by nobody)";
  }

  private List<String> checkOrdererSignatures(Decoded d) throws ProofProblem {
    Metadata metadata = Strict.parse(Metadata.parser(), d.signatures(), "the orderer signatures");
    if (metadata.getSignaturesCount() == 0) {
      throw new ProofProblem(ProofFailure.ORDERER_SIGNATURE_MISSING, "no orderer signature");
    }
    boolean bftSigned =
        metadata.getSignaturesList().stream().anyMatch(s -> s.getSignatureHeader().isEmpty());
    if (d.config() != null) {
      if (!bftSigned) {
        throw new ProofProblem(
            ProofFailure.CONFIGURATION_MISMATCH,
            "a version "
                + ProofFile.BFT_VERSION
                + " proof of a block signed with signature headers, not by BFT consenter ids");
      }
      return checkBftSignatures(d, metadata);
    }
    byte[] headerBytes = BlockHashes.headerBytes(d.header());
    List<String> signedBy = new ArrayList<>();
    int index = 0;
    for (MetadataSignature signature : metadata.getSignaturesList()) {
      String which = "orderer signature " + index++;
      if (signature.getSignatureHeader().isEmpty()) {
        throw new ProofProblem(
            ProofFailure.UNSUPPORTED,
            which
                + " names its signer by a BFT consenter id, which a version "
                + ProofFile.VERSION
                + " proof cannot resolve (it holds no configuration block)");
      }
      SignatureHeader signatureHeader =
          Strict.parse(SignatureHeader.parser(), signature.getSignatureHeader(), which);
      ProofSigners.Signer signer = signers.trusted(signatureHeader.getCreator(), ORDERER_OU, which);
      signers.verify(
          signer,
          signature.getSignature(),
          which,
          metadata.getValue().toByteArray(),
          signature.getSignatureHeader().toByteArray(),
          headerBytes);
      if (!signedBy.contains(signer.describe())) {
        signedBy.add(signer.describe());
      }
    }
    return signedBy;
  }

  /**
   * The BFT signatures of a version-2 proof: the configuration block in force (the last
   * configuration the block's signed orderer metadata names) is checked first — its data hash, its
   * consenters' certificates against the roots (orderer NodeOU), and its own signatures under its
   * own consenter mapping (none for the genesis block, which no orderer signs) — then the block's
   * signatures under the same mapping.
   */
  private List<String> checkBftSignatures(Decoded d, Metadata metadata) throws ProofProblem {
    ConfigDecoded config = d.config();
    long lastConfig;
    try {
      lastConfig = OrdererBlockMetadata.parseFrom(metadata.getValue()).getLastConfig().getIndex();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new ProofProblem(
          ProofFailure.PROOF_MALFORMED, "the block's orderer metadata value does not parse");
    }
    long number = config.header().getNumber();
    if (number != lastConfig) {
      throw new ProofProblem(
          ProofFailure.CONFIGURATION_MISMATCH,
          "the proof holds configuration block "
              + number
              + ", the block's signed orderer metadata names block "
              + lastConfig
              + " as its last configuration");
    }
    byte[] dataHash =
        BlockHashes.dataHash(BlockData.newBuilder().addData(config.envelope()).build());
    if (!MessageDigest.isEqual(dataHash, config.header().getDataHash().toByteArray())) {
      throw new ProofProblem(
          ProofFailure.DATA_HASH_MISMATCH,
          "the configuration block's data hash is "
              + hex(config.header().getDataHash())
              + ", its envelope hashes to "
              + hex(ByteString.copyFrom(dataHash)));
    }
    BftConfiguration configuration = BftConfiguration.read(config.envelope(), d.file().channel());
    Map<Integer, ProofSigners.Signer> consenters = new java.util.TreeMap<>();
    for (Map.Entry<Integer, ByteString> consenter : configuration.consenters().entrySet()) {
      consenters.put(
          consenter.getKey(),
          signers.trusted(consenter.getValue(), ORDERER_OU, "consenter " + consenter.getKey()));
    }
    String configSigned;
    if (number == 0 && config.signatures().isEmpty()) {
      // The genesis block carries no orderer signature: its header must be a genesis header.
      if (!config.header().getPreviousHash().isEmpty()) {
        throw new ProofProblem(
            ProofFailure.CONFIGURATION_MISMATCH,
            "configuration block 0 names a previous block; a genesis block has none");
      }
      configSigned = "the genesis block, which no orderer signs";
    } else {
      if (config.signatures().isEmpty()) {
        throw new ProofProblem(
            ProofFailure.ORDERER_SIGNATURE_MISSING,
            "configuration block " + number + " carries no orderer signature");
      }
      Metadata configMetadata =
          Strict.parse(
              Metadata.parser(),
              config.signatures(),
              "the configuration block's orderer signatures");
      List<Integer> signed =
          bftQuorum(
              config.header(), configMetadata, configuration, consenters, "configuration block");
      configSigned = "signed by consenters " + signed + " of its own mapping";
    }
    List<Integer> signed = bftQuorum(d.header(), metadata, configuration, consenters, "block");
    List<String> described = new ArrayList<>();
    for (Integer id : signed) {
      described.add("consenter " + id + " (" + consenters.get(id).describe() + ")");
    }
    return List.of(
        String.join(", ", described)
            + ", a BFT quorum of "
            + configuration.quorum()
            + " of the "
            + consenters.size()
            + " consenters of configuration block "
            + number
            + " ("
            + configSigned
            + "; every consenter's certificate chains to the roots with the orderer NodeOU)");
  }

  /**
   * Checks BFT signatures over a header: each names a consenter of the mapping by its identifier
   * header and verifies over {@code value ‖ identifier_header ‖ DER(header)}; the distinct signers
   * reach the quorum. Returns the signers' ids.
   */
  private List<Integer> bftQuorum(
      BlockHeader header,
      Metadata metadata,
      BftConfiguration configuration,
      Map<Integer, ProofSigners.Signer> consenters,
      String what)
      throws ProofProblem {
    String block = what + " " + header.getNumber();
    if (metadata.getSignaturesCount() == 0) {
      throw new ProofProblem(
          ProofFailure.ORDERER_SIGNATURE_MISSING, block + " carries no orderer signature");
    }
    byte[] headerBytes = BlockHashes.headerBytes(header);
    java.util.Set<Integer> valid = new java.util.TreeSet<>();
    int index = 0;
    for (MetadataSignature signature : metadata.getSignaturesList()) {
      String which = block + "'s orderer signature " + index++;
      if (!signature.getSignatureHeader().isEmpty() || signature.getIdentifierHeader().isEmpty()) {
        throw new ProofProblem(
            ProofFailure.PROOF_MALFORMED, which + " is not a BFT signature (identifier header)");
      }
      int id =
          Strict.parse(IdentifierHeader.parser(), signature.getIdentifierHeader(), which)
              .getIdentifier();
      ProofSigners.Signer signer = consenters.get(id);
      if (signer == null) {
        throw new ProofProblem(
            ProofFailure.UNKNOWN_CONSENTER,
            which
                + " names consenter "
                + id
                + ", which the configuration's consenter mapping "
                + consenters.keySet()
                + " does not hold");
      }
      signers.verify(
          signer,
          signature.getSignature(),
          which + " of consenter " + id,
          metadata.getValue().toByteArray(),
          signature.getIdentifierHeader().toByteArray(),
          headerBytes);
      valid.add(id);
    }
    if (valid.size() < configuration.quorum()) {
      throw new ProofProblem(
          ProofFailure.QUORUM_NOT_REACHED,
          block
              + " is signed by consenters "
              + valid
              + ": "
              + valid.size()
              + " of the "
              + consenters.size()
              + " consenters, the BFT quorum is "
              + configuration.quorum());
    }
    return List.copyOf(valid);
  }

  // ---------------------------------------------------------------- transaction

  /** The anchoring transaction's parts. */
  private record Endorsed(
      ChannelHeader channelHeader,
      SignatureHeader signatureHeader,
      Payload payload,
      Envelope envelope,
      ProposalResponsePayload response,
      ChaincodeAction action,
      ChaincodeInvocationSpec invocation,
      List<Endorsement> endorsements,
      ByteString responseBytes) {}

  private static Endorsed endorsed(ByteString envelopeBytes, String what, String channel)
      throws ProofProblem {
    Envelope envelope = Strict.parse(Envelope.parser(), envelopeBytes, what);
    Payload payload = Strict.parse(Payload.parser(), envelope.getPayload(), what + "'s payload");
    ChannelHeader channelHeader =
        Strict.parse(
            ChannelHeader.parser(),
            payload.getHeader().getChannelHeader(),
            what + "'s channel header");
    SignatureHeader signatureHeader =
        Strict.parse(
            SignatureHeader.parser(),
            payload.getHeader().getSignatureHeader(),
            what + "'s signature header");
    if (channelHeader.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
      throw new ProofProblem(
          ProofFailure.PROOF_MALFORMED, what + " is not an endorser transaction");
    }
    if (!channelHeader.getChannelId().equals(channel)) {
      throw restated(
          "channel " + channel + ", " + what + " is of channel " + channelHeader.getChannelId());
    }
    String computed =
        HexFormat.of()
            .formatHex(
                sha256(
                    signatureHeader.getNonce().toByteArray(),
                    signatureHeader.getCreator().toByteArray()));
    if (!computed.equals(channelHeader.getTxId())) {
      throw new ProofProblem(
          ProofFailure.TRANSACTION_ID_MISMATCH,
          what
              + "'s id "
              + channelHeader.getTxId()
              + " is not SHA-256(nonce ‖ creator) "
              + computed);
    }
    Transaction transaction =
        Strict.parse(Transaction.parser(), payload.getData(), what + "'s transaction");
    if (transaction.getActionsCount() != 1) {
      throw new ProofProblem(
          ProofFailure.PROOF_MALFORMED,
          what + " holds " + transaction.getActionsCount() + " actions, not 1");
    }
    TransactionAction action = transaction.getActions(0);
    if (!action.getHeader().equals(payload.getHeader().getSignatureHeader())) {
      throw new ProofProblem(
          ProofFailure.PROOF_MALFORMED, what + "'s action header is not its signature header");
    }
    ChaincodeActionPayload actionPayload =
        Strict.parse(ChaincodeActionPayload.parser(), action.getPayload(), what + "'s action");
    ByteString responseBytes = actionPayload.getAction().getProposalResponsePayload();
    ProposalResponsePayload response =
        Strict.parse(ProposalResponsePayload.parser(), responseBytes, what + "'s response");
    byte[] proposalHash =
        sha256(
            payload.getHeader().getChannelHeader().toByteArray(),
            payload.getHeader().getSignatureHeader().toByteArray(),
            actionPayload.getChaincodeProposalPayload().toByteArray());
    if (!MessageDigest.isEqual(proposalHash, response.getProposalHash().toByteArray())) {
      throw new ProofProblem(
          ProofFailure.PROPOSAL_HASH_MISMATCH,
          what + "'s endorsed response does not answer its proposal (proposal hash)");
    }
    ChaincodeProposalPayload proposal =
        Strict.parse(
            ChaincodeProposalPayload.parser(),
            actionPayload.getChaincodeProposalPayload(),
            what + "'s proposal");
    ChaincodeInvocationSpec invocation =
        Strict.parse(ChaincodeInvocationSpec.parser(), proposal.getInput(), what + "'s invocation");
    ChaincodeAction chaincodeAction =
        Strict.parse(
            ChaincodeAction.parser(), response.getExtension(), what + "'s chaincode action");
    return new Endorsed(
        channelHeader,
        signatureHeader,
        payload,
        envelope,
        response,
        chaincodeAction,
        invocation,
        actionPayload.getAction().getEndorsementsList(),
        responseBytes);
  }

  /**
   * Checks every endorsement and returns the endorsing peers per organisation, in order; at least
   * two organisations, one of them {@code owner}.
   */
  private Map<String, String> checkEndorsements(Endorsed e, String owner, String what)
      throws ProofProblem {
    Map<String, String> byOrganization = new LinkedHashMap<>();
    int index = 0;
    for (Endorsement endorsement : e.endorsements()) {
      String which = what + "'s endorsement " + index++;
      ProofSigners.Signer signer = signers.trusted(endorsement.getEndorser(), PEER_OU, which);
      signers.verify(
          signer,
          endorsement.getSignature(),
          which,
          e.responseBytes().toByteArray(),
          endorsement.getEndorser().toByteArray());
      byOrganization.putIfAbsent(signer.mspId(), signer.subject());
    }
    if (byOrganization.size() < 2 || !byOrganization.containsKey(owner)) {
      throw new ProofProblem(
          ProofFailure.TOO_FEW_ORGANISATIONS,
          what
              + " is endorsed by peers of "
              + byOrganization.keySet()
              + ": at least two organisations, one of them "
              + owner
              + ", are needed");
    }
    return byOrganization;
  }

  private Endorsed anchoring(Decoded d) throws ProofProblem {
    return endorsed(
        d.envelopes().get(d.file().block().transactionIndex()),
        "the anchoring transaction",
        d.file().channel());
  }

  private String checkTransaction(Decoded d) throws ProofProblem {
    ProofFile file = d.file();
    Endorsed e = anchoring(d);
    if (!e.channelHeader().getTxId().equals(file.transactionId())) {
      throw restated(
          "transactionId "
              + file.transactionId()
              + ", the envelope is "
              + e.channelHeader().getTxId());
    }
    ProofSigners.Signer creator =
        signers.trusted(e.signatureHeader().getCreator(), null, "the creator");
    signers.verify(
        creator,
        e.envelope().getSignature(),
        "the creator's signature",
        e.envelope().getPayload().toByteArray());
    String chaincode = e.invocation().getChaincodeSpec().getChaincodeId().getName();
    if (!chaincode.equals(file.namespace())) {
      throw restated("namespace " + file.namespace() + ", the transaction invokes " + chaincode);
    }
    Map<String, String> endorsers =
        checkEndorsements(e, creator.mspId(), "the anchoring transaction");
    return "transaction "
        + file.transactionId()
        + " (its id is SHA-256 of nonce and creator) was signed by its creator "
        + creator.describe()
        + " and invokes "
        + chaincode
        + "; its response answers the proposal (proposal hash) and is signed by peers of "
        + endorsers.size()
        + " organisations: "
        + describe(endorsers)
        + " (the co-endorsement rule: the owner and another organisation)";
  }

  // ---------------------------------------------------------------- record

  private String checkRecord(Decoded d) throws ProofProblem {
    ProofFile file = d.file();
    Endorsed e = anchoring(d);
    RegistryRecord record = file.record();
    ChaincodeAction action = e.action();
    if (!action.getChaincodeId().getName().equals(file.namespace())) {
      throw restated(
          "namespace "
              + file.namespace()
              + ", the response is of "
              + action.getChaincodeId().getName());
    }
    TxReadWriteSet rwset =
        Strict.parse(TxReadWriteSet.parser(), action.getResults(), "the transaction's write set");
    byte[] written = null;
    String key = "\u0000rec\u0000" + file.recordId() + "\u0000";
    for (NsReadWriteSet ns : rwset.getNsRwsetList()) {
      if (!ns.getNamespace().equals(file.namespace())) {
        continue;
      }
      KVRWSet kv = Strict.parse(KVRWSet.parser(), ns.getRwset(), "the namespace's write set");
      for (KVWrite write : kv.getWritesList()) {
        if (write.getKey().equals(key) && !write.getIsDelete()) {
          written = write.getValue().toByteArray();
        }
      }
    }
    if (written == null) {
      throw restated(
          "record "
              + file.recordId()
              + ", which the transaction does not write in "
              + file.namespace());
    }
    if (!MessageDigest.isEqual(written, CanonicalJson.toBytes(record))) {
      throw restated("record: it is not the value the transaction wrote for " + file.recordId());
    }
    String timestamp = instant(e.channelHeader().getTimestamp());
    if (!file.recordId().equals(record.id())
        || !file.documentHash().equals(record.documentHash())
        || !file.transactionId().equals(record.txId())
        || !timestamp.equals(record.timestamp())) {
      throw restated("recordId, documentHash or the record's txId and timestamp");
    }
    String creatorMsp =
        Strict.parse(SerializedIdentity.parser(), e.signatureHeader().getCreator(), "the creator")
            .getMspid();
    if (!creatorMsp.equals(record.issuerMsp())) {
      throw restated("issuerMsp " + record.issuerMsp() + ", the creator is of " + creatorMsp);
    }
    return "record "
        + record.id()
        + " ("
        + record.kind()
        + " "
        + record.documentType()
        + ", document SHA-256 "
        + record.documentHash()
        + ", issuer "
        + record.issuerMsp()
        + ", valid from "
        + record.validFrom()
        + (record.validUntil() == null ? "" : " until " + record.validUntil())
        + ", status "
        + record.status()
        + ") is exactly the value the transaction wrote in "
        + file.namespace()
        + " at "
        + timestamp
        + " (the creator's asserted time)";
  }

  // ---------------------------------------------------------------- attestation

  private String checkAttestation(Decoded d, Facts facts) throws ProofProblem {
    ProofFile file = d.file();
    Endorsed e = endorsed(d.attestation(), "the attestation", file.channel());
    Verification answer = file.attestation().answer();
    String chaincode = e.invocation().getChaincodeSpec().getChaincodeId().getName();
    List<String> args =
        e.invocation().getChaincodeSpec().getInput().getArgsList().stream()
            .map(ByteString::toStringUtf8)
            .toList();
    if (!chaincode.equals(file.namespace())
        || !args.equals(List.of(VERIFY_RECORD, file.recordId(), ""))) {
      throw new ProofProblem(
          ProofFailure.ATTESTATION_MISMATCH,
          "the attestation asks "
              + chaincode
              + " "
              + args
              + ", not VerifyRecord of the record now");
    }
    ChaincodeAction action = e.action();
    if (!action.getChaincodeId().getName().equals(file.namespace())
        || action.getResponse().getStatus() != 200) {
      throw new ProofProblem(
          ProofFailure.ATTESTATION_MISMATCH,
          "the attested response is of "
              + action.getChaincodeId().getName()
              + " with status "
              + action.getResponse().getStatus());
    }
    if (!action
        .getResponse()
        .getPayload()
        .equals(ByteString.copyFrom(CanonicalJson.toBytes(answer)))) {
      throw restated("attestation.answer: it is not the answer the peers signed");
    }
    RegistryRecord anchored = file.record();
    Map<String, String> attesters = checkEndorsements(e, anchored.issuerMsp(), "the attestation");
    String at = instant(e.channelHeader().getTimestamp());
    RegistryRecord now = answer.record();
    if (!file.namespace().equals(answer.namespace())
        || !at.equals(answer.at())
        || !anchored.issuerMsp().equals(answer.issuer())
        || now == null
        || answer.verdict() == null) {
      throw new ProofProblem(
          ProofFailure.ATTESTATION_MISMATCH,
          "the attested answer is not about record "
              + file.recordId()
              + " of "
              + anchored.issuerMsp()
              + " in "
              + file.namespace()
              + " at the proposal's time "
              + at);
    }
    boolean sameVersion = file.transactionId().equals(now.txId());
    if (sameVersion ? !now.equals(anchored) : !sameRecord(anchored, now)) {
      throw new ProofProblem(
          ProofFailure.ATTESTATION_MISMATCH,
          "the attested record is not the anchored one (id, kind, type, document hash, issuer,"
              + " subject, validity start)");
    }
    facts.attestedVerdict = answer.verdict();
    facts.attestedAt = at;
    facts.attestedBy = List.copyOf(attesters.keySet());
    return "at "
        + at
        + " (the proposal's time, asserted by the exporter) peers of "
        + attesters.size()
        + " organisations, "
        + describe(attesters)
        + ", signed the same answer: verdict "
        + answer.verdict()
        + ", issuer "
        + answer.issuer()
        + " (governance's agency of "
        + file.namespace()
        + "), "
        + (sameVersion
            ? "the record unchanged since anchoring"
            : "the record's current version written by transaction "
                + now.txId()
                + " at "
                + now.timestamp()
                + " (status "
                + now.status()
                + ")");
  }

  /** Whether a later version is of the same record: the fields no change of status touches. */
  private static boolean sameRecord(RegistryRecord a, RegistryRecord b) {
    return Objects.equals(a.id(), b.id())
        && Objects.equals(a.kind(), b.kind())
        && Objects.equals(a.documentType(), b.documentType())
        && Objects.equals(a.documentHash(), b.documentHash())
        && Objects.equals(a.issuerMsp(), b.issuerMsp())
        && Objects.equals(a.subjectRef(), b.subjectRef())
        && Objects.equals(a.validFrom(), b.validFrom());
  }

  // ---------------------------------------------------------------- document

  private static String checkDocument(ProofFile file, String documentHash) throws ProofProblem {
    String given;
    try {
      given = DocumentHash.normalize(documentHash);
    } catch (RuntimeException e) {
      throw new ProofProblem(ProofFailure.DOCUMENT_MISMATCH, "not a SHA-256: " + documentHash);
    }
    if (!given.equals(file.documentHash())) {
      throw new ProofProblem(
          ProofFailure.DOCUMENT_MISMATCH,
          "the document's SHA-256 is " + given + ", the record anchors " + file.documentHash());
    }
    return "the document's SHA-256 " + given + " is the anchored one";
  }

  // ---------------------------------------------------------------- identities

  // ---------------------------------------------------------------- helpers

  private static ProofProblem restated(String what) {
    return new ProofProblem(ProofFailure.RESTATEMENT_MISMATCH, "the proof states " + what);
  }

  private static String describe(Map<String, String> byOrganization) {
    List<String> parts = new ArrayList<>();
    byOrganization.forEach((msp, subject) -> parts.add(msp + " (" + subject + ")"));
    return String.join(", ", parts);
  }

  static String instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).toString();
  }

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private static String hex(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }
}
