package org.servicerecords.registry.client.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FabricCaAnswerTest {

  private static final URI CA = URI.create("https://127.0.0.1:7054");

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:7054", "HTTP://ca.example:7054", "ftp://ca:1"})
  void plainHttpIsRefusedWithoutAnyOptIn(String url) {
    assertThatThrownBy(
            () ->
                FabricCaClient.newBuilder(URI.create(url))
                    .tlsCertificate(Path.of("/nonexistent.pem"))
                    .build())
        .isExactlyInstanceOf(CaException.class)
        .hasMessageContaining("only https://host:port is accepted");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"success\": \"yes\", \"result\": {}}",
        "{\"success\": {}, \"result\": {}}",
        "{\"success\": [true]}",
        "{\"success\": false, \"errors\": [{\"code\": \"twenty\", \"message\": \"no\"}]}",
        "{\"success\": false, \"errors\": [{\"code\": {}, \"message\": \"no\"}]}",
        "{\"success\": false, \"errors\": [{\"code\": 1.5}]}",
        "[1, 2]",
        "\"text\"",
        "not json at all",
        ""
      })
  void malformedAnswersBecomeCaExceptionsNamingTheCa(String body) {
    assertThatThrownBy(() -> FabricCaClientImpl.answer(CA, 200, body, "enroll 'x'"))
        .isExactlyInstanceOf(CaException.class)
        .hasMessageContaining("CA https://127.0.0.1:7054 gave an unreadable answer to enroll 'x'");
  }

  @Test
  void oddButHarmlessErrorEntriesStillGiveTheCasRefusal() {
    assertThatThrownBy(
            () ->
                FabricCaClientImpl.answer(
                    CA,
                    400,
                    "{\"success\": false, \"errors\": [7, {\"message\": {\"x\": 1}},"
                        + " {\"code\": 0, \"message\": \"Identity 'a' is already registered\"}]}",
                    "register 'a'"))
        .isExactlyInstanceOf(CaException.class)
        .hasMessage("CA refused to register 'a': Identity 'a' is already registered");
  }

  @Test
  void authenticationFailuresAreTyped() {
    assertThatThrownBy(
            () ->
                FabricCaClientImpl.answer(
                    CA,
                    401,
                    "{\"success\": false, \"errors\": [{\"code\": 20, \"message\": \"Authentication"
                        + " failure\"}]}",
                    "enroll 'x'"))
        .isInstanceOf(CaAuthenticationException.class)
        .hasMessage("CA refused to enroll 'x': Authentication failure (code 20)");
  }

  @Test
  void successGivesTheResultObject() throws CaException {
    assertThat(
            FabricCaClientImpl.answer(
                    CA, 201, "{\"success\": true, \"result\": {\"secret\": \"s\"}}", "register")
                .get("secret")
                .getAsString())
        .isEqualTo("s");
  }
}
