package org.servicerecords.registry.client.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SmallFiles}: devices, FIFOs and folders are refused before they are opened, and nothing is
 * read past the limit. A separate thread times each test out, since a FIFO opened by mistake would
 * block its thread for good.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SmallFilesTest {

  @Test
  void aFileOfExactlyTheLimitIsReadWhole(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("f"), new byte[100]);

    assertThat(SmallFiles.read(file, 100)).hasSize(100);
    assertThat(
            SmallFiles.readString(
                Files.writeString(dir.resolve("t"), "héllo"), 6, StandardCharsets.UTF_8))
        .isEqualTo("héllo");
  }

  @Test
  void aFileOneByteOverTheLimitIsRefused(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("f"), new byte[101]);

    assertThatThrownBy(() -> SmallFiles.read(file, 100))
        .isExactlyInstanceOf(FileRefusedException.class)
        .hasMessage(file + ": larger than 100 bytes")
        .satisfies(
            e ->
                assertThat(((FileRefusedException) e).getReason())
                    .isEqualTo("larger than 100 bytes"));
    assertThatThrownBy(
            () ->
                SmallFiles.read(
                    SmallFilesFixtures.oversized(dir.resolve("big")), SmallFiles.DEFAULT_LIMIT))
        .isExactlyInstanceOf(FileRefusedException.class)
        .hasMessageEndingWith(": larger than 1048576 bytes");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void anEndlessDeviceIsRefusedUnread() {
    // Files.size says 0 for a device, and reading it never ends.
    assertThatThrownBy(() -> SmallFiles.read(Path.of("/dev/zero"), SmallFiles.DEFAULT_LIMIT))
        .isExactlyInstanceOf(FileRefusedException.class)
        .hasMessage("/dev/zero: not a regular file (a device, FIFO or folder is not read)");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aFifoIsRefusedBeforeItIsOpened(@TempDir Path dir) throws Exception {
    Path fifo = SmallFilesFixtures.fifo(dir.resolve("fifo"));

    assertThatThrownBy(() -> SmallFiles.read(fifo, SmallFiles.DEFAULT_LIMIT))
        .isExactlyInstanceOf(FileRefusedException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void aFolderIsRefusedAndAMissingFileIsNoSuchFile(@TempDir Path dir) {
    assertThatThrownBy(() -> SmallFiles.read(dir, 100))
        .isExactlyInstanceOf(FileRefusedException.class)
        .hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> SmallFiles.read(dir.resolve("gone"), 100))
        .isExactlyInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aSymbolicLinkToADeviceIsRefusedToo(@TempDir Path dir) throws Exception {
    Path device = Path.of("/dev/zero");
    if (!Files.exists(device)) {
      return;
    }
    Path link = Files.createSymbolicLink(dir.resolve("cert.pem"), device);

    assertThatThrownBy(() -> SmallFiles.read(link, 100))
        .isExactlyInstanceOf(FileRefusedException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void anEndlessStreamIsReadToOneByteOverTheLimitAndNoFurther() {
    long[] read = {0};
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            read[0]++;
            return 0;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            read[0] += len;
            return len;
          }
        };

    assertThatThrownBy(() -> SmallFiles.read(endless, 100_000, "standard input"))
        .isExactlyInstanceOf(FileRefusedException.class)
        .hasMessage("standard input: larger than 100000 bytes");
    assertThat(read[0]).isEqualTo(100_001);
  }

  @Test
  void aShortStreamIsReadWhole() throws Exception {
    assertThat(SmallFiles.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "s"))
        .containsExactly(1, 2, 3);
  }

  @Test
  void textThatIsNotValidInItsCharsetIsRefusedAsFilesReadStringDoes(@TempDir Path dir)
      throws Exception {
    Path file = Files.write(dir.resolve("f"), new byte[] {(byte) 0xC3, (byte) 0x28});

    assertThatThrownBy(() -> SmallFiles.readString(file, 100, StandardCharsets.UTF_8))
        .isInstanceOf(MalformedInputException.class);
  }
}
