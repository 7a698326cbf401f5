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
