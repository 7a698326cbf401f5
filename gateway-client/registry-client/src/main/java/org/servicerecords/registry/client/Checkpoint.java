package org.servicerecords.registry.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An event position: the block and the transaction of the last event handled, as {@link
 * Auditor#watch} keeps it. Two implementations: {@link #inMemory()} (lost with the process) and
 * {@link #file(Path)} ({@link FileCheckpoint}, written atomically after each event).
 *
 * <p>Use: call {@link #startBlock} once at every (re)subscription and ask the peer for events from
 * that block; pass each event through {@link #isNew}; after handling a new one, call {@link
 * #checkpoint}. A new stream, whether after a reconnect with the same instance or after a restart
 * with a file checkpoint, then resumes right after the last event checkpointed: none is missed and
 * none is handled twice.
 */
public interface Checkpoint {

  /**
   * A checkpoint kept in memory, starting with no position.
   *
   * @return the checkpoint
   */
  static Checkpoint inMemory() {
    return new InMemoryCheckpoint();
  }

  /**
   * A checkpoint kept in a file, reading its position when the file exists.
   *
   * @param file the file (created on the first checkpoint)
   * @return the checkpoint
   * @throws IOException if the file exists but cannot be read or is malformed
   */
  static Checkpoint file(Path file) throws IOException {
    return FileCheckpoint.open(file);
  }

  /**
   * Returns the block of the last event handled.
   *
   * @return the block number, or empty before the first event
   */
  OptionalLong blockNumber();

  /**
   * Returns the transaction of the last event handled.
   *
   * @return the transaction id, or empty
   */
  Optional<String> transactionId();

  /**
   * Starts a new event stream: returns the block to ask the peer to start from, the checkpoint's
   * block (its events up to the checkpoint's transaction are then skipped by {@link #isNew}), or
   * {@code fallback} when there is no checkpoint yet. Call it once at every subscription, including
   * resubscriptions after a lost connection.
   *
   * @param fallback the start block without a checkpoint
   * @return the start block
   */
  long startBlock(long fallback);

  /**
   * Says whether an event of the current stream comes after the checkpoint. Events of the
   * checkpoint's block are new only after its transaction has been seen again in this stream (since
   * the last {@link #startBlock}); events of earlier blocks never are.
   *
   * @param eventBlock the event's block
   * @param eventTransactionId the event's transaction
   * @return true when the event has not been handled yet
   */
  boolean isNew(long eventBlock, String eventTransactionId);

  /**
   * Records that an event was handled.
   *
   * @param eventBlock the event's block
   * @param eventTransactionId the event's transaction
   * @throws IOException if a persistent checkpoint cannot be written
   */
  void checkpoint(long eventBlock, String eventTransactionId) throws IOException;
}
