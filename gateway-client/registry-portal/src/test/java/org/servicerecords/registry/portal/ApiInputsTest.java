package org.servicerecords.registry.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApiInputsTest {

  private static final String HASH =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static void refused(Runnable check, ApiError error) {
    assertThatThrownBy(check::run)
        .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.error()).isEqualTo(error));
  }

  @Nested
  class HashQuestions {

    @Test
    void readsHashIssuerAndInstant() {
      var question =
          ApiInputs.hashQuestion(
              "{\"sha256\":\""
                  + HASH.toUpperCase()
                  + "\",\"issuer\":\"JusticeMSP\",\"at\":\"2026-01-02T03:04:05Z\"}");
      assertThat(question.sha256()).isEqualTo(HASH);
      assertThat(question.issuer()).isEqualTo("JusticeMSP");
      assertThat(question.at()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void leavesIssuerAndInstantOutWhenAbsentNullOrEmpty() {
      var question =
          ApiInputs.hashQuestion("{\"sha256\":\"" + HASH + "\",\"issuer\":null,\"at\":\"\"}");
      assertThat(question.issuer()).isNull();
      assertThat(question.at()).isNull();
    }

    @Test
    void refusesWhatIsNotASha256() {
      refused(() -> ApiInputs.hashQuestion("{\"sha256\":\"abc\"}"), ApiError.INVALID_HASH);
      refused(
          () -> ApiInputs.hashQuestion("{\"sha256\":\"" + HASH.replace('e', 'g') + "\"}"),
          ApiError.INVALID_HASH);
      refused(() -> ApiInputs.hashQuestion("{\"sha256\":42}"), ApiError.INVALID_HASH);
      refused(() -> ApiInputs.hashQuestion("{}"), ApiError.INVALID_HASH);
    }

    @Test
    void refusesBodiesThatAreNotTheExpectedObject() {
      refused(() -> ApiInputs.hashQuestion("not json"), ApiError.INVALID_REQUEST);
      refused(() -> ApiInputs.hashQuestion("[1,2]"), ApiError.INVALID_REQUEST);
      // Strict JSON only: no single quotes, unquoted names or comments.
      refused(() -> ApiInputs.hashQuestion("{'sha256':'" + HASH + "'}"), ApiError.INVALID_REQUEST);
      refused(() -> ApiInputs.hashQuestion("{sha256:\"" + HASH + "\"}"), ApiError.INVALID_REQUEST);
      refused(
          () -> ApiInputs.hashQuestion("{\"sha256\":\"" + HASH + "\",\"file\":\"...\"}"),
          ApiError.INVALID_REQUEST);
    }

    @Test
    void refusesAMalformedIssuerOrInstant() {
      refused(
          () -> ApiInputs.hashQuestion("{\"sha256\":\"" + HASH + "\",\"issuer\":\"a b/c\"}"),
          ApiError.INVALID_ISSUER);
      refused(
          () -> ApiInputs.hashQuestion("{\"sha256\":\"" + HASH + "\",\"at\":\"yesterday\"}"),
          ApiError.INVALID_DATE);
    }
  }

  @Nested
  class PathSegments {

    @Test
    void acceptsNamespacesMspIdsAndRecordIds() {
      assertThat(ApiInputs.namespace("records-justice")).isEqualTo("records-justice");
      assertThat(ApiInputs.namespace("JusticeMSP")).isEqualTo("JusticeMSP");
      assertThat(ApiInputs.id("bc-2026:001.a_b")).isEqualTo("bc-2026:001.a_b");
    }

    @Test
    void refusesForbiddenCharacters() {
      refused(() -> ApiInputs.id("bc 1"), ApiError.INVALID_ID);
      refused(() -> ApiInputs.id("<script>"), ApiError.INVALID_ID);
      refused(() -> ApiInputs.id("x".repeat(129)), ApiError.INVALID_ID);
      refused(() -> ApiInputs.namespace("records justice"), ApiError.INVALID_NAMESPACE);
      refused(() -> ApiInputs.namespace("a".repeat(65)), ApiError.INVALID_NAMESPACE);
    }

    @Test
    void messagesDoNotEchoTheValue() {
      assertThatThrownBy(() -> ApiInputs.id("<img src=x>")).hasMessageNotContaining("<img");
    }
  }
}
