package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeasurementsTest {

  @Test
  void percentilesOfKnownLatencies() {
    Measurements m = new Measurements();
    for (int ms = 1; ms <= 100; ms++) {
      m.success(ms * 1_000_000L, 1);
    }

    assertThat(m.percentileMillis(50)).isCloseTo(50.0, within(0.1));
    assertThat(m.percentileMillis(95)).isCloseTo(95.0, within(0.1));
    assertThat(m.percentileMillis(99)).isCloseTo(99.0, within(0.1));
    assertThat(m.maxMillis()).isCloseTo(100.0, within(0.1));
    assertThat(m.successes()).isEqualTo(100);
  }

  @Test
  void failuresDoNotEnterLatencies() {
    Measurements m = new Measurements();
    m.success(2_000_000L, 10);
    m.failure(FailureCause.TIMEOUT);
    m.failure(FailureCause.TIMEOUT);
    m.failure(FailureCause.ENDORSEMENT);

    assertThat(m.percentileMillis(99)).isCloseTo(2.0, within(0.01));
    assertThat(m.units()).isEqualTo(10);
    assertThat(m.failures())
        .containsEntry(FailureCause.TIMEOUT, 2L)
        .containsEntry(FailureCause.ENDORSEMENT, 1L)
        .hasSize(2);
  }

  @Test
  void nothingMeasuredGivesZeroes() {
    Measurements m = new Measurements();

    assertThat(m.percentileMillis(50)).isZero();
    assertThat(m.maxMillis()).isZero();
    assertThat(m.failures()).isEmpty();
  }
}
