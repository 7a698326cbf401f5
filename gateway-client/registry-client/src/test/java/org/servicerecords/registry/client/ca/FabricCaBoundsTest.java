package org.servicerecords.registry.client.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.identity.IdentityException;

/**
 * Every CA call has one deadline for the whole exchange (connection, headers and body), and no
 * answer is read past {@link FabricCaClient#MAX_ANSWER_BYTES}: against a local TLS server that
 * misbehaves ({@link HostileCa}), each call ends with a typed {@link CaException} within the
 * deadline, and the server sees the connection closed after a bounded number of bytes. The CA's TLS
 * certificate file is read bounded too.
 */
class FabricCaBoundsTest {

  private static final Duration DEADLINE = Duration.ofSeconds(2);

  /** What a slow machine may add to the deadline. */
  private static final Duration SLACK = Duration.ofSeconds(3);

  /** More than the limit and whatever the sockets between the two ends may buffer. */
  private static final long BOUNDED = 16L << 20;

  private static FabricCaClient client(HostileCa ca) throws Exception {
    return FabricCaClient.newBuilder(ca.url())
        .tlsCertificate(ca.tlsCertificate())
        .timeout(DEADLINE)
        .build();
  }

  /** Runs an enrollment and says what it threw and how long it took. */
  private record Outcome(Throwable thrown, Duration took) {
    static Outcome ofEnroll(FabricCaClient client) {
      long start = System.nanoTime();
      Throwable thrown = catchThrowable(() -> client.enroll("user1", "secret"));
      return new Outcome(thrown, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  @Nested
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  class Answers {

    @Test
    void aBodyTrickledForeverEndsAtTheDeadlineAndTheConnectionIsClosed(@TempDir Path dir)
        throws Exception {
      try (HostileCa ca = HostileCa.start(dir, HostileCa.TRICKLE)) {
        Outcome outcome = Outcome.ofEnroll(client(ca));

        assertThat(outcome.thrown())
            .isExactlyInstanceOf(CaUnreachableException.class)
            .hasMessage("CA " + ca.url() + " did not answer enroll 'user1' in full within PT2S");
        assertThat(outcome.took()).isBetween(DEADLINE, DEADLINE.plus(SLACK));
        assertThat(ca.awaitClientGone(SLACK)).as("the client closed the connection").isTrue();
      }
    }

    @Test
    void anEndlessChunkedBodyIsRefusedAtTheLimitWithoutReadingOn(@TempDir Path dir)
        throws Exception {
      try (HostileCa ca = HostileCa.start(dir, HostileCa.ENDLESS_CHUNKS)) {
        Outcome outcome = Outcome.ofEnroll(client(ca));

        assertThat(outcome.thrown())
            .isExactlyInstanceOf(CaAnswerTooLargeException.class)
            .hasMessage(
                "CA "
                    + ca.url()
                    + " sent more than 1048576 bytes in answer to enroll 'user1' (HTTP 200);"
                    + " refused, the rest not read");
        assertThat(((CaException) outcome.thrown()).httpStatus()).isEqualTo(200);
        assertThat(outcome.took()).isLessThan(DEADLINE.plus(SLACK));
        assertThat(ca.awaitClientGone(SLACK)).as("the client closed the connection").isTrue();
        assertThat(ca.bodySent()).isLessThan(BOUNDED);
      }
    }

    @Test
    void aDeclaredLengthOfTenGigabytesIsRefusedBeforeItsBody(@TempDir Path dir) throws Exception {
      try (HostileCa ca = HostileCa.start(dir, HostileCa.TEN_GIGABYTES)) {
        Outcome outcome = Outcome.ofEnroll(client(ca));

        assertThat(outcome.thrown())
            .isExactlyInstanceOf(CaAnswerTooLargeException.class)
            .hasMessage(
                "CA "
                    + ca.url()
                    + " declared an answer of 10737418240 bytes to enroll 'user1' (HTTP 200), more"
                    + " than 1048576; refused unread");
        assertThat(outcome.took()).isLessThan(DEADLINE.plus(SLACK));
        assertThat(ca.awaitClientGone(SLACK)).as("the client closed the connection").isTrue();
        assertThat(ca.bodySent()).isLessThan(BOUNDED);
      }
    }

    @Test
    void aCaThatNeverAnswersEndsAtTheDeadline(@TempDir Path dir) throws Exception {
      try (HostileCa ca = HostileCa.start(dir, HostileCa.SILENT)) {
        Outcome outcome = Outcome.ofEnroll(client(ca));

        assertThat(outcome.thrown())
            .isExactlyInstanceOf(CaUnreachableException.class)
            .hasMessageContaining("did not answer enroll 'user1' in full within PT2S");
        assertThat(outcome.took()).isBetween(DEADLINE, DEADLINE.plus(SLACK));
      }
    }

    @Test
    void aSmallAnswerIsReadWholeAsBefore(@TempDir Path dir) throws Exception {
      try (HostileCa ca = HostileCa.start(dir, HostileCa.WRONG_SECRET)) {
        Outcome outcome = Outcome.ofEnroll(client(ca));

        assertThat(outcome.thrown())
            .isExactlyInstanceOf(CaAuthenticationException.class)
            .hasMessage("CA refused to enroll 'user1': Authentication failure (code 20)");
        assertThat(((CaException) outcome.thrown()).httpStatus()).isEqualTo(401);
      }
    }

    @Test
    void aServerWithAnotherCertificateFailsTheHandshakeWithAClearError(@TempDir Path dir)
        throws Exception {
      try (HostileCa ca = HostileCa.start(dir, HostileCa.WRONG_SECRET);
          HostileCa other =
              HostileCa.start(Files.createDirectory(dir.resolve("other")), HostileCa.SILENT)) {
        FabricCaClient trustsTheOther =
            FabricCaClient.newBuilder(ca.url())
                .tlsCertificate(other.tlsCertificate())
                .timeout(DEADLINE)
                .build();

        assertThat(Outcome.ofEnroll(trustsTheOther).thrown())
            .isExactlyInstanceOf(CaUnreachableException.class)
            .hasMessageStartingWith("TLS handshake with CA " + ca.url() + " failed: ")
            .hasMessageEndingWith(" (check tlsCertificate)");
      }
    }
  }

  /** The CA's TLS certificate is a file the user names in the profile. */
  @Nested
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  class TlsCertificateFile {

    private static FabricCaClient.Builder builder(Path tlsCertificate) {
      return FabricCaClient.newBuilder(java.net.URI.create("https://127.0.0.1:7054"))
          .tlsCertificate(tlsCertificate);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anEndlessDeviceIsRefusedUnread() {
      assertThatThrownBy(() -> builder(Path.of("/dev/zero")).build())
          .isExactlyInstanceOf(IdentityException.class)
          .hasMessage(
              "CA TLS certificate /dev/zero refused: not a regular file (a device, FIFO or folder"
                  + " is not read)");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFifoIsRefusedWithoutWaitingForAWriter(@TempDir Path dir) throws Exception {
      Path fifo =
          org.servicerecords.registry.client.io.SmallFilesFixtures.fifo(dir.resolve("ca-tls.pem"));

      assertThatThrownBy(() -> builder(fifo).build())
          .isExactlyInstanceOf(IdentityException.class)
          .hasMessageContaining("CA TLS certificate " + fifo + " refused: not a regular file");
    }

    @Test
    void anOversizedFileIsRefused(@TempDir Path dir) throws Exception {
      Path big =
          org.servicerecords.registry.client.io.SmallFilesFixtures.oversized(
              dir.resolve("ca-tls.pem"));

      assertThatThrownBy(() -> builder(big).build())
          .isExactlyInstanceOf(IdentityException.class)
          .hasMessage("CA TLS certificate " + big + " refused: larger than 1048576 bytes");
    }
  }
}
