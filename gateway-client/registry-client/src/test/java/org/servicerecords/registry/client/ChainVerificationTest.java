package org.servicerecords.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChainVerificationTest {

  @Test
  void theTimeToleranceIsFabricsTimeWindowUnlessSet() {
    assertThat(ChainVerification.builder().build().timeTolerance())
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(
            ChainVerification.builder().timeTolerance(Duration.ofHours(1)).build().timeTolerance())
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aNegativeOrMissingToleranceIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ChainVerification.builder().timeTolerance(Duration.ofMinutes(-1)));
    assertThatNullPointerException()
        .isThrownBy(() -> ChainVerification.builder().timeTolerance(null))
        .withMessageContaining("timeTolerance");
  }
}
