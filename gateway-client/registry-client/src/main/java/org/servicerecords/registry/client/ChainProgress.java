package org.servicerecords.registry.client;

/** Told after each block {@link Auditor#verifyChain} checked. */
@FunctionalInterface
public interface ChainProgress {

  /**
   * Called after a block was checked.
   *
   * @param block the block's number
   * @param lastBlock the number of the last block the verification will check
   * @param findings the findings so far
   */
  void checked(long block, long lastBlock, long findings);
}
