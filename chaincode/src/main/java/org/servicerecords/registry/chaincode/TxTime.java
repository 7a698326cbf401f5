package org.servicerecords.registry.chaincode;

import java.time.Instant;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.VerdictRules;

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

  /**
   * Refuses a change whose transaction time is before the last change of the value it updates. Time
   * is asserted by the submitter (DESIGN.md §5); a value's versions must carry times that never go
   * back, or the version "in force" at an instant (point-in-time answers, verdicts) would not be
   * the newest one written.
   *
   * @param now the transaction's time
   * @param lastChange the stored value's {@code timestamp}
   * @param subject what is being changed, for the message (e.g. {@code record 'c1'})
   * @throws org.hyperledger.fabric.shim.ChaincodeException {@code INVALID_STATE} if {@code now} is
   *     before {@code lastChange}
   */
  static void requireNotBefore(Instant now, String lastChange, String subject) {
    Instant last = VerdictRules.parseInstant(lastChange);
    if (now.isBefore(last)) {
      throw Refusal.invalidState(
          "transaction time "
              + now
              + " is before the last change of "
              + subject
              + " ("
              + last
              + "); check the submitting host's clock");
    }
  }
}
