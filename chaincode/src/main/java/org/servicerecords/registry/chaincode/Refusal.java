package org.servicerecords.registry.chaincode;

import org.hyperledger.fabric.shim.ChaincodeException;
import org.servicerecords.registry.model.ErrorCode;

/** Builds the {@link ChaincodeException}s that carry a stable {@link ErrorCode}. */
final class Refusal {

  private Refusal() {}

  static ChaincodeException of(ErrorCode code, String detail) {
    return new ChaincodeException(code.message(detail));
  }

  static ChaincodeException invalid(String field, String problem) {
    return of(ErrorCode.INVALID_ARGUMENT, field + " " + problem);
  }

  static ChaincodeException transientInvalid(String key, String problem) {
    return of(ErrorCode.TRANSIENT_DATA_INVALID, "transient '" + key + "' " + problem);
  }

  static ChaincodeException notAuthorized(String detail) {
    return of(ErrorCode.NOT_AUTHORIZED, detail);
  }

  static ChaincodeException recordNotFound(String id) {
    return of(ErrorCode.RECORD_NOT_FOUND, "no record '" + id + "' in this namespace");
  }

  static ChaincodeException invalidState(String detail) {
    return of(ErrorCode.INVALID_STATE, detail);
  }
}
