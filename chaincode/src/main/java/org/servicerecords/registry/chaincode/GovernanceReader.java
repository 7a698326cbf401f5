package org.servicerecords.registry.chaincode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.NamespaceAgency;

/**
 * Reads the {@code governance} namespace from a records transaction through a
 * chaincode-to-chaincode call on the same channel. The read becomes part of the calling
 * transaction's read set, so a suspension committed first invalidates a later anchoring at commit.
 *
 * <p>A records transaction makes <strong>at most one</strong> call into governance. The Java shim
 * (fabric-chaincode-shim 2.5.10, {@code InvocationTaskManager}) keys the invocations of a chaincode
 * process by channel and transaction id, and removes an invocation's entry by that key only after
 * it has sent its answer to the peer; a second call of the same transaction can arrive first, lose
 * its entry to that removal, and then fail ({@code Task map missing entry}) while its thread in the
 * governance process waits forever. Seen on the real network under concurrent verifications. So
 * each transaction asks one question that holds every answer it needs: {@link #byNamespace} for a
 * write, {@link #namespaceAgency} (the entry and its history) for a verification.
 *
 * <p>A call that gets no answer within {@link #DEADLINE} fails with {@code INTERNAL_ERROR} instead
 * of holding the transaction's thread for good: the shim waits for the peer's answer without a
 * limit, and one lost answer used to leave every transaction thread of the records process stuck
 * until the process was restarted. The call runs on a thread of its own so the transaction can give
 * up on it (the abandoned thread is a daemon and holds no lock). Like {@link TimeTolerance}, the
 * deadline only decides whether the transaction answers at all, never what it writes.
 */
final class GovernanceReader {

  /** Chaincode name of the governance namespace. */
  static final String CHAINCODE = InputRules.GOVERNANCE_NAMESPACE;

  /**
   * How long a records transaction waits for governance: well below the peer's chaincode execute
   * timeout (30 s by default), so the refusal reaches the client before the peer gives up.
   */
  static final Duration DEADLINE = Duration.ofSeconds(20);

  private static final ExecutorService CALLS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "governance-call");
            thread.setDaemon(true);
            return thread;
          });

  private final ChaincodeStub stub;
  private final Duration deadline;

  GovernanceReader(ChaincodeStub stub) {
    this(stub, DEADLINE);
  }

  /** A reader whose calls give up after {@code deadline}. */
  GovernanceReader(ChaincodeStub stub, Duration deadline) {
    this.stub = stub;
    this.deadline = deadline;
  }

  /** Governance's agency for a records namespace, or {@code null} if none is registered. */
  AgencyEntry byNamespace(String namespace) {
    return call(AgencyEntry.class, "governance:GetAgencyByNamespace", namespace);
  }

  /**
   * Governance's agency for a records namespace with every version of its entry, or {@code null} if
   * none is registered.
   */
  NamespaceAgency namespaceAgency(String namespace) {
    return call(NamespaceAgency.class, "governance:GetNamespaceAgency", namespace);
  }

  private <T> T call(Class<T> answer, String function, String... args) {
    List<byte[]> arguments =
        Stream.concat(Stream.of(function), Stream.of(args))
            .map(a -> a.getBytes(StandardCharsets.UTF_8))
            .toList();
    Chaincode.Response response = invokeWithDeadline(arguments);
    if (response == null) {
      throw Refusal.of(ErrorCode.INTERNAL_ERROR, "governance did not answer");
    }
    if (response.getStatusCode() == Chaincode.Response.Status.SUCCESS.getCode()) {
      return CanonicalJson.fromBytes(response.getPayload(), answer);
    }
    if (ErrorCode.fromMessage(response.getMessage()) == ErrorCode.AGENCY_NOT_FOUND) {
      return null;
    }
    throw Refusal.of(ErrorCode.INTERNAL_ERROR, "governance query failed");
  }

  private Chaincode.Response invokeWithDeadline(List<byte[]> arguments) {
    String channel = stub.getChannelId();
    Future<Chaincode.Response> call =
        CALLS.submit(() -> stub.invokeChaincode(CHAINCODE, arguments, channel));
    try {
      return call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw Refusal.of(
          ErrorCode.INTERNAL_ERROR,
          "governance did not answer within " + deadline.toMillis() + " ms");
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw Refusal.of(ErrorCode.INTERNAL_ERROR, "interrupted while asking governance");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw Refusal.of(ErrorCode.INTERNAL_ERROR, "governance query failed");
    }
  }
}
