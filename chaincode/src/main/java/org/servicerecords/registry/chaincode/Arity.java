package org.servicerecords.registry.chaincode;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Checks the argument count of a transaction before the shim converts the arguments: the shim fails
 * a short argument list with an uncoded "Unexpected error" and silently drops extra arguments, so
 * both are refused here with {@code INVALID_ARGUMENT}.
 */
final class Arity {

  private final String contractName;
  private final Map<String, Integer> parameterCounts;

  Arity(String contractName, Class<?> contract) {
    this.contractName = contractName;
    Map<String, Integer> counts = new TreeMap<>();
    for (Method method : contract.getMethods()) {
      Transaction transaction = method.getAnnotation(Transaction.class);
      if (transaction != null) {
        String name = transaction.name().isEmpty() ? method.getName() : transaction.name();
        counts.put(name, method.getParameterCount() - 1);
      }
    }
    this.parameterCounts = Collections.unmodifiableMap(counts);
  }

  /** Refuses a call of one of the contract's transactions with the wrong number of arguments. */
  void check(ChaincodeStub stub) {
    String function = stub.getFunction();
    String prefix = contractName + ":";
    if (function == null || !function.startsWith(prefix)) {
      return;
    }
    String name = function.substring(prefix.length());
    Integer expected = parameterCounts.get(name);
    int given = stub.getParameters().size();
    if (expected != null && expected != given) {
      throw Refusal.invalid(name, "takes " + expected + " argument(s), " + given + " given");
    }
  }
}
