package org.servicerecords.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class DetailsFileTest {

  @Test
  void readsAnObjectOfStringsSortedByKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("details.json");
    Files.writeString(file, "{\"name\":\"Ana Pop\",\"birthDate\":\"1985-01-01\"}");
    assertThat(DetailsFile.read(file.toString()))
        .containsExactlyEntriesOf(
            new TreeMap<>(Map.of("birthDate", "1985-01-01", "name", "Ana Pop")));
  }

  @Test
  void refusesWhatIsNotAnObjectOfStringsWithoutQuotingValues() {
    assertThatThrownBy(() -> DetailsFile.parse("{\"name\":42}", "d.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--details-file d.json: the value of 'name' must be a string");
    assertThatThrownBy(() -> DetailsFile.parse("[\"Ana Pop\"]", "d.json"))
        .hasMessage("--details-file d.json: must hold a JSON object of strings");
    assertThatThrownBy(() -> DetailsFile.parse("{\"name\":\"Ana\",\"name\":\"Pop\"}", "d.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate field 'name'")
        .hasMessageNotContaining("Pop");
  }

  @Test
  void aNumberIsNotQuotedEither() {
    assertThatThrownBy(() -> DetailsFile.parse("{\"idNumber\": 1850101.123456}", "d.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.idNumber")
        .hasMessageNotContaining("1850101");
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> DetailsFile.read(dir.resolve("gone.json").toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file not found")
        .hasMessageContaining("gone.json");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aDeviceIsRefusedUnread() {
    assertThatThrownBy(() -> DetailsFile.read("/dev/zero"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--details-file /dev/zero refused: not a regular file (a device, FIFO or folder is not"
                + " read)");
  }

  @Test
  void anOversizedFileIsRefused(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("details.json");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength((1 << 20) + 1);
    }
    assertThatThrownBy(() -> DetailsFile.read(big.toString()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("--details-file " + big + " refused: larger than 1048576 bytes");
  }

  @Test
  void standardInputIsReadNoFurtherThanTheLimit() {
    long[] read = {0};
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            read[0]++;
            return ' ';
          }
        };
    assertThatThrownBy(() -> DetailsFile.read("-", endless))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("--details-file standard input refused: larger than 1048576 bytes");
    assertThat(read[0]).isEqualTo((1 << 20) + 1);
  }
}
