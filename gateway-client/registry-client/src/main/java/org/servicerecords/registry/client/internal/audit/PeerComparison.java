package org.servicerecords.registry.client.internal.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.Status;
import org.servicerecords.registry.client.ChainFinding;
import org.servicerecords.registry.client.ChainFinding.Reason;
import org.servicerecords.registry.client.PeerChain;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.internal.audit.chain.BlockHashes;
import org.servicerecords.registry.client.internal.audit.chain.ChainVerifier;
import org.servicerecords.registry.client.internal.submit.TlsRoots;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import org.servicerecords.registry.client.profile.Organization;
import org.servicerecords.registry.client.profile.PeerEndpoint;
import org.servicerecords.registry.client.profile.ProfileException;

/**
 * Compares every peer the profile lists, of every organisation, with the verified chain: each
 * peer's blocks over the range are read from that peer ({@link PeerDeliver}) and each block's
 * envelopes must hash to its header's data hash, its header hash must be the verified chain's, and
 * its validation codes the same. Signatures are not checked again: a block with the verified
 * chain's header hash and matching data is the verified block.
 */
final class PeerComparison {

  /** Findings listed per peer at most; a peer on another fork would otherwise list every block. */
  static final int MAX_FINDINGS_PER_PEER = 20;

  /** A peer to compare. */
  record Target(String mspId, PeerEndpoint endpoint) {}

  /** The comparison of every peer. */
  record Outcome(List<PeerChain> peers, List<ChainFinding> findings) {}

  /** A peer's blocks. */
  interface BlockSource extends AutoCloseable {
    /**
     * Reads blocks {@code from} to {@code to}, or to the peer's last block when it has fewer.
     *
     * @param channel the channel
     * @param from the first block
     * @param to the last block
     * @param consumer takes each block, in order
     * @return {@code SUCCESS} when block {@code to} was sent, {@code NOT_FOUND} when the peer's
     *     ledger ends before, another status when the peer refused
     * @throws IOException if the peer cannot be reached or its stream fails
     * @throws InterruptedException if interrupted
     */
    Status read(String channel, long from, long to, PeerDeliver.BlockConsumer consumer)
        throws IOException, InterruptedException;

    @Override
    void close();
  }

  /** Opens a peer's block source. */
  interface Readers {
    /**
     * Opens one.
     *
     * @param endpoint the peer
     * @return its blocks
     * @throws ProfileException if its TLS roots cannot be read or used
     */
    BlockSource open(PeerEndpoint endpoint) throws ProfileException;
  }

  private final String channel;
  private final List<Target> targets;
  private final Readers readers;

  PeerComparison(String channel, List<Target> targets, Readers readers) {
    this.channel = channel;
    this.targets = List.copyOf(targets);
    this.readers = readers;
  }

  /**
   * Every peer of every organisation in the profile, each address once (the first organisation
   * listing it names it).
   *
   * @param profile the profile
   * @param credentials the identity that signs the requests
   * @return the comparison
   */
  static PeerComparison of(ConnectionProfile profile, Credentials credentials) {
    Map<String, Target> byAddress = new LinkedHashMap<>();
    for (Organization organization : profile.organizations().values()) {
      for (PeerEndpoint endpoint : organization.peers()) {
        byAddress.putIfAbsent(endpoint.address(), new Target(organization.mspId(), endpoint));
      }
    }
    return new PeerComparison(
        profile.channel(),
        new ArrayList<>(byAddress.values()),
        endpoint -> PeerDeliver.open(endpoint, credentials));
  }

  /**
   * Compares every peer with the reference over its range.
   *
   * @param reference the verified chain
   * @param from the range's first block
   * @param to the range's last block
   * @return each peer's outcome and the differences found
   * @throws InterruptedException if interrupted
   */
  Outcome compare(ReferenceChain reference, long from, long to) throws InterruptedException {
    List<PeerChain> peers = new ArrayList<>();
    List<ChainFinding> findings = new ArrayList<>();
    for (Target target : targets) {
      peers.add(compareOne(target, reference, from, to, findings));
    }
    return new Outcome(peers, findings);
  }

  private PeerChain compareOne(
      Target target, ReferenceChain reference, long from, long to, List<ChainFinding> findings)
      throws InterruptedException {
    String address = target.endpoint().address();
    OnePeer peer = new OnePeer(address, reference);
    Status status;
    try (BlockSource deliver = readers.open(target.endpoint())) {
      status = deliver.read(channel, from, to, peer::check);
    } catch (ProfileException | IOException e) {
      return new PeerChain(
          target.mspId(),
          address,
          PeerChain.Status.UNREACHABLE,
          peer.last,
          ChainVerifier.hex(peer.lastHash),
          peer.compared,
          TlsRoots.brief(e));
    }
    findings.addAll(
        peer.findings.subList(0, Math.min(peer.findings.size(), MAX_FINDINGS_PER_PEER)));
    PeerChain.Status outcome;
    String detail = "";
    if (peer.differs) {
      outcome = PeerChain.Status.DIFFERS;
      if (peer.findings.size() > MAX_FINDINGS_PER_PEER) {
        detail =
            peer.findings.size() + " differences, the first " + MAX_FINDINGS_PER_PEER + " listed";
      }
    } else if (status == Status.SUCCESS && peer.last == to) {
      outcome = PeerChain.Status.AGREES;
    } else if (status == Status.SUCCESS || status == Status.NOT_FOUND) {
      outcome = PeerChain.Status.BEHIND;
    } else {
      outcome = PeerChain.Status.UNREACHABLE;
      detail = "the peer answered " + status;
    }
    return new PeerChain(
        target.mspId(),
        address,
        outcome,
        peer.last,
        ChainVerifier.hex(peer.lastHash),
        peer.compared,
        detail);
  }

  /** One peer's blocks as they arrive. */
  private static final class OnePeer {
    private final String address;
    private final ReferenceChain reference;
    private final List<ChainFinding> findings = new ArrayList<>();
    private long last = -1;
    private byte[] lastHash = new byte[0];
    private long compared;
    private boolean differs;

    OnePeer(String address, ReferenceChain reference) {
      this.address = address;
      this.reference = reference;
    }

    void check(Block block) {
      long number = block.getHeader().getNumber();
      byte[] headerHash = BlockHashes.headerHash(block.getHeader());
      last = number;
      lastHash = headerHash;
      if (!reference.holds(number)) {
        return;
      }
      compared++;
      byte[] dataHash = BlockHashes.dataHash(block.getData());
      if (!Arrays.equals(dataHash, block.getHeader().getDataHash().toByteArray())) {
        differ(
            number,
            Reason.PEER_BLOCK_DIFFERS,
            "its envelopes hash to "
                + ChainVerifier.hex(dataHash)
                + ", its header says "
                + ChainVerifier.hex(block.getHeader().getDataHash().toByteArray())
                + " (the block is altered in this peer's ledger)");
      } else if (!Arrays.equals(headerHash, reference.headerHash(number))) {
        differ(
            number,
            Reason.PEER_BLOCK_DIFFERS,
            "its header hash is "
                + ChainVerifier.hex(headerHash)
                + ", the verified chain's "
                + ChainVerifier.hex(reference.headerHash(number)));
      } else if (!reference.sameFlags(number, block)) {
        differ(
            number,
            Reason.PEER_VALIDATION_DIFFERS,
            "its validation codes differ from those of the verified chain's block");
      }
    }

    private void differ(long number, Reason reason, String detail) {
      differs = true;
      findings.add(new ChainFinding(number, -1, "", reason, detail, "", address));
    }
  }
}
