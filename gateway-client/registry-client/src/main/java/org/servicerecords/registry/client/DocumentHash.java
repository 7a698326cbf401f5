package org.servicerecords.registry.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SHA-256 document hashes as the registry stores them: 64 lowercase hex digits. Files are hashed as
 * a stream, so their size does not matter.
 */
public final class DocumentHash {

  private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final int BUFFER = 1 << 16;

  private DocumentHash() {}

  /**
   * Hashes a file by streaming it.
   *
   * @param file the file
   * @return the lowercase hex SHA-256
   * @throws IOException if the file cannot be read (a {@link NoSuchFileException} when missing)
   */
  public static String ofFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return of(in);
    }
  }

  /**
   * Hashes a stream to its end (the stream is not closed).
   *
   * @param in the stream
   * @return the lowercase hex SHA-256
   * @throws IOException if reading fails
   */
  public static String of(InputStream in) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[BUFFER];
    int read;
    while ((read = in.read(buffer)) != -1) {
      digest.update(buffer, 0, read);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Hashes bytes.
   *
   * @param bytes the bytes
   * @return the lowercase hex SHA-256
   */
  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /**
   * Says whether a text is a SHA-256 hash in hex (either case).
   *
   * @param text the text, may be {@code null}
   * @return true for exactly 64 hex digits
   */
  public static boolean isValid(String text) {
    return text != null && HEX64.matcher(text).matches();
  }

  /**
   * Checks and normalises a hash given by a person or another system.
   *
   * @param text the hash
   * @return the hash in lowercase
   * @throws IllegalArgumentException if it is not 64 hex digits
   */
  public static String normalize(String text) {
    if (!isValid(text)) {
      throw new IllegalArgumentException(
          "not a SHA-256 hash (expected 64 hex digits): " + abbreviate(text));
    }
    return text.toLowerCase(Locale.ROOT);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "(none)";
    }
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
