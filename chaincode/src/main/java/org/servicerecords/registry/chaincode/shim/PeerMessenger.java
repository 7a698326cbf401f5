package org.servicerecords.registry.chaincode.shim;

import com.google.protobuf.ByteString;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;

/** Sends one request of a transaction to the peer and returns the peer's answer. */
@FunctionalInterface
interface PeerMessenger {

  /**
   * Sends a request of this transaction (its channel and transaction id are added) and waits for
   * the peer's answer.
   *
   * @param type the message type
   * @param payload the request
   * @return the payload of the peer's {@code RESPONSE}
   * @throws RuntimeException when the peer answers {@code ERROR}
   */
  ByteString call(ChaincodeMessage.Type type, ByteString payload);
}
