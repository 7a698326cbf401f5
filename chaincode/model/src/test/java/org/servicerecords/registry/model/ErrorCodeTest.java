package org.servicerecords.registry.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodeTest {

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void everyCodeIsFoundAgainInTheMessageItFormats(ErrorCode code) {
    assertThat(ErrorCode.fromMessage(code.message("detail"))).isEqualTo(code);
  }

  @Test
  void codesKeepTheirOrderAndNewOnesAreAppended() {
    assertThat(ErrorCode.values())
        .extracting(ErrorCode::name)
        .containsExactly(
            "INVALID_ARGUMENT",
            "NOT_AUTHORIZED",
            "ISSUER_NOT_AUTHORIZED",
            "AGENCY_SUSPENDED",
            "AGENCY_NOT_FOUND",
            "RECORD_NOT_FOUND",
            "APPLICATION_NOT_FOUND",
            "ALREADY_EXISTS",
            "INVALID_STATE",
            "WRONG_NAMESPACE",
            "TRANSIENT_DATA_INVALID",
            "INTERNAL_ERROR",
            "AGENCY_INACTIVE",
            "TIMESTAMP_OUT_OF_TOLERANCE");
  }

  @Test
  void findsTheCodeInsideAPeersWrappedMessage() {
    assertThat(ErrorCode.fromMessage("chaincode response 500, NOT_AUTHORIZED: caller is a clerk"))
        .isEqualTo(ErrorCode.NOT_AUTHORIZED);
  }

  @Test
  void doesNotMistakeTheTailOfALongerCodeForAShorterOne() {
    assertThat(ErrorCode.fromMessage("ISSUER_NOT_AUTHORIZED: type not allowed"))
        .isEqualTo(ErrorCode.ISSUER_NOT_AUTHORIZED);
  }

  @Test
  void takesTheFirstCodeWhenSeveralAppear() {
    assertThat(ErrorCode.fromMessage("RECORD_NOT_FOUND: x, then INVALID_ARGUMENT: y"))
        .isEqualTo(ErrorCode.RECORD_NOT_FOUND);
  }

  @Test
  void givesNullForMessagesWithoutACode() {
    assertThat(ErrorCode.fromMessage("timeout")).isNull();
    assertThat(ErrorCode.fromMessage("NOT_AUTHORIZED without colon")).isNull();
    assertThat(ErrorCode.fromMessage(null)).isNull();
  }
}
