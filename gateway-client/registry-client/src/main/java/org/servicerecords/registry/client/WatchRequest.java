package org.servicerecords.registry.client;

import java.util.Objects;

/**
 * What {@link Auditor#watch} listens to: a namespace, optionally the {@link Checkpoint} to resume
 * after and write to (a fresh {@link Checkpoint#inMemory()} by default), and the block to start
 * from when the checkpoint holds no position yet (0 by default). Immutable.
 *
 * <pre>{@code
 * auditor.watch(
 *     WatchRequest.of("records-justice").checkpoint(Checkpoint.file(path)).startBlock(10).build(),
 *     handler);
 * }</pre>
 */
public final class WatchRequest {

  private final String namespace;
  private final Checkpoint checkpoint;
  private final long startBlock;

  private WatchRequest(Builder builder) {
    this.namespace = builder.namespace;
    this.checkpoint = builder.checkpoint == null ? Checkpoint.inMemory() : builder.checkpoint;
    this.startBlock = builder.startBlock;
  }

  /**
   * Starts a request.
   *
   * @param namespace the namespace (or MSP id, or the governance chaincode name)
   * @return the builder
   */
  public static Builder of(String namespace) {
    return new Builder(Objects.requireNonNull(namespace, "namespace"));
  }

  /**
   * Returns the namespace.
   *
   * @return the namespace, MSP id or governance chaincode name
   */
  public String namespace() {
    return namespace;
  }

  /**
   * Returns the checkpoint.
   *
   * @return the checkpoint
   */
  public Checkpoint checkpoint() {
    return checkpoint;
  }

  /**
   * Returns the first block to read when the checkpoint holds no position.
   *
   * @return the block number
   */
  public long startBlock() {
    return startBlock;
  }

  /** Builds a {@link WatchRequest}. */
  public static final class Builder {
    private final String namespace;
    private Checkpoint checkpoint;
    private long startBlock;

    private Builder(String namespace) {
      this.namespace = namespace;
    }

    /**
     * Resumes after, and writes to, a checkpoint.
     *
     * @param position the checkpoint, for example {@link Checkpoint#file}
     * @return this builder
     */
    public Builder checkpoint(Checkpoint position) {
      this.checkpoint = Objects.requireNonNull(position, "checkpoint");
      return this;
    }

    /**
     * Sets the first block to read when the checkpoint holds no position.
     *
     * @param block the block number (0, the default, or more)
     * @return this builder
     */
    public Builder startBlock(long block) {
      this.startBlock = block;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public WatchRequest build() {
      return new WatchRequest(this);
    }
  }
}
