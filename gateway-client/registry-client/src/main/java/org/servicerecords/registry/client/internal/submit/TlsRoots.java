package org.servicerecords.registry.client.internal.submit;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.servicerecords.registry.client.io.FileRefusedException;
import org.servicerecords.registry.client.io.SmallFiles;
import org.servicerecords.registry.client.profile.PeerEndpoint;
import org.servicerecords.registry.client.profile.ProfileException;

/**
 * The TLS root certificates of the organisation's peer endpoints. They are read and checked when a
 * connection opens, so that a missing or malformed file is reported as a configuration error naming
 * the file and the endpoint, and the channels opened later use the bytes checked then.
 */
public final class TlsRoots {

  /** More than any set of CA certificates needs; a larger file is not a TLS root. */
  static final int MAX_BYTES = SmallFiles.DEFAULT_LIMIT;

  private TlsRoots() {}

  /**
   * Reads and checks the TLS root certificate of every endpoint.
   *
   * @param endpoints the organisation's endpoints, in order
   * @return the PEM bytes of each endpoint's TLS roots, in the same order
   * @throws ProfileException naming the first file that is missing, unreadable or malformed
   */
  static List<byte[]> readAll(List<PeerEndpoint> endpoints) throws ProfileException {
    List<byte[]> roots = new ArrayList<>();
    for (PeerEndpoint endpoint : endpoints) {
      roots.add(read(endpoint));
    }
    return roots;
  }

  /**
   * Reads an endpoint's TLS root certificate file and checks that it holds at least one X.509
   * certificate in PEM that the gRPC channel builder accepts.
   *
   * @param endpoint the endpoint
   * @return the file's bytes
   * @throws ProfileException if the file is missing, unreadable, not a regular file, larger than
   *     {@link #MAX_BYTES} or malformed
   */
  public static byte[] read(PeerEndpoint endpoint) throws ProfileException {
    Path file = endpoint.tlsRootCertificate();
    String what = "TLS root certificate " + file + " of peer " + endpoint.address();
    byte[] bytes;
    try {
      bytes = SmallFiles.read(file, MAX_BYTES);
    } catch (NoSuchFileException e) {
      throw new ProfileException(what + " not found", e);
    } catch (FileRefusedException e) {
      throw new ProfileException(what + " refused: " + e.getReason(), e);
    } catch (IOException e) {
      throw new ProfileException("cannot read " + what + ": " + brief(e), e);
    }
    int certificates = countCertificates(bytes, what);
    if (certificates == 0) {
      throw new ProfileException(what + " holds no PEM certificate");
    }
    try {
      // What the channel will do on first use: build the TLS context from these bytes.
      channelBuilder(endpoint, bytes);
    } catch (IOException | RuntimeException e) {
      throw new ProfileException(what + " is not usable for TLS: " + brief(e), e);
    }
    return bytes;
  }

  private static int countCertificates(byte[] bytes, String what) throws ProfileException {
    int count = 0;
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (PEMParser parser =
        new PEMParser(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
      Object object;
      while ((object = parser.readObject()) != null) {
        if (object instanceof X509CertificateHolder holder) {
          converter.getCertificate(holder);
          count++;
        }
      }
    } catch (IOException | CertificateException | RuntimeException e) {
      throw new ProfileException("malformed " + what + ": " + brief(e), e);
    }
    return count;
  }

  /**
   * A channel builder for an endpoint that trusts the given roots. Builds the TLS context, so a
   * root gRPC cannot use fails here, before any connection is made.
   *
   * @param endpoint the endpoint
   * @param roots PEM bytes of the TLS root certificates
   * @return the builder
   * @throws IOException if the roots cannot be read
   * @throws RuntimeException (from gRPC) if the roots or the address cannot be used
   */
  public static ManagedChannelBuilder<?> channelBuilder(PeerEndpoint endpoint, byte[] roots)
      throws IOException {
    ChannelCredentials tls =
        TlsChannelCredentials.newBuilder().trustManager(new ByteArrayInputStream(roots)).build();
    ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(endpoint.address(), tls);
    if (endpoint.serverNameOverride() != null) {
      builder.overrideAuthority(endpoint.serverNameOverride());
    }
    return builder;
  }

  /**
   * The first line of a failure's message, or its class's name when it has none.
   *
   * @param e the failure
   * @return a short text
   */
  public static String brief(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : message.lines().findFirst().orElse("");
  }
}
