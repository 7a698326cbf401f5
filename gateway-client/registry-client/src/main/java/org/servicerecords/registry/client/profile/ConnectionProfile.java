package org.servicerecords.registry.client.profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything needed to reach the registry, shared by the CLI and the library: channel and chaincode
 * names, this identity's MSP id and files, each organisation's peer and CA endpoints, and
 * deadlines. Read from one JSON file ({@link #load(Path)}), with environment overrides ({@link
 * #withEnvironment(Map)}); see {@code docs/client.md} for the format.
 *
 * @param channel channel name
 * @param mspId MSP id of the identity the client acts as
 * @param governanceChaincode chaincode name of the governance contract
 * @param recordsChaincode chaincode name of this agency's records namespace, or {@code null} to
 *     look it up in governance
 * @param identity where the identity comes from
 * @param organizations organisations by MSP id (sorted)
 * @param timeouts deadlines per call type
 * @param batchConcurrency most batch transactions in flight at once
 * @param attesters MSP ids to ask first (after the record owner's organisation) for an attested
 *     verification, in order; empty for the channel's organisations with peers by MSP id
 * @param source the file the profile came from, or {@code null}
 */
public record ConnectionProfile(
    String channel,
    String mspId,
    String governanceChaincode,
    String recordsChaincode,
    IdentitySource identity,
    SortedMap<String, Organization> organizations,
    Timeouts timeouts,
    int batchConcurrency,
    List<String> attesters,
    Path source) {

  /** Environment variable naming the profile file. */
  public static final String ENV_PROFILE = "REGISTRY_PROFILE";

  /** Environment variable overriding the MSP id. */
  public static final String ENV_MSP_ID = "REGISTRY_MSP_ID";

  /** Environment variable overriding the channel. */
  public static final String ENV_CHANNEL = "REGISTRY_CHANNEL";

  /** Environment variable overriding the records chaincode name. */
  public static final String ENV_RECORDS_CHAINCODE = "REGISTRY_RECORDS_CHAINCODE";

  /** Environment variable overriding the governance chaincode name. */
  public static final String ENV_GOVERNANCE_CHAINCODE = "REGISTRY_GOVERNANCE_CHAINCODE";

  /** Environment variable overriding the wallet directory. */
  public static final String ENV_WALLET = "REGISTRY_WALLET";

  /** Environment variable naming the identity in the wallet. */
  public static final String ENV_IDENTITY = "REGISTRY_IDENTITY";

  /** Environment variable naming the certificate PEM file (with {@link #ENV_KEY}). */
  public static final String ENV_CERT = "REGISTRY_CERT";

  /** Environment variable naming the private key PEM file (with {@link #ENV_CERT}). */
  public static final String ENV_KEY = "REGISTRY_KEY";

  /** Default channel name. */
  public static final String DEFAULT_CHANNEL = "registry";

  /** Default governance chaincode name. */
  public static final String DEFAULT_GOVERNANCE = "governance";

  /** Copies the organisations so the value cannot change. */
  public ConnectionProfile {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(mspId, "mspId");
    Objects.requireNonNull(governanceChaincode, "governanceChaincode");
    identity = identity == null ? IdentitySource.NONE : identity;
    organizations =
        java.util.Collections.unmodifiableSortedMap(
            new TreeMap<>(Objects.requireNonNull(organizations, "organizations")));
    timeouts = timeouts == null ? Timeouts.DEFAULT : timeouts;
    attesters = attesters == null ? List.of() : List.copyOf(attesters);
    if (batchConcurrency < 1) {
      throw new IllegalArgumentException("batchConcurrency must be at least 1");
    }
  }

  /**
   * Reads a profile file. Relative paths inside it are resolved against the file's folder.
   *
   * @param file the JSON profile
   * @return the profile
   * @throws ProfileException if the file is missing, unreadable, not a regular file, larger than
   *     {@link org.servicerecords.registry.client.io.SmallFiles#DEFAULT_LIMIT} or malformed
   */
  public static ConnectionProfile load(Path file) throws ProfileException {
    return ProfileParser.load(Objects.requireNonNull(file, "file"));
  }

  /**
   * Parses profile text.
   *
   * @param json the JSON text
   * @param baseDirectory folder against which relative paths are resolved
   * @param source name of the text for error messages
   * @return the profile
   * @throws ProfileException if the text is malformed
   */
  public static ConnectionProfile parse(String json, Path baseDirectory, String source)
      throws ProfileException {
    return ProfileParser.parse(
        Objects.requireNonNull(json, "json"),
        Objects.requireNonNull(baseDirectory, "baseDirectory"),
        Objects.requireNonNull(source, "source"),
        null);
  }

  /**
   * Finds and reads the profile: the given file, else {@value #ENV_PROFILE}, else {@code
   * registry-profile.json} in the working folder; then applies the environment overrides.
   *
   * @param file the file named on the command line, or {@code null}
   * @param environment the environment (usually {@link System#getenv()})
   * @return the profile with overrides applied
   * @throws ProfileException if no profile is found or it is malformed
   */
  public static ConnectionProfile locate(Path file, Map<String, String> environment)
      throws ProfileException {
    Objects.requireNonNull(environment, "environment");
    Path chosen = file;
    if (chosen == null) {
      String fromEnv = environment.get(ENV_PROFILE);
      if (fromEnv != null && !fromEnv.isBlank()) {
        chosen = Path.of(fromEnv);
      }
    }
    if (chosen == null) {
      chosen = Path.of("registry-profile.json");
      if (!java.nio.file.Files.exists(chosen)) {
        throw new ProfileException(
            "no connection profile: pass --profile FILE or set " + ENV_PROFILE);
      }
    }
    return load(chosen).withEnvironment(environment);
  }

  /**
   * Applies the environment overrides ({@code REGISTRY_*} variables).
   *
   * @param environment the environment
   * @return a profile with the overrides applied
   * @throws ProfileException if an override is inconsistent (for example a certificate without a
   *     key)
   */
  public ConnectionProfile withEnvironment(Map<String, String> environment)
      throws ProfileException {
    Objects.requireNonNull(environment, "environment");
    String newMsp = value(environment, ENV_MSP_ID, mspId);
    String newChannel = value(environment, ENV_CHANNEL, channel);
    String newRecords = value(environment, ENV_RECORDS_CHAINCODE, recordsChaincode);
    String newGovernance = value(environment, ENV_GOVERNANCE_CHAINCODE, governanceChaincode);
    IdentitySource id = identity;
    String cert = environment.get(ENV_CERT);
    String key = environment.get(ENV_KEY);
    if ((cert == null) != (key == null)) {
      throw new ProfileException(ENV_CERT + " and " + ENV_KEY + " must be set together");
    }
    String wallet = environment.get(ENV_WALLET);
    String name = environment.get(ENV_IDENTITY);
    if (cert != null) {
      id = new IdentitySource(Path.of(cert), Path.of(key), null, null);
    } else if (wallet != null || name != null) {
      Path walletDir = wallet != null ? Path.of(wallet) : id.wallet();
      String walletName = name != null ? name : id.name();
      if (walletDir == null || walletName == null) {
        throw new ProfileException(
            "a wallet identity needs both a wallet directory and a name ("
                + ENV_WALLET
                + ", "
                + ENV_IDENTITY
                + " or the profile's identity.wallet / identity.name)");
      }
      id = new IdentitySource(null, null, walletDir, walletName);
    }
    return new ConnectionProfile(
        newChannel,
        newMsp,
        newGovernance,
        newRecords,
        id,
        organizations,
        timeouts,
        batchConcurrency,
        attesters,
        source);
  }

  /**
   * Returns this profile with another identity.
   *
   * @param newIdentity the identity source
   * @return the changed profile
   */
  public ConnectionProfile withIdentity(IdentitySource newIdentity) {
    return new ConnectionProfile(
        channel,
        mspId,
        governanceChaincode,
        recordsChaincode,
        newIdentity,
        organizations,
        timeouts,
        batchConcurrency,
        attesters,
        source);
  }

  /**
   * Returns the organisation of this profile's identity.
   *
   * @return the organisation
   * @throws ProfileException if the profile does not describe it
   */
  public Organization ownOrganization() throws ProfileException {
    return organization(mspId);
  }

  /**
   * Returns an organisation.
   *
   * @param msp its MSP id
   * @return the organisation
   * @throws ProfileException if the profile does not describe it
   */
  public Organization organization(String msp) throws ProfileException {
    Organization org = organizations.get(msp);
    if (org == null) {
      throw new ProfileException(
          "profile " + describe() + " has no organization '" + msp + "' under organizations");
    }
    return org;
  }

  /**
   * Names the profile for messages.
   *
   * @return the file name, or {@code (inline profile)}
   */
  public String describe() {
    return source == null ? "(inline profile)" : source.toString();
  }

  private static String value(Map<String, String> env, String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : v.trim();
  }
}
