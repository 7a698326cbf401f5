package org.servicerecords.registry.client;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link Auditor#verifyChain} established over a range of blocks.
 *
 * <p>{@link #findings} are what is wrong with the chain: a broken link, a data hash that does not
 * match, orderer signatures that are missing, forged or not enough for the block validation policy,
 * and bad creator or endorsement signatures in transactions the peer recorded as VALID. {@link
 * #notes} are the same transaction-level problems in transactions the peer itself invalidated
 * (Fabric's validation caught them; they changed no state): reported, but not findings. Invalidated
 * transactions as such (for example MVCC conflicts) are counted in {@link
 * #invalidatedTransactions}, never findings. From block 0 the verifier also replays Fabric's
 * validation: a transaction whose recomputed validation code differs from the peer's is a finding.
 *
 * @param fromBlock the first block checked
 * @param lastBlock the last block checked (-1 when none was)
 * @param lastHeaderHash the lowercase hex SHA-256 of the last block's header (what the next block
 *     must name as previous hash; a peer reports it as its current block hash); empty when no block
 *     was checked
 * @param blocksChecked how many blocks were checked
 * @param transactionsChecked how many transactions (envelopes) were checked
 * @param findings what is wrong, in ledger order
 * @param notes problems in transactions the peer invalidated, in ledger order
 * @param invalidatedTransactions the number of transactions per validation code the peer recorded,
 *     for every code but {@code VALID}
 * @param validationReplayed whether Fabric's validation was replayed (only when verifying from
 *     block 0: the replay needs every earlier write)
 * @param validationCodesRecomputed how many transactions' validation codes were recomputed and
 *     compared with the peer's
 * @param peers how every other peer the profile lists compares with the verified chain (empty when
 *     the comparison was not asked for)
 */
public record ChainReport(
    long fromBlock,
    long lastBlock,
    String lastHeaderHash,
    long blocksChecked,
    long transactionsChecked,
    List<ChainFinding> findings,
    List<ChainFinding> notes,
    Map<String, Long> invalidatedTransactions,
    boolean validationReplayed,
    long validationCodesRecomputed,
    List<PeerChain> peers) {

  /** Checks the fields and copies the collections. */
  public ChainReport {
    Objects.requireNonNull(lastHeaderHash, "lastHeaderHash");
    findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    invalidatedTransactions =
        Collections.unmodifiableMap(
            new TreeMap<>(Objects.requireNonNull(invalidatedTransactions, "invalidated")));
    peers = List.copyOf(Objects.requireNonNull(peers, "peers"));
  }

  /**
   * Whether nothing is wrong with the blocks checked.
   *
   * @return true when there are no findings
   */
  public boolean clean() {
    return findings.isEmpty();
  }
}
