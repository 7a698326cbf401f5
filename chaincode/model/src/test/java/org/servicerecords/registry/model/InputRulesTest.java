package org.servicerecords.registry.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class InputRulesTest {

  /** The metadata's problems in words. */
  private static java.util.List<String> details(String field, Map<String, String> metadata) {
    return InputRules.metadata(field, metadata).stream().map(Problem::detail).toList();
  }

  @Test
  void acceptsNoMetadataAndOrdinaryMetadata() {
    assertThat(details("metadata", null)).isEmpty();
    assertThat(details("metadata", Map.of("office", "Bucharest 3"))).isEmpty();
  }

  @Test
  void refusesKeysThatAreBlankTooLongOrHoldControlCharacters() {
    assertThat(details("metadata", Map.of(" ", "v"))).hasSize(1);
    assertThat(details("metadata", Map.of("k".repeat(65), "v"))).hasSize(1);
    assertThat(details("metadata", Map.of("a\nb", "v")))
        .containsExactly(
            "metadata key must be 1 to 64 characters without control characters or U+10FFFF");
  }

  @Test
  void refusesValuesTooLongOrHoldingCharactersThatCannotBeKeyMaterial() {
    assertThat(details("metadata", Map.of("k", "v".repeat(257))))
        .containsExactly("metadata.k is longer than 256");
    assertThat(details("metadata", Map.of("k", "a\u0000b")))
        .containsExactly("metadata.k must not contain U+0000 or U+10FFFF");
    assertThat(details("metadata", Map.of("k", "a\udbff\udfffb")))
        .containsExactly("metadata.k must not contain U+0000 or U+10FFFF");
  }

  @Test
  void limitsTheNumberOfEntriesAndTheirTotalSize() {
    Map<String, String> many = new TreeMap<>();
    for (int i = 0; i < InputRules.MAX_METADATA_ENTRIES + 1; i++) {
      many.put("k" + i, "v");
    }
    assertThat(details("metadata", many)).containsExactly("metadata has more than 16 entries");

    Map<String, String> large = new TreeMap<>();
    for (int i = 0; i < 16; i++) {
      large.put("key" + i, "é".repeat(200)); // 400 UTF-8 bytes each
    }
    assertThat(details("metadata", large))
        .containsExactly("metadata is larger than 4096 UTF-8 bytes in total");
  }

  @Test
  void legalBasesAreAcceptedAsLawsCiteThem() {
    for (String basis :
        java.util.List.of(
            "Civil Code, art. 12",
            "Law 554/2004, art. 8 (1) lit. b)",
            "§ 35 VwVfG",
            "Codul civil, art. 1.357 alin. (2) – «dispoziții»",
            "ГК РФ, ст. 12",
            "Art. 6(1)(e) GDPR; \"public task\" … №3",
            "LAW-12/2020:art.5",
            "x",
            "y".repeat(InputRules.MAX_LEGAL_BASIS))) {
      assertThat(InputRules.LEGAL_BASIS.matcher(basis).matches()).as(basis).isTrue();
    }
  }

  /**
   * Control characters, U+0000 and U+10FFFF (composite-key delimiters), invisible or lookalike
   * spaces, direction overrides, leading or trailing spaces and too long values are refused.
   */
  @Test
  void legalBasesRefuseControlAndInvisibleCharactersAndOuterSpaces() {
    for (String basis :
        java.util.List.of(
            "",
            " ",
            " Civil Code",
            "Civil Code ",
            "Civil\tCode",
            "Civil\nCode",
            "Civil\u0000Code",
            "Civil\udbff\udfffCode",
            "Civil\u007fCode",
            "Civil\u0085Code",
            "Civil\u00a0Code",
            "Civil\u00adCode",
            "Civil\u200bCode",
            "Civil\u2028Code",
            "Civil\u202eCode",
            "Civil\ufeffCode",
            "y".repeat(InputRules.MAX_LEGAL_BASIS + 1))) {
      assertThat(InputRules.LEGAL_BASIS.matcher(basis).matches()).as(basis).isFalse();
    }
    assertThat(InputRules.LEGAL_BASIS_RULE).startsWith("1 to 128 characters");
  }
}
