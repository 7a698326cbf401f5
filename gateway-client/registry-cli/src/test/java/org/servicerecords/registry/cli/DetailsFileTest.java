package org.servicerecords.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
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
}
