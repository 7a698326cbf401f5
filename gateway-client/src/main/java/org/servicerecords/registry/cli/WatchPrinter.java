package org.servicerecords.registry.cli;

import java.io.IOException;
import org.servicerecords.registry.client.EventHandler;
import org.servicerecords.registry.client.RegistryEventRecord;

/**
 * Prints the events {@code registry watch} receives, one line per entry (or one JSON line per
 * event), and tells the listener to checkpoint an event only once it has really been written.
 *
 * <p>The limit counts events, that is transactions: one chaincode event carries every (record id,
 * kind, action) entry of its transaction (a supersession: the old record SUPERSEDED and the new one
 * ANCHORED), and all entries of the last event counted are printed, since its checkpoint covers
 * them all.
 */
final class WatchPrinter implements EventHandler {

  private final Output output;
  private final long maxEvents;
  private long printed;

  /**
   * @param output where to print
   * @param maxEvents stop after this many events (transactions, each printed with all its entries);
   *     0 never stops
   */
  WatchPrinter(Output output, long maxEvents) {
    this.output = output;
    this.maxEvents = maxEvents;
  }

  @Override
  public boolean handle(RegistryEventRecord event) throws IOException {
    if (output.json) {
      output.json(event);
    } else {
      for (var entry : event.event().entries()) {
        output.out.printf(
            "block %d tx %s %s %s %s%n",
            event.blockNumber(), event.transactionId(), entry.action(), entry.kind(), entry.id());
      }
    }
    output.out.flush();
    if (output.out.checkError()) {
      // PrintStream swallows write errors (a reader that went away): stop before the checkpoint
      // moves past an event nobody received.
      throw new IOException("standard output failed; the checkpoint stays before this event");
    }
    printed++;
    return maxEvents == 0 || printed < maxEvents;
  }
}
