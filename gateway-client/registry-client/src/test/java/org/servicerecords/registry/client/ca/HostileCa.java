package org.servicerecords.registry.client.ca;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.servicerecords.registry.client.identity.Pem;
import org.servicerecords.registry.client.internal.trust.TestPki;

/**
 * A CA that misbehaves: a TLS server on 127.0.0.1 (a self-signed P-256 certificate for that
 * address, made with Bouncy Castle) that reads each request and answers it with a {@link Script}.
 * It counts the bytes of body it managed to send and notices when the client closed the connection,
 * so a test can tell that the client stopped reading. Public for the CLI's tests too (the test-jar
 * of registry-client).
 */
public final class HostileCa implements AutoCloseable {

  /** How the server answers: it writes to the client until done, or until the client is gone. */
  @FunctionalInterface
  public interface Script {
    /**
     * Answers one request.
     *
     * @param out the connection to the client
     * @param bodySent counts the body bytes sent
     * @throws IOException when the client is gone
     * @throws InterruptedException when the server stops
     */
    void answer(OutputStream out, AtomicLong bodySent) throws IOException, InterruptedException;
  }

  /** Headers, then one body byte every 100 ms, forever. */
  public static final Script TRICKLE =
      (out, sent) -> {
        head(out, 200, "Transfer-Encoding: chunked");
        while (true) {
          out.write("1\r\n{\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          sent.incrementAndGet();
          Thread.sleep(100);
        }
      };

  /** Headers, then 64 KiB chunks as fast as the client takes them, forever. */
  public static final Script ENDLESS_CHUNKS =
      (out, sent) -> {
        head(out, 200, "Transfer-Encoding: chunked");
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes();
        byte[] end = "\r\n".getBytes(StandardCharsets.US_ASCII);
        while (true) {
          out.write(size);
          out.write(chunk);
          out.write(end);
          sent.addAndGet(chunk.length);
        }
      };

  /** Headers declaring a body of 10 GiB, then that body as fast as the client takes it. */
  public static final Script TEN_GIGABYTES =
      (out, sent) -> {
        head(out, 200, "Content-Length: " + (10L << 30));
        byte[] block = new byte[64 * 1024];
        for (long left = 10L << 30; left > 0; left -= block.length) {
          out.write(block);
          sent.addAndGet(block.length);
        }
      };

  /** Reads the request and never answers. */
  public static final Script SILENT = (out, sent) -> Thread.sleep(Long.MAX_VALUE);

  /** Fabric CA's refusal of a wrong secret: a small, well-formed answer. */
  public static final Script WRONG_SECRET =
      (out, sent) -> {
        byte[] body =
            "{\"success\":false,\"result\":null,\"errors\":[{\"code\":20,\"message\":\"Authentication failure\"}],\"messages\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        head(out, 401, "Content-Length: " + body.length);
        out.write(body);
        out.flush();
        sent.addAndGet(body.length);
      };

  private final SSLServerSocket server;
  private final Path tlsCertificate;
  private final Script script;
  private final AtomicLong bodySent = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final CountDownLatch clientGone = new CountDownLatch(1);
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  private HostileCa(SSLServerSocket server, Path tlsCertificate, Script script) {
    this.server = server;
    this.tlsCertificate = tlsCertificate;
    this.script = script;
  }

  /**
   * Starts a server.
   *
   * @param dir where to write the server's certificate (PEM) for the client to trust
   * @param script how it answers
   * @return the running server
   */
  public static HostileCa start(Path dir, Script script) throws Exception {
    TestPki.Issued issued = TestPki.selfSigned("127.0.0.1", false, "127.0.0.1");
    KeyPair keys = issued.keys();
    X509Certificate certificate = issued.certificate();
    Path pem = Files.writeString(dir.resolve("hostile-ca-tls.pem"), Pem.toPem(certificate));

    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = "test".toCharArray();
    store.setKeyEntry("tls", keys.getPrivate(), password, new Certificate[] {certificate});
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(store, password);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keyManagers.getKeyManagers(), null, null);
    SSLServerSocket socket =
        (SSLServerSocket)
            tls.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));

    HostileCa ca = new HostileCa(socket, pem, script);
    Thread acceptor = new Thread(ca::accept, "hostile-ca-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return ca;
  }

  /** The CA's URL. */
  public URI url() {
    return URI.create("https://127.0.0.1:" + server.getLocalPort());
  }

  /** The PEM file of the server's TLS certificate. */
  public Path tlsCertificate() {
    return tlsCertificate;
  }

  /** Requests read so far. */
  public long requests() {
    return requests.get();
  }

  /** Bytes of body sent so far (they may still sit in socket buffers). */
  long bodySent() {
    return bodySent.get();
  }

  /**
   * Waits until a write failed because the client closed the connection.
   *
   * @param wait how long to wait at most
   * @return whether the client closed it in that time
   */
  boolean awaitClientGone(Duration wait) throws InterruptedException {
    return clientGone.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        Thread worker = new Thread(() -> serve(socket), "hostile-ca-answer");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      readRequest(new BufferedInputStream(socket.getInputStream()));
      requests.incrementAndGet();
      script.answer(socket.getOutputStream(), bodySent);
    } catch (IOException e) {
      clientGone.countDown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads the request line, the headers and the body the client sent. */
  private static void readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("request ended early");
      }
      head.append((char) c);
    }
    long length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Long.parseLong(line.substring("content-length:".length()).strip());
      }
    }
    in.readNBytes((int) length);
  }

  private static void head(OutputStream out, int status, String header) throws IOException {
    out.write(
        ("HTTP/1.1 "
                + status
                + " Hostile\r\nContent-Type: application/json\r\n"
                + header
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
