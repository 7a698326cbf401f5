package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordEvent;
import org.servicerecords.registry.testing.Network;

/** Assertions on transaction outcomes shared by the tests. */
final class Outcomes {

  private Outcomes() {}

  /** The error code of a refusal, or {@code null} if the transaction succeeded. */
  static ErrorCode code(Network.Result result) {
    return result.ok() ? null : ErrorCode.fromMessage(result.message());
  }

  /** The transaction was refused with the code, and wrote nothing and emitted no event. */
  static void assertRefused(Network.Result result, ErrorCode code) {
    assertThat(result.ok()).as("refused: " + result.payload()).isFalse();
    assertThat(result.message()).startsWith(code.name() + ": ");
    assertThat(result.writes()).as("writes of a refused transaction").isEmpty();
    assertThat(result.events()).as("events of a refused transaction").isEmpty();
  }

  /** The transaction succeeded; returns its payload. */
  static String assertOk(Network.Result result) {
    assertThat(result.message()).as("message").isNull();
    assertThat(result.ok()).isTrue();
    return result.payload();
  }

  /** The transaction succeeded with exactly one registry event; returns that event. */
  static RecordEvent assertOneEvent(Network.Result result) {
    assertOk(result);
    assertThat(result.events()).hasSize(1);
    assertThat(result.events().get(0).getEventName()).isEqualTo(RecordEvent.NAME);
    return CanonicalJson.fromJson(result.event(), RecordEvent.class);
  }
}
