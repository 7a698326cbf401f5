package org.servicerecords.registry.chaincode.shim;

import com.google.protobuf.ByteString;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * A {@link PeerMessenger} over the transaction's own exchange with the peer inside
 * fabric-chaincode-shim 2.5.10, which has no public way to send a message type it does not know
 * ({@code WRITE_BATCH_STATE}, {@code GET_STATE_MULTIPLE}). The shim's stub ({@code
 * InvocationStubImpl}) keeps its transaction's task in the field {@code handler}; the task's {@code
 * invoke(ChaincodeMessage)} sends a message and waits for the answer, exactly as the stub's own
 * {@code putState} does. Both are found once, by reflection; if a shim version renames them, {@link
 * #of} finds nothing and the stub is used as it is (a unit test pins the names for the version the
 * build uses).
 */
final class ShimMessenger implements PeerMessenger {

  private static final Logger LOG = Logger.getLogger(ShimMessenger.class.getName());

  static final String STUB_CLASS = "org.hyperledger.fabric.shim.impl.InvocationStubImpl";
  static final String TASK_CLASS = "org.hyperledger.fabric.shim.impl.ChaincodeInvocationTask";

  private static final Access ACCESS = Access.find();

  private final Object task;
  private final String channelId;
  private final String txId;

  private ShimMessenger(Object task, String channelId, String txId) {
    this.task = task;
    this.channelId = channelId;
    this.txId = txId;
  }

  /** Whether this shim's stub and task were found. */
  static boolean available() {
    return ACCESS != null;
  }

  /** The messenger of a shim stub's transaction; empty for any other stub. */
  static Optional<PeerMessenger> of(ChaincodeStub stub) {
    if (ACCESS == null || stub.getClass() != ACCESS.stubClass()) {
      return Optional.empty();
    }
    try {
      Object task = ACCESS.handler().get(stub);
      return Optional.of(new ShimMessenger(task, stub.getChannelId(), stub.getTxId()));
    } catch (IllegalAccessException e) {
      return Optional.empty();
    }
  }

  @Override
  public ByteString call(ChaincodeMessage.Type type, ByteString payload) {
    ChaincodeMessage message =
        ChaincodeMessage.newBuilder()
            .setType(type)
            .setPayload(payload)
            .setChannelId(channelId)
            .setTxid(txId)
            .build();
    try {
      return (ByteString) ACCESS.invoke().invoke(task, message);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(type + " failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(type + " could not be sent", e);
    }
  }

  /** The shim's stub class, its task field and the task's send-and-wait method. */
  private record Access(Class<?> stubClass, Field handler, Method invoke) {

    static Access find() {
      try {
        Class<?> stubClass = Class.forName(STUB_CLASS);
        Class<?> taskClass = Class.forName(TASK_CLASS);
        Field handler = stubClass.getDeclaredField("handler");
        Method invoke = taskClass.getDeclaredMethod("invoke", ChaincodeMessage.class);
        if (handler.getType() != taskClass || invoke.getReturnType() != ByteString.class) {
          throw new NoSuchMethodException("unexpected shim signatures");
        }
        handler.setAccessible(true);
        invoke.setAccessible(true);
        return new Access(stubClass, handler, invoke);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.warning(
            () ->
                "fabric-chaincode-shim internals not found (" + e + "); state calls go one by one");
        return null;
      }
    }
  }
}
