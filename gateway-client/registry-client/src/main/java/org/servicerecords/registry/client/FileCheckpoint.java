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
import org.servicerecords.registry.client.io.SmallFiles;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.JsonFormatException;

/**
 * A persistent {@link Checkpoint}: the position is written atomically (temporary file, fsync,
 * rename) after each event, so a restart with {@link #open} on the same file resumes right after
 * the last event checkpointed.
 *
 * <p>Delivery is <b>at least once across a crash</b>: if the process dies after a handler finished
 * but before its checkpoint was written, that one event is delivered again on restart. Handlers
 * should therefore be idempotent, keyed by the event's block number and transaction id.
 */
public final class FileCheckpoint implements Checkpoint {

  private final Path file;
  private final InMemoryCheckpoint position = new InMemoryCheckpoint();

  private FileCheckpoint(Path file) {
    this.file = file;
  }

  /**
   * Opens a checkpoint file, reading its position when it exists.
   *
   * @param file the file (created on the first checkpoint)
   * @return the checkpoint
   * @throws IOException if the file exists but cannot be read or is malformed; a {@link
   *     org.servicerecords.registry.client.io.FileRefusedException} if it is not a regular file or
   *     is larger than {@link SmallFiles#DEFAULT_LIMIT}
   */
  public static FileCheckpoint open(Path file) throws IOException {
    FileCheckpoint checkpoint = new FileCheckpoint(Objects.requireNonNull(file, "file"));
    if (Files.exists(file)) {
      String text = SmallFiles.readString(file, SmallFiles.DEFAULT_LIMIT, StandardCharsets.UTF_8);
      try {
        JsonObject json = CanonicalJson.parseStrict(text).getAsJsonObject();
        long block = json.get("blockNumber").getAsLong();
        JsonElement tx = json.get("transactionId");
        checkpoint.position.restore(block, tx == null || tx.isJsonNull() ? null : tx.getAsString());
      } catch (JsonFormatException | IllegalStateException | NullPointerException e) {
        throw new IOException("malformed checkpoint file " + file + ": " + e.getMessage(), e);
      }
    }
    return checkpoint;
  }

  @Override
  public OptionalLong blockNumber() {
    return position.blockNumber();
  }

  @Override
  public Optional<String> transactionId() {
    return position.transactionId();
  }

  @Override
  public long startBlock(long fallback) {
    return position.startBlock(fallback);
  }

  @Override
  public boolean isNew(long eventBlock, String eventTransactionId) {
    return position.isNew(eventBlock, eventTransactionId);
  }

  /**
   * Records that an event was handled and writes the position durably.
   *
   * @param eventBlock the event's block
   * @param eventTransactionId the event's transaction
   * @throws IOException if the file cannot be written
   */
  @Override
  public synchronized void checkpoint(long eventBlock, String eventTransactionId)
      throws IOException {
    position.checkpoint(eventBlock, eventTransactionId);
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
