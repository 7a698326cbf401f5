package org.servicerecords.registry.client.internal;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.servicerecords.registry.client.Auditor;
import org.servicerecords.registry.client.GovernanceAdmin;
import org.servicerecords.registry.client.RegistryClient;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.SubmissionMetrics;
import org.servicerecords.registry.client.Verifier;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.internal.agency.RegistryClientImpl;
import org.servicerecords.registry.client.internal.audit.AuditorImpl;
import org.servicerecords.registry.client.internal.governance.GovernanceAdminImpl;
import org.servicerecords.registry.client.internal.governance.GovernanceFeed;
import org.servicerecords.registry.client.internal.submit.Connector;
import org.servicerecords.registry.client.internal.submit.Ledger;
import org.servicerecords.registry.client.internal.submit.SubmissionCounters;
import org.servicerecords.registry.client.internal.submit.Submitter;
import org.servicerecords.registry.client.internal.verify.VerifierImpl;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import org.servicerecords.registry.client.profile.PeerEndpoint;
import org.servicerecords.registry.client.profile.ProfileException;

/** One identity's connection: connector, ledger reads, submitter and worker threads. */
public final class RegistryConnectionImpl implements RegistryConnection {

  private final ConnectionProfile profile;
  private final Connector connector;
  private final Ledger ledger;
  private final ExecutorService executor;
  private final RegistryClient client;
  private final Verifier verifier;
  private final Auditor auditor;
  private final GovernanceAdmin governanceAdmin;
  private final SubmissionCounters counters = new SubmissionCounters();

  /**
   * Opens the connection: reads and checks every endpoint's TLS root certificate first, so that
   * nothing is started when one is missing or malformed.
   *
   * @throws ProfileException naming the file and endpoint of a missing or malformed TLS root
   */
  public RegistryConnectionImpl(
      ConnectionProfile profile, Credentials credentials, List<PeerEndpoint> endpoints)
      throws ProfileException {
    this.profile = profile;
    this.connector = Connector.open(profile, credentials, endpoints);
    this.ledger = new Ledger(connector, GovernanceFeed::new);
    this.executor =
        Executors.newFixedThreadPool(Math.max(4, profile.batchConcurrency()), daemonThreads());
    Submitter submitter = new Submitter(connector, counters);
    this.client = new RegistryClientImpl(ledger, submitter, executor);
    this.governanceAdmin = new GovernanceAdminImpl(ledger, submitter);
    this.verifier = new VerifierImpl(ledger, executor);
    this.auditor = new AuditorImpl(ledger);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "registry-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public RegistryClient registryClient() {
    return client;
  }

  @Override
  public Verifier verifier() {
    return verifier;
  }

  @Override
  public Auditor auditor() {
    return auditor;
  }

  @Override
  public GovernanceAdmin governanceAdmin() {
    return governanceAdmin;
  }

  @Override
  public SubmissionMetrics metrics() {
    return counters.snapshot();
  }

  @Override
  public Credentials credentials() {
    return connector.credentials();
  }

  @Override
  public ConnectionProfile profile() {
    return profile;
  }

  @Override
  public void close() {
    ledger.close();
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connector.close();
  }
}
