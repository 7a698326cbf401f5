package org.servicerecords.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineBookmarkTest {

  /** A bookmark as peer0.justice answered ListByType on the real network: a composite key. */
  private static final String FABRIC_BOOKMARK =
      "\u0000rec~type\u0000NOTARIAL_ACT\u0000na-list-itmxb9po7x60b94e-11\u0000";

  @Test
  void aBookmarkHoldingU0000BecomesATokenACommandLineCanCarryAndComesBackUnchanged() {
    String token = CommandLineBookmark.encode(FABRIC_BOOKMARK);

    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(CommandLineBookmark.decode(token)).isEqualTo(FABRIC_BOOKMARK);
  }

  @Test
  void nonAsciiKeysSurviveTheRoundTrip() {
    String bookmark = "\u0000rec~subject\u0000șțăîâ-€\u0000id\u0000";
    assertThat(CommandLineBookmark.decode(CommandLineBookmark.encode(bookmark)))
        .isEqualTo(bookmark);
  }

  @Test
  void noBookmarkIsAnEmptyTokenAndAnEmptyTokenIsTheFirstPage() {
    assertThat(CommandLineBookmark.encode(null)).isEmpty();
    assertThat(CommandLineBookmark.encode("")).isEmpty();
    assertThat(CommandLineBookmark.decode(null)).isEmpty();
    assertThat(CommandLineBookmark.decode("")).isEmpty();
  }

  @Test
  void aTokenListDidNotPrintIsRefused() {
    assertThatThrownBy(() -> CommandLineBookmark.decode("not a token!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--bookmark");
    // Valid base64url, but not UTF-8.
    assertThatThrownBy(() -> CommandLineBookmark.decode("_w"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listRefusesAForeignBookmarkAsBadInputBeforeConnecting() {
    RegistryCliTest.Result r =
        RegistryCliTest.run(
            Map.of(),
            "list",
            "NOTARIAL_ACT",
            "--bookmark",
            "%%%",
            "--profile",
            "/nonexistent/profile.json");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--bookmark");
  }
}
