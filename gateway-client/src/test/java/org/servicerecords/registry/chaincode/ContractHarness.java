package org.servicerecords.registry.chaincode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.TransientKeys;

/**
 * A public door, for gateway-client's tests, onto chaincode's package-private test harness (from
 * its test-jar): one channel of in-memory ledgers served through the shim's real {@code
 * ContractRouter}, with callers holding real Fabric CA style certificates. Every call names its
 * caller and its transaction timestamp, so scenarios can assert skewed (client-asserted) times.
 */
public final class ContractHarness {

  /** The transient key of anchoring and supersession details. */
  public static final String DETAILS_KEY = TransientKeys.DETAILS;

  /** The transient key prefix of batch details. */
  public static final String BATCH_DETAILS_PREFIX = TransientKeys.BATCH_DETAILS_PREFIX;

  /**
   * A caller as an agency's Fabric CA enrolls it.
   *
   * @param msp its organisation
   * @param name its enrollment id
   * @param role its {@code role} attribute, or {@code null}
   * @param doctypes its {@code doctypes} attribute ({@code ;}-separated), or {@code null}
   */
  public record Who(String msp, String name, String role, String doctypes) {
    Network.User user() {
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("hf.EnrollmentID", name);
      if (role != null) {
        attributes.put("role", role);
      }
      if (doctypes != null) {
        attributes.put("doctypes", doctypes);
      }
      return new Network.User(msp, name, attributes);
    }
  }

  /**
   * The contract's answer to one call.
   *
   * @param ok whether it succeeded
   * @param payload the answer on success
   * @param code the error code of a refusal, else {@code null}
   * @param message the refusal message, else {@code null}
   */
  public record Reply(boolean ok, String payload, ErrorCode code, String message) {}

  private final Network network = new Network();

  /**
   * Endorses a transaction and, when it succeeds, commits it.
   *
   * @param who the caller (through its own organisation's peer)
   * @param timestamp the transaction timestamp
   * @param transientData transient data (may be empty)
   * @param chaincode the chaincode name (namespace)
   * @param function the function, with its contract prefix
   * @param args the arguments
   * @return the reply
   */
  public Reply submit(
      Who who,
      Instant timestamp,
      Map<String, String> transientData,
      String chaincode,
      String function,
      String... args) {
    Network.Call call = network.call(chaincode, function, args).by(who.user()).at(timestamp);
    transientData.forEach(call::withTransient);
    return reply(call.submit());
  }

  /**
   * Evaluates a transaction: nothing is committed.
   *
   * @param who the caller
   * @param timestamp the transaction timestamp
   * @param chaincode the chaincode name (namespace)
   * @param function the function, with its contract prefix
   * @param args the arguments
   * @return the reply
   */
  public Reply evaluate(
      Who who, Instant timestamp, String chaincode, String function, String... args) {
    return reply(network.call(chaincode, function, args).by(who.user()).at(timestamp).evaluate());
  }

  private static Reply reply(Network.Result result) {
    return result.ok()
        ? new Reply(true, result.payload(), null, null)
        : new Reply(false, null, result.code(), result.message());
  }
}
