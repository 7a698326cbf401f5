package org.servicerecords.registry.chaincode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ErrorCode;

/**
 * Reads the {@code governance} namespace from a records transaction through a
 * chaincode-to-chaincode call on the same channel. The read becomes part of the calling
 * transaction's read set, so a suspension committed first invalidates a later anchoring at commit.
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
    return call("governance:GetAgencyByNamespace", namespace);
  }

  /** The agency's entry as in force at an instant, or {@code null} if it did not exist then. */
  AgencyEntry at(String msp, Instant at) {
    return call("governance:GetAgencyAt", msp, at.toString());
  }

  private AgencyEntry call(String function, String... args) {
    List<byte[]> arguments =
        java.util.stream.Stream.concat(java.util.stream.Stream.of(function), List.of(args).stream())
            .map(a -> a.getBytes(StandardCharsets.UTF_8))
            .toList();
    Chaincode.Response response = stub.invokeChaincode(CHAINCODE, arguments, stub.getChannelId());
    if (response == null) {
      throw Refusal.of(ErrorCode.INTERNAL_ERROR, "governance did not answer");
    }
    if (response.getStatusCode() == Chaincode.Response.Status.SUCCESS.getCode()) {
      return CanonicalJson.fromBytes(response.getPayload(), AgencyEntry.class);
    }
    if (ErrorCode.fromMessage(response.getMessage()) == ErrorCode.AGENCY_NOT_FOUND) {
      return null;
    }
    throw Refusal.of(ErrorCode.INTERNAL_ERROR, "governance query failed");
  }
}
