package org.servicerecords.registry.client.internal.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;

/**
 * The verified chain as other peers' copies are compared with it: per block of a range, its header
 * hash and a digest of its validation codes. 40 bytes per block, so a million blocks take 40 MB.
 */
final class ReferenceChain {

  private static final int HASH = 32;

  private final long from;
  private byte[] headerHashes = new byte[HASH * 1024];
  private long[] flagDigests = new long[1024];
  private int size;
  private boolean broken;

  /**
   * An empty reference starting at a block.
   *
   * @param from the first block it will hold
   */
  ReferenceChain(long from) {
    this.from = from;
  }

  /**
   * Records the next block. A block out of sequence (already a finding of the verification) is not
   * recorded, nor is any after it: peers are compared up to there.
   *
   * @param number its number
   * @param headerHash its header hash
   * @param block the block (for its validation codes)
   */
  void add(long number, byte[] headerHash, Block block) {
    if (number != from + size || broken) {
      broken = true;
      return;
    }
    if (headerHash.length != HASH) {
      throw new IllegalArgumentException("a header hash has 32 bytes");
    }
    if (size == flagDigests.length) {
      headerHashes = Arrays.copyOf(headerHashes, headerHashes.length * 2);
      flagDigests = Arrays.copyOf(flagDigests, flagDigests.length * 2);
    }
    System.arraycopy(headerHash, 0, headerHashes, size * HASH, HASH);
    flagDigests[size] = flagsDigest(block);
    size++;
  }

  /**
   * Whether a block is held.
   *
   * @param number the block number
   * @return true when it is in the range recorded
   */
  boolean holds(long number) {
    return number >= from && number < from + size;
  }

  /**
   * A block's header hash.
   *
   * @param number a block held
   * @return its header hash
   */
  byte[] headerHash(long number) {
    int index = Math.toIntExact(number - from);
    return Arrays.copyOfRange(headerHashes, index * HASH, index * HASH + HASH);
  }

  /**
   * Whether a block carries the same validation codes as the one held.
   *
   * @param number a block held
   * @param block another copy of it
   * @return true when its validation codes are the same
   */
  boolean sameFlags(long number, Block block) {
    return flagDigests[Math.toIntExact(number - from)] == flagsDigest(block);
  }

  /** The first 8 bytes of the SHA-256 of the block's validation codes (transactions filter). */
  static long flagsDigest(Block block) {
    int index = BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE;
    byte[] flags =
        block.getMetadata().getMetadataCount() > index
            ? block.getMetadata().getMetadata(index).toByteArray()
            : new byte[0];
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(flags);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
    long value = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      value = (value << 8) | (digest[i] & 0xff);
    }
    return value;
  }
}
