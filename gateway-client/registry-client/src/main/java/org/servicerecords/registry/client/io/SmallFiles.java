package org.servicerecords.registry.client.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Reads the small files a person names (connection profiles, PEM certificates and keys, personal
 * details, checkpoints) with a bound, so that no file can exhaust memory or block the reader:
 *
 * <ul>
 *   <li>what is not a regular file once symbolic links are followed (a device such as {@code
 *       /dev/zero}, a FIFO, a folder) is refused before it is opened: a FIFO without a writer would
 *       block the opening, and a device may never end;
 *   <li>a file whose size is over the limit is refused unread, and no more than the limit and one
 *       byte is ever read, so a file that grows while it is read is refused at the limit too.
 * </ul>
 *
 * Refusals are {@link FileRefusedException}s; a missing file is a {@link NoSuchFileException}, as
 * with {@link Files}.
 */
public final class SmallFiles {

  /**
   * The limit for a connection profile, a PEM file or a personal details file: 1 MiB, far more than
   * any of them holds.
   */
  public static final int DEFAULT_LIMIT = 1 << 20;

  private static final int CHUNK = 8192;

  private SmallFiles() {}

  /**
   * Reads a regular file of at most {@code limit} bytes.
   *
   * @param file the file
   * @param limit the most bytes accepted
   * @return the file's bytes
   * @throws NoSuchFileException if the file does not exist
   * @throws FileRefusedException if it is not a regular file, or holds more than {@code limit}
   *     bytes
   * @throws IOException if it cannot be read
   */
  public static byte[] read(Path file, int limit) throws IOException {
    Objects.requireNonNull(file, "file");
    checkLimit(limit);
    // Checked before opening: opening a FIFO blocks until a writer comes.
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      throw new FileRefusedException(
          file.toString(), "not a regular file (a device, FIFO or folder is not read)");
    }
    if (attributes.size() > limit) {
      throw tooLarge(file.toString(), limit);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, limit, file.toString());
    }
  }

  /**
   * Reads a regular file of at most {@code limit} bytes as text, refusing bytes that are not valid
   * in the charset (as {@link Files#readString(Path, Charset)} does).
   *
   * @param file the file
   * @param limit the most bytes accepted
   * @param charset the text's charset
   * @return the text
   * @throws NoSuchFileException if the file does not exist
   * @throws FileRefusedException if it is not a regular file, or holds more than {@code limit}
   *     bytes
   * @throws CharacterCodingException if the bytes are not valid in the charset
   * @throws IOException if it cannot be read
   */
  public static String readString(Path file, int limit, Charset charset) throws IOException {
    Objects.requireNonNull(charset, "charset");
    byte[] bytes = read(file, limit);
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /**
   * Reads a stream to its end, refusing it once it has given more than {@code limit} bytes: at most
   * {@code limit + 1} bytes are read. The stream is not closed.
   *
   * @param in the stream
   * @param limit the most bytes accepted
   * @param source what the stream is, for the refusal (for example {@code standard input})
   * @return the bytes
   * @throws FileRefusedException if the stream holds more than {@code limit} bytes
   * @throws IOException if reading fails
   */
  public static byte[] read(InputStream in, int limit, String source) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    checkLimit(limit);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[CHUNK];
    long total = 0;
    while (true) {
      int wanted = (int) Math.min(buffer.length, limit + 1L - total);
      int read = in.read(buffer, 0, wanted);
      if (read < 0) {
        return bytes.toByteArray();
      }
      total += read;
      if (total > limit) {
        throw tooLarge(source, limit);
      }
      bytes.write(buffer, 0, read);
    }
  }

  private static FileRefusedException tooLarge(String source, int limit) {
    return new FileRefusedException(source, "larger than " + limit + " bytes");
  }

  private static void checkLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
  }
}
