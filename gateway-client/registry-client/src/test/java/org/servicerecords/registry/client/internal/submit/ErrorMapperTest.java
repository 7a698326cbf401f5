package org.servicerecords.registry.client.internal.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.servicerecords.registry.client.AgencyInactiveException;
import org.servicerecords.registry.client.AgencySuspendedException;
import org.servicerecords.registry.client.AlreadyExistsException;
import org.servicerecords.registry.client.ContractException;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.NotAuthorizedException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.model.ErrorCode;

class ErrorMapperTest {

  @Test
  void chaincodeCodeInTheStatusMessageBecomesTheTypedException() {
    RegistryException e =
        ErrorMapper.map(
            Stage.EVALUATE,
            null,
            Status.UNKNOWN.withDescription(
                "evaluate call to endorser returned error: chaincode response 500, RECORD_NOT_FOUND: record 'x' does not exist"),
            List.of(),
            null);
    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.code()).isEqualTo(ErrorCode.RECORD_NOT_FOUND);
    assertThat(e.getMessage()).isEqualTo("RECORD_NOT_FOUND: record 'x' does not exist");
    assertThat(e.peerMessage()).contains("chaincode response 500");
  }

  @Test
  void chaincodeCodeInTheEndorsementDetailsCarriesTheTransactionId() {
    RegistryException e =
        ErrorMapper.map(
            Stage.ENDORSE,
            "tx1",
            Status.ABORTED.withDescription("failed to endorse transaction, see attached details"),
            List.of(
                "chaincode response 500, NOT_AUTHORIZED: only the issuing agency may change record 'r1'"),
            null);
    assertThat(e).isInstanceOf(NotAuthorizedException.class);
    assertThat(e.transactionId()).isEqualTo("tx1");
    assertThat(e.stage()).isEqualTo(Stage.ENDORSE);
    assertThat(e.getMessage())
        .isEqualTo("NOT_AUTHORIZED: only the issuing agency may change record 'r1'");
  }

  @Test
  void aPeerRefusingTheCallersIdentityIsNotAuthorized() {
    RegistryException e =
        ErrorMapper.map(
            Stage.EVALUATE,
            null,
            Status.FAILED_PRECONDITION.withDescription(
                "evaluate call to endorser returned error: error validating proposal: access"
                    + " denied: channel [registry] creator org unknown, creator is malformed"),
            List.of(),
            null);
    assertThat(e).isInstanceOf(NotAuthorizedException.class);
    assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
    assertThat(e.getMessage())
        .startsWith("NOT_AUTHORIZED: the peer refused the caller's identity: ")
        .contains("creator org unknown");
  }

  @Test
  void anOrdererForbiddingTheTransactionIsNotAuthorizedAndNotUnknown() {
    RegistryException e =
        ErrorMapper.map(
            Stage.SUBMIT,
            "tx3",
            Status.ABORTED.withDescription(
                "received unsuccessful response from orderer: status=FORBIDDEN,"
                    + " info=broadcast client identity expired"),
            List.of(),
            null);
    assertThat(e).isInstanceOf(NotAuthorizedException.class);
    assertThat(e.transactionId()).isEqualTo("tx3");
    assertThat(e.getMessage())
        .isEqualTo(
            "NOT_AUTHORIZED: the orderers refused the caller's transaction: received"
                + " unsuccessful response from orderer: status=FORBIDDEN, info=broadcast client"
                + " identity expired");
  }

  @Test
  void unavailablePeerAtSubmitIsANetworkFailureWithUnknownOutcome() {
    RegistryException e =
        ErrorMapper.map(
            Stage.SUBMIT,
            "tx2",
            Status.UNAVAILABLE.withDescription("io exception"),
            List.of(),
            null);
    assertThat(e).isInstanceOf(NetworkException.class);
    assertThat(((NetworkException) e).outcomeUnknown()).isTrue();
    assertThat(((NetworkException) e).grpcStatus()).isEqualTo("UNAVAILABLE");
  }

  @Test
  void unavailablePeerAtEndorseIsANetworkFailureWithNothingSubmitted() {
    RegistryException e =
        ErrorMapper.map(Stage.ENDORSE, null, Status.DEADLINE_EXCEEDED, List.of(), null);
    assertThat(e).isInstanceOf(NetworkException.class);
    assertThat(((NetworkException) e).outcomeUnknown()).isFalse();
    assertThat(e.getMessage()).contains("deadline");
  }

  @Test
  void failureWithoutACodeStaysAGenericRegistryException() {
    RegistryException e =
        ErrorMapper.map(
            Stage.EVALUATE, null, Status.INTERNAL.withDescription("boom"), List.of(), null);
    assertThat(e.getClass()).isEqualTo(RegistryException.class);
    assertThat(e.code()).isNull();
    assertThat(e.getMessage()).contains("INTERNAL").contains("boom");
  }

  @Test
  void unavailableWithAContractCodeIsTheContractsRefusalNotANetworkFailure() {
    RegistryException e =
        ErrorMapper.map(
            Stage.ENDORSE,
            null,
            Status.UNAVAILABLE.withDescription("ALREADY_EXISTS: record 'a' exists"),
            List.of(),
            null);
    assertThat(e).isInstanceOf(AlreadyExistsException.class);
  }

  @Test
  void suspendedAndInactiveAgenciesAreDistinctTypedExceptions() {
    RegistryException inactive =
        ErrorMapper.map(
            Stage.ENDORSE,
            "tx3",
            Status.ABORTED.withDescription("failed to endorse transaction, see attached details"),
            List.of(
                "chaincode response 500, AGENCY_INACTIVE: agency JusticeMSP is outside its active"
                    + " period at 2023-06-01T00:00:00Z"),
            null);
    assertThat(inactive).isInstanceOf(AgencyInactiveException.class);
    assertThat(inactive.code()).isEqualTo(ErrorCode.AGENCY_INACTIVE);
    assertThat(inactive.transactionId()).isEqualTo("tx3");

    RegistryException suspended =
        ErrorMapper.map(
            Stage.ENDORSE,
            "tx4",
            Status.ABORTED.withDescription("failed to endorse transaction, see attached details"),
            List.of("chaincode response 500, AGENCY_SUSPENDED: agency JusticeMSP is suspended"),
            null);
    assertThat(suspended).isInstanceOf(AgencySuspendedException.class);
    assertThat(suspended.code()).isEqualTo(ErrorCode.AGENCY_SUSPENDED);
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void everyCodeMapsToAContractExceptionCarryingIt(ErrorCode code) {
    ContractException e = ErrorMapper.forCode(code, "detail", Stage.LOCAL, null, null);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).isEqualTo(code.name() + ": detail");
  }
}
