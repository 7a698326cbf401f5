package org.servicerecords.registry.chaincode;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.ErrorCode;

/**
 * Checks the shape of an invocation before the shim converts its arguments: the transaction name,
 * then the argument count. Both are refused with {@code INVALID_ARGUMENT}.
 *
 * <p>The name must be {@code <contract>:<Name>}, exactly one colon, naming the contract that
 * received the call. The shim splits the name at every colon and routes it to the named contract
 * only when it gets exactly two parts (trailing empty parts dropped); anything else goes to the
 * {@code @Default} contract ({@link RecordsContract}), so an unprefixed name, {@code records:},
 * {@code default:GetRecord} or {@code records:GetRecord:x} reaches this check and is refused here.
 * {@code records:GetRecord:} (routed to GetRecord by the shim) is refused too, so the argument
 * count below is always checked against the transaction that would run. A name whose prefix names
 * no contract at all ({@code other:GetRecord}, {@code :GetRecord}) never reaches the contracts: the
 * shim answers it itself (docs/contract.md, "Errors").
 *
 * <p>The shim fails a short argument list with an uncoded "Unexpected error" and silently drops
 * extra arguments, so a wrong count of a known transaction is refused here; unknown names pass on
 * to {@code unknownTransaction}.
 */
final class Invocation {

  /** The detail of a refused transaction name (the name itself is not echoed). */
  static final String NAME_RULE = "transaction name must be records:<Name> or governance:<Name>";

  private final String prefix;
  private final Map<String, Integer> parameterCounts;

  Invocation(String contractName, Class<?> contract) {
    this.prefix = contractName + ":";
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

  /**
   * Refuses a malformed transaction name, and a call of one of the contract's transactions with the
   * wrong number of arguments.
   */
  void check(ChaincodeStub stub) {
    String function = stub.getFunction();
    if (function == null
        || !function.startsWith(prefix)
        || function.length() == prefix.length()
        || function.indexOf(':', prefix.length()) >= 0) {
      throw Refusal.of(ErrorCode.INVALID_ARGUMENT, NAME_RULE);
    }
    String name = function.substring(prefix.length());
    Integer expected = parameterCounts.get(name);
    int given = stub.getParameters().size();
    if (expected != null && expected != given) {
      throw Refusal.invalid(name, "takes " + expected + " argument(s), " + given + " given");
    }
  }
}
