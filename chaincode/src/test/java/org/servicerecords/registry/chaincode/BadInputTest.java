package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.chaincode.Fixtures.*;
import static org.servicerecords.registry.chaincode.Outcomes.assertRefused;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.ErrorCode;

/**
 * Every class of bad input to AnchorCertificate is refused before any state access, and every
 * transaction refuses a wrong argument count.
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
            "null metadata value", VALID.replace("\"central\"", "null"), "metadata.office"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void refusesWithInvalidArgumentNamingTheField(String name, String request, String field) {
    Network.Result result =
        network.call(JUSTICE_NS, "records:AnchorCertificate", request).by(JUSTICE_ISSUER).submit();
    assertRefused(result, ErrorCode.INVALID_ARGUMENT);
    assertThat(result.message()).contains(field);
    assertThat(result.stub().rangeQueries).isZero();
  }

  @Test
  void checksArgumentsBeforeTheCallerSoAnyoneGetsTheSameAnswer() {
    Network.Result result =
        network.call(JUSTICE_NS, "records:AnchorCertificate", "{").by(AUDITOR).submit();
    assertRefused(result, ErrorCode.INVALID_ARGUMENT);
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
}
