package org.servicerecords.registry.it;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import org.servicerecords.registry.client.profile.IdentitySource;
import org.servicerecords.registry.client.profile.PeerEndpoint;

/**
 * The real network the integration tests run against: the state folder written by {@code
 * scripts/network.sh up} and {@code scripts/deploy-chaincode.sh}, named by {@code
 * REGISTRY_IT_STATE_DIR}. Each organisation's connection profile is {@code orgs/<org>/profile.json}
 * with its wallet beside it; identities are the ones the organisation's Fabric CA issued (justice
 * and services: {@code admin1}, {@code issuer1}, {@code clerk1}, {@code verifier1}; audit: {@code
 * admin1}, {@code auditor1}, {@code verifier1}).
 *
 * <p>Nothing is mocked: every connection signs with a CA-issued key and talks TLS to the
 * organisation's own peer. Record ids carry a nonce of the run, so the tests can run again and
 * again on the same ledger.
 */
final class ItNetwork {

  /** Environment variable naming the network's state folder. */
  static final String STATE_DIR_VARIABLE = "REGISTRY_IT_STATE_DIR";

  static final String JUSTICE = "justice";
  static final String SERVICES = "services";
  static final String AUDIT = "audit";

  static final String JUSTICE_MSP = "JusticeMSP";
  static final String SERVICES_MSP = "ServicesMSP";
  static final String AUDIT_MSP = "AuditMSP";

  static final String JUSTICE_NS = "records-justice";
  static final String SERVICES_NS = "records-services";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** This run's nonce: every record and application id of the run contains it. */
  static final String RUN = "it" + Long.toString(System.currentTimeMillis(), 36) + randomHex(3);

  private ItNetwork() {}

  /**
   * The state folder, or a failure (never a skip) when the variable is unset or names no network.
   */
  static Path stateDir() {
    String value = System.getenv(STATE_DIR_VARIABLE);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          STATE_DIR_VARIABLE
              + " is not set: the integration tests need a running network. Start one with"
              + " scripts/network.sh up and scripts/deploy-chaincode.sh, then set "
              + STATE_DIR_VARIABLE
              + " to its state folder (REGISTRY_STATE_DIR, by default .state)");
    }
    Path dir = Path.of(value);
    if (!Files.isRegularFile(dir.resolve("orgs").resolve(JUSTICE).resolve("profile.json"))) {
      throw new IllegalStateException(
          STATE_DIR_VARIABLE
              + "="
              + value
              + " holds no orgs/justice/profile.json: is the network up and the chaincode"
              + " deployed there?");
    }
    return dir;
  }

  /** The connection profile of an organisation, with one of its wallet's identities. */
  static ConnectionProfile profile(String org, String identity) throws Exception {
    Path dir = stateDir().resolve("orgs").resolve(org);
    ConnectionProfile profile = ConnectionProfile.load(dir.resolve("profile.json"));
    return profile.withIdentity(new IdentitySource(null, null, dir.resolve("wallet"), identity));
  }

  /** Opens a connection as one of an organisation's identities. */
  static RegistryConnection connect(String org, String identity) throws Exception {
    return RegistryConnection.open(profile(org, identity));
  }

  /** A read that may fail while a peer has not caught up. */
  @FunctionalInterface
  interface Read<T> {
    T read() throws Exception;
  }

  /**
   * Polls a read until its answer satisfies a condition: for reading on one organisation's peer
   * what another organisation's client just committed. A submission returns once the submitter's
   * own peer committed the transaction; every other peer commits the same block on its own, a
   * moment earlier or later, so a read there right away may still see the state before it.
   */
  static <T> T await(String what, Read<T> read, Predicate<T> until) {
    Instant deadline = Instant.now().plus(AWAIT);
    Object last = null;
    while (true) {
      try {
        T value = read.read();
        if (until.test(value)) {
          return value;
        }
        last = value;
      } catch (Exception e) {
        last = e;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "not seen within " + AWAIT + ": " + what + " (last: " + last + ")");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  private static final Duration AWAIT = Duration.ofSeconds(30);

  /**
   * Waits until the peer of every reader (one per organisation) has committed the transaction that
   * wrote a record's newest version: its history there starts with that transaction. The history
   * database is the last a peer updates when committing a block, so state reads there see it too.
   */
  static void awaitOnEveryPeer(
      List<RegistryConnection> readers, String namespace, String id, String txId) {
    for (RegistryConnection reader : readers) {
      await(
          id + " at tx " + txId + " on the peer of " + reader.credentials().mspId(),
          () -> reader.auditor().history(namespace, id),
          history -> !history.isEmpty() && txId.equals(history.get(0).txId()));
    }
  }

  /** A record or application id unique to this run. */
  static String id(String prefix) {
    return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
  }

  /** A document hash no other run uses. */
  static String newHash() {
    return sha256Hex(("document " + RUN + " " + SEQUENCE.incrementAndGet() + " " + randomHex(8)));
  }

  /** A salted subject reference (64 hex digits), never a raw personal id. */
  static String newSubjectRef() {
    return sha256Hex("subject " + RUN + " " + SEQUENCE.incrementAndGet() + " " + randomHex(8));
  }

  static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /**
   * A plain Fabric Gateway connection as one identity to its organisation's first peer, for what
   * the library deliberately does not expose (raw event payloads, blocks, and proposals the library
   * would refuse before sending). Close both.
   */
  record RawGateway(Gateway gateway, ManagedChannel channel) implements AutoCloseable {
    @Override
    public void close() {
      gateway.close();
      try {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static RawGateway rawGateway(String org, String identity) throws Exception {
    ConnectionProfile profile = profile(org, identity);
    Credentials credentials = RegistryConnection.loadCredentials(profile);
    PeerEndpoint peer = profile.ownOrganization().peers().get(0);
    ManagedChannel channel = channel(peer);
    Gateway gateway =
        Gateway.newInstance()
            .identity(credentials.identity())
            .signer(credentials.signer())
            .hash(Hash.SHA256)
            .connection(channel)
            .evaluateOptions(o -> o.withDeadlineAfter(10, TimeUnit.SECONDS))
            .endorseOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
            .submitOptions(o -> o.withDeadlineAfter(10, TimeUnit.SECONDS))
            .commitStatusOptions(o -> o.withDeadlineAfter(60, TimeUnit.SECONDS))
            .connect();
    return new RawGateway(gateway, channel);
  }

  private static ManagedChannel channel(PeerEndpoint peer) throws IOException {
    byte[] root = Files.readAllBytes(peer.tlsRootCertificate());
    NettyChannelBuilder builder =
        NettyChannelBuilder.forTarget(peer.address())
            .sslContext(
                GrpcSslContexts.forClient().trustManager(new ByteArrayInputStream(root)).build());
    if (peer.serverNameOverride() != null) {
      builder.overrideAuthority(peer.serverNameOverride());
    }
    return builder.build();
  }
}
