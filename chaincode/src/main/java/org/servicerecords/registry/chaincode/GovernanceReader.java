package org.servicerecords.registry.chaincode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ErrorCode;
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
 */
final class GovernanceReader {

  /** Chaincode name of the governance namespace. */
  static final String CHAINCODE = "governance";

  private final ChaincodeStub stub;

  GovernanceReader(ChaincodeStub stub) {
    this.stub = stub;
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
    Chaincode.Response response = stub.invokeChaincode(CHAINCODE, arguments, stub.getChannelId());
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
}
