package org.servicerecords.registry.client.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A wallet on disk: {@code <dir>/<name>/cert.pem} and {@code <dir>/<name>/key.pem}. */
final class DirectoryWallet implements Wallet {

  static final String CERT = "cert.pem";
  static final String KEY = "key.pem";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

  private final Path directory;

  DirectoryWallet(Path directory) {
    this.directory = directory;
  }

  @Override
  public Credentials get(String name, String mspId) throws IdentityException {
    Path folder = folder(name);
    if (!Files.isDirectory(folder)) {
      throw new IdentityException("identity '" + name + "' not found in wallet " + directory);
    }
    return Credentials.fromPem(mspId, folder.resolve(CERT), folder.resolve(KEY));
  }

  @Override
  public void put(String name, X509Certificate certificate, PrivateKey privateKey)
      throws IdentityException {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    Path folder = folder(name);
    try {
      Files.createDirectories(folder);
      write(folder.resolve(KEY), Pem.toPem(privateKey), true);
      write(folder.resolve(CERT), Pem.toPem(certificate), false);
    } catch (IOException e) {
      throw new IdentityException(
          "cannot write identity '" + name + "' to wallet " + directory + ": " + Pem.brief(e), e);
    }
  }

  @Override
  public boolean contains(String name) {
    return Files.isRegularFile(folder(name).resolve(CERT));
  }

  @Override
  public List<String> list() throws IdentityException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> entries = Files.list(directory)) {
      entries
          .filter(p -> Files.isRegularFile(p.resolve(CERT)))
          .forEach(p -> names.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new IdentityException("cannot list wallet " + directory + ": " + Pem.brief(e), e);
    }
    names.sort(null);
    return List.copyOf(names);
  }

  private Path folder(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches() || name.startsWith(".")) {
      throw new IllegalArgumentException(
          "invalid identity name '" + name + "' (letters, digits, . _ @ -; at most 128)");
    }
    return directory.resolve(name);
  }

  private static void write(Path file, String text, boolean secret) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), ".tmp-", ".pem");
    try {
      if (secret) {
        try {
          Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the platform's defaults apply
        }
      }
      Files.writeString(temp, text, StandardCharsets.US_ASCII);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
