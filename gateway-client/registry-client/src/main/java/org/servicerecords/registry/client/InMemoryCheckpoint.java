package org.servicerecords.registry.client;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@link Checkpoint} kept in memory: it resumes across resubscriptions within one process, not
 * across a restart. Thread-safe. Obtain one from {@link Checkpoint#inMemory()}.
 */
public final class InMemoryCheckpoint implements Checkpoint {

  private long blockNumber = -1;
  private String transactionId;
  private boolean passed;

  InMemoryCheckpoint() {}

  /**
   * Sets the position without a stream, as read back from storage.
   *
   * @param block the block of the last event handled
   * @param transaction its transaction, or {@code null} when the whole block was handled
   */
  synchronized void restore(long block, String transaction) {
    blockNumber = block;
    transactionId = transaction;
  }

  @Override
  public synchronized OptionalLong blockNumber() {
    return blockNumber < 0 ? OptionalLong.empty() : OptionalLong.of(blockNumber);
  }

  @Override
  public synchronized Optional<String> transactionId() {
    return Optional.ofNullable(transactionId);
  }

  @Override
  public synchronized long startBlock(long fallback) {
    passed = false;
    return blockNumber < 0 ? fallback : blockNumber;
  }

  @Override
  public synchronized boolean isNew(long eventBlock, String eventTransactionId) {
    if (blockNumber < 0 || eventBlock > blockNumber) {
      return true;
    }
    if (eventBlock < blockNumber) {
      return false;
    }
    if (transactionId == null) {
      // The whole block was handled.
      return false;
    }
    if (passed) {
      return true;
    }
    if (transactionId.equals(eventTransactionId)) {
      // Seen again: everything after it in this block is new.
      passed = true;
    }
    return false;
  }

  @Override
  public synchronized void checkpoint(long eventBlock, String eventTransactionId) {
    blockNumber = eventBlock;
    transactionId = eventTransactionId;
    passed = true;
  }
}
