package org.servicerecords.registry.client.internal.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.RegistryRecord;

/** An answer that cannot be read never ends up in the exception: it may hold personal data. */
class LedgerParseTest {

  static final String SENTINEL = "Ana-Pop-1985";

  /** Malformed answers of every kind the reader refuses, each holding the sentinel. */
  static final List<String> MALFORMED =
      List.of(
          "{\"salt\":\"ab\",\"details\":{\"name\":\"" + SENTINEL,
          "{\"salt\":\"ab\",\"details\":{\"name\":\"" + SENTINEL + "\"}} trailing",
          "{\"salt\":\"ab\",\"details\":{\"" + SENTINEL + "\":\"x\",\"" + SENTINEL + "\":\"y\"}}",
          "{\"salt\":\"ab\",\"" + SENTINEL + "\":\"x\"}",
          "{\"salt\":\"ab\",\"details\":{\"name\":[\"" + SENTINEL + "\"]}}",
          "{\"salt\":\"ab\",\"details\":{\"" + SENTINEL + "\":19851231.5}}",
          "{\"salt\":\"ab\",\"details\":{\"" + SENTINEL + "\":99999999999999999999}}",
          "[\"" + SENTINEL + "\"]",
          "'" + SENTINEL + "'");

  @Test
  void aMalformedPersonalAnswerIsNeitherInTheMessageNorInAnyField() {
    for (String answer : MALFORMED) {
      RegistryException e =
          catchThrowableOfType(
              RegistryException.class,
              () ->
                  Ledger.parse(
                      answer.getBytes(StandardCharsets.UTF_8),
                      PrivateDetails.class,
                      "records-justice ReadDetails"));

      assertThat(e).as(answer).isNotNull();
      assertThat(e.getMessage())
          .as(answer)
          .startsWith(
              "unexpected answer from records-justice ReadDetails: not a JSON PrivateDetails (")
          .doesNotContain(SENTINEL);
      assertThat(e.peerMessage()).as(answer).isNull();
      assertThat(e.getCause()).as(answer).isNull();
      assertThat(e.stage()).isEqualTo(Stage.EVALUATE);
      assertThat(e.transactionId()).isNull();
      assertThat(e.code()).isNull();
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).as(answer).doesNotContain(SENTINEL);
    }
  }

  @Test
  void aValueOfTheWrongTypeIsNotQuotedEither() {
    // Gson's own message quotes the value ("For input string: ...").
    RegistryException e =
        catchThrowableOfType(
            RegistryException.class,
            () ->
                Ledger.parse(
                    ("\"" + SENTINEL + "\"").getBytes(StandardCharsets.UTF_8),
                    Long.class,
                    "records-justice GetBatchMaximum"));
    assertThat(e.getMessage())
        .isEqualTo(
            "unexpected answer from records-justice GetBatchMaximum: not a JSON Long"
                + " (a value of the wrong type)");
    assertThat(e.peerMessage()).isNull();
  }

  @Test
  void theKindOfProblemIsNamed() {
    assertThat(message("{\"id\":\"" + SENTINEL)).endsWith("(malformed JSON)");
    assertThat(message("{\"" + SENTINEL + "\":\"x\"}")).endsWith("(an unknown field)");
    assertThat(message("{\"id\":\"a\",\"id\":\"" + SENTINEL + "\"}"))
        .endsWith("(a field appears twice)");
    assertThat(message("null")).endsWith("(null instead of a value)");
    assertThat(message("")).endsWith("(malformed JSON)");
    RegistryException list =
        catchThrowableOfType(
            RegistryException.class,
            () ->
                Ledger.parse(
                    "{}".getBytes(StandardCharsets.UTF_8),
                    RegistryRecord[].class,
                    "records-justice GetHistory"));
    assertThat(list.getMessage()).contains("not a JSON list of RegistryRecord");
  }

  private static String message(String answer) {
    RegistryException e =
        catchThrowableOfType(
            RegistryException.class,
            () ->
                Ledger.parse(
                    answer.getBytes(StandardCharsets.UTF_8),
                    RegistryRecord.class,
                    "records-justice GetRecord"));
    assertThat(e.getMessage()).doesNotContain(SENTINEL);
    return e.getMessage();
  }

  @Test
  void theGatewaysRefusalOfDifferingAnswersIsRecognisedInTheMessageOrThePeersDetails() {
    String gateway = "ProposalResponsePayloads do not match";
    assertThat(
            Ledger.answersDiffer(
                new RegistryException(
                    "ABORTED: failed to endorse",
                    null,
                    RegistryException.Stage.ENDORSE,
                    null,
                    "peer0.services: " + gateway,
                    null)))
        .isTrue();
    assertThat(
            Ledger.answersDiffer(
                new RegistryException(
                    "ABORTED: " + gateway,
                    null,
                    RegistryException.Stage.ENDORSE,
                    null,
                    null,
                    null)))
        .isTrue();
    assertThat(
            Ledger.answersDiffer(
                new RegistryException(
                    "UNAVAILABLE: no peer",
                    null,
                    RegistryException.Stage.ENDORSE,
                    null,
                    null,
                    null)))
        .isFalse();
  }
}
