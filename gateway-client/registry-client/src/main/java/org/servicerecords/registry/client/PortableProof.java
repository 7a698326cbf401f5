package org.servicerecords.registry.client;

import java.util.List;
import java.util.Objects;
import org.servicerecords.registry.model.Verdict;

/**
 * A portable proof as exported ({@link Auditor#exportProof}): the file's bytes and what they are
 * about.
 *
 * @param content the proof file's bytes (canonical JSON and a newline, docs/proofs.md)
 * @param namespace the records namespace
 * @param recordId the record id
 * @param transactionId the anchoring transaction
 * @param blockNumber the block that holds it
 * @param attestedVerdict the current verdict the attesting peers signed
 * @param attestedBy the attesting organisations
 */
public record PortableProof(
    byte[] content,
    String namespace,
    String recordId,
    String transactionId,
    long blockNumber,
    Verdict attestedVerdict,
    List<String> attestedBy) {

  /** Copies the content and the list. */
  public PortableProof {
    content = Objects.requireNonNull(content, "content").clone();
    attestedBy = List.copyOf(attestedBy);
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
