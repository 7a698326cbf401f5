package org.servicerecords.registry.chaincode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random choices for the generated transactions, all drawn from one seeded {@link SplittableRandom}
 * so that a seed always gives the same sequence.
 */
final class Gen {

  private final SplittableRandom random;

  /**
   * The choices of one try of a property. The property's name goes into the random seed so that
   * properties sharing generators do not check the same sequences under the same seed numbers.
   */
  Gen(String property, long seed) {
    this.random = new SplittableRandom(seed ^ ((long) property.hashCode() << 32));
  }

  /** An integer from {@code min} to {@code max}, both included, uniformly. */
  int between(int min, int max) {
    return random.nextInt(min, max + 1);
  }

  /** Any of the values, uniformly. */
  <T> T oneOf(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** The index of one of the weights, chosen with probability proportional to its weight. */
  int weighted(int... weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int roll = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return i;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** One of the values, chosen with probability proportional to the weight at the same index. */
  <T> T weighted(List<T> values, int... weights) {
    if (values.size() != weights.length) {
      throw new IllegalArgumentException(values.size() + " values, " + weights.length + " weights");
    }
    return values.get(weighted(weights));
  }

  /** True with the given probability. */
  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** {@code null} with the given probability, else the value. */
  <T> T orNull(double probability, T value) {
    return chance(probability) ? null : value;
  }

  /**
   * Up to {@code maxSize} distinct values of the pool (any size from 0 on, uniformly), in order.
   */
  <T> List<T> distinct(List<T> pool, int maxSize) {
    int size = between(0, Math.min(maxSize, pool.size()));
    List<T> remaining = new ArrayList<>(pool);
    List<T> chosen = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      chosen.add(remaining.remove(random.nextInt(remaining.size())));
    }
    return chosen;
  }
}
