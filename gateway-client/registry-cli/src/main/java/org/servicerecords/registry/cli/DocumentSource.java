package org.servicerecords.registry.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.servicerecords.registry.client.DocumentHash;
import picocli.CommandLine.Option;

/**
 * The one way to give a document, shared by {@code issue}, {@code supersede}, {@code decide} and
 * {@code verify}: {@code --file FILE} (hashed as a stream) or {@code --hash HEX}, used as an
 * exclusive argument group. {@code verify} also takes the file as its parameter ({@code verify
 * FILE}), which ends in the same hashing.
 */
final class DocumentSource {

  @Option(names = "--file", paramLabel = "FILE", description = "Document file (hashed as a stream)")
  Path file;

  @Option(names = "--hash", paramLabel = "HEX", description = "Document SHA-256 (64 hex digits)")
  String hash;

  /**
   * The document's hash: the file's SHA-256, or the given hash normalised.
   *
   * @return 64 lowercase hex digits
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException (bad input) if the hash is not a SHA-256 hash
   */
  String resolve() throws IOException {
    return hashOf(file, hash);
  }

  /**
   * The hash of a document given as a file or a hash (exactly one of them).
   *
   * @param file the file, or {@code null}
   * @param hash the hash, or {@code null}
   * @return 64 lowercase hex digits
   * @throws IOException if the file cannot be read
   */
  static String hashOf(Path file, String hash) throws IOException {
    return file != null ? DocumentHash.ofFile(file) : DocumentHash.normalize(hash);
  }
}
