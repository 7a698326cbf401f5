package org.servicerecords.registry.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class InputRulesTest {

  @Test
  void acceptsNoMetadataAndOrdinaryMetadata() {
    assertThat(InputRules.metadataProblems("metadata", null)).isEmpty();
    assertThat(InputRules.metadataProblems("metadata", Map.of("office", "Bucharest 3"))).isEmpty();
  }

  @Test
  void refusesKeysThatAreBlankTooLongOrHoldControlCharacters() {
    assertThat(InputRules.metadataProblems("metadata", Map.of(" ", "v"))).hasSize(1);
    assertThat(InputRules.metadataProblems("metadata", Map.of("k".repeat(65), "v"))).hasSize(1);
    assertThat(InputRules.metadataProblems("metadata", Map.of("a\nb", "v")))
        .containsExactly(
            "metadata key must be 1 to 64 characters without control characters or U+10FFFF");
  }

  @Test
  void refusesValuesTooLongOrHoldingCharactersThatCannotBeKeyMaterial() {
    assertThat(InputRules.metadataProblems("metadata", Map.of("k", "v".repeat(257))))
        .containsExactly("metadata.k is longer than 256");
    assertThat(InputRules.metadataProblems("metadata", Map.of("k", "a\u0000b")))
        .containsExactly("metadata.k must not contain U+0000 or U+10FFFF");
    assertThat(InputRules.metadataProblems("metadata", Map.of("k", "a\udbff\udfffb")))
        .containsExactly("metadata.k must not contain U+0000 or U+10FFFF");
  }

  @Test
  void limitsTheNumberOfEntriesAndTheirTotalSize() {
    Map<String, String> many = new TreeMap<>();
    for (int i = 0; i < InputRules.MAX_METADATA_ENTRIES + 1; i++) {
      many.put("k" + i, "v");
    }
    assertThat(InputRules.metadataProblems("metadata", many))
        .containsExactly("metadata has more than 16 entries");

    Map<String, String> large = new TreeMap<>();
    for (int i = 0; i < 16; i++) {
      large.put("key" + i, "é".repeat(200)); // 400 UTF-8 bytes each
    }
    assertThat(InputRules.metadataProblems("metadata", large))
        .containsExactly("metadata is larger than 4096 UTF-8 bytes in total");
  }
}
