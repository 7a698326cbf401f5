package org.servicerecords.registry.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.JsonFormatException;

/**
 * A persistent event position: the block and the transaction of the last event handled. Written
 * atomically (temporary file, fsync, rename) after each event.
 *
 * <p>Use: call {@link #startBlock} once at every (re)subscription and ask the peer for events from
 * that block; pass each event through {@link #isNew}; after handling a new one, call {@link
 * #checkpoint}. A new stream, whether after a reconnect with the same instance or after a restart
 * with {@link #open}, then resumes right after the last event checkpointed: none is missed and none
 * is handled twice.
 *
 * <p>Delivery is <b>at least once across a crash</b>: if the process dies after a handler finished
 * but before its checkpoint was written, that one event is delivered again on restart. Handlers
 * should therefore be idempotent, keyed by the event's block number and transaction id.
 */
public final class FileCheckpoint {

  private final Path file;
  private long blockNumber = -1;
  private String transactionId;
  private boolean passed;

  private FileCheckpoint(Path file) {
    this.file = file;
  }

  /**
   * Opens a checkpoint file, reading its position when it exists.
   *
   * @param file the file (created on the first checkpoint)
   * @return the checkpoint
   * @throws IOException if the file exists but cannot be read or is malformed
   */
  public static FileCheckpoint open(Path file) throws IOException {
    FileCheckpoint checkpoint = new FileCheckpoint(Objects.requireNonNull(file, "file"));
    if (Files.exists(file)) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      try {
        JsonObject json = CanonicalJson.parseStrict(text).getAsJsonObject();
        checkpoint.blockNumber = json.get("blockNumber").getAsLong();
        JsonElement tx = json.get("transactionId");
        checkpoint.transactionId = tx == null || tx.isJsonNull() ? null : tx.getAsString();
      } catch (JsonFormatException | IllegalStateException | NullPointerException e) {
        throw new IOException("malformed checkpoint file " + file + ": " + e.getMessage(), e);
      }
    }
    return checkpoint;
  }

  /**
   * Returns the block of the last event handled.
   *
   * @return the block number, or empty before the first event
   */
  public synchronized OptionalLong blockNumber() {
    return blockNumber < 0 ? OptionalLong.empty() : OptionalLong.of(blockNumber);
  }

  /**
   * Returns the transaction of the last event handled.
   *
   * @return the transaction id, or empty
   */
  public synchronized Optional<String> transactionId() {
    return Optional.ofNullable(transactionId);
  }

  /**
   * Starts a new event stream: returns the block to ask the peer to start from, the checkpoint's
   * block (its events up to the checkpoint's transaction are then skipped by {@link #isNew}), or
   * {@code fallback} when there is no checkpoint yet. Call it once at every subscription, including
   * resubscriptions after a lost connection: the new stream replays the checkpoint's block from its
   * start, so the position within that block is searched for again.
   *
   * @param fallback the start block without a checkpoint
   * @return the start block
   */
  public synchronized long startBlock(long fallback) {
    passed = false;
    return blockNumber < 0 ? fallback : blockNumber;
  }

  /**
   * Says whether an event of the current stream comes after the checkpoint. Events of the
   * checkpoint's block are new only after its transaction has been seen again in this stream (since
   * the last {@link #startBlock}); events of earlier blocks never are.
   *
   * @param eventBlock the event's block
   * @param eventTransactionId the event's transaction
   * @return true when the event has not been handled yet
   */
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

  /**
   * Records that an event was handled and writes the position durably.
   *
   * @param eventBlock the event's block
   * @param eventTransactionId the event's transaction
   * @throws IOException if the file cannot be written
   */
  public synchronized void checkpoint(long eventBlock, String eventTransactionId)
      throws IOException {
    blockNumber = eventBlock;
    transactionId = eventTransactionId;
    passed = true;
    JsonObject json = new JsonObject();
    json.addProperty("blockNumber", eventBlock);
    json.addProperty("transactionId", eventTransactionId);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, ".checkpoint-", ".tmp");
    try {
      Files.writeString(temp, json.toString(), StandardCharsets.UTF_8);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
