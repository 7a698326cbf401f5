package org.servicerecords.registry.client.internal.proof;

import java.util.List;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verification;

/**
 * The proof file's JSON form (docs/proofs.md, "Format"): version {@value #VERSION} for a block
 * signed with signature headers (Raft), version {@value #BFT_VERSION} for a block signed by BFT
 * consenter ids, which adds the configuration block in force. Binary values are standard base64
 * with padding; the file is the canonical JSON of this value (sorted keys, no blanks, absent
 * members omitted) followed by one newline.
 *
 * @param format always {@value #FORMAT}
 * @param version {@value #VERSION} or {@value #BFT_VERSION}
 * @param channel the channel
 * @param namespace the records namespace (chaincode name)
 * @param recordId the record id
 * @param documentHash the anchored document's SHA-256, lowercase hex
 * @param transactionId the anchoring transaction's id
 * @param blockNumber the number of the block that holds it
 * @param record the record as the anchoring transaction wrote it
 * @param block the block's evidence
 * @param attestation the attestation of the record's current status
 * @param configBlock version {@value #BFT_VERSION} only: the configuration block in force for the
 *     block (the one its orderer metadata names as last configuration); {@code null} (absent) in
 *     version {@value #VERSION}
 */
public record ProofFile(
    String format,
    int version,
    String channel,
    String namespace,
    String recordId,
    String documentHash,
    String transactionId,
    long blockNumber,
    RegistryRecord record,
    BlockPart block,
    AttestationPart attestation,
    ConfigBlockPart configBlock) {

  /** The format's name. */
  public static final String FORMAT = "servicerecords-proof";

  /** The format's version for blocks signed with signature headers (Raft). */
  public static final int VERSION = 1;

  /** The format's version for blocks signed by BFT consenter ids (with the configuration block). */
  public static final int BFT_VERSION = 2;

  /**
   * A proof without the configuration block (version {@value #VERSION}).
   *
   * @param channel the channel
   * @param namespace the records namespace
   * @param recordId the record id
   * @param documentHash the anchored document's SHA-256
   * @param transactionId the anchoring transaction's id
   * @param blockNumber the block's number
   * @param record the record as written
   * @param block the block's evidence
   * @param attestation the attestation
   * @return the proof
   */
  public static ProofFile raft(
      String channel,
      String namespace,
      String recordId,
      String documentHash,
      String transactionId,
      long blockNumber,
      RegistryRecord record,
      BlockPart block,
      AttestationPart attestation) {
    return new ProofFile(
        FORMAT,
        VERSION,
        channel,
        namespace,
        recordId,
        documentHash,
        transactionId,
        blockNumber,
        record,
        block,
        attestation,
        null);
  }

  /**
   * This proof with the configuration block in force, as version {@value #BFT_VERSION}.
   *
   * @param config the configuration block's evidence
   * @return the proof
   */
  public ProofFile withConfigBlock(ConfigBlockPart config) {
    return new ProofFile(
        format,
        BFT_VERSION,
        channel,
        namespace,
        recordId,
        documentHash,
        transactionId,
        blockNumber,
        record,
        block,
        attestation,
        config);
  }

  /**
   * The block's evidence.
   *
   * @param header the {@code common.BlockHeader} message, base64
   * @param envelopes every envelope of the block in order, base64 (the data hash covers them all)
   * @param ordererSignatures the block's {@code SIGNATURES} metadata ({@code common.Metadata}),
   *     base64
   * @param transactionIndex the anchoring transaction's index among the envelopes
   * @param peerValidationCode the validation code the exporting peer recorded for it (signed by
   *     nobody)
   */
  public record BlockPart(
      String header,
      List<String> envelopes,
      String ordererSignatures,
      int transactionIndex,
      String peerValidationCode) {}

  /**
   * The attestation.
   *
   * @param envelope the endorsed, never submitted {@code VerifyRecord} transaction envelope, base64
   * @param answer the answer every endorser signed, restated
   */
  public record AttestationPart(String envelope, Verification answer) {}

  /**
   * The configuration block in force for a BFT-signed block: the whole block but for the metadata
   * nobody signs.
   *
   * @param header its {@code common.BlockHeader} message, base64
   * @param envelope its one envelope (the {@code CONFIG} transaction), base64
   * @param ordererSignatures its {@code SIGNATURES} metadata ({@code common.Metadata}), base64;
   *     empty for the genesis block (number 0), which no orderer signs
   */
  public record ConfigBlockPart(String header, String envelope, String ordererSignatures) {}
}
