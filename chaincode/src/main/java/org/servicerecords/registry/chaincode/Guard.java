package org.servicerecords.registry.chaincode;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.servicerecords.registry.model.ErrorCode;

/**
 * Runs a transaction body so that only coded {@link ChaincodeException}s leave it: anything else
 * becomes {@link ErrorCode#INTERNAL_ERROR} without internal detail (the cause is logged locally).
 */
final class Guard {

  private static final Logger LOG = Logger.getLogger(Guard.class.getName());

  private Guard() {}

  static String run(String transaction, Supplier<String> body) {
    try {
      return body.get();
    } catch (ChaincodeException e) {
      if (ErrorCode.fromMessage(e.getMessage()) != null && e.getMessage().indexOf(':') > 0) {
        throw e;
      }
      return internal(transaction, e);
    } catch (RuntimeException | Error e) {
      return internal(transaction, e);
    }
  }

  private static String internal(String transaction, Throwable cause) {
    LOG.log(Level.SEVERE, "unexpected failure in " + transaction, cause);
    throw Refusal.of(ErrorCode.INTERNAL_ERROR, "unexpected failure in " + transaction);
  }
}
