package org.servicerecords.registry.chaincode;

import java.time.Instant;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.ErrorCode;

/** The transaction's timestamp, the time every write uses (the same on every endorsing peer). */
final class TxTime {

  private TxTime() {}

  /**
   * The proposal's timestamp.
   *
   * @throws org.hyperledger.fabric.shim.ChaincodeException {@code INTERNAL_ERROR} if it has none
   */
  static Instant of(ChaincodeStub stub) {
    Instant timestamp = stub.getTxTimestamp();
    if (timestamp == null) {
      throw Refusal.of(ErrorCode.INTERNAL_ERROR, "the transaction has no timestamp");
    }
    return timestamp;
  }
}
