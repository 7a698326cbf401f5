package org.servicerecords.registry.client.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.io.SmallFilesFixtures;

class ConnectionProfileTest {

  static final String PROFILE =
      """
      {
        "channel": "registry",
        "mspId": "JusticeMSP",
        "chaincodes": {"governance": "governance", "records": "records-justice"},
        "identity": {"wallet": "wallet", "name": "issuer1"},
        "organizations": {
          "JusticeMSP": {
            "peers": [
              {"address": "127.0.0.1:7051", "tlsRootCertificate": "tls/justice-ca.pem", "serverNameOverride": "peer0.justice"},
              {"address": "127.0.0.1:7061", "tlsRootCertificate": "tls/justice-ca.pem"}
            ],
            "certificateAuthorities": [{"url": "https://127.0.0.1:7054", "caName": "ca-justice", "tlsCertificate": "tls/ca.pem"}]
          },
          "ServicesMSP": {"peers": [{"address": "127.0.0.1:8051", "tlsRootCertificate": "/abs/services.pem"}]}
        },
        "timeouts": {"evaluateMillis": 2000, "commitStatusMillis": 90000},
        "batchConcurrency": 8
      }
      """;

  @Test
  void parsesEveryFieldAndResolvesRelativePathsAgainstTheProfileFolder(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("profile.json");
    Files.writeString(file, PROFILE);
    ConnectionProfile p = ConnectionProfile.load(file);
    assertThat(p.channel()).isEqualTo("registry");
    assertThat(p.recordsChaincode()).isEqualTo("records-justice");
    assertThat(p.identity().wallet()).isEqualTo(dir.resolve("wallet"));
    Organization own = p.ownOrganization();
    assertThat(own.peers()).hasSize(2);
    assertThat(own.peers().get(0).tlsRootCertificate())
        .isEqualTo(dir.resolve("tls/justice-ca.pem"));
    assertThat(own.peers().get(0).serverNameOverride()).isEqualTo("peer0.justice");
    assertThat(own.certificateAuthorities().get(0).caName()).isEqualTo("ca-justice");
    assertThat(p.organization("ServicesMSP").peers().get(0).tlsRootCertificate())
        .isEqualTo(Path.of("/abs/services.pem"));
    assertThat(p.timeouts().evaluate().toMillis()).isEqualTo(2000);
    assertThat(p.timeouts().endorse()).isEqualTo(Timeouts.DEFAULT.endorse());
    assertThat(p.timeouts().ledgerWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.batchConcurrency()).isEqualTo(8);
  }

  @Test
  void attestersArePreferredInOrderAndNoneByDefault(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("profile.json");
    Files.writeString(file, PROFILE);
    assertThat(ConnectionProfile.load(file).attesters()).isEmpty();
    Files.writeString(
        file,
        PROFILE.replace(
            "\"batchConcurrency\": 8",
            "\"batchConcurrency\": 8, \"attesters\": [\"ServicesMSP\", \"AuditMSP\"]"));
    assertThat(ConnectionProfile.load(file).attesters()).containsExactly("ServicesMSP", "AuditMSP");
    Files.writeString(
        file,
        PROFILE.replace("\"batchConcurrency\": 8", "\"batchConcurrency\": 8, \"attesters\": [3]"));
    assertThatThrownBy(() -> ConnectionProfile.load(file))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("$.attesters[0] must be an MSP id");
  }

  @Test
  void theLedgerWaitIsASetting(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("profile.json");
    Files.writeString(
        file,
        PROFILE.replace(
            "\"commitStatusMillis\": 90000",
            "\"commitStatusMillis\": 90000, \"ledgerWaitMillis\": 45000"));
    ConnectionProfile p = ConnectionProfile.load(file);
    assertThat(p.timeouts().ledgerWait()).isEqualTo(Duration.ofSeconds(45));
    assertThat(p.timeouts().commitStatus()).isEqualTo(Duration.ofSeconds(90));
    Files.writeString(
        file, PROFILE.replace("\"commitStatusMillis\": 90000", "\"ledgerWaitMillis\": 0"));
    assertThatThrownBy(() -> ConnectionProfile.load(file))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("$.timeouts.ledgerWaitMillis");
  }

  @Test
  void environmentOverridesIdentityMspAndChaincode(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("profile.json");
    Files.writeString(file, PROFILE);
    ConnectionProfile p =
        ConnectionProfile.locate(
            null,
            Map.of(
                "REGISTRY_PROFILE", file.toString(),
                "REGISTRY_IDENTITY", "clerk7",
                "REGISTRY_RECORDS_CHAINCODE", "records-other"));
    assertThat(p.identity().name()).isEqualTo("clerk7");
    assertThat(p.identity().wallet()).isEqualTo(dir.resolve("wallet"));
    assertThat(p.recordsChaincode()).isEqualTo("records-other");
    ConnectionProfile files =
        p.withEnvironment(Map.of("REGISTRY_CERT", "c.pem", "REGISTRY_KEY", "k.pem"));
    assertThat(files.identity().hasFiles()).isTrue();
    assertThatThrownBy(() -> p.withEnvironment(Map.of("REGISTRY_CERT", "c.pem")))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("must be set together");
  }

  @Test
  void missingProfileIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> ConnectionProfile.load(dir.resolve("nope.json")))
        .isInstanceOf(ProfileException.class)
        .hasMessage("connection profile not found: " + dir.resolve("nope.json"));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void anEndlessDeviceIsNotReadAsAProfile() {
    assertThatThrownBy(() -> ConnectionProfile.load(Path.of("/dev/zero")))
        .isExactlyInstanceOf(ProfileException.class)
        .hasMessage(
            "connection profile /dev/zero refused: not a regular file (a device, FIFO or folder is"
                + " not read)");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoIsNotReadAsAProfileNorWaitedOn(@TempDir Path dir) throws Exception {
    Path fifo = SmallFilesFixtures.fifo(dir.resolve("profile.json"));

    assertThatThrownBy(() -> ConnectionProfile.load(fifo))
        .isExactlyInstanceOf(ProfileException.class)
        .hasMessageStartingWith("connection profile " + fifo + " refused: not a regular file");
  }

  @Test
  void anOversizedProfileIsRefused(@TempDir Path dir) throws Exception {
    Path big = SmallFilesFixtures.oversized(dir.resolve("profile.json"));

    assertThatThrownBy(() -> ConnectionProfile.load(big))
        .isExactlyInstanceOf(ProfileException.class)
        .hasMessage("connection profile " + big + " refused: larger than 1048576 bytes");
  }

  @Test
  void malformedJsonUnknownFieldsAndBadAddressesAreNamedWithTheirPath() {
    Path base = Path.of("/tmp");
    assertThatThrownBy(() -> ConnectionProfile.parse("{\"mspId\": ", base, "p.json"))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("malformed connection profile p.json");
    assertThatThrownBy(
            () ->
                ConnectionProfile.parse(
                    PROFILE.replace("\"batchConcurrency\"", "\"batchConcurency\""), base, "p.json"))
        .hasMessageContaining("$.batchConcurency is not a known field");
    assertThatThrownBy(
            () ->
                ConnectionProfile.parse(
                    PROFILE.replace("127.0.0.1:7051", "127.0.0.1"), base, "p.json"))
        .hasMessageContaining("$.organizations.JusticeMSP.peers[0].address must be host:port");
    assertThatThrownBy(
            () ->
                ConnectionProfile.parse(
                    PROFILE.replace("\"mspId\": \"JusticeMSP\"", "\"mspId\": \"OtherMSP\""),
                    base,
                    "p.json"))
        .hasMessageContaining("no entry for this identity's mspId 'OtherMSP'");
  }

  @Test
  void aPlainHttpCaIsRefused() {
    assertThatThrownBy(
            () ->
                ConnectionProfile.parse(
                    PROFILE.replace("https://127.0.0.1:7054", "http://127.0.0.1:7054"),
                    Path.of("/tmp"),
                    "p.json"))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining(
            "$.organizations.JusticeMSP.certificateAuthorities[0].url must be https://host:port");
  }

  @Test
  void noProfileAnywhereTellsHowToGiveOne() {
    assertThatThrownBy(() -> ConnectionProfile.locate(null, Map.of()))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("--profile FILE or set REGISTRY_PROFILE");
  }
}
