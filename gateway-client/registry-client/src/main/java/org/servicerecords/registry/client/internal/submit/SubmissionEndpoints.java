package org.servicerecords.registry.client.internal.submit;

import java.util.Optional;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.internal.submit.Submitter.Prepared;

/**
 * The organisation's endpoints as the submitter uses them. {@link GatewayEndpoints} is the one over
 * Fabric's Gateway; tests give their own.
 */
public interface SubmissionEndpoints extends EndpointOrder {

  /** The organisation's MSP id, for messages. */
  String mspId();

  /**
   * Rebuilds the transaction from its bytes on an endpoint and sends it to the orderers.
   *
   * @return the commit-status request for it (reusable on every endpoint of the organisation)
   * @throws CallFailure when the orderers did not accept it, or it is not known whether they did
   */
  byte[] send(int index, Prepared prepared) throws CallFailure;

  /**
   * Asks an endpoint for a sent transaction's commit status, waiting for its commit up to the
   * commit-status deadline.
   *
   * @throws CallFailure when the endpoint reported no status
   */
  TxStatus status(int index, String transactionId, byte[] commitRequest) throws CallFailure;

  /**
   * Asks an endpoint's ledger for a transaction (qscc {@code GetTransactionByID}).
   *
   * @return its validation code, or empty when the endpoint answered that its ledger does not hold
   *     the transaction
   * @throws CallFailure when the endpoint gave no such answer
   */
  Optional<TxValidationCode> lookUp(int index, String transactionId) throws CallFailure;

  /** A commit status as an endpoint reported it. */
  public record TxStatus(TxValidationCode code, long blockNumber) {}

  /** A call to one endpoint that gave no usable answer. */
  public static final class CallFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** Where the call failed. */
    enum Kind {
      /** The endpoint's connection could not be set up: nothing left the process. */
      SETUP,
      /** The request or answer could not be built or read in the process. */
      LOCAL,
      /** The endpoint failed the call (gRPC status in {@link CallFailure#code()}). */
      CALL
    }

    private final Kind kind;
    private final transient io.grpc.Status.Code code;
    private final RegistryException mapped;

    CallFailure(Kind kind, io.grpc.Status.Code code, RegistryException mapped) {
      super(mapped.getMessage(), mapped, false, false);
      this.kind = kind;
      this.code = code;
      this.mapped = mapped;
    }

    Kind kind() {
      return kind;
    }

    /** The gRPC status code, or {@code null} when the call failed without one. */
    io.grpc.Status.Code code() {
      return code;
    }

    /** The failure as the library reports it. */
    RegistryException mapped() {
      return mapped;
    }
  }
}
