package org.servicerecords.registry.client.internal.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.protos.common.Block;
import org.servicerecords.registry.client.ChainFinding;
import org.servicerecords.registry.client.ChainProgress;
import org.servicerecords.registry.client.ChainReport;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.internal.audit.chain.ChainVerifier;
import org.servicerecords.registry.client.internal.submit.ErrorMapper;

/**
 * Streams blocks {@code from} to {@code to} (Gateway block events, full blocks) through a {@link
 * ChainVerifier} and sums up the outcome. When a stream fails it resubscribes, on the next endpoint
 * of the organisation, from the next block the verifier expects (at most once per endpoint in a row
 * without a block); blocks a new stream repeats are skipped.
 */
final class ChainWalk {

  private final EventWatcher.Endpoints endpoints;

  ChainWalk(EventWatcher.Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  ChainReport walk(ChainVerifier verifier, long from, long to, ChainProgress progress)
      throws RegistryException {
    List<ChainFinding> findings = new ArrayList<>();
    List<ChainFinding> notes = new ArrayList<>();
    Map<String, Long> invalidated = new TreeMap<>();
    long blocks = 0;
    long transactions = 0;
    long recomputed = 0;
    long last = -1;
    byte[] lastHash = new byte[0];
    int failures = 0;
    while (verifier.nextNumber() <= to) {
      int index = endpoints.preferred();
      try (CloseableIterator<Block> stream = endpoints.blocks(index, verifier.nextNumber())) {
        while (verifier.nextNumber() <= to && stream.hasNext()) {
          Block block = stream.next();
          failures = 0;
          if (Long.compareUnsigned(block.getHeader().getNumber(), verifier.nextNumber()) < 0) {
            continue;
          }
          ChainVerifier.BlockResult result = verifier.verify(block);
          blocks++;
          transactions += result.transactions();
          recomputed += result.recomputed();
          findings.addAll(result.findings());
          notes.addAll(result.notes());
          result.invalidated().forEach((code, n) -> invalidated.merge(code, n, Long::sum));
          last = result.number();
          lastHash = result.headerHash();
          progress.checked(last, to, findings.size());
        }
        if (verifier.nextNumber() <= to) {
          throw NetworkException.unreachable(
              "the block stream ended before block " + verifier.nextNumber(),
              Stage.EVENTS,
              null,
              null,
              null);
        }
      } catch (GatewayRuntimeException e) {
        RegistryException mapped = ErrorMapper.fromGateway(e, Stage.EVENTS);
        if (!(mapped instanceof NetworkException) || ++failures > endpoints.count()) {
          throw mapped;
        }
        endpoints.answered((index + 1) % endpoints.count());
      } catch (NetworkException e) {
        if (++failures > endpoints.count()) {
          throw e;
        }
        endpoints.answered((index + 1) % endpoints.count());
      }
    }
    return new ChainReport(
        from,
        last,
        ChainVerifier.hex(lastHash),
        blocks,
        transactions,
        findings,
        notes,
        invalidated,
        verifier.replays(),
        recomputed);
  }
}
