package org.servicerecords.registry.client.identity;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A store of identities by name. The directory wallet keeps one folder per identity holding {@code
 * cert.pem} and {@code key.pem} (PKCS#8, readable by the owner only where the file system allows).
 */
public interface Wallet {

  /**
   * Opens (without creating) a directory wallet.
   *
   * @param directory the wallet directory
   * @return the wallet
   */
  static Wallet directory(Path directory) {
    return new DirectoryWallet(Objects.requireNonNull(directory, "directory"));
  }

  /**
   * Loads an identity.
   *
   * @param name the identity's name in the wallet
   * @param mspId the MSP id the identity belongs to
   * @return the credentials
   * @throws IdentityException if the identity is missing or its files are malformed
   */
  Credentials get(String name, String mspId) throws IdentityException;

  /**
   * Stores an identity, replacing one of the same name.
   *
   * @param name the identity's name
   * @param certificate its certificate
   * @param privateKey its private key
   * @throws IdentityException if the files cannot be written
   */
  void put(String name, X509Certificate certificate, PrivateKey privateKey)
      throws IdentityException;

  /**
   * Says whether an identity exists.
   *
   * @param name the identity's name
   * @return true when its folder holds a certificate
   */
  boolean contains(String name);

  /**
   * Lists the identities.
   *
   * @return names, sorted
   * @throws IdentityException if the directory cannot be read
   */
  List<String> list() throws IdentityException;
}
