package org.servicerecords.registry.client.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.io.SmallFilesFixtures;

/**
 * Certificate and key files, named in a profile, the environment or a wallet, are read bounded: a
 * device, a FIFO or an oversized file is an {@link IdentityException} naming it, never an
 * OutOfMemoryError or a read that blocks.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PemFilesTest {

  @Test
  @EnabledOnOs(OS.LINUX)
  void anEndlessDeviceAsCertificateOrKeyIsRefusedUnread() {
    assertThatThrownBy(() -> Pem.readCertificate(Path.of("/dev/zero")))
        .isExactlyInstanceOf(IdentityException.class)
        .hasMessage(
            "certificate file /dev/zero refused: not a regular file (a device, FIFO or folder is"
                + " not read)");
    assertThatThrownBy(() -> Pem.readPrivateKey(Path.of("/dev/zero")))
        .isExactlyInstanceOf(IdentityException.class)
        .hasMessageStartingWith("private key file /dev/zero refused: not a regular file");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aFifoAsCertificateOrKeyIsRefusedWithoutWaitingForAWriter(@TempDir Path dir)
      throws Exception {
    Path fifo = SmallFilesFixtures.fifo(dir.resolve("cert.pem"));

    assertThatThrownBy(() -> Credentials.fromPem("JusticeMSP", fifo, fifo))
        .isExactlyInstanceOf(IdentityException.class)
        .hasMessageStartingWith("certificate file " + fifo + " refused: not a regular file");
  }

  @Test
  void anOversizedCertificateIsRefused(@TempDir Path dir) throws Exception {
    Path big = SmallFilesFixtures.oversized(dir.resolve("cert.pem"));

    assertThatThrownBy(() -> Pem.readCertificate(big))
        .isExactlyInstanceOf(IdentityException.class)
        .hasMessage("certificate file " + big + " refused: larger than 1048576 bytes");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aWalletIdentityWhoseFilesAreFifosIsRefused(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("issuer1"));
    SmallFilesFixtures.fifo(folder.resolve(DirectoryWallet.CERT));
    SmallFilesFixtures.fifo(folder.resolve(DirectoryWallet.KEY));

    assertThatThrownBy(() -> Wallet.directory(dir).get("issuer1", "JusticeMSP"))
        .isExactlyInstanceOf(IdentityException.class)
        .hasMessageContaining("refused: not a regular file");
  }
}
