package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.chaincode.Fixtures.*;
import static org.servicerecords.registry.chaincode.Outcomes.assertOk;
import static org.servicerecords.registry.chaincode.Outcomes.assertOneEvent;
import static org.servicerecords.registry.chaincode.Outcomes.assertRefused;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.BatchRequest;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.DetailsRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.testing.Network;

/**
 * Every class of bad input to AnchorCertificate and StoreDetails is refused before any state
 * access; JSON values of the wrong kind and unexpected transient data are refused by every
 * transaction that reads them (every co-endorsed write refuses any transient data); bad private
 * details are refused without being echoed; and every transaction refuses a wrong argument count.
 */
class BadInputTest {

  private Network network;

  @BeforeEach
  void consortium() {
    network = Fixtures.consortium();
  }

  private static final String VALID = json(certificate("c1"));

  private static CertificateRequest with(
      String id, String hash, String subject, String from, String until, Map<String, String> meta) {
    return new CertificateRequest(
        id, BIRTH, hash, subject, from, until, null, meta == null ? null : new TreeMap<>(meta));
  }

  static Stream<Arguments> badRequests() {
    String from = "2025-01-01T00:00:00Z";
    TreeMap<String, String> tooMany = new TreeMap<>();
    IntStream.range(0, 17).forEach(i -> tooMany.put("k" + i, "v"));
    TreeMap<String, String> tooBig = new TreeMap<>();
    IntStream.range(0, 16).forEach(i -> tooBig.put("k" + i, "v".repeat(256)));
    return Stream.of(
        Arguments.of("missing JSON", "", "request"),
        Arguments.of("malformed JSON", "{", "request"),
        Arguments.of("duplicate field", VALID.replace("{", "{\"id\":\"x\","), "duplicate"),
        Arguments.of("unknown field", VALID.replace("{", "{\"owner\":\"x\","), "unknown field"),
        Arguments.of(
            "float",
            VALID
                .replace("{", "{\"metadata\":{\"a\":1.5},")
                .replace(",\"metadata\":{\"office\":\"central\"}", ""),
            "request"),
        Arguments.of("trailing data", VALID + "{}", "request"),
        Arguments.of("id charset", json(with("a/b", HASH_A, SUBJECT, from, null, null)), "id"),
        Arguments.of(
            "id length", json(with("x".repeat(129), HASH_A, SUBJECT, from, null, null)), "id"),
        Arguments.of("id U+0000", json(with("a\u0000b", HASH_A, SUBJECT, from, null, null)), "id"),
        Arguments.of(
            "id U+10FFFF", json(with("a\udbff\udfff", HASH_A, SUBJECT, from, null, null)), "id"),
        Arguments.of(
            "hash uppercase",
            json(with("c1", HASH_A.toUpperCase(), SUBJECT, from, null, null)),
            "documentHash"),
        Arguments.of(
            "hash length", json(with("c1", "abc", SUBJECT, from, null, null)), "documentHash"),
        Arguments.of(
            "raw subject id",
            json(with("c1", HASH_A, "19800101-1234", from, null, null)),
            "subjectRef"),
        Arguments.of(
            "instant format",
            json(with("c1", HASH_A, SUBJECT, "2025-01-01", null, null)),
            "validFrom"),
        Arguments.of(
            "window order", json(with("c1", HASH_A, SUBJECT, from, from, null)), "validUntil"),
        Arguments.of(
            "missing validFrom", json(with("c1", HASH_A, SUBJECT, null, null, null)), "validFrom"),
        Arguments.of(
            "metadata entries", json(with("c1", HASH_A, SUBJECT, from, null, tooMany)), "metadata"),
        Arguments.of(
            "metadata total", json(with("c1", HASH_A, SUBJECT, from, null, tooBig)), "metadata"),
        Arguments.of(
            "metadata key",
            json(with("c1", HASH_A, SUBJECT, from, null, Map.of("k".repeat(65), "v"))),
            "metadata"),
        Arguments.of(
            "metadata value",
            json(with("c1", HASH_A, SUBJECT, from, null, Map.of("k", "v".repeat(257)))),
            "metadata.k"),
        Arguments.of(
            "null metadata value", VALID.replace("\"central\"", "null"), "metadata.office"),
        Arguments.of("id as a number", VALID.replace("\"c1\"", "12345"), "$.id"),
        Arguments.of(
            "validFrom as a boolean",
            VALID.replace("\"2025-01-01T00:00:00Z\"", "true"),
            "expected a JSON string at $.validFrom, found a boolean"),
        Arguments.of(
            "metadata value as a boolean",
            VALID.replace("\"central\"", "true"),
            "expected a JSON string at $.metadata.office, found a boolean"),
        Arguments.of(
            "metadata as a list of pairs",
            VALID.replace("{\"office\":\"central\"}", "[[\"office\",\"central\"]]"),
            "expected a JSON object at $.metadata, found an array"),
        Arguments.of(
            "metadata as a pair with a null key",
            VALID.replace("{\"office\":\"central\"}", "[[null,\"v\"]]"),
            "expected a JSON object at $.metadata, found an array"),
        Arguments.of(
            "metadata as a string",
            VALID.replace("{\"office\":\"central\"}", "\"office=central\""),
            "$.metadata"),
        Arguments.of(
            "details hash uppercase",
            json(certificate("c1").withDetailsHash(HASH_A.toUpperCase())),
            "detailsHash"),
        Arguments.of(
            "details hash length", json(certificate("c1").withDetailsHash("abc")), "detailsHash"),
        Arguments.of(
            "details hash empty", json(certificate("c1").withDetailsHash("")), "detailsHash"),
        Arguments.of(
            "details hash U+0000",
            json(certificate("c1").withDetailsHash("a".repeat(63) + "\u0000")),
            "detailsHash"),
        Arguments.of(
            "details hash as a number",
            VALID.replaceFirst("\\{", "{\"detailsHash\":7,"),
            "expected a JSON string at $.detailsHash, found a number"),
        Arguments.of(
            "details instead of their hash",
            VALID.replaceFirst("\\{", "{\"details\":" + details("Ana") + ","),
            "unknown field"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void refusesWithInvalidArgumentNamingTheField(String name, String request, String field) {
    Network.Result result =
        network.call(JUSTICE_NS, "records:AnchorCertificate", request).by(JUSTICE_ISSUER).submit();
    assertRefused(result, ErrorCode.INVALID_ARGUMENT);
    assertThat(result.message()).contains(field);
    assertThat(result.stub().rangeQueries()).isZero();
  }

  @Test
  void checksArgumentsBeforeTheCallerSoAnyoneGetsTheSameAnswer() {
    Network.Result result =
        network.call(JUSTICE_NS, "records:AnchorCertificate", "{").by(AUDITOR).submit();
    assertRefused(result, ErrorCode.INVALID_ARGUMENT);
  }

  /**
   * Bad {@code StoreDetails} requests: each is refused as an invalid argument naming the problem,
   * before the transient data (valid or not), the caller or any state.
   */
  static Stream<Arguments> badDetailsRequests() {
    List<String> tooMany = IntStream.range(0, 501).mapToObj(i -> "c" + i).toList();
    return Stream.of(
        Arguments.of("missing JSON", "", "request"),
        Arguments.of("malformed JSON", "{", "request"),
        Arguments.of("no ids", "{}", "ids must hold 1 to 500 record ids"),
        Arguments.of("empty ids", json(new DetailsRequest(List.of())), "ids must hold 1 to 500"),
        Arguments.of("too many ids", json(new DetailsRequest(tooMany)), "ids holds more than 500"),
        Arguments.of(
            "repeated id", json(new DetailsRequest(List.of("c1", "c2", "c1"))), "ids[2] repeats"),
        Arguments.of("id charset", json(new DetailsRequest(List.of("c1", "a/b"))), "ids[1]"),
        Arguments.of("id U+0000", json(new DetailsRequest(List.of("a\u0000b"))), "ids[0]"),
        Arguments.of("id length", json(new DetailsRequest(List.of("x".repeat(129)))), "ids[0]"),
        Arguments.of("unknown field", "{\"ids\":[\"c1\"],\"owner\":\"x\"}", "unknown field"),
        Arguments.of("duplicate field", "{\"ids\":[\"c1\"],\"ids\":[\"c2\"]}", "duplicate"),
        Arguments.of(
            "ids as a string",
            "{\"ids\":\"c1\"}",
            "expected a JSON array at $.ids, found a string"),
        Arguments.of(
            "an id as a number",
            "{\"ids\":[\"c1\",7]}",
            "expected a JSON string at $.ids[1], found a number"),
        Arguments.of(
            "a null id", "{\"ids\":[null]}", "expected a JSON string at $.ids[0], found null"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDetailsRequests")
  void storeDetailsRefusesABadRequestBeforeTheTransientDataTheCallerOrAnyState(
      String name, String request, String detail) {
    Network network = seeded();
    for (Network.User user : List.of(JUSTICE_ISSUER, AUDITOR)) {
      Network.Result result =
          network
              .call(JUSTICE_NS, "records:StoreDetails", request)
              .by(user)
              .onPeerOf(SERVICES)
              .withTransient("details:c1", "not details")
              .withTransient("unexpected", details("Ana"))
              .submit();
      assertRefused(result, ErrorCode.INVALID_ARGUMENT);
      assertThat(result.message()).contains(detail).doesNotContain("Ana");
      assertThat(result.stub().stateReads()).isZero();
      assertThat(result.stub().reads()).isEmpty();
    }
  }

  static Stream<Arguments> wrongArgumentCounts() {
    return Stream.of(
        Arguments.of(
            JUSTICE_NS,
            "records:Revoke",
            new String[] {"c1"},
            "Revoke takes 2 argument(s), 1 given"),
        Arguments.of(
            JUSTICE_NS,
            "records:Revoke",
            new String[] {"c1", "LOST", "extra"},
            "Revoke takes 2 argument(s), 3 given"),
        Arguments.of(
            JUSTICE_NS,
            "records:AnchorCertificate",
            new String[] {},
            "AnchorCertificate takes 1 argument(s), 0 given"),
        Arguments.of(
            JUSTICE_NS,
            "records:AnchorCertificate",
            new String[] {VALID, VALID},
            "AnchorCertificate takes 1 argument(s), 2 given"),
        Arguments.of(
            JUSTICE_NS,
            "records:StoreDetails",
            new String[] {},
            "StoreDetails takes 1 argument(s), 0 given"),
        Arguments.of(
            JUSTICE_NS,
            "records:StoreDetails",
            new String[] {json(new DetailsRequest(List.of("c1"))), "c2"},
            "StoreDetails takes 1 argument(s), 2 given"),
        Arguments.of(
            JUSTICE_NS,
            "records:ListByType",
            new String[] {BIRTH, "10"},
            "ListByType takes 3 argument(s), 2 given"),
        Arguments.of(
            JUSTICE_NS,
            "records:GetBatchMaximum",
            new String[] {"1"},
            "GetBatchMaximum takes 0 argument(s), 1 given"),
        Arguments.of(
            GOVERNANCE,
            "governance:SuspendAgency",
            new String[] {JUSTICE},
            "SuspendAgency takes 2 argument(s), 1 given"),
        Arguments.of(
            GOVERNANCE,
            "governance:ListAgencies",
            new String[] {""},
            "ListAgencies takes 0 argument(s), 1 given"));
  }

  @ParameterizedTest(name = "{1} with {2}")
  @MethodSource("wrongArgumentCounts")
  void refusesTooFewOrTooManyArguments(
      String chaincode, String function, String[] args, String detail) {
    Network.Result result = network.call(chaincode, function, args).by(JUSTICE_ADMIN).submit();
    assertRefused(result, ErrorCode.INVALID_ARGUMENT);
    assertThat(result.message()).isEqualTo("INVALID_ARGUMENT: " + detail);
  }

  @Test
  void doesNotDropExtraArgumentsOfAValidCall() {
    Fixtures.anchor(network, "c1");
    Network.Result result =
        network
            .call(JUSTICE_NS, "records:Revoke", "c1", "LOST", "FRAUD")
            .by(JUSTICE_ISSUER)
            .submit();
    assertRefused(result, ErrorCode.INVALID_ARGUMENT);
    assertThat(result.message()).isEqualTo("INVALID_ARGUMENT: Revoke takes 2 argument(s), 3 given");
    Network.Result record =
        network.call(JUSTICE_NS, "records:GetRecord", "c1").by(JUSTICE_ISSUER).evaluate();
    assertThat(Outcomes.assertOk(record)).contains("\"status\":\"ACTIVE\"");
  }

  @Test
  void refusesTooFewArgumentsOfAnEvaluatedQuery() {
    Network.Result result =
        network.call(JUSTICE_NS, "records:VerifyRecord", "c1").by(JUSTICE_VERIFIER).evaluate();
    assertRefused(result, ErrorCode.INVALID_ARGUMENT);
    assertThat(result.message())
        .isEqualTo("INVALID_ARGUMENT: VerifyRecord takes 2 argument(s), 1 given");
  }

  @Test
  void refusesAnUnknownTransactionName() {
    Network.Result result =
        network.call(JUSTICE_NS, "records:DropEverything").by(JUSTICE_ISSUER).submit();
    assertRefused(result, ErrorCode.INVALID_ARGUMENT);
  }

  static Stream<Arguments> valuesOfTheWrongKind() {
    String application = json(new ApplicationRequest("app-2", "PERMIT", "2024-12-01T00:00:00Z"));
    String agency = Fixtures.agency("DigitalMSP", "records-digital", List.of(BIRTH));
    String decision =
        json(
            new DecisionRequest(
                "d1",
                "app-1",
                DecisionOutcome.APPROVED,
                "LAW-1",
                DECISION,
                HASH_C,
                SUBJECT_2,
                List.of(),
                List.of("c1"),
                null));
    return Stream.of(
        Arguments.of(
            JUSTICE_NS,
            "records:AnchorBatch",
            new String[] {"{\"records\":[null]}"},
            "expected a JSON object (CertificateRequest) at $.records[0], found null"),
        Arguments.of(
            JUSTICE_NS,
            "records:AnchorBatch",
            new String[] {"{\"records\":" + VALID + "}"},
            "expected a JSON array at $.records, found an object"),
        Arguments.of(
            JUSTICE_NS,
            "records:Supersede",
            new String[] {"c1", VALID.replace("\"c1\"", "\"c2\"").replace("\"central\"", "7")},
            "expected a JSON string at $.metadata.office, found a number"),
        Arguments.of(
            JUSTICE_NS,
            "records:Supersede",
            new String[] {
              "c1", json(committed("c2", "Ana")).replace("\"" + detailsHash("Ana") + "\"", "true")
            },
            "expected a JSON string at $.detailsHash, found a boolean"),
        Arguments.of(
            JUSTICE_NS,
            "records:AnchorBatch",
            new String[] {
              json(new BatchRequest(List.of(certificate("c2"), committed("c3", "Ana"))))
                  .replace("\"" + detailsHash("Ana") + "\"", "[]")
            },
            "expected a JSON string at $.records[1].detailsHash, found an array"),
        Arguments.of(
            JUSTICE_NS,
            "records:StoreDetails",
            new String[] {"{\"ids\":{\"0\":\"c1\"}}"},
            "expected a JSON array at $.ids, found an object"),
        Arguments.of(
            JUSTICE_NS,
            "records:StoreDetails",
            new String[] {"[\"c1\"]"},
            "expected a JSON object (DetailsRequest) at $, found an array"),
        Arguments.of(
            JUSTICE_NS,
            "records:RecordApplication",
            new String[] {application.replace("\"2024-12-01T00:00:00Z\"", "20241201")},
            "expected a JSON string at $.receivedAt, found a number"),
        Arguments.of(
            JUSTICE_NS,
            "records:RecordDecision",
            new String[] {decision.replace("\"APPROVED\"", "1")},
            "expected a JSON string at $.outcome, found a number"),
        Arguments.of(
            JUSTICE_NS,
            "records:RecordDecision",
            new String[] {decision.replace("\"inputRecords\":[]", "\"inputRecords\":[null]")},
            "expected a JSON object (RecordRef) at $.inputRecords[0], found null"),
        Arguments.of(
            JUSTICE_NS,
            "records:RecordDecision",
            new String[] {decision.replace("[\"c1\"]", "[1]")},
            "expected a JSON string at $.resultRecordIds[0], found a number"),
        Arguments.of(
            GOVERNANCE,
            "governance:SetDocumentTypes",
            new String[] {JUSTICE, "[1,2]"},
            "expected a JSON string at $[0], found a number"),
        Arguments.of(
            GOVERNANCE,
            "governance:SetDocumentTypes",
            new String[] {JUSTICE, "{\"0\":\"BIRTH_CERTIFICATE\"}"},
            "expected a JSON array at $, found an object"),
        Arguments.of(
            GOVERNANCE,
            "governance:RegisterAgency",
            new String[] {agency.replace("\"DigitalMSP agency\"", "42")},
            "expected a JSON string at $.displayName, found a number"),
        Arguments.of(
            GOVERNANCE,
            "governance:RegisterAgency",
            new String[] {
              agency.replace("[\"BIRTH_CERTIFICATE\"]", "[\"BIRTH_CERTIFICATE\",null]")
            },
            "expected a JSON string at $.documentTypes[1], found null"));
  }

  @ParameterizedTest(name = "{1}: {3}")
  @MethodSource("valuesOfTheWrongKind")
  void refusesJsonValuesOfTheWrongKindNamingTheirPath(
      String chaincode, String function, String[] args, String detail) {
    Network network = seeded();
    Network.User user = GOVERNANCE.equals(chaincode) ? JUSTICE_ADMIN : JUSTICE_ISSUER;
    Network.Result result = network.call(chaincode, function, args).by(user).submit();
    assertRefused(result, ErrorCode.INVALID_ARGUMENT);
    assertThat(result.message()).contains("is not acceptable JSON: " + detail);
    assertThat(result.stub().stateReads()).isZero();
  }

  static Stream<Arguments> privateDetailsOfTheWrongKind() {
    return Stream.of(
        Arguments.of("{\"details\":{\"name\":42},\"salt\":\"" + SALT + "\"}"),
        Arguments.of("{\"details\":{\"name\":true},\"salt\":\"" + SALT + "\"}"),
        Arguments.of("{\"details\":[[\"name\",\"Ana\"]],\"salt\":\"" + SALT + "\"}"),
        Arguments.of("{\"details\":[[null,\"Ana\"]],\"salt\":\"" + SALT + "\"}"),
        Arguments.of("{\"details\":{\"name\":\"Ana\"},\"salt\":[\"" + SALT + "\"]}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("privateDetailsOfTheWrongKind")
  void storeDetailsRefusesPrivateDetailsOfTheWrongKindWithoutEchoingThem(String details) {
    Network network = seeded();
    Network.Result result =
        network
            .call(JUSTICE_NS, "records:StoreDetails", json(new DetailsRequest(List.of("c1"))))
            .by(JUSTICE_ISSUER)
            .withTransient("details:c1", details)
            .submit();
    assertRefused(result, ErrorCode.TRANSIENT_DATA_INVALID);
    assertThat(result.message())
        .isEqualTo(
            "TRANSIENT_DATA_INVALID: transient 'details:c1' is not a PrivateDetails JSON object")
        .doesNotContain("Ana");
    assertThat(result.stub().stateReads()).isZero();
  }

  /**
   * The submitted transactions that take no transient data, each with valid arguments for {@link
   * #seeded()}, the user who may send it, and a transient key to send along: every co-endorsed
   * write (the co-endorsing organisation would see the transient data), anchorings included, and
   * the governance changes.
   */
  static Stream<Arguments> transactionsWithoutTransientData() {
    return Stream.of(
        Arguments.of(
            JUSTICE_NS,
            "records:AnchorCertificate",
            new String[] {json(committed("c9", "Ana"))},
            JUSTICE_ISSUER,
            "details"),
        Arguments.of(
            JUSTICE_NS,
            "records:AnchorCertificate",
            new String[] {json(committed("c9", "Ana"))},
            JUSTICE_ISSUER,
            "details:c9"),
        Arguments.of(
            JUSTICE_NS,
            "records:AnchorBatch",
            new String[] {
              json(new BatchRequest(List.of(committed("c9", "Ana"), certificate("c8"))))
            },
            JUSTICE_ISSUER,
            "details:c9"),
        Arguments.of(
            JUSTICE_NS,
            "records:Supersede",
            new String[] {"c1", json(committed("c9", "Ana"))},
            JUSTICE_ISSUER,
            "details"),
        Arguments.of(
            JUSTICE_NS,
            "records:RecordApplication",
            new String[] {json(new ApplicationRequest("app-2", "PERMIT", "2024-12-01T00:00:00Z"))},
            JUSTICE_CLERK,
            "details"),
        Arguments.of(
            JUSTICE_NS,
            "records:RecordDecision",
            new String[] {
              json(
                  new DecisionRequest(
                      "d1",
                      "app-1",
                      DecisionOutcome.APPROVED,
                      "LAW-1",
                      DECISION,
                      HASH_C,
                      SUBJECT_2,
                      null,
                      List.of("c1"),
                      null))
            },
            JUSTICE_ISSUER,
            "details"),
        Arguments.of(
            JUSTICE_NS,
            "records:Revoke",
            new String[] {"c1", "LOST"},
            JUSTICE_ISSUER,
            "nationalId"),
        Arguments.of(
            JUSTICE_NS, "records:PurgeDetails", new String[] {"c1"}, JUSTICE_ISSUER, "details"),
        Arguments.of(
            GOVERNANCE,
            "governance:RegisterAgency",
            new String[] {Fixtures.agency("DigitalMSP", "records-digital", List.of(BIRTH))},
            JUSTICE_ADMIN,
            "details"),
        Arguments.of(
            GOVERNANCE,
            "governance:SetDocumentTypes",
            new String[] {JUSTICE, "[\"" + BIRTH + "\"]"},
            JUSTICE_ADMIN,
            "x"),
        Arguments.of(
            GOVERNANCE,
            "governance:SuspendAgency",
            new String[] {JUSTICE, "AUDIT"},
            JUSTICE_ADMIN,
            "x"),
        Arguments.of(
            GOVERNANCE, "governance:ReinstateAgency", new String[] {SERVICES}, JUSTICE_ADMIN, "x"));
  }

  @ParameterizedTest(name = "{1} with transient {4}")
  @MethodSource("transactionsWithoutTransientData")
  void refusesTransientDataWhereNoneIsTakenBeforeTheCallerOrAnyState(
      String chaincode, String function, String[] args, Network.User user, String key) {
    Network network = seeded();

    Network.Result refused =
        network
            .call(chaincode, function, args)
            .by(user)
            .withTransient(key, details("Ana"))
            .submit();
    assertRefused(refused, ErrorCode.TRANSIENT_DATA_INVALID);
    assertThat(refused.message())
        .isEqualTo(
            "TRANSIENT_DATA_INVALID: transient '" + key + "' is not expected by this transaction");
    assertThat(refused.stub().stateReads()).isZero();
    assertThat(refused.stub().rangeQueries()).isZero();

    assertRefused(
        network.call(chaincode, function, args).by(AUDITOR).withTransient(key, "").submit(),
        ErrorCode.TRANSIENT_DATA_INVALID);

    assertOneEvent(network.call(chaincode, function, args).by(user).submit());
  }

  @Test
  void refusesAnInvalidArgumentBeforeUnexpectedTransientData() {
    Network.Result result =
        network
            .call(GOVERNANCE, "governance:SuspendAgency", JUSTICE, "no reason")
            .by(JUSTICE_ADMIN)
            .withTransient("x", "y")
            .submit();
    assertRefused(result, ErrorCode.INVALID_ARGUMENT);
    assertThat(result.message()).contains("reasonCode");
  }

  @Test
  void evaluatedQueriesIgnoreTransientData() {
    Network network = seeded();
    assertOk(
        network
            .call(JUSTICE_NS, "records:GetRecord", "c1")
            .by(JUSTICE_VERIFIER)
            .withTransient("x", "y")
            .evaluate());
    assertOk(
        network
            .call(GOVERNANCE, "governance:GetAgencyByNamespace", JUSTICE_NS)
            .by(AUDITOR)
            .withTransient("details", details("Ana"))
            .evaluate());
  }

  /**
   * The consortium with certificate c1 (with stored private details) and application app-1 in
   * JusticeMSP's namespace, and ServicesMSP suspended.
   */
  private static Network seeded() {
    Network network = Fixtures.consortium();
    Fixtures.anchorWithDetails(network, "c1", "Ana");
    assertOk(
        network
            .call(
                JUSTICE_NS,
                "records:RecordApplication",
                json(new ApplicationRequest("app-1", "PERMIT", "2024-12-01T00:00:00Z")))
            .by(JUSTICE_CLERK)
            .submit());
    assertOk(Fixtures.govern(network, "SuspendAgency", SERVICES, "AUDIT"));
    return network;
  }

  static Stream<Arguments> badMemberLists() {
    List<String> tooMany = new java.util.ArrayList<>();
    for (int i = 0; i < 33; i++) {
      tooMany.add("Org" + i + "MSP");
    }
    tooMany.set(0, JUSTICE);
    return Stream.of(
        Arguments.of("", "members is required"),
        Arguments.of("[]", "members must hold 1 to 32 MSP ids"),
        Arguments.of(json(tooMany), "members must hold 1 to 32 MSP ids"),
        Arguments.of("[\"JusticeMSP\",\"JusticeMSP\"]", "members repeats 'JusticeMSP'"),
        Arguments.of("[\"JusticeMSP\",\"Bad MSP\"]", "members[1] must be 1 to 64 characters"),
        Arguments.of("[\"JusticeMSP\",\"\"]", "members[1] is required"),
        Arguments.of("[\"" + "M".repeat(65) + "\"]", "members[0] must be 1 to 64 characters"),
        Arguments.of("[\"JusticeMSP\",null]", "expected a JSON string at $[1], found null"),
        Arguments.of("[1]", "expected a JSON string at $[0], found a number"),
        Arguments.of("{\"0\":\"JusticeMSP\"}", "expected a JSON array at $, found an object"),
        Arguments.of("[\"JusticeMSP\"", "members is not acceptable JSON"));
  }

  @ParameterizedTest(name = "[{0}]: {1}")
  @MethodSource("badMemberLists")
  void refusesABadMemberListBeforeAnyState(String members, String detail) {
    for (Network target : List.of(Fixtures.network(), network)) {
      Network.Result result =
          target.call(GOVERNANCE, "governance:InitConsortium", members).by(JUSTICE_ADMIN).submit();
      assertRefused(result, ErrorCode.INVALID_ARGUMENT);
      assertThat(result.message()).contains(detail);
      assertThat(result.stub().stateReads()).isZero();
    }
  }

  @Test
  void initConsortiumRefusesTransientDataBeforeTheCallerOrAnyState() {
    Network fresh = Fixtures.network();
    Network.Result refused =
        fresh
            .call(GOVERNANCE, "governance:InitConsortium", json(MEMBERS))
            .by(AUDITOR)
            .withTransient("details", details("Ana"))
            .submit();
    assertRefused(refused, ErrorCode.TRANSIENT_DATA_INVALID);
    assertThat(refused.stub().stateReads()).isZero();
    assertOneEvent(
        fresh
            .call(GOVERNANCE, "governance:InitConsortium", json(MEMBERS))
            .by(JUSTICE_ADMIN)
            .submit());
  }

  static Stream<String> badChangeIds() {
    return Stream.of(
        "",
        "abc",
        "A".repeat(64),
        "a".repeat(63),
        "a".repeat(65),
        "g".repeat(64),
        "a".repeat(63) + "\u0000",
        " " + "a".repeat(63));
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("badChangeIds")
  void getChangeApprovalsRefusesAMalformedChangeIdBeforeAnyState(String changeId) {
    Network.Result result =
        network.call(GOVERNANCE, "governance:GetChangeApprovals", changeId).by(AUDITOR).evaluate();
    assertRefused(result, ErrorCode.INVALID_ARGUMENT);
    assertThat(result.message())
        .startsWith(
            "INVALID_ARGUMENT: changeId "
                + (changeId.isEmpty() ? "is required" : "must be 64 lowercase hex digits"));
    assertThat(result.stub().stateReads()).isZero();
    assertThat(result.stub().rangeQueries()).isZero();
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("badChangeIds")
  void getMembersApprovalsRefusesAMalformedListIdBeforeAnyState(String listId) {
    Network.Result result =
        network.call(GOVERNANCE, "governance:GetMembersApprovals", listId).by(AUDITOR).evaluate();
    assertRefused(result, ErrorCode.INVALID_ARGUMENT);
    assertThat(result.message())
        .startsWith(
            "INVALID_ARGUMENT: listId "
                + (listId.isEmpty() ? "is required" : "must be 64 lowercase hex digits"));
    assertThat(result.stub().stateReads()).isZero();
    assertThat(result.stub().rangeQueries()).isZero();
  }
}
