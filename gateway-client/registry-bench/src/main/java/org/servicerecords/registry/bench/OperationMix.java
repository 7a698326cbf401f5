package org.servicerecords.registry.bench;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The share of each kind of operation in the mixed load, as weights: {@code
 * single=30,batch=10,revoke=20,verify=40} (the default). Kinds left out weigh 0; the weights need
 * not add up to 100.
 */
final class OperationMix {

  /** The kinds of operation of the mixed load. */
  enum Kind {
    /** One certificate anchored alone ({@code anchorCertificate}). */
    SINGLE,
    /** A small batch of certificates ({@code anchorBatch}). */
    BATCH,
    /** A revocation of a record the run anchored earlier ({@code revoke}). */
    REVOKE,
    /** A verification by hash of a record the run anchored ({@code verify}). */
    VERIFY;

    /**
     * Returns the name in {@code --mix} and in the report.
     *
     * @return for example {@code single}
     */
    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The default mix. */
  static final String DEFAULT = "single=30,batch=10,revoke=20,verify=40";

  private final Map<Kind, Integer> weights;
  private final int total;

  private OperationMix(Map<Kind, Integer> weights) {
    this.weights = weights;
    this.total = weights.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Reads a mix.
   *
   * @param text {@code kind=weight} pairs separated by commas
   * @return the mix
   * @throws IllegalArgumentException for an unknown kind, a weight below 0, a kind given twice, or
   *     weights that add up to 0
   */
  static OperationMix parse(String text) {
    Objects.requireNonNull(text, "text");
    Map<Kind, Integer> weights = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      weights.put(k, 0);
    }
    Set<Kind> seen = EnumSet.noneOf(Kind.class);
    for (String part : text.split(",")) {
      String[] kv = part.trim().split("=", -1);
      if (kv.length != 2) {
        throw new IllegalArgumentException("--mix takes kind=weight pairs, not '" + part + "'");
      }
      Kind kind;
      try {
        kind = Kind.valueOf(kv[0].trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--mix kinds are single, batch, revoke and verify, not '" + kv[0].trim() + "'", e);
      }
      int weight;
      try {
        weight = Integer.parseInt(kv[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--mix weight of " + kind.label() + " is not a number", e);
      }
      if (weight < 0) {
        throw new IllegalArgumentException("--mix weights must be >= 0");
      }
      if (!seen.add(kind)) {
        throw new IllegalArgumentException("--mix names " + kind.label() + " twice");
      }
      weights.put(kind, weight);
    }
    if (weights.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
      throw new IllegalArgumentException("--mix weights add up to 0");
    }
    if (weights.get(Kind.SINGLE) + weights.get(Kind.BATCH) == 0) {
      throw new IllegalArgumentException("--mix needs single or batch: nothing else has records");
    }
    return new OperationMix(weights);
  }

  /**
   * Returns a kind's weight.
   *
   * @param kind the kind
   * @return its weight
   */
  int weight(Kind kind) {
    return weights.get(kind);
  }

  /**
   * Picks a kind with the probability of its weight.
   *
   * @param uniform a number in [0, 1)
   * @return the kind
   */
  Kind pick(double uniform) {
    double point = uniform * total;
    int upTo = 0;
    Kind last = Kind.SINGLE;
    for (Kind k : Kind.values()) {
      int w = weights.get(k);
      if (w == 0) {
        continue;
      }
      upTo += w;
      last = k;
      if (point < upTo) {
        return k;
      }
    }
    return last;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (Kind k : Kind.values()) {
      if (s.length() > 0) {
        s.append(',');
      }
      s.append(k.label()).append('=').append(weights.get(k));
    }
    return s.toString();
  }
}
