package org.servicerecords.registry.chaincode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.contract.ContractInterface;

/**
 * The seam for running the registry's contracts without a peer, on an in-memory harness such as
 * registry-testing's {@code Network} (the chaincode's, the client library's and the rogue
 * contract's unit tests): which contract classes to route to, and how to set up this process for a
 * transaction as a peer would have (the package id it serves, what the endorsing peer's clock
 * reads).
 *
 * <p>On a peer nothing calls it: the process's package id comes from its environment and the clock
 * from its host. No contract code depends on this class (the architecture test checks it).
 */
public final class InMemoryRuns {

  private static final List<Class<? extends ContractInterface>> CONTRACTS =
      List.of(GovernanceContract.class, RecordsContract.class);

  private InMemoryRuns() {}

  /**
   * The registry's contract classes, as the shim's class-path scan finds them in the chaincode jar.
   *
   * @return governance's and the records contract's classes
   */
  public static List<Class<? extends ContractInterface>> contracts() {
    return CONTRACTS;
  }

  /**
   * Sets this process up for the next transaction as a peer would have started it: the package id
   * it serves (which decides its {@link ServedRole}), and the endorsing peer's clock, which then
   * reads {@code peerNow} until the next call (the clock {@code TimeTolerance} checks asserted
   * times against). Lasts until the next call; for single-threaded harnesses.
   *
   * @param packageId the package id ({@code <label>:<hash>}), as {@code CORE_CHAINCODE_ID_NAME}
   *     holds it on a peer
   * @param peerNow what the endorsing peer's clock reads
   */
  public static void enter(String packageId, Instant peerNow) {
    Objects.requireNonNull(peerNow, "peerNow");
    ServedRole.useEnvironment(
        name -> ServedRole.PACKAGE_ID_VARIABLE.equals(name) ? packageId : null);
    EndorsementClock.useFixed(peerNow);
  }
}
