package org.servicerecords.registry.client.internal.proof;

import java.util.List;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verification;

/**
 * The proof file's JSON form, version 1 (docs/proofs.md, "Format"). Binary values are standard
 * base64 with padding; the file is the canonical JSON of this value (sorted keys, no blanks)
 * followed by one newline.
 *
 * @param format always {@value #FORMAT}
 * @param version always {@value #VERSION}
 * @param channel the channel
 * @param namespace the records namespace (chaincode name)
 * @param recordId the record id
 * @param documentHash the anchored document's SHA-256, lowercase hex
 * @param transactionId the anchoring transaction's id
 * @param blockNumber the number of the block that holds it
 * @param record the record as the anchoring transaction wrote it
 * @param block the block's evidence
 * @param attestation the attestation of the record's current status
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
    AttestationPart attestation) {

  /** The format's name. */
  public static final String FORMAT = "servicerecords-proof";

  /** The format's version. */
  public static final int VERSION = 1;

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
}
