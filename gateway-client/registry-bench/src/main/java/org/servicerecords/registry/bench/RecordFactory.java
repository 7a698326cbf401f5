package org.servicerecords.registry.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.model.CertificateRequest;

/**
 * Unique, valid certificates for the anchoring workloads, following the model's {@code InputRules}:
 * ids {@code bench-<run>-<n>} (a random run tag, so reruns never collide), or {@code <run id>-<n>}
 * for a run named by its caller ({@link #forRun}), the SHA-256 of {@code document:<id>} as document
 * hash, a 64-hex-digit subject reference, the given document type, and {@code validFrom} now (whole
 * seconds, so never in the future). Thread-safe.
 */
public final class RecordFactory {

  private static final HexFormat HEX = HexFormat.of();

  private final String idPrefix;
  private final String documentType;
  private final Clock clock;
  private final AtomicLong next = new AtomicLong();

  /**
   * Creates a factory with a random run tag.
   *
   * @param documentType a document type the identity's agency may issue
   * @param clock the clock {@code validFrom} is read from
   */
  public RecordFactory(String documentType, Clock clock) {
    this(randomTag(), documentType, clock);
  }

  /**
   * Creates a factory.
   *
   * @param runTag what makes this run's ids unique ({@code [A-Za-z0-9]}, a few characters)
   * @param documentType a document type the identity's agency may issue
   * @param clock the clock {@code validFrom} is read from
   */
  public RecordFactory(String runTag, String documentType, Clock clock) {
    this(clock, "bench-" + Objects.requireNonNull(runTag, "runTag") + "-", documentType);
  }

  private RecordFactory(Clock clock, String idPrefix, String documentType) {
    this.idPrefix = idPrefix;
    this.documentType = Objects.requireNonNull(documentType, "documentType");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Creates a factory whose ids are {@code <runId>-<n>} ({@link RunId#recordId}), so that a run's
   * records can be told from every other run's ({@code registry-bench --workload mixed --run-id}).
   *
   * @param runId the run id, checked by {@link RunId#check}
   * @param documentType the document type of {@link #next()}
   * @param clock the clock {@code validFrom} is read from
   * @return the factory
   * @throws IllegalArgumentException for a run id that cannot prefix a record id
   */
  public static RecordFactory forRun(String runId, String documentType, Clock clock) {
    return new RecordFactory(clock, RunId.check(runId) + "-", documentType);
  }

  /**
   * Returns a random run tag of 8 hex digits.
   *
   * @return the tag
   */
  public static String randomTag() {
    byte[] bytes = new byte[4];
    new SecureRandom().nextBytes(bytes);
    return HEX.formatHex(bytes);
  }

  /**
   * Returns the next unique key, for the reference contract.
   *
   * @return {@code bench-<run>-<n>} (or {@code <runId>-<n>})
   */
  public String nextKey() {
    return idPrefix + next.getAndIncrement();
  }

  /**
   * Returns the next unique certificate.
   *
   * @return an anchor request without personal details
   */
  public AnchorRequest next() {
    return next(documentType);
  }

  /**
   * Returns the next unique certificate, of a given document type.
   *
   * @param type a document type the identity's agency may issue
   * @return an anchor request without personal details
   */
  public AnchorRequest next(String type) {
    Objects.requireNonNull(type, "type");
    String id = nextKey();
    String validFrom = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    return AnchorRequest.of(
        CertificateRequest.builder()
            .id(id)
            .documentType(type)
            .documentHash(sha256("document:" + id))
            .subjectRef(sha256("subject:" + id))
            .validFrom(validFrom)
            .build());
  }

  /**
   * Returns the SHA-256 of a text, as 64 lowercase hex digits.
   *
   * @param text the text (UTF-8)
   * @return the hash
   */
  public static String sha256(String text) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
