package org.servicerecords.registry.client.internal.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.common.Block;
import org.servicerecords.registry.client.ChainFinding;
import org.servicerecords.registry.client.ChainProgress;
import org.servicerecords.registry.client.ChainReport;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.PeerChain;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.internal.audit.chain.ChainVerifier;

/**
 * Streams blocks {@code from} to {@code to} (Gateway block events, full blocks) through a {@link
 * ChainVerifier} and sums up the outcome, naming in each finding the peer that served the block. A
 * failed stream is opened again on the organisation's next endpoint from the next block the
 * verifier expects ({@link BlockStreamFailover}); blocks a new stream repeats are skipped. Then,
 * when asked, every peer the profile lists is compared with the verified chain ({@link
 * PeerComparison}).
 */
final class ChainWalk {

  private final EventWatcher.Endpoints endpoints;

  ChainWalk(EventWatcher.Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  ChainReport walk(
      ChainVerifier verifier, long from, long to, ChainProgress progress, PeerComparison comparison)
      throws RegistryException {
    Totals totals = new Totals(from);
    try {
      BlockStreamFailover.read(
          endpoints,
          new BlockStreamFailover.Reader() {
            @Override
            public long next() {
              return verifier.nextNumber();
            }

            @Override
            public void read(int endpoint, Iterator<Block> blocks) throws NetworkException {
              String peer = endpoints.address(endpoint);
              while (verifier.nextNumber() <= to && blocks.hasNext()) {
                Block block = blocks.next();
                if (Long.compareUnsigned(block.getHeader().getNumber(), verifier.nextNumber())
                    < 0) {
                  continue;
                }
                totals.add(verifier.verify(block), block, peer);
                progress.checked(totals.last, to, totals.findings.size());
              }
              if (verifier.nextNumber() <= to) {
                throw NetworkException.unreachable(
                    "the block stream of " + peer + " ended before block " + verifier.nextNumber(),
                    Stage.EVENTS,
                    null,
                    null,
                    null);
              }
            }
          });
    } catch (IOException e) {
      throw new IllegalStateException("verifying the chain writes nothing", e);
    }
    List<PeerChain> peers = List.of();
    if (comparison != null && totals.last >= from) {
      try {
        PeerComparison.Outcome outcome = comparison.compare(totals.reference, from, totals.last);
        peers = outcome.peers();
        totals.findings.addAll(outcome.findings());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw NetworkException.unreachable(
            "interrupted while comparing the peers' chains", Stage.EVENTS, null, null, e);
      }
    }
    return new ChainReport(
        from,
        totals.last,
        ChainVerifier.hex(totals.lastHash),
        totals.blocks,
        totals.transactions,
        totals.findings,
        totals.notes,
        totals.invalidated,
        verifier.replays(),
        totals.recomputed,
        peers);
  }

  /** What the verified blocks add up to. */
  private static final class Totals {
    private final List<ChainFinding> findings = new ArrayList<>();
    private final List<ChainFinding> notes = new ArrayList<>();
    private final Map<String, Long> invalidated = new TreeMap<>();
    private final ReferenceChain reference;
    private long blocks;
    private long transactions;
    private long recomputed;
    private long last = -1;
    private byte[] lastHash = new byte[0];

    Totals(long from) {
      this.reference = new ReferenceChain(from);
    }

    void add(ChainVerifier.BlockResult result, Block block, String peer) {
      blocks++;
      transactions += result.transactions();
      recomputed += result.recomputed();
      result.findings().forEach(f -> findings.add(f.fromPeer(peer)));
      result.notes().forEach(n -> notes.add(n.fromPeer(peer)));
      result.invalidated().forEach((code, n) -> invalidated.merge(code, n, Long::sum));
      last = result.number();
      lastHash = result.headerHash();
      reference.add(last, lastHash, block);
    }
  }
}
