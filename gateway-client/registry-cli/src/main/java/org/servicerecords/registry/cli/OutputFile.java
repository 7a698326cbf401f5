package org.servicerecords.registry.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A file a command writes (`-o FILE [--force]`): checked before any work is done, then written
 * whole or not at all. Used by {@code registry qr} and {@code registry proof export}.
 */
final class OutputFile {

  private static final SecureRandom RANDOM = new SecureRandom();

  private OutputFile() {}

  /**
   * Refuses an existing file without {@code replace}, and a missing folder.
   *
   * @param file the file
   * @param replace whether an existing file may be replaced ({@code --force})
   * @throws IllegalArgumentException (bad input, exit 5) naming the problem
   */
  static void check(Path file, boolean replace) {
    if (Files.exists(file) && !replace) {
      throw exists(file);
    }
    Path folder = file.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new IllegalArgumentException("no such folder: " + folder);
    }
  }

  /**
   * The refusal of an existing file.
   *
   * @param file the file
   * @return the error (bad input, exit 5)
   */
  static IllegalArgumentException exists(Path file) {
    return new IllegalArgumentException(file + " exists: nothing written (--force replaces it)");
  }

  /**
   * Writes a file whole or not at all: the bytes go to a new file beside it (created with the
   * process's usual permissions), synced, then moved over the name. Without {@code replace} the
   * move refuses a file that exists by then.
   *
   * @param file the file
   * @param bytes its content
   * @param replace whether an existing file is replaced
   * @throws FileAlreadyExistsException if the file exists and {@code replace} is false
   * @throws IOException if writing or moving fails; nothing is left behind
   */
  static void write(Path file, byte[] bytes, boolean replace) throws IOException {
    Path target = file.toAbsolutePath();
    byte[] nonce = new byte[6];
    RANDOM.nextBytes(nonce);
    Path temp =
        target.resolveSibling(
            "." + target.getFileName() + "." + HexFormat.of().formatHex(nonce) + ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (replace) {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        // Without REPLACE_EXISTING the move refuses an existing target; a file created between its
        // check and the rename may still be replaced (a race with another writer, not guarded).
        Files.move(temp, target);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
