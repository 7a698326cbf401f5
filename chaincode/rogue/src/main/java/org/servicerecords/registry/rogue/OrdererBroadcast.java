package org.servicerecords.registry.rogue;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.orderer.AtomicBroadcastGrpc;
import org.hyperledger.fabric.protos.orderer.BroadcastResponse;

/**
 * TEST ONLY — sends one signed envelope straight to an orderer's {@code AtomicBroadcast.Broadcast},
 * bypassing the peers' Gateway, as a client resubmitting a transaction it already sent would.
 */
final class OrdererBroadcast {

  private OrdererBroadcast() {}

  /**
   * Broadcasts the envelope to one orderer over TLS and waits for its answer.
   *
   * @param target {@code host:port} of the orderer
   * @param tlsRoot the PEM file of the orderer's TLS root
   * @param envelope the signed transaction
   * @return the orderer's answer as {@code STATUS} or {@code STATUS (info)}, or {@code error: ...}
   *     when it gave none
   * @throws IOException when the TLS root cannot be read
   */
  static String send(String target, Path tlsRoot, Envelope envelope) throws IOException {
    ManagedChannel channel =
        NettyChannelBuilder.forTarget(target)
            .sslContext(GrpcSslContexts.forClient().trustManager(tlsRoot.toFile()).build())
            .build();
    CompletableFuture<BroadcastResponse> answer = new CompletableFuture<>();
    try {
      StreamObserver<Envelope> requests =
          AtomicBroadcastGrpc.newStub(channel)
              .withDeadlineAfter(60, TimeUnit.SECONDS)
              .broadcast(
                  new StreamObserver<>() {
                    @Override
                    public void onNext(BroadcastResponse response) {
                      answer.complete(response);
                    }

                    @Override
                    public void onError(Throwable t) {
                      answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                      answer.completeExceptionally(new IOException("closed without an answer"));
                    }
                  });
      requests.onNext(envelope);
      BroadcastResponse response = answer.get(60, TimeUnit.SECONDS);
      requests.onCompleted();
      return response.getStatus()
          + (response.getInfo().isEmpty() ? "" : " (" + response.getInfo() + ")");
    } catch (ExecutionException e) {
      return "error: " + e.getCause();
    } catch (TimeoutException e) {
      return "error: no answer within 60 s";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "error: interrupted";
    } finally {
      channel.shutdownNow();
    }
  }
}
