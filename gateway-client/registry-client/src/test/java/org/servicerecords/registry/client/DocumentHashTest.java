package org.servicerecords.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentHashTest {

  @Test
  void knownVectorsOfFips180() {
    assertThat(DocumentHash.of(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(DocumentHash.of("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void largeFileIsHashedAsAStreamAndMatchesTheKnownVector(@TempDir Path dir) throws IOException {
    // FIPS 180-2 vector: one million 'a'; written 64 times over to exceed the buffer many times.
    Path file = dir.resolve("million-a.bin");
    byte[] block = new byte[1000];
    java.util.Arrays.fill(block, (byte) 'a');
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < 1000; i++) {
        out.write(block);
      }
    }
    assertThat(DocumentHash.ofFile(file))
        .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  @Test
  void missingFileIsReportedAsNoSuchFile(@TempDir Path dir) {
    assertThatThrownBy(() -> DocumentHash.ofFile(dir.resolve("absent.pdf")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void normalizeAcceptsUppercaseAndRefusesAnythingButSixtyFourHexDigits() {
    String upper = "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855";
    assertThat(DocumentHash.normalize(upper)).isEqualTo(upper.toLowerCase());
    assertThat(DocumentHash.isValid("xyz")).isFalse();
    assertThat(DocumentHash.isValid(null)).isFalse();
    assertThat(DocumentHash.isValid(upper + "0")).isFalse();
    assertThatThrownBy(() -> DocumentHash.normalize("not-a-hash"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 hex digits");
  }
}
