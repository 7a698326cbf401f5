package org.servicerecords.registry.chaincode.shim;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ResponseUtils;
import org.junit.jupiter.api.Test;

/**
 * {@link BatchingStub} over fabric-chaincode-shim's real task and stub, against the peer's side of
 * the exchange in memory ({@link InMemoryPeer}).
 */
class BatchingStubTest {

  private final InMemoryPeer peer = new InMemoryPeer();

  /** Runs {@code writes} on the batching stub, flushing at the end as the contracts do. */
  private ChaincodeMessage batched(Consumer<ChaincodeStub> writes) {
    return peer.run(
        shimStub -> {
          ChaincodeStub stub = BatchingStub.wrap(shimStub);
          assertThat(stub).isInstanceOf(BatchingStub.class);
          writes.accept(stub);
          BatchingStub.flush(stub);
          return ResponseUtils.newSuccessResponse();
        });
  }

  /** Runs {@code writes} on the shim's own stub, one message per call. */
  private void plain(Consumer<ChaincodeStub> writes) {
    peer.run(
        stub -> {
          writes.accept(stub);
          return ResponseUtils.newSuccessResponse();
        });
  }

  private static final Consumer<ChaincodeStub> MIXED_WRITES =
      stub -> {
        stub.putState("a", bytes("1"));
        stub.putState("b", bytes("2"));
        stub.delState("c");
        stub.putState("a", bytes("3"));
        stub.setStateValidationParameter("a", bytes("policy"));
        stub.putPrivateData("_implicit_org_JusticeMSP", "d", bytes("4"));
        stub.delPrivateData("_implicit_org_JusticeMSP", "e");
      };

  @Test
  void findsTheShimsTaskAndStubOfThePinnedVersion() {
    assertThat(ShimMessenger.available()).isTrue();
  }

  @Test
  void sendsEveryWriteInOneMessageInsteadOfOnePerCall() {
    ChaincodeMessage done = batched(MIXED_WRITES);

    assertThat(done.getType()).isEqualTo(ChaincodeMessage.Type.COMPLETED);
    assertThat(peer.sent(ChaincodeMessage.Type.WRITE_BATCH_STATE)).hasSize(1);
    assertThat(peer.sent(ChaincodeMessage.Type.PUT_STATE)).isEmpty();
    assertThat(peer.sent(ChaincodeMessage.Type.DEL_STATE)).isEmpty();
    assertThat(peer.sent(ChaincodeMessage.Type.PUT_STATE_METADATA)).isEmpty();
  }

  @Test
  void leavesTheSimulationExactlyAsOneCallPerWriteDoes() {
    batched(MIXED_WRITES);
    var batchedWrites = new TreeMap<>(peer.written);
    peer.written.clear();
    plain(MIXED_WRITES);

    assertThat(batchedWrites).isEqualTo(peer.written);
    assertThat(batchedWrites)
        .containsEntry("/a", "3")
        .containsEntry("/a#VALIDATION_PARAMETER", "policy")
        .containsEntry("/c", "<deleted>")
        .containsEntry("_implicit_org_JusticeMSP/d", "4");
  }

  @Test
  void purgesPrivateDataInTheBatch() {
    batched(stub -> stub.purgePrivateData("_implicit_org_JusticeMSP", "d"));

    assertThat(peer.written)
        .containsExactlyEntriesOf(Map.of("_implicit_org_JusticeMSP/d", "<purged>"));
  }

  @Test
  void splitsLargeBatchesIntoMessagesOfAtMostTheMaximum() {
    int count = 2 * BatchingStub.MAX_WRITES_PER_MESSAGE + 500;
    batched(stub -> IntStream.range(0, count).forEach(i -> stub.putState("k" + i, bytes("v"))));

    List<ChaincodeMessage> messages = peer.sent(ChaincodeMessage.Type.WRITE_BATCH_STATE);
    assertThat(messages).hasSize(3);
    assertThat(peer.written).hasSize(count);
  }

  @Test
  void sendsNothingWhenNothingWasWritten() {
    batched(stub -> stub.getState("a"));

    assertThat(peer.sent(ChaincodeMessage.Type.WRITE_BATCH_STATE)).isEmpty();
  }

  @Test
  void sendsNothingWhenTheTransactionFailsBeforeTheFlush() {
    peer.run(
        shimStub -> {
          ChaincodeStub stub = BatchingStub.wrap(shimStub);
          stub.putState("a", bytes("1"));
          return ResponseUtils.newErrorResponse("refused");
        });

    assertThat(peer.sent(ChaincodeMessage.Type.WRITE_BATCH_STATE)).isEmpty();
    assertThat(peer.written).isEmpty();
  }

  @Test
  void refusesAnEmptyKeyOrCollectionWhenWrittenAsTheShimDoes() {
    peer.run(
        shimStub -> {
          ChaincodeStub stub = BatchingStub.wrap(shimStub);
          assertThatThrownBy(() -> stub.putState("", bytes("1")))
              .isInstanceOf(IllegalArgumentException.class);
          assertThatThrownBy(() -> stub.putPrivateData("", "k", bytes("1")))
              .isInstanceOf(IllegalArgumentException.class);
          assertThatThrownBy(() -> stub.delState(null)).isInstanceOf(NullPointerException.class);
          return ResponseUtils.newSuccessResponse();
        });
  }

  @Test
  void failsTheTransactionWhenThePeerRefusesTheBatch() {
    peer.refuseBatches = true;

    ChaincodeMessage done = batched(stub -> stub.putState("a", bytes("1")));

    assertThat(done.getType()).isEqualTo(ChaincodeMessage.Type.ERROR);
  }

  @Test
  void readsManyKeysInOneMessagePerThousandInTheirOrder() {
    peer.committed.put("k1", bytes("one"));
    peer.committed.put("k2300", bytes("last"));
    List<String> keys = IntStream.rangeClosed(1, 2300).mapToObj(i -> "k" + i).toList();
    List<byte[]> values = new ArrayList<>();

    peer.run(
        shimStub -> {
          values.addAll(((BatchingStub) BatchingStub.wrap(shimStub)).getMultipleStates(keys));
          return ResponseUtils.newSuccessResponse();
        });

    assertThat(peer.sent(ChaincodeMessage.Type.GET_STATE_MULTIPLE)).hasSize(3);
    assertThat(peer.sent(ChaincodeMessage.Type.GET_STATE)).isEmpty();
    assertThat(values).hasSize(2300);
    assertThat(new String(values.get(0), UTF_8)).isEqualTo("one");
    assertThat(values.get(1)).isEmpty();
    assertThat(new String(values.get(2299), UTF_8)).isEqualTo("last");
  }

  @Test
  void readsGoStraightToThePeer() {
    peer.committed.put("a", bytes("1"));
    List<byte[]> read = new ArrayList<>();

    batched(
        stub -> {
          stub.putState("a", bytes("2"));
          read.add(stub.getState("a"));
        });

    assertThat(new String(read.get(0), UTF_8)).isEqualTo("1");
  }

  @Test
  void leavesAnyOtherStubAsItIs() {
    ChaincodeStub other = new ForwardingChaincodeStub(null) {};

    assertThat(BatchingStub.wrap(other)).isSameAs(other);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }
}
