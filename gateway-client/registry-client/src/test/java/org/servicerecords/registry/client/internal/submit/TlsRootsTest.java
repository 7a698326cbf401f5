package org.servicerecords.registry.client.internal.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.identity.Pem;
import org.servicerecords.registry.client.internal.trust.TestPki;
import org.servicerecords.registry.client.io.SmallFilesFixtures;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import org.servicerecords.registry.client.profile.PeerEndpoint;
import org.servicerecords.registry.client.profile.ProfileException;

/**
 * TLS roots are read and checked when a connection opens (a configuration error naming the file and
 * the peer), and an endpoint whose connection cannot be set up is skipped for the next one of the
 * same organisation. Real PEM files in a temporary folder; no connection is ever made (channels
 * connect on the first call, and the calls here never reach the network).
 */
class TlsRootsTest {

  static final String MSP = "JusticeMSP";

  static ConnectionProfile profile(Path dir, String firstRoot, String secondRoot)
      throws ProfileException {
    String json =
        """
        {
          "channel": "registry",
          "mspId": "JusticeMSP",
          "chaincodes": {"governance": "governance", "records": "records-justice"},
          "identity": {"wallet": "wallet", "name": "issuer1"},
          "organizations": {
            "JusticeMSP": {
              "peers": [
                {"address": "127.0.0.1:7051", "tlsRootCertificate": "%s",
                 "serverNameOverride": "peer0.justice.example"},
                {"address": "127.0.0.1:7061", "tlsRootCertificate": "%s"}
              ]
            }
          }
        }
        """
            .formatted(firstRoot, secondRoot);
    return ConnectionProfile.parse(json, dir, "profile.json");
  }

  static List<PeerEndpoint> peers(ConnectionProfile profile) throws ProfileException {
    return profile.organization(MSP).peers();
  }

  @Test
  void aValidPemRootIsReadAndAcceptedByTheChannelBuilder(@TempDir Path dir) throws Exception {
    Path root = TestPki.tlsRoot(dir.resolve("tls/ca.pem"));
    PeerEndpoint endpoint = new PeerEndpoint("127.0.0.1:7051", root, null);

    byte[] bytes = TlsRoots.read(endpoint);

    assertThat(bytes).isEqualTo(Files.readAllBytes(root));
    assertThat(Pem.parseCertificates(new String(bytes, StandardCharsets.UTF_8), "test")).hasSize(1);
  }

  @Test
  void aMissingRootIsAConfigurationErrorNamingFileAndPeer(@TempDir Path dir) {
    Path missing = dir.resolve("tls/nope.pem");
    assertThatThrownBy(() -> TlsRoots.read(new PeerEndpoint("127.0.0.1:7061", missing, null)))
        .isInstanceOf(ProfileException.class)
        .hasMessage("TLS root certificate " + missing + " of peer 127.0.0.1:7061 not found");
  }

  @Test
  void aFileWithoutCertificateIsAConfigurationErrorNamingFileAndPeer(@TempDir Path dir)
      throws Exception {
    Path garbage = dir.resolve("garbage.pem");
    Files.writeString(garbage, "this is not a certificate\n");
    assertThatThrownBy(() -> TlsRoots.read(new PeerEndpoint("127.0.0.1:7051", garbage, null)))
        .isInstanceOf(ProfileException.class)
        .hasMessage(
            "TLS root certificate " + garbage + " of peer 127.0.0.1:7051 holds no PEM certificate");

    Path keyOnly = dir.resolve("key.pem");
    Files.writeString(keyOnly, Pem.toPem(TestPki.selfSigned("x", false).keys().getPrivate()));
    assertThatThrownBy(() -> TlsRoots.read(new PeerEndpoint("127.0.0.1:7051", keyOnly, null)))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("holds no PEM certificate");

    Path binary = dir.resolve("ca.der");
    Files.write(binary, TestPki.selfSigned("x", true).certificate().getEncoded());
    assertThatThrownBy(() -> TlsRoots.read(new PeerEndpoint("127.0.0.1:7051", binary, null)))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining(binary.toString())
        .hasMessageContaining("127.0.0.1:7051");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void anEndlessDeviceIsRefusedUnread() {
    // Files.size is 0 for a device: a size check alone lets it through.
    Path zero = Path.of("/dev/zero");
    assertThatThrownBy(() -> TlsRoots.read(new PeerEndpoint("127.0.0.1:7051", zero, null)))
        .isExactlyInstanceOf(ProfileException.class)
        .hasMessage(
            "TLS root certificate /dev/zero of peer 127.0.0.1:7051 refused: not a regular file (a"
                + " device, FIFO or folder is not read)");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoIsRefusedWithoutWaitingForAWriter(@TempDir Path dir) throws Exception {
    Path fifo = SmallFilesFixtures.fifo(dir.resolve("ca.pem"));
    assertThatThrownBy(() -> TlsRoots.read(new PeerEndpoint("127.0.0.1:7051", fifo, null)))
        .isExactlyInstanceOf(ProfileException.class)
        .hasMessageContaining("refused: not a regular file");
  }

  @Test
  void anOversizedRootIsRefused(@TempDir Path dir) throws Exception {
    Path big = SmallFilesFixtures.oversized(dir.resolve("ca.pem"));
    assertThatThrownBy(() -> TlsRoots.read(new PeerEndpoint("127.0.0.1:7051", big, null)))
        .isExactlyInstanceOf(ProfileException.class)
        .hasMessage(
            "TLS root certificate "
                + big
                + " of peer 127.0.0.1:7051 refused: larger than 1048576 bytes");
  }

  @Test
  void aCorruptCertificateBlockIsAConfigurationErrorNamingFileAndPeer(@TempDir Path dir)
      throws Exception {
    Path corrupt = dir.resolve("corrupt.pem");
    Files.writeString(
        corrupt, "-----BEGIN CERTIFICATE-----\nAAAAbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
    assertThatThrownBy(() -> TlsRoots.read(new PeerEndpoint("127.0.0.1:7051", corrupt, null)))
        .isInstanceOf(ProfileException.class)
        .hasMessageStartingWith(
            "malformed TLS root certificate " + corrupt + " of peer 127.0.0.1:7051: ");
  }

  @Test
  void openingAConnectionChecksEveryRootOfTheOwnOrganisation(@TempDir Path dir) throws Exception {
    TestPki.tlsRoot(dir.resolve("tls/ca.pem"));
    Files.writeString(dir.resolve("tls/garbage.pem"), "garbage");
    var credentials = TestPki.credentials(MSP);

    // The second endpoint's root is missing: refused at open, before any channel exists.
    assertThatThrownBy(
            () -> RegistryConnection.open(profile(dir, "tls/ca.pem", "tls/gone.pem"), credentials))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining(dir.resolve("tls/gone.pem").toString())
        .hasMessageContaining("127.0.0.1:7061");
    assertThatThrownBy(
            () ->
                RegistryConnection.open(profile(dir, "tls/garbage.pem", "tls/ca.pem"), credentials))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining(dir.resolve("tls/garbage.pem").toString())
        .hasMessageContaining("127.0.0.1:7051");

    try (RegistryConnection connection =
        RegistryConnection.open(profile(dir, "tls/ca.pem", "tls/ca.pem"), credentials)) {
      assertThat(connection.credentials().mspId()).isEqualTo(MSP);
    }
  }

  @Test
  void anEndpointThatCannotBeSetUpIsSkippedForTheNextOneOfTheOrganisation(@TempDir Path dir)
      throws Exception {
    Path root = TestPki.tlsRoot(dir.resolve("tls/ca.pem"));
    ConnectionProfile profile = profile(dir, "tls/ca.pem", "tls/ca.pem");
    byte[] good = Files.readAllBytes(root);
    byte[] garbage = "no certificate data".getBytes(StandardCharsets.UTF_8);

    try (Connector connector =
        new Connector(profile, TestPki.credentials(MSP), peers(profile), List.of(garbage, good))) {
      assertThatThrownBy(() -> connector.gateway(0))
          .isInstanceOf(NetworkException.class)
          .hasMessageStartingWith("cannot set up a connection to peer 127.0.0.1:7051")
          .satisfies(
              e -> {
                NetworkException n = (NetworkException) e;
                assertThat(n.stage()).isEqualTo(Stage.LOCAL);
                assertThat(n.outcomeUnknown()).isFalse();
              });

      // The call itself makes no request: only the choice of endpoint is under test.
      String reached = connector.withFailover(Stage.EVALUATE, gateway -> "gateway of endpoint 1");

      assertThat(reached).isEqualTo("gateway of endpoint 1");
      assertThat(connector.preferred()).isEqualTo(1);
    }
  }

  @Test
  void whenNoEndpointCanBeSetUpTheFailureNamesThem(@TempDir Path dir) throws Exception {
    TestPki.tlsRoot(dir.resolve("tls/ca.pem"));
    ConnectionProfile profile = profile(dir, "tls/ca.pem", "tls/ca.pem");
    byte[] garbage = "no certificate data".getBytes(StandardCharsets.UTF_8);

    try (Connector connector =
        new Connector(
            profile, TestPki.credentials(MSP), peers(profile), List.of(garbage, garbage))) {
      assertThatThrownBy(() -> connector.withFailover(Stage.EVALUATE, gateway -> "unreached"))
          .isInstanceOf(NetworkException.class)
          .hasMessageContaining("no peer of JusticeMSP answered (127.0.0.1:7051, 127.0.0.1:7061)")
          .hasMessageContaining("cannot set up a connection to peer");
    }
  }
}
