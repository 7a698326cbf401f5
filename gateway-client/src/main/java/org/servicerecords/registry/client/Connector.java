package org.servicerecords.registry.client;

import io.grpc.CallOptions;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import org.servicerecords.registry.client.profile.PeerEndpoint;

/**
 * Keeps one gRPC channel (and one Gateway) per peer endpoint of the client's own organisation,
 * created on first use and reused, and fails over to the next endpoint of the same organisation
 * when one gives no answer. Never connects to another organisation's peers: private data sent as
 * transient data must stay inside the agency.
 */
final class Connector implements AutoCloseable {

  /** Name of the contract in the governance chaincode ({@code @Contract(name = ...)}). */
  static final String GOVERNANCE_CONTRACT = "governance";

  /** Name of the contract in every records namespace ({@code @Contract(name = ...)}). */
  static final String RECORDS_CONTRACT = "records";

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
  private final ManagedChannel[] channels;
  private final Gateway[] gateways;
  private final AtomicInteger preferred = new AtomicInteger();

  Connector(ConnectionProfile profile, Credentials credentials, List<PeerEndpoint> endpoints) {
    this.profile = profile;
    this.credentials = credentials;
    this.endpoints = List.copyOf(endpoints);
    this.channels = new ManagedChannel[endpoints.size()];
    this.gateways = new Gateway[endpoints.size()];
  }

  ConnectionProfile profile() {
    return profile;
  }

  /**
   * The contract a chaincode serves, so that every transaction name goes out as {@code
   * <contract>:<Name>}: the chaincode routes nothing else (docs/contract.md, "Transaction names").
   * The governance chaincode serves {@value #GOVERNANCE_CONTRACT}; every records namespace serves
   * {@value #RECORDS_CONTRACT}.
   */
  Contract contract(Gateway gateway, String chaincode) {
    return gateway
        .getNetwork(profile.channel())
        .getContract(chaincode, contractNameOf(chaincode, profile.governanceChaincode()));
  }

  static String contractNameOf(String chaincode, String governanceChaincode) {
    return chaincode.equals(governanceChaincode) ? GOVERNANCE_CONTRACT : RECORDS_CONTRACT;
  }

  Credentials credentials() {
    return credentials;
  }

  int endpointCount() {
    return endpoints.size();
  }

  /** Index of the endpoint tried first: the last one that answered. */
  int preferred() {
    return preferred.get();
  }

  /** Marks an endpoint as the one that answered, so later calls start there. */
  void answered(int index) {
    preferred.set(index);
  }

  String address(int index) {
    return endpoints.get(index).address();
  }

  /**
   * Returns the Gateway of an endpoint, connecting on first use.
   *
   * @param index the endpoint's index in the profile
   * @return its gateway
   * @throws NetworkException if the endpoint's TLS root cannot be read
   */
  synchronized Gateway gateway(int index) throws NetworkException {
    if (gateways[index] == null) {
      ManagedChannel channel = channel(endpoints.get(index));
      channels[index] = channel;
      var timeouts = profile.timeouts();
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
    }
    return gateways[index];
  }

  /**
   * Makes a call, starting at the preferred endpoint and moving to the next endpoint of the same
   * organisation while an endpoint gives no answer. For queries and endorsements only: a submission
   * has its own retry rules (see {@link Submitter}).
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
      try {
        T result = call.call(gateway(index));
        answered(index);
        return result;
      } catch (GatewayException e) {
        if (!ErrorMapper.isUnreachable(e)) {
          throw ErrorMapper.fromGateway(e, stage, null);
        }
        last = ErrorMapper.fromGateway(e, stage, null);
      }
    }
    throw new NetworkException(
        "no peer of "
            + credentials.mspId()
            + " answered ("
            + String.join(", ", addresses())
            + "): "
            + (last == null ? "no endpoints" : last.getMessage()),
        stage,
        null,
        last instanceof NetworkException n ? n.grpcStatus() : null,
        false,
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

  private static ManagedChannel channel(PeerEndpoint endpoint) throws NetworkException {
    ChannelCredentials tls;
    try {
      tls =
          TlsChannelCredentials.newBuilder()
              .trustManager(endpoint.tlsRootCertificate().toFile())
              .build();
    } catch (IOException e) {
      throw new NetworkException(
          "cannot read TLS root certificate "
              + endpoint.tlsRootCertificate()
              + " of peer "
              + endpoint.address(),
          Stage.LOCAL,
          null,
          null,
          false,
          e);
    }
    ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(endpoint.address(), tls);
    if (endpoint.serverNameOverride() != null) {
      builder.overrideAuthority(endpoint.serverNameOverride());
    }
    return builder.build();
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
