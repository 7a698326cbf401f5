package org.servicerecords.registry.client.internal.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchesTest {

  @ParameterizedTest
  @CsvSource({
    "0,500,0",
    "1,500,1",
    "500,500,1",
    "501,500,2",
    "1000,500,2",
    "1001,500,3",
    "7,1,7",
    "10,3,4"
  })
  void splitsIntoChunksOfAtMostTheMaximumKeepingEveryItemOnceInOrder(
      int size, int max, int chunks) {
    List<Integer> items = IntStream.range(0, size).boxed().toList();
    List<List<Integer>> split = Batches.split(items, max);
    assertThat(split).hasSize(chunks);
    assertThat(split).allSatisfy(c -> assertThat(c).isNotEmpty().hasSizeLessThanOrEqualTo(max));
    List<Integer> joined = new ArrayList<>();
    split.forEach(joined::addAll);
    assertThat(joined).isEqualTo(items);
  }

  @Test
  void refusesAMaximumBelowOne() {
    assertThatThrownBy(() -> Batches.split(List.of(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
