package org.servicerecords.registry.client.internal.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.protos.common.Block;
import org.servicerecords.registry.client.AttestationException;
import org.servicerecords.registry.client.Auditor;
import org.servicerecords.registry.client.Checkpoint;
import org.servicerecords.registry.client.EventHandler;
import org.servicerecords.registry.client.EventScan;
import org.servicerecords.registry.client.IgnoredEvent;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryEventRecord;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.ScannedTransaction;
import org.servicerecords.registry.client.WatchSummary;
import org.servicerecords.registry.client.internal.submit.EndpointOrder;
import org.servicerecords.registry.client.internal.trust.ChannelMsps;

/**
 * Reads a namespace's events from full blocks (Gateway block events) and judges each with {@link
 * EventCheck}: {@link #watch} delivers the accepted ones to a handler with a checkpoint, {@link
 * #scan} reports every one over a range of blocks. Both fail over between the endpoints of the
 * client's own organisation, resubscribing from where they were.
 *
 * <p>The organisations' roots come from the channel configuration, read afresh at every
 * subscription; a configuration block in the stream replaces them for the blocks after it.
 */
public final class EventWatcher {

  /** The organisation's endpoints and their block streams. */
  interface Endpoints extends EndpointOrder {
    /**
     * Opens a stream of full blocks from an endpoint, starting at a block.
     *
     * @param index the endpoint
     * @param startBlock the first block
     * @return the stream (Gateway failures surface as {@link GatewayRuntimeException} from it)
     * @throws RegistryException ({@link NetworkException} when the endpoint cannot be set up)
     */
    CloseableIterator<Block> blocks(int index, long startBlock) throws RegistryException;

    /**
     * Names an endpoint.
     *
     * @param index the endpoint
     * @return its address ({@code host:port})
     */
    String address(int index);
  }

  /** Reads the channel's organisations (cscc {@code GetConfigBlock}). */
  interface Organisations {
    /**
     * Reads them.
     *
     * @return the channel's organisations
     * @throws RegistryException if the configuration cannot be read
     */
    ChannelMsps read() throws RegistryException;
  }

  private final Endpoints endpoints;
  private final Organisations organisations;
  private final EventRule rule;

  EventWatcher(Endpoints endpoints, Organisations organisations, EventRule rule) {
    this.endpoints = endpoints;
    this.organisations = organisations;
    this.rule = rule;
  }

  /** One block of a stream; returns false to stop. */
  private interface Visitor {
    boolean visit(Block block, ChannelMsps msps) throws RegistryException, IOException;
  }

  /** Where a (re)subscription starts. */
  private interface Start {
    long next();
  }

  /**
   * Delivers the namespace's events after the checkpoint (or from {@code fromBlock} without one):
   * each accepted event to {@link EventHandler#handle}, each other to {@link EventHandler#ignored},
   * writing the checkpoint after either returns. See {@link Auditor#watch}.
   *
   * @param checkpoint the position
   * @param fromBlock the first block without a checkpoint
   * @param handler the handler
   * @return the counts
   * @throws RegistryException if the stream fails for good or a handler throws a checked exception
   * @throws IOException if the checkpoint cannot be written
   */
  WatchSummary watch(Checkpoint checkpoint, long fromBlock, EventHandler handler)
      throws RegistryException, IOException {
    long[] delivered = {0};
    Map<IgnoredEvent.Reason, Long> ignored = new EnumMap<>(IgnoredEvent.Reason.class);
    // Every (re)subscription starts a new stream: startBlock makes the checkpoint look for its
    // position in the replayed block again, so nothing already handled counts as new.
    stream(
        () -> checkpoint.startBlock(fromBlock),
        (block, msps) -> {
          long number = block.getHeader().getNumber();
          for (ScannedTransaction tx : EventCheck.judge(block, rule, msps)) {
            if (!tx.carriesEvent() || !checkpoint.isNew(number, tx.transactionId())) {
              continue;
            }
            boolean goOn = true;
            try {
              if (tx.accepted()) {
                goOn =
                    handler.handle(
                        new RegistryEventRecord(
                            number, tx.transactionId(), rule.namespace(), tx.event()));
                delivered[0]++;
              } else {
                handler.ignored(tx.asIgnored(rule.namespace()));
                ignored.merge(tx.reason(), 1L, Long::sum);
              }
            } catch (RuntimeException e) {
              throw e;
            } catch (Exception e) {
              throw RegistryException.at(
                  Stage.EVENTS, "event handler failed: " + e.getMessage(), tx.transactionId(), e);
            }
            checkpoint.checkpoint(number, tx.transactionId());
            if (!goOn) {
              return false;
            }
          }
          return true;
        });
    long total = ignored.values().stream().mapToLong(Long::longValue).sum();
    return new WatchSummary(delivered[0], total, ignored);
  }

  /**
   * Judges the namespace's transactions of blocks {@code fromBlock} to {@code toBlock}. See {@link
   * Auditor#scanEvents}.
   *
   * @param fromBlock the first block
   * @param toBlock the last block (the caller makes sure it exists)
   * @return the scan
   * @throws RegistryException if the stream fails for good
   */
  EventScan scan(long fromBlock, long toBlock) throws RegistryException {
    List<ScannedTransaction> found = new ArrayList<>();
    long[] next = {fromBlock};
    if (fromBlock <= toBlock) {
      try {
        stream(
            () -> next[0],
            (block, msps) -> {
              long number = block.getHeader().getNumber();
              if (number < next[0]) {
                return true;
              }
              found.addAll(EventCheck.judge(block, rule, msps));
              next[0] = number + 1;
              return number < toBlock;
            });
      } catch (IOException e) {
        throw new IllegalStateException("a scan writes no checkpoint", e);
      }
    }
    return EventScan.of(rule.namespace(), rule.describe(), fromBlock, toBlock, found);
  }

  /**
   * Streams blocks to a visitor until it says stop or the stream ends, resubscribing on the next
   * endpoint when one gives no answer ({@link BlockStreamFailover}).
   */
  private void stream(Start start, Visitor visitor) throws RegistryException, IOException {
    BlockStreamFailover.read(
        endpoints,
        new BlockStreamFailover.Reader() {
          @Override
          public long next() {
            return start.next();
          }

          @Override
          public void read(int endpoint, Iterator<Block> blocks)
              throws RegistryException, IOException {
            ChannelMsps msps = organisations.read();
            while (blocks.hasNext()) {
              Block block = blocks.next();
              if (EventCheck.isConfig(block)) {
                msps = configured(block, msps);
                continue;
              }
              if (!visitor.visit(block, msps)) {
                return;
              }
            }
          }
        });
  }

  /** The organisations a configuration block defines, or those known when it does not parse. */
  private static ChannelMsps configured(Block block, ChannelMsps known) {
    try {
      return ChannelMsps.fromConfigBlock(block.toByteArray());
    } catch (AttestationException e) {
      return known;
    }
  }
}
