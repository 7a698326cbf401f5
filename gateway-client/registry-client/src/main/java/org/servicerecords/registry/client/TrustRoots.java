package org.servicerecords.registry.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The consortium's root certificates, per organisation (MSP id), as a verifier obtains them out of
 * band: the trust anchors of {@link ProofVerifier}. On disk a folder holds one {@code <MSPID>.pem}
 * per organisation with its root certificate(s) in PEM (docs/proofs.md, "Roots"); every certificate
 * in an organisation's file is a trust anchor for identities of that MSP id.
 */
public final class TrustRoots {

  /** What an MSP id (a file name without {@code .pem}) may be. */
  public static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The largest roots file read. */
  static final long MAX_FILE_BYTES = 256 * 1024;

  private final Map<String, List<X509Certificate>> roots;

  private TrustRoots(Map<String, List<X509Certificate>> roots) {
    Map<String, List<X509Certificate>> copy = new TreeMap<>();
    roots.forEach(
        (msp, certificates) -> {
          if (!MSP_ID.matcher(Objects.requireNonNull(msp, "mspId")).matches()) {
            throw new IllegalArgumentException("not an MSP id: " + msp);
          }
          if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no root certificate for " + msp);
          }
          copy.put(msp, List.copyOf(certificates));
        });
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("no organisation's roots");
    }
    this.roots = Collections.unmodifiableMap(copy);
  }

  /**
   * Roots given in memory.
   *
   * @param roots per MSP id its root certificates (at least one organisation, each with one or
   *     more)
   * @return the roots
   * @throws IllegalArgumentException if an MSP id is malformed or a list empty
   */
  public static TrustRoots of(Map<String, List<X509Certificate>> roots) {
    Objects.requireNonNull(roots, "roots");
    return new TrustRoots(roots);
  }

  /**
   * Reads a roots folder: every {@code <MSPID>.pem} file in it (other files are ignored), each
   * holding one or more PEM certificates.
   *
   * @param directory the folder
   * @return the roots
   * @throws IOException if the folder or a file cannot be read
   * @throws IllegalArgumentException if it holds no {@code .pem} file, a file name is not an MSP
   *     id, or a file holds no certificate or something else
   */
  public static TrustRoots fromDirectory(Path directory) throws IOException {
    Objects.requireNonNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("no such roots folder: " + directory);
    }
    Map<String, List<X509Certificate>> roots = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".pem")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "the roots folder " + directory + " holds no <MSPID>.pem file");
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      String msp = name.substring(0, name.length() - ".pem".length());
      if (!MSP_ID.matcher(msp).matches()) {
        throw new IllegalArgumentException("not an MSP id as a roots file name: " + file);
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IllegalArgumentException("roots file larger than 256 KiB: " + file);
      }
      roots.put(msp, parse(Files.readAllBytes(file), file.toString()));
    }
    return new TrustRoots(roots);
  }

  private static List<X509Certificate> parse(byte[] pem, String what) {
    String text = new String(pem, java.nio.charset.StandardCharsets.US_ASCII);
    if (!text.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException("no PEM certificate in " + what);
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> list = new ArrayList<>();
      for (var certificate : factory.generateCertificates(new ByteArrayInputStream(pem))) {
        list.add((X509Certificate) certificate);
      }
      if (list.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + what);
      }
      return list;
    } catch (CertificateException e) {
      throw new IllegalArgumentException("unreadable certificate in " + what, e);
    }
  }

  /**
   * The organisations.
   *
   * @return their MSP ids, sorted
   */
  public Set<String> mspIds() {
    return roots.keySet();
  }

  /**
   * One organisation's roots.
   *
   * @param mspId the MSP id
   * @return its root certificates, empty when the roots do not hold it
   */
  public List<X509Certificate> rootsOf(String mspId) {
    return roots.getOrDefault(mspId, List.of());
  }
}
