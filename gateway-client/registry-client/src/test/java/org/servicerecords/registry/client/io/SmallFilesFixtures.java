package org.servicerecords.registry.client.io;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files no small-file reader should read whole: a FIFO without a writer, an oversized file. */
public final class SmallFilesFixtures {

  private SmallFilesFixtures() {}

  /**
   * Makes a FIFO (with {@code mkfifo}: the Files API cannot). Opening it for reading blocks until a
   * writer comes, and none will.
   *
   * @param path where
   * @return the path
   */
  public static Path fifo(Path path) throws IOException, InterruptedException {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    if (mkfifo.waitFor() != 0 || Files.isRegularFile(path) || !Files.exists(path)) {
      throw new IOException("mkfifo " + path + " failed");
    }
    return path;
  }

  /**
   * Makes a regular file one byte larger than {@link SmallFiles#DEFAULT_LIMIT} (sparse where the
   * file system allows).
   *
   * @param path where
   * @return the path
   */
  public static Path oversized(Path path) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
      file.setLength(SmallFiles.DEFAULT_LIMIT + 1L);
    }
    return path;
  }
}
