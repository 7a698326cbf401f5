package org.servicerecords.registry.client;

import java.util.Objects;

/**
 * How one peer's copy of the chain compares with the chain {@link Auditor#verifyChain} verified:
 * the peer's blocks over the same range, read from that peer itself, with their header hashes, data
 * hashes and validation codes.
 *
 * @param mspId the organisation the profile lists the peer under
 * @param address the peer's address ({@code host:port})
 * @param status the outcome
 * @param lastBlock the last block the peer served in the range (its head when it is behind), or -1
 *     when it served none
 * @param lastHeaderHash the lowercase hex SHA-256 of that block's header, as the peer serves it;
 *     empty when it served none
 * @param blocksCompared how many of the peer's blocks were compared
 * @param detail for {@link Status#UNREACHABLE}, why; otherwise empty
 */
public record PeerChain(
    String mspId,
    String address,
    Status status,
    long lastBlock,
    String lastHeaderHash,
    long blocksCompared,
    String detail) {

  /** Checks the fields. */
  public PeerChain {
    Objects.requireNonNull(mspId, "mspId");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lastHeaderHash, "lastHeaderHash");
    Objects.requireNonNull(detail, "detail");
  }

  /** The outcome of the comparison; scripts may rely on the names. */
  public enum Status {
    /** Every block of the range is the verified chain's, with the same validation codes. */
    AGREES,
    /**
     * The blocks it has agree, but it has not yet reached the end of the range (it may be catching
     * up).
     */
    BEHIND,
    /** At least one block or validation code differs: see the report's findings. */
    DIFFERS,
    /** Its blocks could not be read. Nothing is known about its copy. */
    UNREACHABLE
  }
}
