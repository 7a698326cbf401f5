package org.servicerecords.registry.client.internal.governance;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.servicerecords.registry.client.GovernanceSnapshot;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.internal.submit.Connector;
import org.servicerecords.registry.client.internal.submit.GovernanceSource;
import org.servicerecords.registry.client.internal.submit.Ledger;
import org.servicerecords.registry.model.AgencyEntry;

/**
 * The governance snapshot of one connection, kept current from the governance chaincode's events by
 * a background listener that resubscribes after every failure.
 */
public final class GovernanceFeed implements GovernanceSource {

  private final Ledger ledger;
  private final Connector connector;
  private final AtomicReference<GovernanceSnapshot> governance = new AtomicReference<>();
  private volatile Thread listener;
  private volatile CloseableIterator<ChaincodeEvent> events;
  private volatile boolean closed;

  /** Whether the listener's stream is established and keeps the snapshot current. */
  private volatile boolean live;

  /**
   * A feed that reads governance through a ledger; the listener starts on first use.
   *
   * @param ledger the ledger
   */
  public GovernanceFeed(Ledger ledger) {
    this.ledger = ledger;
    this.connector = ledger.connector();
  }

  /**
   * Returns the governance snapshot. While the listener's event stream is live the snapshot it
   * keeps current is used; otherwise (before the stream is up, or while it is being re-established
   * after a failure) governance is read again, so early checks never rely on a snapshot that may
   * have missed an event. The first call starts the listener.
   */
  @Override
  public GovernanceSnapshot governance() throws RegistryException {
    GovernanceSnapshot snapshot = governance.get();
    if (snapshot == null || !live) {
      snapshot = reload();
      startListener();
    }
    return snapshot;
  }

  @Override
  public GovernanceSnapshot reload() throws RegistryException {
    List<AgencyEntry> agencies =
        ledger.evaluateList(
            AgencyEntry[].class, connector.profile().governanceChaincode(), "ListAgencies");
    GovernanceSnapshot snapshot = GovernanceSnapshot.of(agencies, Instant.now());
    governance.set(snapshot);
    return snapshot;
  }

  private synchronized void startListener() {
    if (listener != null || closed) {
      return;
    }
    Thread thread =
        new Thread(this::listen, "registry-governance-events-" + connector.credentials().mspId());
    thread.setDaemon(true);
    listener = thread;
    thread.start();
  }

  private void listen() {
    String chaincode = connector.profile().governanceChaincode();
    AtomicInteger index = new AtomicInteger();
    keepListening(
        () -> closed,
        up -> {
          index.set(connector.preferred());
          CloseableIterator<ChaincodeEvent> iterator =
              connector
                  .gateway(index.get())
                  .getNetwork(ledger.channel())
                  .getChaincodeEvents(chaincode);
          events = iterator;
          try {
            // Events committed between an earlier read and this subscription would be missed.
            reload();
            up.run();
            live = true;
            while (!closed && iterator.hasNext()) {
              iterator.next();
              reload();
            }
          } finally {
            iterator.close();
          }
        },
        () -> {
          // The snapshot may be stale until the stream is back: drop it so uses re-read.
          live = false;
          governance.set(null);
          if (connector.endpointCount() > 1) {
            connector.answered((index.get() + 1) % connector.endpointCount());
          }
        },
        Thread::sleep,
        FIRST_RETRY_MILLIS,
        MAX_RETRY_MILLIS);
  }

  /** One subscription to an event stream; calls {@code up} once the stream is established. */
  public interface Subscription {
    void run(Runnable up) throws RegistryException;
  }

  /** Waits, interruptibly. */
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  public static final long FIRST_RETRY_MILLIS = 1_000;
  public static final long MAX_RETRY_MILLIS = 30_000;

  /**
   * Runs a subscription again and again until {@code closed}: whenever the stream ends or fails
   * (with any exception: a gateway failure, a registry error or an unexpected runtime exception),
   * {@code lost} runs (the data kept from the stream is now stale), and the next attempt waits,
   * from {@code firstDelay} doubling up to {@code maxDelay}; a stream that was up resets the delay.
   * Returns when closed or interrupted.
   */
  public static void keepListening(
      BooleanSupplier closed,
      Subscription subscription,
      Runnable lost,
      Sleeper sleeper,
      long firstDelay,
      long maxDelay) {
    long delay = firstDelay;
    while (!closed.getAsBoolean()) {
      boolean[] wasUp = {false};
      try {
        subscription.run(() -> wasUp[0] = true);
      } catch (RuntimeException | RegistryException e) {
        // Retried below; the snapshot is dropped so that nothing stale is used meanwhile.
      }
      if (closed.getAsBoolean()) {
        return;
      }
      lost.run();
      if (wasUp[0]) {
        delay = firstDelay;
      }
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return;
      }
      delay = Math.min(maxDelay, delay * 2);
    }
  }

  @Override
  public void close() {
    closed = true;
    CloseableIterator<ChaincodeEvent> iterator = events;
    if (iterator != null) {
      iterator.close();
    }
    Thread thread = listener;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
