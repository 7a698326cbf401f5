package org.servicerecords.registry.cli;

import java.io.IOException;
import org.servicerecords.registry.client.EventHandler;
import org.servicerecords.registry.client.IgnoredEvent;
import org.servicerecords.registry.client.RegistryEventRecord;

/**
 * Prints the events {@code registry watch} receives, one line per entry (or one JSON line per
 * event), and tells the listener to checkpoint an event only once it has really been written.
 * Events the library did not accept (not shown to come from the namespace's owner) are printed to
 * standard error, one line each, and counted; they never reach standard output.
 *
 * <p>The limit counts events, that is transactions: one chaincode event carries every (record id,
 * kind, action) entry of its transaction (a supersession: the old record SUPERSEDED and the new one
 * ANCHORED), and all entries of the last event counted are printed, since its checkpoint covers
 * them all. Ignored events do not count towards it.
 */
final class WatchPrinter implements EventHandler {

  private final Output output;
  private final long maxEvents;
  private long printed;
  private long ignored;

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

  @Override
  public void ignored(IgnoredEvent event) throws IOException {
    ignored++;
    output.err.println(line(event));
    output.err.flush();
    if (output.err.checkError()) {
      throw new IOException("standard error failed; the checkpoint stays before this event");
    }
  }

  /**
   * One line on an ignored event.
   *
   * @param event the event
   * @return for example {@code registry: ignored event: block 9 tx ab12 in records-justice endorsed
   *     by [ServicesMSP]: NOT_ENDORSED_BY_OWNER: ...}
   */
  static String line(IgnoredEvent event) {
    return "registry: ignored event: block "
        + event.blockNumber()
        + " tx "
        + event.transactionId()
        + " in "
        + event.namespace()
        + " endorsed by "
        + event.endorsingMsps()
        + ": "
        + event.reason()
        + ": "
        + event.detail()
        + (event.foreignCollections().isEmpty() ? "" : "; writes " + event.foreignCollections());
  }

  /**
   * Returns how many events were printed.
   *
   * @return the count
   */
  long printed() {
    return printed;
  }

  /**
   * Returns how many events were ignored (printed to standard error).
   *
   * @return the count
   */
  long ignored() {
    return ignored;
  }
}
