package org.servicerecords.registry.client.internal.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.servicerecords.registry.client.ChainFinding;

/**
 * Verifies a real peer's ledger, read from its block files, from block 0: run with {@code
 * -Dregistry.blockfile=PATH} (a block file or the directory holding a channel's block files, for
 * example {@code
 * .state/test-raft/orgs/justice/peers/peer0/data/ledgersData/chains/chains/registry}). Skipped
 * otherwise.
 */
@EnabledIfSystemProperty(named = "registry.blockfile", matches = ".+")
class PeerBlockFileVerificationTest {

  @Test
  void aRealLedgerHasNoFindingsAndEveryRecomputedCodeIsThePeers() throws Exception {
    Path path = Path.of(System.getProperty("registry.blockfile"));
    ChainVerifier verifier = ChainVerifier.fromGenesis();
    List<ChainFinding> findings = new ArrayList<>();
    List<ChainFinding> notes = new ArrayList<>();
    Map<String, Long> invalidated = new TreeMap<>();
    long blocks = 0;
    long transactions = 0;
    long recomputed = 0;
    try (PeerBlockFiles files = PeerBlockFiles.open(path)) {
      while (files.hasNext()) {
        Block block = files.next();
        ChainVerifier.BlockResult result = verifier.verify(block);
        blocks++;
        transactions += result.transactions();
        recomputed += result.recomputed();
        findings.addAll(result.findings());
        notes.addAll(result.notes());
        result.invalidated().forEach((code, n) -> invalidated.merge(code, n, Long::sum));
      }
    }
    System.out.printf(
        "LEDGER %s: %d blocks, %d transactions, %d codes recomputed, invalidated %s, %d findings,"
            + " %d notes%n",
        path, blocks, transactions, recomputed, invalidated, findings.size(), notes.size());
    findings.stream().limit(20).forEach(f -> System.out.println("FINDING " + f));
    notes.stream().limit(20).forEach(n -> System.out.println("NOTE " + n));
    assertThat(blocks).isPositive();
    assertThat(recomputed).isEqualTo(transactions);
    assertThat(findings).isEmpty();
  }
}
