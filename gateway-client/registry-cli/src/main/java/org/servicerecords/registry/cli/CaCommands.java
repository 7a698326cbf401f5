package org.servicerecords.registry.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.ca.Enrollment;
import org.servicerecords.registry.client.ca.FabricCaClient;
import org.servicerecords.registry.client.ca.Registration;
import org.servicerecords.registry.client.ca.Role;
import org.servicerecords.registry.client.identity.IdentityException;
import org.servicerecords.registry.client.identity.Wallet;
import org.servicerecords.registry.client.profile.CaEndpoint;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import org.servicerecords.registry.client.profile.ProfileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The commands of an organisation's CA users: {@code enroll} (anyone with an enrollment secret) and
 * {@code register} (the CA registrar). Neither talks to the peers.
 */
final class CaCommands {

  private CaCommands() {}

  /** {@code registry enroll}. */
  @Command(
      name = "enroll",
      description = {
        "Enroll with the organisation's CA; store the certificate and key in the wallet.",
        "The secret comes from $"
            + Enroll.SECRET_ENV
            + ", else a prompt on the terminal: never"
            + " from the command line, which other users of the host can read."
      },
      footer = {"  REGISTRY_ENROLL_SECRET=... registry enroll --user officer1"})
  static final class Enroll extends CliCommand {
    @Option(
        names = "--user",
        required = true,
        description =
            "Enrollment id: 1 to 64 of letters, digits, . _ @ -, the first a letter or digit")
    String user;

    @Option(names = "--name", description = "Name in the wallet (default: the enrollment id)")
    String name;

    /**
     * Where the secret comes from; without it, a prompt on the terminal. Never an option: other
     * users of the host can read a command line.
     */
    static final String SECRET_ENV = "REGISTRY_ENROLL_SECRET";

    @Override
    public Integer call() throws Exception {
      checkUser(user);
      String stored = name == null ? user : name;
      // A secret enrolls once: everything that could refuse to store the result is checked first.
      if (!Registration.ENROLLMENT_ID.matcher(stored).matches()) {
        throw new IllegalArgumentException("--name must be " + Registration.ENROLLMENT_ID_RULE);
      }
      ConnectionProfile profile = root().profile();
      String enrollmentSecret = secret();
      Path walletDir = walletDir(profile);
      requireWritable(walletDir);
      Wallet wallet = Wallet.directory(walletDir);
      Enrollment enrollment = ca(profile).enroll(user, enrollmentSecret);
      wallet.put(stored, enrollment.certificate(), enrollment.privateKey());
      String notAfter = enrollment.certificate().getNotAfter().toInstant().toString();
      out()
          .print(
              Map.of(
                  "enrolled",
                  user,
                  "wallet",
                  walletDir.toString(),
                  "name",
                  stored,
                  "notAfter",
                  notAfter),
              List.of(
                  String.format(
                      "enrolled %s; stored as '%s' in %s (valid until %s)",
                      user, stored, walletDir, notAfter)));
      return ExitCodes.OK;
    }

    /** The secret from the environment, else a prompt on the terminal. */
    private String secret() {
      String fromEnvironment = root().environment.get(SECRET_ENV);
      if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
        return fromEnvironment;
      }
      Console console = System.console();
      char[] typed = console == null ? null : console.readPassword("Secret for %s: ", user);
      if (typed == null || typed.length == 0) {
        throw new IllegalArgumentException(
            "no enrollment secret: set " + SECRET_ENV + " or answer the prompt");
      }
      return new String(typed);
    }
  }

  /** {@code registry register}. */
  @Command(
      name = "register",
      description = {
        "Register a user with the CA, as the CA registrar (the profile's identity).",
        "The CA generates the secret, printed once, unless --secret prompts for one."
      },
      footer = {
        "  registry --identity registrar register --user officer1 --role issuer \\",
        "      --doctypes 'BIRTH_CERTIFICATE;MARRIAGE_CERTIFICATE'"
      })
  static final class Register extends CliCommand {
    @Option(
        names = "--user",
        required = true,
        description =
            "Enrollment id to register: 1 to 64 of letters, digits, . _ @ -, the first a letter or"
                + " digit")
    String user;

    @Option(
        names = "--secret",
        interactive = true,
        arity = "0", // never a value on the command line, not even --secret=VALUE
        description =
            "Prompt for the secret instead of letting the CA generate one (the default). The"
                + " secret is never taken from the command line, which other users can read.")
    char[] secret;

    @Option(
        names = "--role",
        required = true,
        description = "issuer, clerk, auditor, verifier or admin")
    String role;

    @Option(
        names = "--doctypes",
        split = ";",
        description = "Allowed document types, ';'-separated")
    List<String> doctypes = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      checkUser(user);
      // Every value is checked before the profile is read and anything is sent.
      Registration registration =
          Registration.forRole(user, chosenSecret(), Role.parse(role), doctypes);
      ConnectionProfile profile = root().profile();
      var registrar = RegistryConnection.loadCredentials(profile);
      String issued = ca(profile).register(registrar, registration);
      out()
          .print(
              Map.of("registered", user, "secret", issued),
              List.of(
                  String.format(
                      "registered %s (role %s); secret: %s",
                      user, Role.parse(role).attributeValue(), issued)));
      return ExitCodes.OK;
    }

    /** The secret typed at the prompt, or {@code null} for one generated by the CA. */
    private String chosenSecret() {
      if (secret == null) {
        return null;
      }
      if (secret.length == 0) {
        throw new IllegalArgumentException("--secret: an empty secret was typed");
      }
      return new String(secret);
    }
  }

  /**
   * Refuses an enrollment id the library would refuse ({@link Registration#ENROLLMENT_ID}), naming
   * the option and not repeating the value.
   *
   * @param user the value of {@code --user}
   * @throws IllegalArgumentException (bad input) if it breaks the rule
   */
  static void checkUser(String user) {
    if (!Registration.ENROLLMENT_ID.matcher(user).matches()) {
      throw new IllegalArgumentException("--user must be " + Registration.ENROLLMENT_ID_RULE);
    }
  }

  /**
   * Refuses a wallet folder the enrolled identity could not be written to, before the one-use
   * secret is spent.
   */
  static void requireWritable(Path walletDir) throws IdentityException {
    try {
      Files.createDirectories(walletDir);
    } catch (IOException e) {
      throw new IdentityException("cannot create wallet " + walletDir + ": " + e.getMessage(), e);
    }
    if (!Files.isDirectory(walletDir) || !Files.isWritable(walletDir)) {
      throw new IdentityException("wallet " + walletDir + " is not a writable folder");
    }
  }

  static Path walletDir(ConnectionProfile profile) throws ProfileException {
    if (profile.identity().wallet() == null) {
      throw new ProfileException(
          "no wallet directory: pass --wallet, set "
              + ConnectionProfile.ENV_WALLET
              + " or identity.wallet in the profile");
    }
    return profile.identity().wallet();
  }

  static FabricCaClient ca(ConnectionProfile profile) throws Exception {
    List<CaEndpoint> cas = profile.ownOrganization().certificateAuthorities();
    if (cas.isEmpty()) {
      throw new ProfileException(
          "profile "
              + profile.describe()
              + " lists no certificate authority for "
              + profile.mspId());
    }
    CaEndpoint endpoint = cas.get(0);
    FabricCaClient.Builder builder =
        FabricCaClient.newBuilder(endpoint.url()).caName(endpoint.caName());
    if (endpoint.tlsCertificate() != null) {
      builder.tlsCertificate(endpoint.tlsCertificate());
    }
    return builder.build();
  }
}
