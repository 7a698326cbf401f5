package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.chaincode.Fixtures.*;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.BeforeAll;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.BatchRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.DetailsCipher;
import org.servicerecords.registry.model.DetailsRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordRef;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.TransientKeys;
import org.servicerecords.registry.testing.InMemoryStub;
import org.servicerecords.registry.testing.Ledger;
import org.servicerecords.registry.testing.Network;

/**
 * Fuzzes the arguments and transient data of every transaction function of both contracts, sent by
 * users of every role, through the shim's real router. Whatever the input, a transaction either
 * succeeds or is refused with a message {@code CODE: detail} for a documented {@link ErrorCode}
 * other than {@code INTERNAL_ERROR} (which would mean an unexpected exception inside the contract);
 * a refusal writes nothing and emits nothing; a success writes only keys of the documented layout,
 * private data only into the caller's implicit collection, in a transaction writing nothing public
 * and only as bytes hashing to the record's commitment, and never echoes the private details.
 *
 * <p>Without {@code JAZZER_FUZZ} (a plain {@code mvn test}) each method runs its inputs under
 * {@code src/test/resources/org/servicerecords/registry/chaincode/TransactionFuzzTestInputs/}.
 * Integers are read from the end of an input and strings from its start: the last byte picks the
 * function, the one before decides whether it goes to the other contract, then the sender, the
 * argument count, and per argument whether it is the valid template (0), a fuzzed string (1), the
 * template with a fuzzed string spliced in (2), a range of it replaced (3) or fuzzed ASCII (4);
 * then 0 to 3 transient entries, each a key of {@link #TRANSIENT_KEYS} (index 4: a fuzzed name) and
 * a value that is valid for the key (0: the planted details, or a one-time key or nonce of the
 * right size), fuzzed bytes (1), or the valid value changed (2). Exhausted input reads as 0, so a
 * one-byte input {@code k} sends function {@code k} with valid arguments. New functions and keys
 * are appended to their lists, so that the stored inputs keep their meaning.
 *
 * <p><b>Pinning one function.</b> The system property {@value #PIN_PROPERTY} (else the environment
 * variable {@value #PIN_VARIABLE}) naming a function of these lists, e.g. {@code records:Revoke},
 * fixes the function: every input then sends that function, and no byte picks it (the input starts
 * with the byte that decides the contract). {@code scripts/fuzz.sh} fuzzes each function this way,
 * so that each gets its own run and its own count of executions. An input {@code x} of a pinned run
 * followed by one byte, the function's {@linkplain Suite#selector selector} (its index in its
 * list), is the same transaction unpinned: that is how a pinned run's findings become seeds here. A
 * name that is not in the lists fails the class before any input runs, listing the valid names; a
 * function of the other contract fails the fuzz test method of this one. Without the property and
 * the variable, nothing changes. {@code TransactionFuzzPinningTest} checks all of this, and that
 * the lists hold every transaction function of both contracts.
 *
 * <p>{@code ReadDetails} never answers in plaintext: its answer, when it succeeds, opens with the
 * key and nonce sent to exactly the seeded record's details.
 */
class TransactionFuzzTest {

  /** A name planted in the valid private details; it must never come back. */
  private static final String SECRET_NAME = "Zed Fuzzname";

  private static final String SECRET_DETAILS = details(SECRET_NAME);

  /** The commitment to the planted details, which the seeded record c3 carries. */
  private static final String SECRET_DETAILS_HASH = detailsHash(SECRET_NAME);

  /**
   * The name in the stored private details of the seeded record c1; no answer may hold it in
   * plaintext.
   */
  private static final String STORED_NAME = "Ana Example";

  private static final String STORED_DETAILS = details(STORED_NAME);

  /** The one-time key and nonce that are valid for {@code ReadDetails}. */
  private static final byte[] VALID_RESPONSE_KEY = bytes(DetailsCipher.KEY_BYTES, 0x20);

  private static final byte[] VALID_RESPONSE_NONCE = bytes(DetailsCipher.NONCE_BYTES, 0x40);

  private static final Pattern CODED =
      Pattern.compile(
          "^("
              + Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.joining("|"))
              + "): .*",
          Pattern.DOTALL);

  /** Object types of public keys and their attribute counts, per contract. */
  private static final Map<String, Integer> RECORDS_KEYS =
      Map.of(
          Keys.RECORD, 1,
          Keys.BY_HASH, 2,
          Keys.BY_TYPE, 2,
          Keys.BY_SUBJECT, 2,
          Keys.BY_APPLICATION, 2,
          Keys.APPLICATION, 1,
          Keys.DETAILS_COMMITMENT, 1);

  private static final Map<String, Integer> GOVERNANCE_KEYS =
      Map.of(
          Keys.AGENCY,
          1,
          Keys.AGENCY_BY_NAMESPACE,
          1,
          Keys.APPROVAL,
          2,
          Keys.CONSORTIUM,
          1,
          Keys.MEMBERS_APPROVAL,
          2);

  /** The system property that pins the fuzzed function (see the class comment). */
  static final String PIN_PROPERTY = "registry.fuzz.function";

  /** The environment variable that pins the fuzzed function when the property is not set. */
  static final String PIN_VARIABLE = "REGISTRY_FUZZ_FUNCTION";

  /**
   * A transaction function and a valid value for each of its parameters.
   *
   * @param name the transaction name as sent, {@code contract:Function}
   * @param templates a valid argument per parameter
   */
  record Function(String name, List<String> templates) {}

  private static final List<Function> RECORDS_FUNCTIONS =
      List.of(
          new Function(
              "records:AnchorCertificate",
              List.of(json(certificate("n1").withDetailsHash(SECRET_DETAILS_HASH)))),
          new Function(
              "records:AnchorBatch",
              List.of(
                  json(
                      new BatchRequest(
                          List.of(
                              certificate("n1"),
                              certificate("n2", MARRIAGE, HASH_B)
                                  .withDetailsHash(SECRET_DETAILS_HASH)))))),
          new Function(
              "records:RecordApplication",
              List.of(json(new ApplicationRequest("app-9", "PERMIT", "2025-01-01T00:00:00Z")))),
          new Function(
              "records:RecordDecision",
              List.of(
                  json(
                      new DecisionRequest(
                          "d1",
                          "app-1",
                          DecisionOutcome.APPROVED,
                          "LAW-1/2",
                          DECISION,
                          HASH_C,
                          SUBJECT_2,
                          List.of(new RecordRef(SERVICES_NS, "x-1")),
                          List.of("c1"),
                          null)))),
          new Function("records:Revoke", List.of("c1", "LOST")),
          new Function(
              "records:Supersede",
              List.of("c1", json(certificate("n1").withDetailsHash(SECRET_DETAILS_HASH)))),
          new Function("records:PurgeDetails", List.of("c1")),
          new Function("records:GetRecord", List.of("c1")),
          new Function("records:ReadDetails", List.of("c1")),
          new Function("records:GetApplication", List.of("app-1")),
          new Function("records:VerifyRecord", List.of("c1", "")),
          new Function("records:VerifyHash", List.of(HASH_A, "2026-01-01T00:00:00Z")),
          new Function("records:GetHistory", List.of("c1")),
          new Function("records:ListByType", List.of(BIRTH, "1", "")),
          new Function("records:ListBySubject", List.of(SUBJECT, "10", "")),
          new Function("records:ListByApplication", List.of("app-1", "10", "")),
          new Function("records:GetBatchMaximum", List.of()),
          new Function("records:StoreDetails", List.of(json(new DetailsRequest(List.of("c3"))))));

  private static final List<Function> GOVERNANCE_FUNCTIONS =
      List.of(
          new Function(
              "governance:RegisterAgency",
              List.of(Fixtures.agency("DigitalMSP", "records-digital", List.of(BIRTH)))),
          new Function("governance:SetDocumentTypes", List.of(JUSTICE, json(List.of(BIRTH)))),
          new Function("governance:SuspendAgency", List.of(JUSTICE, "AUDIT")),
          new Function("governance:ReinstateAgency", List.of(SERVICES)),
          new Function("governance:GetAgency", List.of(JUSTICE)),
          new Function("governance:GetAgencyByNamespace", List.of(JUSTICE_NS)),
          new Function("governance:ListAgencies", List.of()),
          new Function("governance:GetAgencyAt", List.of(JUSTICE, "2025-06-01T00:00:00Z")),
          new Function("governance:GetAgencyHistory", List.of(JUSTICE)),
          new Function("governance:IsAuthorized", List.of(JUSTICE, BIRTH, "2025-06-01T00:00:00Z")),
          new Function("governance:InitConsortium", List.of(json(List.of(JUSTICE, SERVICES)))),
          new Function("governance:GetMembers", List.of()),
          new Function("governance:GetChangeApprovals", List.of("ab".repeat(32))),
          new Function(
              "governance:GetMembersApprovals",
              List.of(Digests.sha256Hex(CanonicalJson.toBytes(MEMBERS)))),
          new Function("governance:GetNamespaceAgency", List.of(JUSTICE_NS)));

  private static final List<Network.User> RECORDS_SENDERS =
      List.of(
          JUSTICE_ISSUER,
          SERVICES_ISSUER,
          JUSTICE_CLERK,
          JUSTICE_BIRTH_ONLY,
          JUSTICE_VERIFIER,
          JUSTICE_NO_ROLE,
          JUSTICE_ADMIN,
          AUDITOR);

  private static final List<Network.User> GOVERNANCE_SENDERS =
      List.of(
          JUSTICE_ADMIN,
          SERVICES_ADMIN,
          JUSTICE_ISSUER,
          AUDITOR,
          JUSTICE_NO_ROLE,
          AUDIT_ADMIN,
          user("DigitalMSP", "admin4", "admin", null));

  /** Transient keys; {@code null} stands for a fuzzed name. */
  private static final List<String> TRANSIENT_KEYS =
      Arrays.asList(
          "details",
          "details:n1",
          "details:n2",
          "details:c1",
          null,
          TransientKeys.RESPONSE_KEY,
          TransientKeys.RESPONSE_NONCE,
          "details:c3");

  /**
   * The functions of one contract with the senders, the chaincode they go to and the public key
   * layout they may write, and the fuzz test method that sends them.
   *
   * @param method the name of the {@link FuzzTest} method
   * @param chaincode the chaincode name the functions are sent to (unless the input sends one to
   *     the other contract)
   * @param functions the functions, in the order the last byte of an unpinned input picks them
   * @param senders the senders, in the order the input picks them
   * @param keyTypes object types of the public keys a success may write, with their attribute
   *     counts
   */
  record Suite(
      String method,
      String chaincode,
      List<Function> functions,
      List<Network.User> senders,
      Map<String, Integer> keyTypes) {

    /**
     * The byte that picks a function of this suite in an unpinned input: a pinned input followed by
     * it is the same transaction unpinned.
     *
     * @param name the function's name
     * @return its index in {@link #functions}
     */
    int selector(String name) {
      for (int i = 0; i < functions.size(); i++) {
        if (functions.get(i).name().equals(name)) {
          return i;
        }
      }
      throw new IllegalArgumentException(name + " is not a function of " + method);
    }
  }

  static final Suite RECORDS =
      new Suite(
          "recordsTransactionsOnlyRefuseWithDocumentedCodesAndWriteDocumentedKeys",
          JUSTICE_NS,
          RECORDS_FUNCTIONS,
          RECORDS_SENDERS,
          RECORDS_KEYS);

  static final Suite GOVERNANCE_SUITE =
      new Suite(
          "governanceTransactionsOnlyRefuseWithDocumentedCodesAndWriteDocumentedKeys",
          GOVERNANCE,
          GOVERNANCE_FUNCTIONS,
          GOVERNANCE_SENDERS,
          GOVERNANCE_KEYS);

  static final List<Suite> SUITES = List.of(RECORDS, GOVERNANCE_SUITE);

  /** The pinned function's name, or {@code null}: see the class comment. */
  private static final String PINNED = pinnedName();

  /** Fails the class before any input when the pinned name is no function of either suite. */
  @BeforeAll
  static void pinnedFunctionIsKnown() {
    if (PINNED != null) {
      suiteOf(PINNED);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void recordsTransactionsOnlyRefuseWithDocumentedCodesAndWriteDocumentedKeys(
      FuzzedDataProvider data) {
    fuzzOne(data, RECORDS, pinned(RECORDS, PINNED));
  }

  @FuzzTest(maxDuration = "60s")
  void governanceTransactionsOnlyRefuseWithDocumentedCodesAndWriteDocumentedKeys(
      FuzzedDataProvider data) {
    fuzzOne(data, GOVERNANCE_SUITE, pinned(GOVERNANCE_SUITE, PINNED));
  }

  /** The name the property, else the variable, pins; {@code null} when neither is set. */
  private static String pinnedName() {
    String name = System.getProperty(PIN_PROPERTY);
    if (name == null || name.isBlank()) {
      name = System.getenv(PIN_VARIABLE);
    }
    return name == null || name.isBlank() ? null : name.strip();
  }

  /**
   * The suite holding a function.
   *
   * @param name a function name, {@code contract:Function}
   * @return its suite
   * @throws IllegalArgumentException naming every valid function when no suite holds it
   */
  static Suite suiteOf(String name) {
    for (Suite suite : SUITES) {
      if (suite.functions().stream().anyMatch(f -> f.name().equals(name))) {
        return suite;
      }
    }
    throw new IllegalArgumentException(
        PIN_PROPERTY
            + " (or "
            + PIN_VARIABLE
            + ") names \""
            + name
            + "\", which is no transaction function of the fuzz test; the valid names are: "
            + SUITES.stream()
                .flatMap(s -> s.functions().stream())
                .map(Function::name)
                .collect(Collectors.joining(", ")));
  }

  /**
   * The function a suite's method sends for every input when {@code name} is pinned.
   *
   * @param suite the suite of the method running
   * @param name the pinned name, or {@code null}
   * @return the function, or {@code null} when nothing is pinned (the input picks it)
   * @throws IllegalArgumentException when the name is unknown or a function of another suite
   */
  static Function pinned(Suite suite, String name) {
    if (name == null) {
      return null;
    }
    Suite holder = suiteOf(name);
    if (holder != suite) {
      throw new IllegalArgumentException(
          name + " is fuzzed by " + holder.method() + ", not by " + suite.method());
    }
    return suite.functions().get(suite.selector(name));
  }

  /**
   * A transient entry as sent; equal to another with the same key and value bytes.
   *
   * @param name its key
   * @param value its value
   */
  record Transient(String name, byte[] value) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Transient that
          && name.equals(that.name)
          && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return name + "=" + HexFormat.of().formatHex(value);
    }
  }

  /**
   * Everything an input decides about its transaction, read from it in the documented order.
   *
   * @param function the function sent
   * @param target the chaincode name it is sent to
   * @param sender who sends it
   * @param args its arguments
   * @param transients its transient entries, in the order added (a repeated key replaces the
   *     earlier value in place)
   */
  record Plan(
      Function function,
      String target,
      Network.User sender,
      List<String> args,
      List<Transient> transients) {}

  /**
   * Reads an input's transaction.
   *
   * @param data the input
   * @param suite the suite of the method running
   * @param pinned the pinned function, or {@code null} for one picked by the input's last byte
   * @return the transaction
   */
  static Plan plan(FuzzedDataProvider data, Suite suite, Function pinned) {
    List<Function> functions = suite.functions();
    Function function =
        pinned != null ? pinned : functions.get(data.consumeInt(0, functions.size() - 1));
    boolean otherContract = data.consumeInt(0, 15) == 15;
    String chaincode = suite.chaincode();
    String target =
        otherContract ? (GOVERNANCE.equals(chaincode) ? JUSTICE_NS : GOVERNANCE) : chaincode;
    List<Network.User> senders = suite.senders();
    Network.User sender = senders.get(data.consumeInt(0, senders.size() - 1));
    int arityChange = data.consumeInt(0, 15);
    List<String> templates = new ArrayList<>(function.templates());
    if (arityChange == 15) {
      templates.add("extra");
    } else if (arityChange == 14 && !templates.isEmpty()) {
      templates.remove(templates.size() - 1);
    }
    List<String> args = new ArrayList<>();
    for (String template : templates) {
      args.add(argument(data, template));
    }
    int transientEntries = data.consumeInt(0, 3);
    List<Transient> transients = new ArrayList<>();
    for (int i = 0; i < transientEntries; i++) {
      String name = TRANSIENT_KEYS.get(data.consumeInt(0, TRANSIENT_KEYS.size() - 1));
      if (name == null) {
        name = data.consumeString(80);
      }
      transients.add(new Transient(name, transientValue(data, name)));
    }
    return new Plan(function, target, sender, List.copyOf(args), List.copyOf(transients));
  }

  /**
   * Runs an input's transaction on a copy of the {@linkplain #seeded seeded} network and checks its
   * outcome.
   *
   * @param data the input
   * @param suite the suite of the method running
   * @param pinned the pinned function, or {@code null}
   * @return the outcome, checked
   */
  static Network.Result fuzzOne(FuzzedDataProvider data, Suite suite, Function pinned) {
    Plan plan = plan(data, suite, pinned);
    Function function = plan.function();
    String chaincode = suite.chaincode();
    String target = plan.target();
    Network.User sender = plan.sender();
    List<String> args = plan.args();
    Map<String, Integer> keyTypes = suite.keyTypes();

    Network network = Seeded.NETWORK.copy();
    Network.Call call =
        network.call(target, function.name(), args.toArray(String[]::new)).by(sender);
    Map<String, byte[]> sent = new LinkedHashMap<>();
    for (Transient entry : plan.transients()) {
      sent.put(entry.name(), entry.value());
      call.withTransient(entry.name(), entry.value());
    }

    Network.Result result = call.submit();

    String what = function.name() + " -> " + target + " by " + sender.name() + " " + args;
    if (!result.ok()) {
      assertThat(result.message()).as(what).isNotNull().matches(CODED);
      assertThat(Outcomes.code(result)).as(what).isNotEqualTo(ErrorCode.INTERNAL_ERROR);
      assertThat(result.message()).as(what).doesNotContain(SECRET_NAME);
      assertThat(result.writes()).as(what).isEmpty();
      assertThat(result.events()).as(what).isEmpty();
      return result;
    }
    assertThat(target).as(what).isEqualTo(chaincode);
    boolean storesDetails =
        result.writes().stream().anyMatch(w -> w.kind() == Ledger.Write.Kind.PUT_PRIVATE);
    for (Ledger.Write write : result.writes()) {
      assertDocumentedKey(what, write, keyTypes, sender);
      if (storesDetails) {
        assertThat(write.kind())
            .as("%s writes nothing public", what)
            .isEqualTo(Ledger.Write.Kind.PUT_PRIVATE);
        DetailsCommitment commitment = commitment(network, write.key());
        assertThat(commitment.purged()).as(what).isFalse();
        assertThat(commitment.issuerMsp()).as(what).isEqualTo(sender.msp());
        assertThat(Digests.sha256Hex(write.value())).as(what).isEqualTo(commitment.detailsHash());
      }
    }
    for (var event : result.events()) {
      assertThat(event.getPayload().toStringUtf8()).as(what).doesNotContain(SECRET_NAME);
    }
    assertThat(result.payload()).as(what).doesNotContain(SECRET_NAME).doesNotContain(STORED_NAME);
    if (function.name().equals("records:ReadDetails")) {
      byte[] opened =
          DetailsCipher.open(
              sent.get(TransientKeys.RESPONSE_KEY),
              sent.get(TransientKeys.RESPONSE_NONCE),
              args.get(0),
              Base64.getDecoder().decode(result.payload()));
      assertThat(new String(opened, StandardCharsets.UTF_8)).as(what).isEqualTo(STORED_DETAILS);
    }
    return result;
  }

  /** The committed details commitment of the record whose details key this is. */
  private static DetailsCommitment commitment(Network network, String detailsKey) {
    String id = CompositeKey.parseCompositeKey(detailsKey).getAttributes().get(0);
    byte[] value =
        network
            .ledger(JUSTICE_NS)
            .state()
            .get(new CompositeKey(Keys.DETAILS_COMMITMENT, id).toString());
    assertThat(value).as("commitment of %s", id).isNotNull();
    return CanonicalJson.fromBytes(value, DetailsCommitment.class);
  }

  private static void assertDocumentedKey(
      String what, Ledger.Write write, Map<String, Integer> keyTypes, Network.User sender) {
    String key = write.key();
    assertThat(key)
        .as(what)
        .startsWith(CompositeKey.NAMESPACE)
        .doesNotContain(InMemoryStub.MAX_UNICODE_RUNE);
    CompositeKey parsed = CompositeKey.parseCompositeKey(key);
    assertThat(parsed.toString()).as(what).isEqualTo(key);
    assertThat(parsed.getAttributes()).as(what).allSatisfy(a -> assertThat(a).isNotEmpty());
    if (write.collection() != null) {
      assertThat(write.collection()).as(what).isEqualTo(Keys.implicitCollection(sender.msp()));
      assertThat(parsed.getObjectType()).as(what).isEqualTo(Keys.DETAILS);
      assertThat(parsed.getAttributes()).as(what).hasSize(1);
      return;
    }
    assertThat(keyTypes).as(what).containsKey(parsed.getObjectType());
    assertThat(parsed.getAttributes()).as(what).hasSize(keyTypes.get(parsed.getObjectType()));
    if (parsed.getObjectType().equals(Keys.DETAILS_COMMITMENT)) {
      DetailsCommitment commitment =
          CanonicalJson.fromBytes(write.value(), DetailsCommitment.class);
      assertThat(commitment.recordId()).as(what).isEqualTo(parsed.getAttributes().get(0));
      assertThat(commitment.issuerMsp()).as(what).isEqualTo(sender.msp());
      assertThat(commitment.detailsHash()).as(what).matches("[0-9a-f]{64}");
    }
    if (parsed.getObjectType().equals(Keys.RECORD)) {
      RegistryRecord record = CanonicalJson.fromBytes(write.value(), RegistryRecord.class);
      assertThat(record.id()).as(what).isEqualTo(parsed.getAttributes().get(0));
      assertThat(new String(write.value(), StandardCharsets.UTF_8))
          .as(what)
          .doesNotContain(SECRET_NAME);
    }
  }

  private static String argument(FuzzedDataProvider data, String template) {
    switch (data.consumeInt(0, 4)) {
      case 1:
        return data.consumeString(2048);
      case 2:
        {
          int at = data.consumeInt(0, template.length());
          return template.substring(0, at) + data.consumeString(128) + template.substring(at);
        }
      case 3:
        {
          int from = data.consumeInt(0, template.length());
          int to = data.consumeInt(from, template.length());
          return template.substring(0, from) + data.consumeString(128) + template.substring(to);
        }
      case 4:
        return data.consumeAsciiString(2048);
      default:
        return template;
    }
  }

  private static byte[] transientValue(FuzzedDataProvider data, String name) {
    if (name.equals(TransientKeys.RESPONSE_KEY) || name.equals(TransientKeys.RESPONSE_NONCE)) {
      byte[] valid =
          name.equals(TransientKeys.RESPONSE_KEY) ? VALID_RESPONSE_KEY : VALID_RESPONSE_NONCE;
      switch (data.consumeInt(0, 2)) {
        case 1:
          return data.consumeBytes(64);
        case 2:
          return Arrays.copyOf(valid, data.consumeInt(0, 2 * valid.length));
        default:
          return valid.clone();
      }
    }
    byte[] valid = SECRET_DETAILS.getBytes(StandardCharsets.UTF_8);
    switch (data.consumeInt(0, 2)) {
      case 1:
        return data.consumeBytes(20_000);
      case 2:
        {
          String text = SECRET_DETAILS;
          int at = data.consumeInt(0, text.length());
          return (text.substring(0, at) + data.consumeString(64) + text.substring(at))
              .getBytes(StandardCharsets.UTF_8);
        }
      default:
        return valid;
    }
  }

  /**
   * The seeded network, set up once per JVM when first used; every input runs on a copy of it,
   * which is the network {@link #seeded()} would make again (same ledgers, clock and transaction
   * ids), in a fraction of the time (the set-up is 12 transactions).
   */
  private static final class Seeded {
    static final Network NETWORK = seeded();
  }

  /**
   * A consortium whose JusticeMSP namespace holds certificate c1 (with stored private details), c2
   * (without), c3 (committed to the planted details, not stored yet) and the undecided application
   * app-1; the same for every input, so runs are reproducible.
   */
  private static Network seeded() {
    Network network = Fixtures.consortium();
    expectOk(
        network
            .call(JUSTICE_NS, "records:AnchorCertificate", json(committed("c1", STORED_NAME)))
            .by(JUSTICE_ISSUER)
            .submit());
    expectOk(storeDetails(network, "c1", STORED_NAME).submit());
    expectOk(
        network
            .call(
                JUSTICE_NS,
                "records:AnchorCertificate",
                json(certificate("c3", BIRTH, HASH_C).withDetailsHash(SECRET_DETAILS_HASH)))
            .by(JUSTICE_ISSUER)
            .submit());
    expectOk(
        network
            .call(
                JUSTICE_NS, "records:AnchorCertificate", json(certificate("c2", MARRIAGE, HASH_B)))
            .by(JUSTICE_ISSUER)
            .submit());
    expectOk(
        network
            .call(
                JUSTICE_NS,
                "records:RecordApplication",
                json(new ApplicationRequest("app-1", "PERMIT", "2024-12-01T00:00:00Z")))
            .by(JUSTICE_CLERK)
            .submit());
    return network;
  }

  private static void expectOk(Network.Result result) {
    if (!result.ok()) {
      throw new IllegalStateException("fuzz setup failed: " + result.message());
    }
  }
}
