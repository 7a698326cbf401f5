package org.servicerecords.registry.portal;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.servicerecords.registry.client.Attestation;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.identity.CertificateAttributes;
import org.servicerecords.registry.client.identity.IdentityException;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import org.servicerecords.registry.client.profile.ProfileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the verification portal until the process is stopped: {@code registry-portal --profile
 * services.json --identity verifier1 --port 8088}. The identity must be a read-only one ({@code
 * role=verifier}): a public server holds no key that could write to the ledger.
 */
@Command(
    name = "registry-portal",
    mixinStandardHelpOptions = true,
    version = "registry-portal 0.1.0",
    description = "Serves the verification portal: pages and JSON API over the registry's peers.")
public final class PortalMain implements Callable<Integer> {

  /** Exit code when the portal cannot start for another reason (a port taken, peers unknown). */
  static final int EXIT_FAILURE = 1;

  /** Exit code when the options, profile or identity are refused. */
  static final int EXIT_USAGE = 2;

  @Option(
      names = "--profile",
      description = "Connection profile (else $REGISTRY_PROFILE)",
      paramLabel = "FILE")
  Path profileFile;

  @Option(
      names = "--identity",
      description = "Identity name in the wallet, a role=verifier one (else the profile's)",
      paramLabel = "NAME")
  String identity;

  @Option(
      names = "--wallet",
      description = "Wallet folder (else the profile's)",
      paramLabel = "DIR")
  Path wallet;

  @Option(
      names = "--host",
      defaultValue = Portal.DEFAULT_HOST,
      description = "Address to listen on (default ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--port",
      defaultValue = "" + Portal.DEFAULT_PORT,
      description = "Port to listen on (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--public-url",
      description = "Address people reach the portal at (default http://HOST:PORT)",
      paramLabel = "URL")
  URI publicUrl;

  @Option(
      names = "--requests-per-minute",
      defaultValue = "" + Portal.DEFAULT_REQUESTS_PER_MINUTE,
      description = "API requests a client may make per minute (default ${DEFAULT-VALUE})")
  int requestsPerMinute;

  @Option(
      names = "--client-address-header",
      description = "Count requests by this header set by a trusted proxy, e.g. X-Real-IP",
      paramLabel = "NAME")
  String clientAddressHeader;

  @Option(
      names = "--attest",
      defaultValue = "" + Attestation.DEFAULT_ORGANIZATIONS,
      description = "Organisations whose peers must sign each verdict (default ${DEFAULT-VALUE})",
      paramLabel = "N")
  int attest;

  private final Map<String, String> environment;

  PortalMain(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = new HashMap<>(environment);
    if (identity != null) {
      env.put(ConnectionProfile.ENV_IDENTITY, identity);
    }
    if (wallet != null) {
      env.put(ConnectionProfile.ENV_WALLET, wallet.toString());
    }
    ConnectionProfile profile = ConnectionProfile.locate(profileFile, env);
    try (RegistryConnection connection = RegistryConnection.open(profile)) {
      String role = CertificateAttributes.of(connection.credentials().certificate()).get("role");
      if (!"verifier".equals(role)) {
        System.err.println(
            "registry-portal: the identity must have role=verifier (it has "
                + (role == null ? "no role" : "role=" + role)
                + "): a public server must hold no key that can write to the ledger");
        return EXIT_USAGE;
      }
      Portal portal =
          Portal.builder(connection)
              .host(host)
              .port(port)
              .publicUrl(publicUrl)
              .requestsPerMinute(requestsPerMinute)
              .clientAddressHeader(clientAddressHeader)
              .attestation(Attestation.of(attest))
              .build()
              .start();
      URI address =
          publicUrl != null ? publicUrl : URI.create("http://" + host + ":" + portal.port());
      System.out.println("registry-portal: listening on " + address);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    portal.close();
                    stopped.countDown();
                  },
                  "portal-shutdown"));
      stopped.await();
      return 0;
    }
  }

  /**
   * Runs the portal.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv()));
  }

  /**
   * Runs the portal with an environment; every failure is one line on standard error and an exit
   * code, never a stack trace.
   *
   * @param args the options
   * @param environment the environment
   * @return the exit code
   */
  static int run(String[] args, Map<String, String> environment) {
    return new CommandLine(new PortalMain(environment))
        .setParameterExceptionHandler(
            (e, ignored) -> {
              System.err.println("registry-portal: " + e.getMessage());
              return EXIT_USAGE;
            })
        .setExecutionExceptionHandler(
            (e, command, parsed) -> {
              boolean refused =
                  e instanceof IllegalArgumentException
                      || e instanceof ProfileException
                      || e instanceof IdentityException;
              System.err.println(
                  "registry-portal: " + (refused ? "" : "could not start: ") + e.getMessage());
              return refused ? EXIT_USAGE : EXIT_FAILURE;
            })
        .execute(args);
  }
}
