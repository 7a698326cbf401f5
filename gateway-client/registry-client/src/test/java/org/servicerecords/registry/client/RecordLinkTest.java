package org.servicerecords.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RecordLinkTest {

  private static final String HASH =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @Test
  void namesTheRecordsPageWithTheHashInTheFragment() {
    URI page =
        RecordLink.of(URI.create("https://verify.example.uz/"), "records-justice", "bc:1.a", HASH)
            .toUri();
    assertThat(page)
        .hasToString("https://verify.example.uz/r/records-justice/bc%3A1.a#sha256=" + HASH);
  }

  @Test
  void refusesAPortalUnderAPathPrefix() {
    // The portal's pages load /assets and /api from the root of their host.
    assertThatThrownBy(
            () ->
                RecordLink.of(
                    URI.create("http://127.0.0.1:8088/portal"), "records-justice", "bc-1", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no path");
    assertThat(
            RecordLink.of(URI.create("http://127.0.0.1:8088"), "records-justice", "bc-1", null)
                .toUri())
        .hasToString("http://127.0.0.1:8088/r/records-justice/bc-1");
  }

  @Test
  void readsBackWhatItWrites() {
    RecordLink link =
        RecordLink.of(URI.create("http://127.0.0.1:8088"), "records-justice", "bc:1", HASH);
    assertThat(RecordLink.parse(link.toUri())).isEqualTo(link);
    RecordLink noHash = RecordLink.of(URI.create("https://v.example"), "JusticeMSP", "x", null);
    assertThat(RecordLink.parse(noHash.toUri())).isEqualTo(noHash);
    assertThat(RecordLink.parse(noHash.toUri()).hash()).isEmpty();
  }

  @Test
  void refusesPartsThatBreakTheRules() {
    URI portal = URI.create("https://v.example");
    assertThatThrownBy(() -> RecordLink.of(portal, "records justice", "x", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordLink.of(portal, "records-justice", "a/b", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordLink.of(portal, "records-justice", "x", "ABC"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordLink.of(URI.create("ftp://v.example"), "ns", "x", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordLink.of(URI.create("https://v.example?a=1"), "ns", "x", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAddressesThatAreNotAVerdictPage() {
    assertThatThrownBy(() -> RecordLink.parse(URI.create("https://v.example/about")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordLink.parse(URI.create("https://v.example/x/r/ns/id")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordLink.parse(URI.create("/r/records-justice/x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
