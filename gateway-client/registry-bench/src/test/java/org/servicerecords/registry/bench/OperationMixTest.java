package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.bench.OperationMix.Kind;

/** The mix of operation kinds and the batch size range. */
class OperationMixTest {

  @Test
  void picksInProportionToTheWeights() {
    OperationMix mix = OperationMix.parse("single=1, batch=0, verify=3");
    Map<Kind, Integer> picked = new EnumMap<>(Kind.class);
    for (int i = 0; i < 1000; i++) {
      picked.merge(mix.pick(i / 1000.0), 1, Integer::sum);
    }

    assertThat(picked).containsOnlyKeys(Kind.SINGLE, Kind.VERIFY);
    assertThat(picked.get(Kind.SINGLE)).isEqualTo(250);
    assertThat(mix.toString()).isEqualTo("single=1,batch=0,revoke=0,verify=3");
    assertThat(OperationMix.parse(OperationMix.DEFAULT).weight(Kind.REVOKE)).isEqualTo(20);
  }

  @Test
  void refusesMixesThatCannotRun() {
    assertThatThrownBy(() -> OperationMix.parse("sideways=1")).hasMessageContaining("kinds are");
    assertThatThrownBy(() -> OperationMix.parse("single")).hasMessageContaining("kind=weight");
    assertThatThrownBy(() -> OperationMix.parse("single=-1,batch=2")).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> OperationMix.parse("single=1,single=2")).hasMessageContaining("twice");
    assertThatThrownBy(() -> OperationMix.parse("single=0")).hasMessageContaining("add up to 0");
    assertThatThrownBy(() -> OperationMix.parse("verify=5"))
        .hasMessageContaining("single or batch");
  }

  @Test
  void batchSizesCoverTheRange() {
    BatchSizes sizes = BatchSizes.parse("10-50");

    assertThat(sizes.pick(0)).isEqualTo(10);
    assertThat(sizes.pick(0.999999)).isEqualTo(50);
    assertThat(BatchSizes.parse("7")).isEqualTo(new BatchSizes(7, 7));
    assertThatThrownBy(() -> BatchSizes.parse("50-10")).hasMessageContaining("MIN <= MAX");
    assertThatThrownBy(() -> BatchSizes.parse("a-b")).hasMessageContaining("MIN-MAX");
    assertThatThrownBy(() -> BatchSizes.parse("0")).hasMessageContaining("1 <= MIN");
  }

  @Test
  void runIdsOwnExactlyTheirRecords() {
    assertThat(RunId.owns("r1", "r1-0")).isTrue();
    assertThat(RunId.owns("r1", "r1-123")).isTrue();
    assertThat(RunId.owns("r1", "r1-")).isFalse();
    assertThat(RunId.owns("r1", "r10-1")).isFalse();
    assertThat(RunId.owns("r1", "r1-2-7")).isFalse();
    assertThat(RunId.owns("r1-2", "r1-2-7")).isTrue();
    assertThat(RunId.owns("r1", "bench-r1-1")).isFalse();
    assertThat(RunId.random()).matches("mixed-[0-9a-f]{8}");
    assertThatThrownBy(() -> RunId.check("has space")).hasMessageContaining("--run-id");
    assertThatThrownBy(() -> RunId.check("x".repeat(101))).hasMessageContaining("--run-id");
  }
}
