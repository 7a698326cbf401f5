package org.servicerecords.registry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  record Inner(String b, String a) {}

  record Outer(String zeta, Inner inner, long count, List<Inner> items, Map<String, String> tags) {}

  record WithDouble(double value) {}

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
}
