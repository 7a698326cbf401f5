package org.servicerecords.registry.bench;

/**
 * The sizes of the mixed load's batches: a range {@code MIN-MAX} (or one number), each batch's size
 * drawn uniformly from it.
 *
 * @param min the smallest batch (at least 1)
 * @param max the largest batch (at least {@code min})
 */
record BatchSizes(int min, int max) {

  /** The default range. */
  static final String DEFAULT = "10-50";

  /** Checks the range. */
  BatchSizes {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException(
          "--batch-sizes needs 1 <= MIN <= MAX, not " + min + "-" + max);
    }
  }

  /**
   * Reads a range.
   *
   * @param text {@code MIN-MAX} or {@code N}
   * @return the range
   * @throws IllegalArgumentException when it is neither
   */
  static BatchSizes parse(String text) {
    String[] parts = text.trim().split("-", -1);
    try {
      if (parts.length == 1) {
        int n = Integer.parseInt(parts[0].trim());
        return new BatchSizes(n, n);
      }
      if (parts.length == 2) {
        return new BatchSizes(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--batch-sizes takes MIN-MAX or N, not " + text, e);
    }
    throw new IllegalArgumentException("--batch-sizes takes MIN-MAX or N, not " + text);
  }

  /**
   * Draws a size.
   *
   * @param uniform a number in [0, 1)
   * @return a size from {@code min} to {@code max}
   */
  int pick(double uniform) {
    return min + (int) Math.min(max - min, Math.floor(uniform * (max - min + 1)));
  }
}
