package org.servicerecords.registry.chaincode;

import java.time.Duration;
import java.time.Instant;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.ErrorCode;

/**
 * Refuses to endorse a write whose asserted transaction time lies more than {@link #TOLERANCE} from
 * the endorsing peer's own clock. The submitter chooses the timestamp and Fabric does not check it;
 * with every records write co-endorsed by a second organisation, this check (run by both endorsers)
 * keeps a backdated or postdated record from committing unless two organisations collude. It is a
 * refusal only: the timestamp written is the transaction's, on every peer.
 */
final class TimeTolerance {

  /**
   * How far an asserted transaction time may lie from the endorsing peer's clock: five minutes,
   * room for clock skew between agencies' hosts (kept by NTP) and for a client's failover between
   * endorsers, while an act backdated past a suspension by more than this cannot commit.
   */
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private TimeTolerance() {}

  /**
   * Checks the transaction's timestamp against the endorsing peer's clock.
   *
   * @param stub the transaction's stub
   * @throws org.hyperledger.fabric.shim.ChaincodeException {@code TIMESTAMP_OUT_OF_TOLERANCE}
   */
  static void check(ChaincodeStub stub) {
    Instant asserted = TxTime.of(stub);
    Instant peerNow = EndorsementClock.now();
    Duration skew = Duration.between(peerNow, asserted).abs();
    if (skew.compareTo(TOLERANCE) > 0) {
      throw Refusal.of(
          ErrorCode.TIMESTAMP_OUT_OF_TOLERANCE,
          "the transaction time "
              + asserted
              + " is "
              + skew.toSeconds()
              + " s from this endorsing peer's clock; at most "
              + TOLERANCE.toSeconds()
              + " s are accepted");
    }
  }
}
