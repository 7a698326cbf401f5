package org.servicerecords.registry.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.JsonFormatException;

/** Queries (evaluate) with JSON answers, and the governance snapshot kept current from events. */
final class Ledger implements AutoCloseable {

  private final Connector connector;
  private final AtomicReference<GovernanceSnapshot> governance = new AtomicReference<>();
  private volatile Thread listener;
  private volatile CloseableIterator<ChaincodeEvent> events;
  private volatile boolean closed;

  Ledger(Connector connector) {
    this.connector = connector;
  }

  Connector connector() {
    return connector;
  }

  String channel() {
    return connector.profile().channel();
  }

  byte[] evaluate(String chaincode, String function, String... args) throws RegistryException {
    String channel = channel();
    return connector.withFailover(
        Stage.EVALUATE,
        gateway ->
            gateway.getNetwork(channel).getContract(chaincode).evaluateTransaction(function, args));
  }

  <T> T evaluate(Class<T> type, String chaincode, String function, String... args)
      throws RegistryException {
    return parse(evaluate(chaincode, function, args), type, chaincode + " " + function);
  }

  <T> List<T> evaluateList(Class<T[]> type, String chaincode, String function, String... args)
      throws RegistryException {
    return Arrays.asList(evaluate(type, chaincode, function, args));
  }

  static <T> T parse(byte[] bytes, Class<T> type, String what) throws RegistryException {
    try {
      return CanonicalJson.fromBytes(bytes, type);
    } catch (JsonFormatException e) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      throw new RegistryException(
          "unexpected answer from " + what + ": " + e.getMessage(),
          null,
          Stage.EVALUATE,
          null,
          text.length() > 200 ? text.substring(0, 200) : text,
          e);
    }
  }

  /**
   * Returns the governance snapshot, reading it on first use and starting a listener that re-reads
   * it whenever a governance transaction commits.
   */
  GovernanceSnapshot governance() throws RegistryException {
    GovernanceSnapshot snapshot = governance.get();
    if (snapshot == null) {
      snapshot = reloadGovernance();
      startListener();
    }
    return snapshot;
  }

  GovernanceSnapshot reloadGovernance() throws RegistryException {
    List<AgencyEntry> agencies =
        evaluateList(
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
    while (!closed) {
      int index = connector.preferred();
      try {
        CloseableIterator<ChaincodeEvent> iterator =
            connector.gateway(index).getNetwork(channel()).getChaincodeEvents(chaincode);
        events = iterator;
        // Events committed between the first read and this subscription would be missed: re-read.
        reloadGovernance();
        while (!closed && iterator.hasNext()) {
          iterator.next();
          reloadGovernance();
        }
      } catch (GatewayRuntimeException | RegistryException e) {
        if (closed) {
          return;
        }
        // The snapshot may be stale until the stream is back: drop it so the next use re-reads.
        governance.set(null);
        if (connector.endpointCount() > 1) {
          connector.answered((index + 1) % connector.endpointCount());
        }
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
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
