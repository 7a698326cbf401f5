package org.servicerecords.registry.bench;

import io.grpc.CallOptions;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import org.servicerecords.registry.client.profile.PeerEndpoint;
import org.servicerecords.registry.client.profile.ProfileException;
import org.servicerecords.registry.client.profile.Timeouts;

/**
 * A Gateway connection to the bare reference contract, which the library has no call for. It uses
 * what the library reads from the same profile (public {@code client.profile} and {@code
 * client.identity} types): the identity's certificate and signer, the first peer of the identity's
 * organisation with its TLS root certificate and server name override, and the profile's deadlines.
 * Unlike the library it does not fail over to another peer.
 */
final class ReferenceGateway implements AutoCloseable {

  private final ManagedChannel channel;
  private final Gateway gateway;
  private final Contract contract;

  private ReferenceGateway(ManagedChannel channel, Gateway gateway, Contract contract) {
    this.channel = channel;
    this.gateway = gateway;
    this.contract = contract;
  }

  /**
   * Connects.
   *
   * @param profile the connection profile
   * @param credentials the identity
   * @param chaincode the reference contract's chaincode name
   * @param contractName its contract name ({@code @Contract(name = "reference")})
   * @return the connection
   * @throws ProfileException if the organisation has no peer or its TLS root cannot be read
   */
  static ReferenceGateway open(
      ConnectionProfile profile, Credentials credentials, String chaincode, String contractName)
      throws ProfileException {
    List<PeerEndpoint> peers = profile.organization(credentials.mspId()).peers();
    if (peers.isEmpty()) {
      throw new ProfileException(
          "profile " + profile.describe() + " lists no peer for " + credentials.mspId());
    }
    PeerEndpoint peer = peers.get(0);
    ManagedChannel channel;
    try {
      ChannelCredentials tls =
          TlsChannelCredentials.newBuilder()
              .trustManager(peer.tlsRootCertificate().toFile())
              .build();
      ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(peer.address(), tls);
      if (peer.serverNameOverride() != null) {
        builder.overrideAuthority(peer.serverNameOverride());
      }
      channel = builder.build();
    } catch (IOException | RuntimeException e) {
      throw new ProfileException(
          "cannot use TLS root certificate "
              + peer.tlsRootCertificate()
              + " of peer "
              + peer.address()
              + ": "
              + e.getMessage(),
          e);
    }
    Timeouts t = profile.timeouts();
    Gateway gateway =
        Gateway.newInstance()
            .identity(credentials.identity())
            .signer(credentials.signer())
            .hash(Hash.SHA256)
            .connection(channel)
            .evaluateOptions(deadline(t.evaluate().toMillis()))
            .endorseOptions(deadline(t.endorse().toMillis()))
            .submitOptions(deadline(t.submit().toMillis()))
            .commitStatusOptions(deadline(t.commitStatus().toMillis()))
            .connect();
    Contract contract = gateway.getNetwork(profile.channel()).getContract(chaincode, contractName);
    return new ReferenceGateway(channel, gateway, contract);
  }

  private static UnaryOperator<CallOptions> deadline(long millis) {
    return options -> options.withDeadlineAfter(millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Returns the reference contract.
   *
   * @return the contract: {@code Put(key, value)} to submit, {@code Get(key)} to evaluate
   */
  Contract contract() {
    return contract;
  }

  @Override
  public void close() {
    gateway.close();
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
