package org.servicerecords.registry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  record Inner(String b, String a) {}

  record Outer(String zeta, Inner inner, long count, List<Inner> items, Map<String, String> tags) {}

  record WithDouble(double value) {}

  record Flags(boolean on, int small, Boolean boxed, String[] names, RecordKind kind) {}

  record Guarded(String a) {
    Guarded {
      Objects.requireNonNull(a, "a");
    }
  }

  @Nested
  class Writing {

    @Test
    void sortsKeysAtEveryLevelWhateverTheDeclarationOrInsertionOrder() {
      Map<String, String> tags = new LinkedHashMap<>();
      tags.put("z", "1");
      tags.put("a", "2");
      Outer value = new Outer("last", new Inner("B", "A"), 7, List.of(new Inner("y", "x")), tags);

      assertThat(CanonicalJson.toJson(value))
          .isEqualTo(
              "{\"count\":7,\"inner\":{\"a\":\"A\",\"b\":\"B\"},\"items\":[{\"a\":\"x\",\"b\":\"y\"}],"
                  + "\"tags\":{\"a\":\"2\",\"z\":\"1\"},\"zeta\":\"last\"}");
    }

    @Test
    void omitsNullMembers() {
      assertThat(CanonicalJson.toJson(new Inner(null, "A"))).isEqualTo("{\"a\":\"A\"}");
    }

    @Test
    void doesNotEscapeHtmlCharacters() {
      assertThat(CanonicalJson.toJson(new Inner("<a href='x'>&</a>", "=")))
          .isEqualTo("{\"a\":\"=\",\"b\":\"<a href='x'>&</a>\"}");
    }

    @Test
    void givesTheSameBytesForEqualValuesBuiltDifferently() {
      Map<String, String> one = new LinkedHashMap<>();
      one.put("b", "2");
      one.put("a", "1");
      Map<String, String> two = new TreeMap<>(Map.of("a", "1", "b", "2"));

      assertThat(CanonicalJson.toBytes(one)).isEqualTo(CanonicalJson.toBytes(two));
      assertThat(new String(CanonicalJson.toBytes(one), StandardCharsets.UTF_8))
          .isEqualTo(CanonicalJson.toJson(two));
    }

    @Test
    void refusesFloatingPointNumbers() {
      assertThatThrownBy(() -> CanonicalJson.toJson(new WithDouble(1.5)))
          .isInstanceOf(JsonFormatException.class)
          .hasMessageContaining("only integers");
    }
  }

  @Nested
  class Reading {

    @Test
    void readsWhatItWrote() {
      Outer value =
          new Outer("z", new Inner("b", "a"), 3, List.of(new Inner("d", "c")), Map.of("k", "v"));

      assertThat(CanonicalJson.fromJson(CanonicalJson.toJson(value), Outer.class)).isEqualTo(value);
    }

    @Test
    void refusesDuplicateKeysWhichGsonWouldSilentlyOverwrite() {
      assertThatThrownBy(() -> CanonicalJson.fromJson("{\"a\":\"1\",\"a\":\"2\"}", Inner.class))
          .isInstanceOf(JsonFormatException.class)
          .hasMessageContaining("duplicate field 'a'");
    }

    @Test
    void refusesDuplicateKeysInNestedObjects() {
      assertThatThrownBy(
              () ->
                  CanonicalJson.fromJson(
                      "{\"inner\":{\"a\":\"1\",\"a\":\"1\"},\"count\":1}", Outer.class))
          .isInstanceOf(JsonFormatException.class)
          .hasMessageContaining("$.inner");
    }

    @Test
    void refusesUnknownFieldsWhichGsonWouldSilentlyIgnore() {
      assertThatThrownBy(() -> CanonicalJson.fromJson("{\"a\":\"1\",\"c\":\"2\"}", Inner.class))
          .isInstanceOf(JsonFormatException.class)
          .hasMessageContaining("unknown field 'c'");
    }

    @Test
    void refusesUnknownFieldsInsideListElements() {
      assertThatThrownBy(
              () -> CanonicalJson.fromJson("{\"items\":[{\"a\":\"1\",\"x\":\"2\"}]}", Outer.class))
          .isInstanceOf(JsonFormatException.class)
          .hasMessageContaining("unknown field 'x' at $.items[0]");
    }

    @Test
    void acceptsAnyKeysInAMapField() {
      Outer value =
          CanonicalJson.fromJson("{\"tags\":{\"any\":\"1\",\"other\":\"2\"}}", Outer.class);

      assertThat(value.tags()).containsEntry("any", "1").containsEntry("other", "2");
    }

    @Test
    void acceptsExplicitNullForAnAbsentField() {
      assertThat(CanonicalJson.fromJson("{\"a\":\"1\",\"b\":null}", Inner.class))
          .isEqualTo(new Inner(null, "1"));
    }

    @Test
    void refusesFractionsAndExponents() {
      assertThatThrownBy(() -> CanonicalJson.fromJson("{\"count\":1.0}", Outer.class))
          .isInstanceOf(JsonFormatException.class)
          .hasMessageContaining("only integers");
      assertThatThrownBy(() -> CanonicalJson.fromJson("{\"count\":1e3}", Outer.class))
          .isInstanceOf(JsonFormatException.class);
    }

    @Test
    void refusesIntegersOutsideTheLongRange() {
      assertThatThrownBy(
              () -> CanonicalJson.fromJson("{\"count\":9223372036854775808}", Outer.class))
          .isInstanceOf(JsonFormatException.class);
    }

    @Test
    void refusesTrailingData() {
      assertThatThrownBy(() -> CanonicalJson.fromJson("{\"a\":\"1\"} {}", Inner.class))
          .isInstanceOf(JsonFormatException.class);
    }

    @Test
    void refusesLenientSyntax() {
      assertThatThrownBy(() -> CanonicalJson.fromJson("{a:'1'}", Inner.class))
          .isInstanceOf(JsonFormatException.class)
          .hasMessageStartingWith("malformed JSON");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
      String deep =
          "[".repeat(CanonicalJson.MAX_DEPTH + 2) + "]".repeat(CanonicalJson.MAX_DEPTH + 2);

      assertThatThrownBy(() -> CanonicalJson.parseStrict(deep))
          .isInstanceOf(JsonFormatException.class)
          .hasMessageContaining("nested deeper");
    }

    @Test
    void refusesMissingTextAndJsonNull() {
      assertThatThrownBy(() -> CanonicalJson.fromJson(null, Inner.class))
          .isInstanceOf(JsonFormatException.class);
      assertThatThrownBy(() -> CanonicalJson.fromJson("null", Inner.class))
          .isInstanceOf(JsonFormatException.class);
    }

    @Test
    void refusesAValueOfTheWrongShape() {
      assertThatThrownBy(() -> CanonicalJson.fromJson("[\"a\"]", Inner.class))
          .isInstanceOf(JsonFormatException.class)
          .hasMessageContaining("Inner");
    }
  }

  /**
   * Each value must be the JSON kind of its Java type: Gson alone would convert numbers and
   * booleans into strings (and back), read a map written as a list of pairs, and fail with an
   * unchecked exception on some of them.
   */
  @Nested
  class Kinds {

    private void assertRefused(String json, Class<?> type, String message) {
      assertThatThrownBy(() -> CanonicalJson.fromJson(json, type))
          .isInstanceOf(JsonFormatException.class)
          .hasMessage(message);
    }

    @Test
    void refusesANumberOrBooleanWhereAStringIsExpected() {
      assertRefused(
          "{\"zeta\":12345}", Outer.class, "expected a JSON string at $.zeta, found a number");
      assertRefused(
          "{\"tags\":{\"office\":true}}",
          Outer.class,
          "expected a JSON string at $.tags.office, found a boolean");
      assertRefused(
          "{\"items\":[{\"a\":1}]}",
          Outer.class,
          "expected a JSON string at $.items[0].a, found a number");
      assertRefused(
          "{\"names\":[\"x\",2]}",
          Flags.class,
          "expected a JSON string at $.names[1], found a number");
      assertRefused("12345", String.class, "expected a JSON string at $, found a number");
      assertRefused("[1,2]", String[].class, "expected a JSON string at $[0], found a number");
    }

    @Test
    void refusesAStringWhereANumberBooleanOrEnumIsExpected() {
      assertRefused(
          "{\"count\":\"7\"}", Outer.class, "expected a JSON number at $.count, found a string");
      assertRefused(
          "{\"on\":\"true\"}", Flags.class, "expected a JSON boolean at $.on, found a string");
      assertRefused("{\"on\":1}", Flags.class, "expected a JSON boolean at $.on, found a number");
      assertRefused(
          "{\"kind\":0}", Flags.class, "expected a JSON string at $.kind, found a number");
      assertRefused("\"7\"", Long.class, "expected a JSON number at $, found a string");
    }

    @Test
    void refusesAMapWrittenAsAListOfPairs() {
      assertRefused(
          "{\"tags\":[[\"office\",\"central\"]]}",
          Outer.class,
          "expected a JSON object at $.tags, found an array");
      assertRefused(
          "{\"tags\":[[null,\"v\"]]}",
          Outer.class,
          "expected a JSON object at $.tags, found an array");
    }

    @Test
    void refusesAnObjectOrListOfTheWrongKind() {
      assertRefused(
          "{\"items\":{\"0\":{}}}",
          Outer.class,
          "expected a JSON array at $.items, found an object");
      assertRefused(
          "{\"inner\":\"x\"}",
          Outer.class,
          "expected a JSON object (Inner) at $.inner, found a string");
      assertRefused("[\"a\"]", Inner.class, "expected a JSON object (Inner) at $, found an array");
      assertRefused(
          "{\"tags\":\"a=1\"}", Outer.class, "expected a JSON object at $.tags, found a string");
    }

    @Test
    void refusesIntegersOutsideTheRangeOfTheField() {
      assertRefused("{\"small\":2147483648}", Flags.class, "integer out of range at $.small");
      assertRefused(
          "{\"small\":99999999999999999999}", Flags.class, "integer out of range at $.small");
      assertRefused(
          "{\"small\":1.5}",
          Flags.class,
          "only integers are accepted, found a fraction or exponent at $.small");
      assertThat(CanonicalJson.fromJson("{\"small\":-2147483648}", Flags.class).small())
          .isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void acceptsNullForAnAbsentReferenceOrAMapValueOnly() {
      Outer outer = CanonicalJson.fromJson("{\"inner\":null,\"tags\":{\"k\":null}}", Outer.class);
      assertThat(outer.inner()).isNull();
      assertThat(outer.tags()).containsEntry("k", null);
      assertThat(CanonicalJson.fromJson("{\"boxed\":null,\"names\":null}", Flags.class).boxed())
          .isNull();

      assertRefused("{\"on\":null}", Flags.class, "expected a JSON boolean at $.on, found null");
      assertRefused(
          "{\"small\":null}", Flags.class, "expected a JSON number at $.small, found null");
      assertRefused(
          "{\"items\":[null]}",
          Outer.class,
          "expected a JSON object (Inner) at $.items[0], found null");
      assertRefused(
          "{\"names\":[null]}", Flags.class, "expected a JSON string at $.names[0], found null");
    }

    @Test
    void refusesAnyFailureWhileBuildingTheValueAsMalformedJson() {
      assertThatThrownBy(() -> CanonicalJson.fromJson("{}", Guarded.class))
          .isInstanceOf(JsonFormatException.class)
          .hasMessage("does not match Guarded (NullPointerException)");
    }

    @Test
    void treatsATypeItCannotCheckAsAProgrammingError() {
      assertThatThrownBy(() -> CanonicalJson.fromJson("{\"value\":1}", WithDouble.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("does not support the type double");
      assertThatThrownBy(() -> CanonicalJson.fromJson("{}", Object.class))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnUnknownEnumConstantOnlyThroughTheFieldsOwnRule() {
      assertThat(CanonicalJson.fromJson("{\"kind\":\"CERTIFICATE\"}", Flags.class).kind())
          .isEqualTo(RecordKind.CERTIFICATE);
      assertThat(CanonicalJson.fromJson("{\"kind\":\"OTHER\"}", Flags.class).kind()).isNull();
    }

    @Test
    void readsEveryContractValueFromItsCanonicalForm() {
      Actor actor = new Actor("JusticeMSP", "f".repeat(64), "issuer");
      TreeMap<String, String> metadata = new TreeMap<>(Map.of("office", "central"));
      RegistryRecord record =
          new RegistryRecord(
              "d1",
              RecordKind.DECISION,
              "PERMIT",
              "JusticeMSP",
              "a".repeat(64),
              "s".repeat(64),
              "2025-01-01T00:00:00Z",
              null,
              RecordStatus.REVOKED,
              "c0",
              null,
              new Revocation("LOST", "2025-02-01T00:00:00Z", actor),
              new Decision(
                  "app-1",
                  "PERMIT",
                  DecisionOutcome.APPROVED,
                  "LAW-1/2",
                  "2024-12-01T00:00:00Z",
                  "2025-01-01T00:00:00Z",
                  List.of(new RecordRef("records-services", "x-1")),
                  List.of("c1")),
              "app-1",
              metadata,
              "b".repeat(64),
              true,
              actor,
              "tx1",
              "2025-02-01T00:00:00Z");
      AgencyEntry agency =
          new AgencyEntry(
              "JusticeMSP",
              "Justice",
              "records-justice",
              List.of("BIRTH"),
              "2024-01-01T00:00:00Z",
              "2030-01-01T00:00:00Z",
              true,
              "AUDIT",
              actor,
              "tx2",
              "2025-01-01T00:00:00Z");
      Verification verification =
          new Verification(
              Verdict.REVOKED,
              record,
              "JusticeMSP",
              "Justice",
              "records-justice",
              "2025-03-01T00:00:00Z",
              null);
      List<Object> values =
          List.of(
              record,
              agency,
              new AgencyHistoryEntry("tx2", "2025-01-01T00:00:00Z", false, agency),
              new RecordHistoryEntry("tx1", "2025-02-01T00:00:00Z", true, null),
              new RecordPage(List.of(record), "next", 7),
              new BatchResult(
                  "tx3",
                  "2025-01-01T00:00:00Z",
                  List.of(new BatchResult.Outcome("c1", "ANCHORED", null))),
              new RecordEvent(
                  "records-justice",
                  List.of(new RecordEvent.Entry("c1", "CERTIFICATE", "ANCHORED"))),
              new ApplicationReceipt(
                  "app-1",
                  "PERMIT",
                  "2024-12-01T00:00:00Z",
                  "d1",
                  actor,
                  "tx4",
                  "2025-01-01T00:00:00Z"),
              new PrivateDetails("0".repeat(32), new TreeMap<>(Map.of("name", "Ana"))),
              new CertificateRequest(
                  "c1",
                  "BIRTH",
                  "a".repeat(64),
                  "s".repeat(64),
                  "2025-01-01T00:00:00Z",
                  null,
                  "app-1",
                  metadata),
              new DecisionRequest(
                  "d1",
                  "app-1",
                  DecisionOutcome.RETURNED,
                  "LAW-1",
                  "PERMIT",
                  "a".repeat(64),
                  "s".repeat(64),
                  List.of(new RecordRef("records-services", "x-1")),
                  List.of("c1"),
                  metadata),
              new ApplicationRequest("app-1", "PERMIT", "2024-12-01T00:00:00Z"),
              new AgencyRequest(
                  "JusticeMSP",
                  "Justice",
                  "records-justice",
                  List.of(),
                  "2024-01-01T00:00:00Z",
                  null),
              verification,
              "text",
              500L,
              Boolean.TRUE);
      for (Object value : values) {
        assertThat(CanonicalJson.fromJson(CanonicalJson.toJson(value), value.getClass()))
            .as(value.getClass().getSimpleName())
            .isEqualTo(value);
      }
      assertThat(
              CanonicalJson.fromJson(
                  CanonicalJson.toJson(List.of(verification)), Verification[].class))
          .containsExactly(verification);
      assertThat(CanonicalJson.fromJson("[\"A\",\"B\"]", String[].class)).containsExactly("A", "B");
    }
  }
}
