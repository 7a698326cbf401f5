package org.servicerecords.registry.client;

import java.util.List;
import java.util.Objects;

/**
 * A batch of certificates to anchor ({@link RegistryClient#anchorBatch}): the requests, whether the
 * valid ones are anchored when some are invalid (not by default: one invalid record stops the whole
 * batch before anything is sent), and a progress listener ({@link BatchListener#NONE} by default).
 * Immutable.
 *
 * <pre>{@code
 * BatchReport report =
 *     client.anchorBatch(AnchorBatch.of(requests).partial(true).listener(bar::stepTo).build());
 * }</pre>
 */
public final class AnchorBatch {

  private final List<AnchorRequest> requests;
  private final boolean partial;
  private final BatchListener listener;

  private AnchorBatch(Builder builder) {
    this.requests = builder.requests;
    this.partial = builder.partial;
    this.listener = builder.listener;
  }

  /**
   * Starts a batch.
   *
   * @param requests the certificates (copied)
   * @return the builder
   */
  public static Builder of(List<AnchorRequest> requests) {
    return new Builder(List.copyOf(Objects.requireNonNull(requests, "requests")));
  }

  /**
   * Returns the certificates.
   *
   * @return an immutable list
   */
  public List<AnchorRequest> requests() {
    return requests;
  }

  /**
   * Says whether the valid records are anchored when some are invalid.
   *
   * @return true for a partial batch
   */
  public boolean partial() {
    return partial;
  }

  /**
   * Returns the progress listener.
   *
   * @return the listener
   */
  public BatchListener listener() {
    return listener;
  }

  /** Builds an {@link AnchorBatch}. */
  public static final class Builder {
    private final List<AnchorRequest> requests;
    private boolean partial;
    private BatchListener listener = BatchListener.NONE;

    private Builder(List<AnchorRequest> requests) {
      this.requests = requests;
    }

    /**
     * Says what happens when some records are invalid.
     *
     * @param anchorTheValidOnes false (the default): one invalid record stops the whole batch
     *     before anything is sent; true: the valid records are anchored anyway
     * @return this builder
     */
    public Builder partial(boolean anchorTheValidOnes) {
      this.partial = anchorTheValidOnes;
      return this;
    }

    /**
     * Sets the progress listener.
     *
     * @param progress the listener, called from worker threads
     * @return this builder
     */
    public Builder listener(BatchListener progress) {
      this.listener = Objects.requireNonNull(progress, "listener");
      return this;
    }

    /**
     * Builds the batch.
     *
     * @return the batch
     */
    public AnchorBatch build() {
      return new AnchorBatch(this);
    }
  }
}
