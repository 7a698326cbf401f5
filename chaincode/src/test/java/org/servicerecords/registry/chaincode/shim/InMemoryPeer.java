package org.servicerecords.registry.chaincode.shim;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.DelState;
import org.hyperledger.fabric.protos.peer.GetState;
import org.hyperledger.fabric.protos.peer.GetStateMultiple;
import org.hyperledger.fabric.protos.peer.GetStateMultipleResult;
import org.hyperledger.fabric.protos.peer.PutState;
import org.hyperledger.fabric.protos.peer.PutStateMetadata;
import org.hyperledger.fabric.protos.peer.WriteBatchState;
import org.hyperledger.fabric.protos.peer.WriteRecord;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ResponseUtils;
import org.hyperledger.fabric.shim.impl.ChaincodeInvocationTask;
import org.hyperledger.fabric.traces.Traces;

/**
 * The peer's side of the shim's message exchange, in memory, as Fabric v3.1's handler answers it
 * ({@code core/chaincode/handler.go}): single and batched writes into a simulation, single and
 * multi-key reads of the committed state. Runs one transaction through the shim's real task and
 * stub classes, so a test sees every message the chaincode sends.
 */
final class InMemoryPeer {

  static {
    // The shim's task opens a trace span per transaction; a chaincode server sets this up at start.
    Traces.initialize(new Properties());
  }

  /** Committed state: what reads see. */
  final Map<String, byte[]> committed = new TreeMap<>();

  /**
   * The simulation's writes, by {@code collection/key} (metadata as {@code collection/key#meta}).
   */
  final Map<String, String> written = new TreeMap<>();

  /** Every message the chaincode sent, in order. */
  final List<ChaincodeMessage> received = new ArrayList<>();

  /** When set, the peer answers {@code ERROR} to write batches. */
  boolean refuseBatches;

  /** Runs {@code body} as one transaction on the shim's stub; returns the final message. */
  ChaincodeMessage run(Function<ChaincodeStub, Chaincode.Response> body) {
    ChaincodeMessage transaction =
        ChaincodeMessage.newBuilder()
            .setType(ChaincodeMessage.Type.TRANSACTION)
            .setChannelId("registry")
            .setTxid("tx1")
            .setPayload(ChaincodeInput.newBuilder().build().toByteString())
            .build();
    List<ChaincodeMessage> finals = new ArrayList<>();
    ChaincodeInvocationTask[] task = new ChaincodeInvocationTask[1];
    Chaincode chaincode =
        new Chaincode() {
          @Override
          public Response init(ChaincodeStub stub) {
            return ResponseUtils.newSuccessResponse();
          }

          @Override
          public Response invoke(ChaincodeStub stub) {
            return body.apply(stub);
          }
        };
    task[0] =
        new ChaincodeInvocationTask(
            transaction,
            ChaincodeMessage.Type.TRANSACTION,
            message -> {
              received.add(message);
              ChaincodeMessage answer = answer(message);
              if (answer == null) {
                finals.add(message);
              } else {
                post(task[0], answer);
              }
            },
            chaincode);
    task[0].call();
    return finals.get(0);
  }

  /** The messages of one type the chaincode sent. */
  List<ChaincodeMessage> sent(ChaincodeMessage.Type type) {
    return received.stream().filter(m -> m.getType() == type).toList();
  }

  private static void post(ChaincodeInvocationTask task, ChaincodeMessage answer) {
    try {
      task.postMessage(answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private ChaincodeMessage answer(ChaincodeMessage message) {
    try {
      return switch (message.getType()) {
        case GET_STATE ->
            response(message, value(GetState.parseFrom(message.getPayload()).getKey()));
        case PUT_STATE -> {
          PutState put = PutState.parseFrom(message.getPayload());
          written.put(put.getCollection() + "/" + put.getKey(), put.getValue().toStringUtf8());
          yield response(message, ByteString.EMPTY);
        }
        case DEL_STATE -> {
          DelState del = DelState.parseFrom(message.getPayload());
          written.put(del.getCollection() + "/" + del.getKey(), "<deleted>");
          yield response(message, ByteString.EMPTY);
        }
        case PUT_STATE_METADATA -> {
          PutStateMetadata put = PutStateMetadata.parseFrom(message.getPayload());
          written.put(
              put.getCollection() + "/" + put.getKey() + "#" + put.getMetadata().getMetakey(),
              put.getMetadata().getValue().toStringUtf8());
          yield response(message, ByteString.EMPTY);
        }
        case WRITE_BATCH_STATE -> batch(message);
        case GET_STATE_MULTIPLE -> {
          GetStateMultipleResult.Builder result = GetStateMultipleResult.newBuilder();
          GetStateMultiple.parseFrom(message.getPayload())
              .getKeysList()
              .forEach(key -> result.addValues(value(key)));
          yield response(message, result.build().toByteString());
        }
        case COMPLETED, ERROR -> null;
        default -> throw new IllegalStateException("unexpected " + message.getType());
      };
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private ChaincodeMessage batch(ChaincodeMessage message) throws InvalidProtocolBufferException {
    if (refuseBatches) {
      return message.toBuilder()
          .setType(ChaincodeMessage.Type.ERROR)
          .setPayload(ByteString.copyFromUtf8("refused"))
          .build();
    }
    for (WriteRecord write : WriteBatchState.parseFrom(message.getPayload()).getRecList()) {
      String at = write.getCollection() + "/" + write.getKey();
      switch (write.getType()) {
        case PUT_STATE -> written.put(at, write.getValue().toStringUtf8());
        case DEL_STATE -> written.put(at, "<deleted>");
        case PURGE_PRIVATE_DATA -> written.put(at, "<purged>");
        case PUT_STATE_METADATA ->
            written.put(
                at + "#" + write.getMetadata().getMetakey(),
                write.getMetadata().getValue().toStringUtf8());
        default -> throw new IllegalStateException("unexpected " + write.getType());
      }
    }
    return response(message, ByteString.EMPTY);
  }

  private ByteString value(String key) {
    byte[] value = committed.get(key);
    return value == null ? ByteString.EMPTY : ByteString.copyFrom(value);
  }

  private static ChaincodeMessage response(ChaincodeMessage request, ByteString payload) {
    return ChaincodeMessage.newBuilder()
        .setType(ChaincodeMessage.Type.RESPONSE)
        .setChannelId(request.getChannelId())
        .setTxid(request.getTxid())
        .setPayload(payload)
        .build();
  }
}
