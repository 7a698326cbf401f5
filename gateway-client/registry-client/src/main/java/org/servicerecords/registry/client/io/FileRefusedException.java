package org.servicerecords.registry.client.io;

import java.nio.file.FileSystemException;

/**
 * A file was refused unread, or its reading stopped at the limit: it is not a regular file (a
 * device such as {@code /dev/zero}, a FIFO, a folder), or it holds more bytes than allowed. The
 * message is {@code FILE: REASON}; {@link #getReason()} is the reason alone.
 */
public final class FileRefusedException extends FileSystemException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param file the file (or other source) refused
   * @param reason why, for example {@code larger than 1048576 bytes}
   */
  public FileRefusedException(String file, String reason) {
    super(file, null, reason);
  }
}
