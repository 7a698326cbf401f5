package org.servicerecords.registry.client.identity;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;
import org.servicerecords.registry.client.io.FileRefusedException;
import org.servicerecords.registry.client.io.SmallFiles;

/**
 * Reading and writing PEM with Bouncy Castle: X.509 certificates, PKCS#8 and SEC1 ("EC PRIVATE
 * KEY") private keys. Keys are written as unencrypted PKCS#8, as Fabric CA's client does.
 */
public final class Pem {

  static {
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
  }

  private Pem() {}

  /**
   * Reads the first certificate of a PEM file.
   *
   * @param file the file
   * @return the certificate
   * @throws IdentityException if the file is missing, unreadable, not a regular file, larger than
   *     {@link SmallFiles#DEFAULT_LIMIT} or holds no certificate
   */
  public static X509Certificate readCertificate(Path file) throws IdentityException {
    return parseCertificate(readFile(file, "certificate"), file.toString());
  }

  /**
   * Parses the first certificate of PEM text.
   *
   * @param pem the PEM text
   * @param source what the text is, for error messages
   * @return the certificate
   * @throws IdentityException if the text holds no certificate
   */
  public static X509Certificate parseCertificate(String pem, String source)
      throws IdentityException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object;
      while ((object = parser.readObject()) != null) {
        if (object instanceof X509CertificateHolder holder) {
          return new JcaX509CertificateConverter().getCertificate(holder);
        }
      }
    } catch (IOException | CertificateException | RuntimeException e) {
      throw new IdentityException("malformed certificate PEM in " + source + ": " + brief(e), e);
    }
    throw new IdentityException("no certificate found in " + source);
  }

  /**
   * Reads a private key from a PEM file (PKCS#8 or SEC1 EC).
   *
   * @param file the file
   * @return the key
   * @throws IdentityException if the file is missing, unreadable, not a regular file, larger than
   *     {@link SmallFiles#DEFAULT_LIMIT}, encrypted or holds no key
   */
  public static PrivateKey readPrivateKey(Path file) throws IdentityException {
    return parsePrivateKey(readFile(file, "private key"), file.toString());
  }

  /**
   * Parses a private key from PEM text (PKCS#8 or SEC1 EC).
   *
   * @param pem the PEM text
   * @param source what the text is, for error messages
   * @return the key
   * @throws IdentityException if the text holds no usable key
   */
  public static PrivateKey parsePrivateKey(String pem, String source) throws IdentityException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      Object object;
      while ((object = parser.readObject()) != null) {
        if (object instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (object instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
        if (!(object instanceof X509CertificateHolder)) {
          throw new IdentityException(
              "unsupported key format in " + source + " (encrypted keys are not supported)");
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IdentityException("malformed private key PEM in " + source + ": " + brief(e), e);
    }
    throw new IdentityException("no private key found in " + source);
  }

  /**
   * Writes a certificate as PEM.
   *
   * @param certificate the certificate
   * @return PEM text
   */
  public static String toPem(X509Certificate certificate) {
    return write(certificate);
  }

  /**
   * Writes a private key as unencrypted PKCS#8 PEM.
   *
   * @param key the key
   * @return PEM text
   */
  public static String toPem(PrivateKey key) {
    try {
      PemObject object = new JcaPKCS8Generator(key, null).generate();
      return write(object);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode private key", e);
    }
  }

  private static String write(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string cannot fail", e);
    }
    return out.toString();
  }

  private static String readFile(Path file, String what) throws IdentityException {
    try {
      return SmallFiles.readString(file, SmallFiles.DEFAULT_LIMIT, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new IdentityException(what + " file not found: " + file, e);
    } catch (FileRefusedException e) {
      throw new IdentityException(what + " file " + file + " refused: " + e.getReason(), e);
    } catch (IOException e) {
      throw new IdentityException("cannot read " + what + " file " + file + ": " + brief(e), e);
    }
  }

  static String brief(Throwable e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }

  /**
   * Parses every certificate of PEM text (a CA chain), in order.
   *
   * @param pem the PEM text
   * @param source what the text is, for error messages
   * @return the certificates, possibly empty
   * @throws IdentityException if the text is malformed
   */
  public static List<X509Certificate> parseCertificates(String pem, String source)
      throws IdentityException {
    List<X509Certificate> chain = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object;
      while ((object = parser.readObject()) != null) {
        if (object instanceof X509CertificateHolder holder) {
          chain.add(new JcaX509CertificateConverter().getCertificate(holder));
        }
      }
    } catch (IOException | CertificateException | RuntimeException e) {
      throw new IdentityException("malformed certificate PEM in " + source + ": " + brief(e), e);
    }
    return List.copyOf(chain);
  }
}
