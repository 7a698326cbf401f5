package org.servicerecords.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request values' defaults and what their builders keep. */
class RequestValuesTest {

  private static final String HASH = "ab".repeat(32);

  @Test
  void aVerificationRequestDefaultsToNowAndEveryIssuer() {
    VerificationRequest request = VerificationRequest.forHash(HASH).build();
    assertThat(request.documentHash()).isEqualTo(HASH);
    assertThat(request.at()).isEmpty();
    assertThat(request.issuer()).isEmpty();
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    VerificationRequest pinned =
        VerificationRequest.forHash(HASH).at(at).issuer("JusticeMSP").build();
    assertThat(pinned.at()).hasValue(at);
    assertThat(pinned.issuer()).hasValue("JusticeMSP");
    assertThat(VerificationRequest.forHash(HASH).at(null).issuer(null).build().at()).isEmpty();
  }

  @Test
  void aVerificationRequestForAFileHoldsTheFilesHash(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("doc.txt");
    Files.writeString(file, "abc", StandardCharsets.US_ASCII);
    assertThat(VerificationRequest.forFile(file).build().documentHash())
        .isEqualTo(DocumentHash.of("abc".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aListRequestStartsAtTheFirstPageWithTheDefaultSize() {
    ListRequest request = ListRequest.of("JusticeMSP", ListQuery.TYPE, "NOTARIAL").build();
    assertThat(request.pageSize()).isEqualTo(ListRequest.DEFAULT_PAGE_SIZE);
    assertThat(request.bookmark()).isEmpty();
    assertThat(ListRequest.of("ns", ListQuery.SUBJECT, "s").bookmark("").build().bookmark())
        .isEmpty();
    ListRequest next =
        ListRequest.of("ns", ListQuery.APPLICATION, "a").pageSize(2).bookmark("b1").build();
    assertThat(next.pageSize()).isEqualTo(2);
    assertThat(next.bookmark()).hasValue("b1");
  }

  @Test
  void anAnchorBatchIsWholeAndSilentByDefault() {
    AnchorBatch batch = AnchorBatch.of(List.of()).build();
    assertThat(batch.partial()).isFalse();
    assertThat(batch.listener()).isSameAs(BatchListener.NONE);
    assertThat(AnchorBatch.of(List.of()).partial(true).build().partial()).isTrue();
    assertThatThrownBy(() -> AnchorBatch.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aWatchRequestWithoutACheckpointGetsAFreshOneInMemory() throws IOException {
    WatchRequest request = WatchRequest.of("records-justice").build();
    assertThat(request.startBlock()).isZero();
    assertThat(request.checkpoint()).isInstanceOf(InMemoryCheckpoint.class);
    assertThat(request.checkpoint().blockNumber()).isEmpty();
    Checkpoint kept = Checkpoint.inMemory();
    kept.checkpoint(5, "tx");
    WatchRequest resumed = WatchRequest.of("ns").checkpoint(kept).startBlock(3).build();
    assertThat(resumed.checkpoint()).isSameAs(kept);
    assertThat(resumed.startBlock()).isEqualTo(3);
  }
}
