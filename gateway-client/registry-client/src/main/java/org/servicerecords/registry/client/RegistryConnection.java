package org.servicerecords.registry.client;

import java.time.Instant;
import java.util.Objects;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.identity.IdentityException;
import org.servicerecords.registry.client.identity.Wallet;
import org.servicerecords.registry.client.internal.RegistryConnectionImpl;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import org.servicerecords.registry.client.profile.IdentitySource;
import org.servicerecords.registry.client.profile.ProfileException;

/**
 * A connection to the registry as one identity: gRPC channels to its own organisation's peers
 * (opened on first use, one per endpoint, reused; their TLS root certificates are read and checked
 * when the connection opens), and the three views on the ledger. Close it to release the channels.
 *
 * <pre>{@code
 * ConnectionProfile profile = ConnectionProfile.locate(null, System.getenv());
 * try (RegistryConnection connection = RegistryConnection.open(profile)) {
 *   AnchorResult result = connection.registryClient().anchorCertificate(request);
 * }
 * }</pre>
 */
public interface RegistryConnection extends AutoCloseable {

  /**
   * Opens a connection with the profile's identity (checked for expiry).
   *
   * @param profile the connection profile
   * @return the connection
   * @throws ProfileException if the profile names no identity or no peer of the organisation, or a
   *     TLS root certificate of the organisation's peers is missing or malformed (the message names
   *     the file and the peer)
   * @throws IdentityException if the identity cannot be loaded or is expired
   */
  static RegistryConnection open(ConnectionProfile profile)
      throws ProfileException, IdentityException {
    Objects.requireNonNull(profile, "profile");
    return open(profile, loadCredentials(profile));
  }

  /**
   * Opens a connection with given credentials.
   *
   * @param profile the connection profile
   * @param credentials the identity (its MSP id must be the profile's)
   * @return the connection
   * @throws ProfileException if the profile lists no peer of the organisation, or a TLS root
   *     certificate of its peers is missing or malformed (the message names the file and the peer)
   * @throws IdentityException if the identity is expired
   */
  static RegistryConnection open(ConnectionProfile profile, Credentials credentials)
      throws ProfileException, IdentityException {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(credentials, "credentials");
    credentials.checkValidAt(Instant.now());
    var organization = profile.organization(credentials.mspId());
    if (organization.peers().isEmpty()) {
      throw new ProfileException(
          "profile " + profile.describe() + " lists no peer for " + credentials.mspId());
    }
    return new RegistryConnectionImpl(profile, credentials, organization.peers());
  }

  /**
   * Loads the identity the profile names (PEM files or a wallet entry).
   *
   * @param profile the profile
   * @return the credentials
   * @throws ProfileException if the profile names no identity
   * @throws IdentityException if it cannot be loaded
   */
  static Credentials loadCredentials(ConnectionProfile profile)
      throws ProfileException, IdentityException {
    IdentitySource source = profile.identity();
    if (source.hasFiles()) {
      return Credentials.fromPem(profile.mspId(), source.certificate(), source.privateKey());
    }
    if (source.hasWalletIdentity()) {
      return Wallet.directory(source.wallet()).get(source.name(), profile.mspId());
    }
    throw new ProfileException(
        "no identity: set identity in "
            + profile.describe()
            + ", or "
            + ConnectionProfile.ENV_CERT
            + "/"
            + ConnectionProfile.ENV_KEY
            + ", or "
            + ConnectionProfile.ENV_WALLET
            + "/"
            + ConnectionProfile.ENV_IDENTITY);
  }

  /**
   * Returns the client for agency systems.
   *
   * @return the client
   */
  RegistryClient registryClient();

  /**
   * Returns the verifier.
   *
   * @return the verifier
   */
  Verifier verifier();

  /**
   * Returns the auditor.
   *
   * @return the auditor
   */
  Auditor auditor();

  /**
   * Returns the governance administration of the caller's organisation ({@code role=admin}).
   *
   * @return the governance administration
   */
  GovernanceAdmin governanceAdmin();

  /**
   * Returns what the library did so far to submit this connection's transactions exactly once:
   * transactions submitted, resubmissions, {@code DUPLICATE_TXID} statuses, commit-status retries
   * and ledger look-ups (docs/client.md, "Exactly-once").
   *
   * @return an immutable snapshot of the counts since the connection opened
   */
  SubmissionMetrics metrics();

  /**
   * Returns the identity.
   *
   * @return the credentials
   */
  Credentials credentials();

  /**
   * Returns the profile.
   *
   * @return the profile
   */
  ConnectionProfile profile();

  /** Closes the channels and stops background listeners. */
  @Override
  void close();
}
