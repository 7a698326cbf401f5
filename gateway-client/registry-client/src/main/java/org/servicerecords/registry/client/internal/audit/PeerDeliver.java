package org.servicerecords.registry.client.internal.audit;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.StatusException;
import io.grpc.stub.BlockingClientCall;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.common.Status;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.orderer.SeekInfo;
import org.hyperledger.fabric.protos.orderer.SeekPosition;
import org.hyperledger.fabric.protos.orderer.SeekSpecified;
import org.hyperledger.fabric.protos.peer.DeliverGrpc;
import org.hyperledger.fabric.protos.peer.DeliverResponse;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.internal.submit.TlsRoots;
import org.servicerecords.registry.client.profile.PeerEndpoint;
import org.servicerecords.registry.client.profile.ProfileException;

/**
 * Reads a range of blocks from one peer's own ledger with Fabric's Deliver service (the service
 * {@code peer channel fetch} uses): a signed seek from the first block to the last, answered with
 * the blocks the peer holds and then a status. Unlike the Gateway, which may answer from another
 * peer, nothing here leaves that peer. The request carries no private data; the peer admits it
 * under the channel's Readers policy.
 */
final class PeerDeliver implements PeerComparison.BlockSource {

  /** What becomes of each block read. */
  interface BlockConsumer {
    /**
     * Takes a block.
     *
     * @param block the block
     */
    void accept(Block block);
  }

  /** How long the peer may take to send the next block or its final status. */
  private static final long READ_TIMEOUT_SECONDS = 60;

  private static final SecureRandom NONCES = new SecureRandom();

  private final ManagedChannel channel;
  private final Credentials credentials;

  private PeerDeliver(ManagedChannel channel, Credentials credentials) {
    this.channel = channel;
    this.credentials = credentials;
  }

  /**
   * Opens a gRPC channel to a peer (no connection is made before the first read).
   *
   * @param endpoint the peer
   * @param credentials the identity that signs the requests
   * @return the reader
   * @throws ProfileException if the endpoint's TLS roots cannot be read or used
   */
  static PeerDeliver open(PeerEndpoint endpoint, Credentials credentials) throws ProfileException {
    byte[] roots = TlsRoots.read(endpoint);
    try {
      return new PeerDeliver(TlsRoots.channelBuilder(endpoint, roots).build(), credentials);
    } catch (IOException | RuntimeException e) {
      throw new ProfileException(
          "cannot set up a connection to peer " + endpoint.address() + ": " + TlsRoots.brief(e), e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>A peer silent for {@value #READ_TIMEOUT_SECONDS} s fails the read.
   */
  @Override
  public Status read(String channelName, long from, long to, BlockConsumer consumer)
      throws IOException, InterruptedException {
    BlockingClientCall<Envelope, DeliverResponse> call =
        ClientCalls.blockingBidiStreamingCall(
            channel, DeliverGrpc.getDeliverMethod(), CallOptions.DEFAULT);
    try {
      call.write(seek(channelName, from, to));
      call.halfClose();
      while (true) {
        DeliverResponse response = call.read(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (response == null) {
          throw new IOException("the peer ended the stream without a status");
        }
        if (response.hasBlock()) {
          consumer.accept(response.getBlock());
        } else if (response.hasStatus()) {
          return response.getStatus();
        }
      }
    } catch (StatusException e) {
      throw new IOException(e.getStatus().getCode() + ": " + e.getStatus().getDescription(), e);
    } catch (TimeoutException e) {
      throw new IOException("no block or status within " + READ_TIMEOUT_SECONDS + " s", e);
    } finally {
      call.cancel("done", null);
    }
  }

  private Envelope seek(String channelName, long from, long to) throws IOException {
    Instant now = Instant.now();
    ChannelHeader channelHeader =
        ChannelHeader.newBuilder()
            .setType(HeaderType.DELIVER_SEEK_INFO_VALUE)
            .setChannelId(channelName)
            .setTimestamp(
                Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
            .build();
    byte[] nonce = new byte[24];
    NONCES.nextBytes(nonce);
    SignatureHeader signatureHeader =
        SignatureHeader.newBuilder()
            .setCreator(
                SerializedIdentity.newBuilder()
                    .setMspid(credentials.identity().getMspId())
                    .setIdBytes(ByteString.copyFrom(credentials.identity().getCredentials()))
                    .build()
                    .toByteString())
            .setNonce(ByteString.copyFrom(nonce))
            .build();
    SeekInfo seekInfo =
        SeekInfo.newBuilder()
            .setStart(position(from))
            .setStop(position(to))
            .setBehavior(SeekInfo.SeekBehavior.FAIL_IF_NOT_READY)
            .build();
    Payload payload =
        Payload.newBuilder()
            .setHeader(
                Header.newBuilder()
                    .setChannelHeader(channelHeader.toByteString())
                    .setSignatureHeader(signatureHeader.toByteString()))
            .setData(seekInfo.toByteString())
            .build();
    byte[] payloadBytes = payload.toByteArray();
    byte[] signature;
    try {
      signature =
          credentials.signer().sign(MessageDigest.getInstance("SHA-256").digest(payloadBytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot sign the block request: " + e.getMessage(), e);
    }
    return Envelope.newBuilder()
        .setPayload(ByteString.copyFrom(payloadBytes))
        .setSignature(ByteString.copyFrom(signature))
        .build();
  }

  private static SeekPosition position(long number) {
    return SeekPosition.newBuilder()
        .setSpecified(SeekSpecified.newBuilder().setNumber(number))
        .build();
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
