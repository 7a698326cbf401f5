package org.servicerecords.registry.chaincode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DetailsCipher;
import org.servicerecords.registry.model.DetailsRequest;
import org.servicerecords.registry.model.GovernanceChange;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.TransientKeys;
import org.servicerecords.registry.testing.Network;

/** The example consortium, its users, and request builders shared by the tests. */
final class Fixtures {

  static final String JUSTICE = "JusticeMSP";
  static final String SERVICES = "ServicesMSP";
  static final String AUDIT = "AuditMSP";
  static final String JUSTICE_NS = "records-justice";
  static final String SERVICES_NS = "records-services";
  static final String GOVERNANCE = "governance";

  static final String BIRTH = "BIRTH_CERTIFICATE";
  static final String MARRIAGE = "MARRIAGE_CERTIFICATE";
  static final String DECISION = "PERMIT_DECISION";
  static final String LICENCE = "DRIVING_LICENCE";

  static final Network.User JUSTICE_ADMIN = user(JUSTICE, "admin1", "admin", null);
  static final Network.User SERVICES_ADMIN = user(SERVICES, "admin2", "admin", null);
  static final Network.User AUDIT_ADMIN = user(AUDIT, "admin3", "admin", null);

  /** The consortium's members: a governance change needs two of the three. */
  static final List<String> MEMBERS = List.of(AUDIT, JUSTICE, SERVICES);

  static final Network.User JUSTICE_ISSUER =
      user(JUSTICE, "issuer1", "issuer", BIRTH + ";" + MARRIAGE + ";" + DECISION);
  static final Network.User JUSTICE_BIRTH_ONLY = user(JUSTICE, "issuer2", "issuer", BIRTH);
  static final Network.User JUSTICE_CLERK = user(JUSTICE, "clerk1", "clerk", DECISION);
  static final Network.User JUSTICE_VERIFIER = user(JUSTICE, "verifier1", "verifier", null);
  static final Network.User JUSTICE_NO_ROLE = user(JUSTICE, "norole", null, BIRTH);
  static final Network.User SERVICES_ISSUER =
      user(SERVICES, "issuer3", "issuer", LICENCE + ";" + BIRTH + ";" + DECISION);
  static final Network.User AUDITOR = user(AUDIT, "auditor1", "auditor", null);

  static final String HASH_A = "a".repeat(64);
  static final String HASH_B = "b".repeat(64);
  static final String HASH_C = "c".repeat(64);
  static final String SUBJECT = "s".repeat(64);
  static final String SUBJECT_2 = "t".repeat(64);
  static final String SALT = "0123456789abcdef0123456789abcdef";

  /** A one-time key for {@code ReadDetails} (tests only: real clients draw one per call). */
  static final byte[] RESPONSE_KEY = bytes(DetailsCipher.KEY_BYTES, 0x10);

  /** A nonce for {@code ReadDetails}. */
  static final byte[] RESPONSE_NONCE = bytes(DetailsCipher.NONCE_BYTES, 0x70);

  /** The package serving records namespaces in tests (its label makes it {@code RECORDS}). */
  static final String RECORDS_PACKAGE = "records_0.1.0:" + "a".repeat(64);

  /** The package serving governance in tests. */
  static final String GOVERNANCE_PACKAGE = "governance_0.1.0:" + "b".repeat(64);

  private static volatile boolean scanClassPath = true;

  private Fixtures() {}

  /**
   * Routes the networks made from now on to {@link InMemoryRuns#contracts()} without the shim's
   * class-path scan (seconds); for a short-lived child JVM. By default networks route to what the
   * scan finds, as the chaincode process does.
   */
  static void routeWithoutScanning() {
    scanClassPath = false;
  }

  /**
   * An empty channel serving the registry's contracts: governance from {@link #GOVERNANCE_PACKAGE},
   * every other chaincode name from {@link #RECORDS_PACKAGE}, each process set up through {@link
   * InMemoryRuns#enter}.
   */
  static Network network() {
    Network.Builder builder =
        Network.builder()
            .processSetup(InMemoryRuns::enter)
            .packageIds(name -> name.startsWith(GOVERNANCE) ? GOVERNANCE_PACKAGE : RECORDS_PACKAGE);
    return (scanClassPath ? builder.scanClassPath() : builder.contracts(InMemoryRuns.contracts()))
        .build();
  }

  /** {@code length} bytes counting up from {@code first}. */
  static byte[] bytes(int length, int first) {
    byte[] value = new byte[length];
    for (int i = 0; i < length; i++) {
      value[i] = (byte) (first + i);
    }
    return value;
  }

  /** {@code records:ReadDetails} of a JusticeMSP record, with {@link #RESPONSE_KEY} and nonce. */
  static Network.Call readDetails(Network network, String id, Network.User caller) {
    return network
        .call(JUSTICE_NS, "records:ReadDetails", id)
        .by(caller)
        .withTransient(TransientKeys.RESPONSE_KEY, RESPONSE_KEY)
        .withTransient(TransientKeys.RESPONSE_NONCE, RESPONSE_NONCE);
  }

  /** Opens a {@code ReadDetails} answer sealed under {@link #RESPONSE_KEY} and nonce. */
  static String opened(String answer, String id) {
    return new String(
        DetailsCipher.open(RESPONSE_KEY, RESPONSE_NONCE, id, Base64.getDecoder().decode(answer)),
        StandardCharsets.UTF_8);
  }

  static Network.User user(String msp, String name, String role, String doctypes) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("hf.EnrollmentID", name);
    if (role != null) {
      attributes.put("role", role);
    }
    if (doctypes != null) {
      attributes.put("doctypes", doctypes);
    }
    return new Network.User(msp, name, attributes);
  }

  /**
   * A network whose consortium is {@link #MEMBERS} and with JusticeMSP and ServicesMSP registered
   * in governance.
   */
  static Network consortium() {
    Network network = members();
    register(network, JUSTICE, JUSTICE_NS, List.of(BIRTH, MARRIAGE, DECISION));
    register(network, SERVICES, SERVICES_NS, List.of(LICENCE, DECISION));
    return network;
  }

  /**
   * A network whose consortium is {@link #MEMBERS}, without agencies: the admin of every member
   * approves the list ({@code InitConsortium}); the last approval stores it.
   */
  static Network members() {
    Network network = Fixtures.network();
    for (Network.User admin : List.of(JUSTICE_ADMIN, SERVICES_ADMIN, AUDIT_ADMIN)) {
      Network.Result result =
          network.call(GOVERNANCE, "governance:InitConsortium", json(MEMBERS)).by(admin).submit();
      if (!result.ok()) {
        throw new AssertionError(result.message());
      }
    }
    return network;
  }

  static void register(Network network, String msp, String namespace, List<String> types) {
    Network.Result result = govern(network, "RegisterAgency", agency(msp, namespace, types));
    if (!result.ok()) {
      throw new AssertionError(result.message());
    }
  }

  /**
   * A governance change by a majority of the members: approved by JusticeMSP's admin, then by
   * ServicesMSP's, which applies it. Returns the first transaction if it was refused, else the
   * second (the applying one).
   */
  static Network.Result govern(Network network, String function, String... args) {
    Network.Result first =
        network.call(GOVERNANCE, "governance:" + function, args).by(JUSTICE_ADMIN).submit();
    if (!first.ok()) {
      return first;
    }
    return network.call(GOVERNANCE, "governance:" + function, args).by(SERVICES_ADMIN).submit();
  }

  /** {@link #govern}, both approvals stamped {@code at}. */
  static Network.Result governAt(Network network, Instant at, String function, String... args) {
    Network.Result first =
        network.call(GOVERNANCE, "governance:" + function, args).by(JUSTICE_ADMIN).at(at).submit();
    if (!first.ok()) {
      return first;
    }
    return network
        .call(GOVERNANCE, "governance:" + function, args)
        .by(SERVICES_ADMIN)
        .at(at)
        .submit();
  }

  /** The {@code agency} of a governance change's result (the entry after an applied change). */
  static AgencyEntry applied(String governanceChangeJson) {
    GovernanceChange change = CanonicalJson.fromJson(governanceChangeJson, GovernanceChange.class);
    if (!change.applied()) {
      throw new AssertionError("not applied: " + governanceChangeJson);
    }
    return change.agency();
  }

  static String agency(String msp, String namespace, List<String> types) {
    return CanonicalJson.toJson(
        new AgencyRequest(msp, msp + " agency", namespace, types, "2024-01-01T00:00:00Z", null));
  }

  static CertificateRequest certificate(String id) {
    return certificate(id, BIRTH, HASH_A);
  }

  static CertificateRequest certificate(String id, String type, String hash) {
    return new CertificateRequest(
        id,
        type,
        hash,
        SUBJECT,
        "2025-01-01T00:00:00Z",
        "2030-01-01T00:00:00Z",
        null,
        new TreeMap<>(Map.of("office", "central")));
  }

  static String json(Object value) {
    return CanonicalJson.toJson(value);
  }

  static String details(String name) {
    return CanonicalJson.toJson(new PrivateDetails(SALT, new TreeMap<>(Map.of("name", name))));
  }

  /**
   * The commitment an anchoring carries for {@link #details(String) details(name)}: the SHA-256 of
   * their JSON bytes, lowercase hex.
   */
  static String detailsHash(String name) {
    return Digests.sha256Hex(details(name).getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #certificate(String)} committing to {@link #details(String) details(name)}. */
  static CertificateRequest committed(String id, String name) {
    return certificate(id).withDetailsHash(detailsHash(name));
  }

  /**
   * {@code records:StoreDetails} of JusticeMSP records by {@link #JUSTICE_ISSUER} on its own peer:
   * the ids in order, each with transient {@code details:<id>} = {@link #details(String)} of its
   * name.
   */
  static Network.Call storeDetails(Network network, Map<String, String> namesById) {
    Network.Call call =
        network
            .call(
                JUSTICE_NS,
                "records:StoreDetails",
                json(new DetailsRequest(List.copyOf(namesById.keySet()))))
            .by(JUSTICE_ISSUER);
    namesById.forEach(
        (id, name) -> call.withTransient(TransientKeys.batchDetails(id), details(name)));
    return call;
  }

  /** {@link #storeDetails(Network, Map)} of one record. */
  static Network.Call storeDetails(Network network, String id, String name) {
    return storeDetails(network, Map.of(id, name));
  }

  /**
   * Anchors {@link #committed(String, String) a certificate committed to details(name)} and stores
   * those details: the two transactions an agency sends for a record with personal details. Returns
   * the anchoring.
   */
  static Network.Result anchorWithDetails(Network network, String id, String name) {
    Network.Result anchored =
        network
            .call(JUSTICE_NS, "records:AnchorCertificate", json(committed(id, name)))
            .by(JUSTICE_ISSUER)
            .submit();
    if (!anchored.ok()) {
      throw new AssertionError(anchored.message());
    }
    Network.Result stored = storeDetails(network, id, name).submit();
    if (!stored.ok()) {
      throw new AssertionError(stored.message());
    }
    return anchored;
  }

  static Network.Result anchor(Network network, String id) {
    Network.Result result =
        network
            .call(JUSTICE_NS, "records:AnchorCertificate", json(certificate(id)))
            .by(JUSTICE_ISSUER)
            .submit();
    if (!result.ok()) {
      throw new AssertionError(result.message());
    }
    return result;
  }
}
