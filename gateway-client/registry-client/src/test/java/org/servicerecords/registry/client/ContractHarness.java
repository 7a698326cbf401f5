package org.servicerecords.registry.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.servicerecords.registry.chaincode.InMemoryRuns;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.TransientKeys;
import org.servicerecords.registry.testing.Network;

/**
 * The registry's contracts (from the chaincode jar, through its {@link InMemoryRuns} seam) on
 * registry-testing's in-memory harness: one channel of in-memory ledgers served through the shim's
 * real {@code ContractRouter}, with callers holding real Fabric CA style certificates. Every call
 * names its caller and its transaction timestamp, so scenarios can assert skewed (client-asserted)
 * times. Governance starts with the consortium {@link #MEMBERS} initialised; {@link #govern} makes
 * a governance change with the approvals of two of its three members.
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

  /** The consortium's members: a governance change needs two approvals. */
  public static final List<String> MEMBERS = List.of("AuditMSP", "JusticeMSP", "ServicesMSP");

  /** The admins whose approvals {@link #govern} sends, in order. */
  private static final List<Who> APPROVERS =
      List.of(
          new Who("JusticeMSP", "governance-admin1", "admin", null),
          new Who("ServicesMSP", "governance-admin2", "admin", null));

  /**
   * The admins who approve the member list {@link #MEMBERS}, one of each member: the list is set
   * when all of them approved it.
   */
  private static final List<Who> FOUNDERS =
      List.of(
          APPROVERS.get(0),
          APPROVERS.get(1),
          new Who("AuditMSP", "governance-admin3", "admin", null));

  private static final String RECORDS_PACKAGE = "records_0.1.0:" + "a".repeat(64);
  private static final String GOVERNANCE_PACKAGE = "governance_0.1.0:" + "b".repeat(64);

  /**
   * The registry's contracts, governance served from a governance package and every other chaincode
   * name from a records package, each process set up as a peer would have it.
   */
  private final Network network =
      Network.builder()
          .contracts(InMemoryRuns.contracts())
          .processSetup(InMemoryRuns::enter)
          .packageIds(name -> name.startsWith("governance") ? GOVERNANCE_PACKAGE : RECORDS_PACKAGE)
          .build();

  /**
   * A channel whose governance has {@link #MEMBERS} as its consortium (approved by an admin of
   * every member), and nothing else.
   */
  public ContractHarness() {
    for (Who founder : FOUNDERS) {
      Network.Result result =
          network
              .call("governance", "governance:InitConsortium", CanonicalJson.toJson(MEMBERS))
              .by(founder.user())
              .at(Instant.parse("2000-01-01T00:00:00Z"))
              .submit();
      if (!result.ok()) {
        throw new IllegalStateException("cannot initialise the consortium: " + result.message());
      }
    }
  }

  /**
   * Makes a governance change approved by a majority of {@link #MEMBERS}: the same call by an admin
   * of JusticeMSP, then of ServicesMSP, both at {@code timestamp}; the second applies it.
   *
   * @param timestamp the transactions' timestamp
   * @param function the change, with its prefix ({@code governance:SuspendAgency}, ...)
   * @param args the arguments
   * @return the first reply if it was a refusal, else the second (the applying one)
   */
  public Reply govern(Instant timestamp, String function, String... args) {
    Reply reply = null;
    for (Who approver : APPROVERS) {
      reply = submit(approver, timestamp, Map.of(), "governance", function, args);
      if (!reply.ok()) {
        return reply;
      }
    }
    return reply;
  }

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
        : new Reply(false, null, ErrorCode.fromMessage(result.message()), result.message());
  }
}
