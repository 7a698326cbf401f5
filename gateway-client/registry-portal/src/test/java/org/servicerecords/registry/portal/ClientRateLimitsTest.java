package org.servicerecords.registry.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientRateLimitsTest {

  @Test
  void grantsTheMinutesAllowanceThenAsksToWait() {
    ClientRateLimits limits = new ClientRateLimits(3);
    assertThat(limits.take("10.0.0.1")).isEmpty();
    assertThat(limits.take("10.0.0.1")).isEmpty();
    assertThat(limits.take("10.0.0.1")).isEmpty();
    var wait = limits.take("10.0.0.1");
    assertThat(wait).isPresent();
    // One token comes back every 20 s at 3 a minute.
    assertThat(wait.getAsLong()).isBetween(1L, 20L);
  }

  @Test
  void countsEachClientApart() {
    ClientRateLimits limits = new ClientRateLimits(1);
    assertThat(limits.take("10.0.0.1")).isEmpty();
    assertThat(limits.take("10.0.0.1")).isPresent();
    assertThat(limits.take("10.0.0.2")).isEmpty();
  }

  @Test
  void refusesAnAllowanceBelowOne() {
    assertThatThrownBy(() -> new ClientRateLimits(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
