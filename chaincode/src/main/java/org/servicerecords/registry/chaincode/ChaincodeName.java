package org.servicerecords.registry.chaincode;

import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.InputRules;

/**
 * The chaincode name a records transaction was sent to, read from the signed proposal. Records
 * namespaces are never called by other chaincodes, so the proposal's target is this namespace.
 */
final class ChaincodeName {

  private ChaincodeName() {}

  static String of(ChaincodeStub stub) {
    SignedProposal signed = stub.getSignedProposal();
    if (signed == null) {
      throw Refusal.of(ErrorCode.INTERNAL_ERROR, "the proposal is not available");
    }
    String name;
    try {
      Proposal proposal = Proposal.parseFrom(signed.getProposalBytes());
      ChaincodeProposalPayload payload = ChaincodeProposalPayload.parseFrom(proposal.getPayload());
      ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.parseFrom(payload.getInput());
      name = spec.getChaincodeSpec().getChaincodeId().getName();
    } catch (InvalidProtocolBufferException e) {
      throw Refusal.of(ErrorCode.INTERNAL_ERROR, "the proposal cannot be read");
    }
    if (name.isEmpty() || !InputRules.NAMESPACE.matcher(name).matches()) {
      throw Refusal.of(ErrorCode.INTERNAL_ERROR, "the proposal names no chaincode");
    }
    return name;
  }
}
