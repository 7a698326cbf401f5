package org.servicerecords.registry.client;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What {@link Auditor#verifyChain} checks: the blocks from {@code from} (0 by default) to {@code
 * to} (the ledger's last block when not set), and whom it tells of its progress. Immutable.
 *
 * <pre>{@code
 * ChainReport report =
 *     auditor.verifyChain(ChainVerification.builder().from(0).progress(listener).build());
 * }</pre>
 */
public final class ChainVerification {

  /** Fabric's default {@code peer.authentication.timewindow}: 15 minutes. */
  public static final Duration DEFAULT_TIME_TOLERANCE = Duration.ofMinutes(15);

  private final long from;
  private final Long to;
  private final ChainProgress progress;
  private final boolean comparePeers;
  private final Duration timeTolerance;

  private ChainVerification(Builder builder) {
    this.from = builder.from;
    this.to = builder.to;
    this.progress = builder.progress;
    this.comparePeers = builder.comparePeers;
    this.timeTolerance = builder.timeTolerance;
  }

  /**
   * Starts a request.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the first block to check.
   *
   * @return the block number (0 or more)
   */
  public long from() {
    return from;
  }

  /**
   * Returns the last block to check, when one was set.
   *
   * @return the block number, or empty for the ledger's last block
   */
  public OptionalLong to() {
    return to == null ? OptionalLong.empty() : OptionalLong.of(to);
  }

  /**
   * Returns the progress listener.
   *
   * @return the listener (one that does nothing by default)
   */
  public ChainProgress progress() {
    return progress;
  }

  /**
   * Whether every other peer the profile lists, of any organisation, is compared with the verified
   * chain (see {@link ChainReport#peers()}).
   *
   * @return true by default
   */
  public boolean comparePeers() {
    return comparePeers;
  }

  /**
   * Returns how far before the latest timestamp of an earlier block's valid transaction a
   * transaction's timestamp may lie before it counts as backdated.
   *
   * @return the tolerance (15 minutes, Fabric's {@code peer.authentication.timewindow}, by default)
   */
  public Duration timeTolerance() {
    return timeTolerance;
  }

  /** Builds a {@link ChainVerification}. */
  public static final class Builder {
    private long from;
    private Long to;
    private ChainProgress progress = (block, last, findings) -> {};
    private boolean comparePeers = true;
    private Duration timeTolerance = DEFAULT_TIME_TOLERANCE;

    private Builder() {}

    /**
     * Sets the first block. From a block N above 0, block N-1 is read to link block N to it and the
     * configuration block it names (its last configuration) gives the configuration in force: both
     * are taken from the peer as they are, unchecked.
     *
     * @param block the first block (0, the default, or more)
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder from(long block) {
      if (block < 0) {
        throw new IllegalArgumentException("from must be 0 or more: " + block);
      }
      this.from = block;
      return this;
    }

    /**
     * Sets the last block; beyond the ledger's last block means the ledger's last block.
     *
     * @param block the last block
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder to(long block) {
      if (block < 0) {
        throw new IllegalArgumentException("to must be 0 or more: " + block);
      }
      this.to = block;
      return this;
    }

    /**
     * Sets the progress listener.
     *
     * @param listener told after each block
     * @return this builder
     */
    public Builder progress(ChainProgress listener) {
      this.progress = Objects.requireNonNull(listener, "progress");
      return this;
    }

    /**
     * Sets whether the other peers the profile lists are compared with the verified chain: each
     * one's blocks over the range are read from that peer and their header hashes, data hashes and
     * validation codes compared (no signature is checked again). Read-only: block delivery needs
     * only the channel's Readers policy, and nothing private is sent.
     *
     * @param compare true (the default) to compare
     * @return this builder
     */
    public Builder comparePeers(boolean compare) {
      this.comparePeers = compare;
      return this;
    }

    /**
     * Sets the tolerance for backdated timestamps: a transaction whose channel-header timestamp
     * lies more than this before the latest timestamp of the valid transactions of earlier blocks
     * is a {@link ChainFinding.Reason#TIMESTAMP_OUT_OF_ORDER} finding.
     *
     * @param tolerance the tolerance (0 or more; 15 minutes by default)
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder timeTolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "timeTolerance");
      if (tolerance.isNegative()) {
        throw new IllegalArgumentException("timeTolerance must be 0 or more: " + tolerance);
      }
      this.timeTolerance = tolerance;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public ChainVerification build() {
      if (to != null && to < from) {
        throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
      }
      return new ChainVerification(this);
    }
  }
}
