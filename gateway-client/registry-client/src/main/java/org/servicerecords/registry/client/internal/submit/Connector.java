package org.servicerecords.registry.client.internal.submit;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import org.servicerecords.registry.client.profile.PeerEndpoint;
import org.servicerecords.registry.client.profile.ProfileException;

/**
 * Keeps one gRPC channel (and one Gateway) per peer endpoint of the client's own organisation,
 * created on first use and reused, and fails over to the next endpoint of the same organisation
 * when one gives no answer. Never connects to another organisation's peers: private data sent as
 * transient data must stay inside the agency. Which peers a peer's Gateway then asks is decided by
 * the endorsing organisations a proposal names ({@link Ledger#staysInOrganization}).
 */
public final class Connector implements AutoCloseable {

  /** Name of the contract in the governance chaincode ({@code @Contract(name = ...)}). */
  static final String GOVERNANCE_CONTRACT = "governance";

  /** Name of the contract in every records namespace ({@code @Contract(name = ...)}). */
  static final String RECORDS_CONTRACT = "records";

  /** The query system chaincode (ledger queries: transactions and blocks by transaction id). */
  public static final String QSCC = "qscc";

  /** The configuration system chaincode ({@code GetConfigBlock}: the channel's current config). */
  static final String CSCC = "cscc";

  /**
   * Fabric's system chaincodes. They serve no named contract: their functions go out unqualified
   * ({@code GetBlockByTxID}, never {@code records:GetBlockByTxID}).
   */
  static final Set<String> SYSTEM_CHAINCODES = Set.of(QSCC, CSCC, "lscc", "_lifecycle");

  /** A call made through one endpoint's Gateway. */
  @FunctionalInterface
  interface GatewayCall<T> {
    /**
     * Makes the call.
     *
     * @param gateway the endpoint's gateway
     * @return the result
     * @throws GatewayException when the Gateway reports a failure
     */
    T call(Gateway gateway) throws GatewayException;
  }

  private final ConnectionProfile profile;
  private final Credentials credentials;
  private final List<PeerEndpoint> endpoints;
  private final byte[][] tlsRoots;
  private final ManagedChannel[] channels;
  private final Gateway[] gateways;
  private final AtomicInteger preferred = new AtomicInteger();

  /**
   * Creates a connector for the given endpoints with their TLS roots already read.
   *
   * @param profile the profile
   * @param credentials the identity
   * @param endpoints the organisation's endpoints, in order
   * @param tlsRoots the PEM bytes of each endpoint's TLS roots, in the same order
   */
  Connector(
      ConnectionProfile profile,
      Credentials credentials,
      List<PeerEndpoint> endpoints,
      List<byte[]> tlsRoots) {
    if (tlsRoots.size() != endpoints.size()) {
      throw new IllegalArgumentException("one TLS root per endpoint");
    }
    this.profile = profile;
    this.credentials = credentials;
    this.endpoints = List.copyOf(endpoints);
    this.tlsRoots = new byte[endpoints.size()][];
    for (int i = 0; i < this.tlsRoots.length; i++) {
      this.tlsRoots[i] = tlsRoots.get(i).clone();
    }
    this.channels = new ManagedChannel[endpoints.size()];
    this.gateways = new Gateway[endpoints.size()];
  }

  /**
   * Creates a connector, reading and checking the TLS root certificate of every endpoint first.
   *
   * @param profile the profile
   * @param credentials the identity
   * @param endpoints the organisation's endpoints, in order
   * @return the connector (no channel is opened yet)
   * @throws ProfileException naming the file and endpoint of a missing or malformed TLS root
   */
  public static Connector open(
      ConnectionProfile profile, Credentials credentials, List<PeerEndpoint> endpoints)
      throws ProfileException {
    return new Connector(profile, credentials, endpoints, TlsRoots.readAll(endpoints));
  }

  public ConnectionProfile profile() {
    return profile;
  }

  /**
   * The contract a chaincode serves, so that every transaction name of the registry's chaincodes
   * goes out as {@code <contract>:<Name>}: they route nothing else (docs/contract.md, "Transaction
   * names"). The governance chaincode serves {@value #GOVERNANCE_CONTRACT}; every records namespace
   * serves {@value #RECORDS_CONTRACT}. A system chaincode ({@link #SYSTEM_CHAINCODES}) is called
   * without a contract name, so its function names go out unqualified.
   */
  Contract contract(Gateway gateway, String chaincode) {
    var network = gateway.getNetwork(profile.channel());
    String contractName = contractNameOf(chaincode, profile.governanceChaincode());
    return contractName == null
        ? network.getContract(chaincode)
        : network.getContract(chaincode, contractName);
  }

  /**
   * The contract name a chaincode's function names are qualified with.
   *
   * @param chaincode the chaincode
   * @param governanceChaincode the profile's governance chaincode
   * @return {@value #GOVERNANCE_CONTRACT} for the governance chaincode, {@code null} (no contract:
   *     unqualified names) for a system chaincode, {@value #RECORDS_CONTRACT} for any other (a
   *     records namespace)
   */
  public static String contractNameOf(String chaincode, String governanceChaincode) {
    if (SYSTEM_CHAINCODES.contains(chaincode)) {
      return null;
    }
    return chaincode.equals(governanceChaincode) ? GOVERNANCE_CONTRACT : RECORDS_CONTRACT;
  }

  public Credentials credentials() {
    return credentials;
  }

  public int endpointCount() {
    return endpoints.size();
  }

  /** Index of the endpoint tried first: the last one that answered. */
  public int preferred() {
    return preferred.get();
  }

  /** Marks an endpoint as the one that answered, so later calls start there. */
  public void answered(int index) {
    preferred.set(index);
  }

  /**
   * Names an endpoint.
   *
   * @param index the endpoint's index in the profile
   * @return its address ({@code host:port})
   */
  public String address(int index) {
    return endpoints.get(index).address();
  }

  /**
   * Returns the Gateway of an endpoint, connecting on first use.
   *
   * @param index the endpoint's index in the profile
   * @return its gateway
   * @throws NetworkException ({@link Stage#LOCAL}, naming the endpoint) if its channel or gateway
   *     cannot be set up; the next endpoint may still work
   */
  public synchronized Gateway gateway(int index) throws NetworkException {
    if (gateways[index] == null) {
      PeerEndpoint endpoint = endpoints.get(index);
      ManagedChannel channel;
      try {
        channel = TlsRoots.channelBuilder(endpoint, tlsRoots[index]).build();
      } catch (IOException | RuntimeException e) {
        throw setupFailed(endpoint, e);
      }
      var timeouts = profile.timeouts();
      try {
        gateways[index] =
            Gateway.newInstance()
                .identity(credentials.identity())
                .signer(credentials.signer())
                .hash(Hash.SHA256)
                .connection(channel)
                .evaluateOptions(deadline(timeouts.evaluate().toMillis()))
                .endorseOptions(deadline(timeouts.endorse().toMillis()))
                .submitOptions(deadline(timeouts.submit().toMillis()))
                .commitStatusOptions(deadline(timeouts.commitStatus().toMillis()))
                .connect();
      } catch (RuntimeException e) {
        channel.shutdownNow();
        throw setupFailed(endpoint, e);
      }
      channels[index] = channel;
    }
    return gateways[index];
  }

  private static NetworkException setupFailed(PeerEndpoint endpoint, Exception e) {
    return NetworkException.unreachable(
        "cannot set up a connection to peer "
            + endpoint.address()
            + " (TLS root certificate "
            + endpoint.tlsRootCertificate()
            + "): "
            + TlsRoots.brief(e),
        Stage.LOCAL,
        null,
        null,
        e);
  }

  /**
   * Makes a call, starting at the preferred endpoint and moving to the next endpoint of the same
   * organisation while an endpoint gives no answer or cannot be set up. For queries and
   * endorsements only: a submission has its own retry rules (see {@link Submitter}).
   *
   * @param stage the stage, for error mapping
   * @param call the call
   * @param <T> the result type
   * @return the result
   * @throws RegistryException the mapped failure
   */
  <T> T withFailover(Stage stage, GatewayCall<T> call) throws RegistryException {
    int start = preferred.get();
    RegistryException last = null;
    for (int attempt = 0; attempt < endpoints.size(); attempt++) {
      int index = (start + attempt) % endpoints.size();
      Gateway gateway;
      try {
        gateway = gateway(index);
      } catch (NetworkException e) {
        last = e;
        continue;
      }
      try {
        T result = call.call(gateway);
        answered(index);
        return result;
      } catch (GatewayException e) {
        if (!ErrorMapper.isUnreachable(e)) {
          throw ErrorMapper.fromGateway(e, stage, null);
        }
        last = ErrorMapper.fromGateway(e, stage, null);
      }
    }
    throw NetworkException.unreachable(
        "no peer of "
            + credentials.mspId()
            + " answered ("
            + String.join(", ", addresses())
            + "): "
            + (last == null ? "no endpoints" : last.getMessage()),
        stage,
        null,
        last instanceof NetworkException n ? n.grpcStatus() : null,
        last);
  }

  private List<String> addresses() {
    List<String> list = new ArrayList<>();
    for (PeerEndpoint endpoint : endpoints) {
      list.add(endpoint.address());
    }
    return list;
  }

  /** Each call gets its own deadline, counted from when the call starts. */
  private static UnaryOperator<CallOptions> deadline(long millis) {
    return options -> options.withDeadlineAfter(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    for (int i = 0; i < channels.length; i++) {
      if (gateways[i] != null) {
        gateways[i].close();
      }
      if (channels[i] != null) {
        channels[i].shutdownNow();
        try {
          channels[i].awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
