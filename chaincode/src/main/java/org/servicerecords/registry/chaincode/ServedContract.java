package org.servicerecords.registry.chaincode;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.chaincode.shim.BatchingStub;
import org.servicerecords.registry.model.ErrorCode;

/**
 * What both contracts do around every transaction: refuse a malformed transaction name or a wrong
 * number of arguments before the shim converts them ({@link Invocation}), refuse every transaction
 * unless this process serves the contract's namespaces ({@link ServedRole}), and refuse names the
 * contract does not define.
 */
abstract class ServedContract implements ContractInterface {

  private final String name;
  private final ServedRole role;
  private final Invocation invocation;

  ServedContract(String name, ServedRole role) {
    this.name = name;
    this.role = role;
    this.invocation = new Invocation(name, getClass());
  }

  /**
   * Creates the transaction context, after refusing a malformed transaction name or a wrong number
   * of arguments (which the shim would answer with an uncoded error, or silently ignore). Its stub
   * keeps the transaction's writes back and sends them in one message ({@link BatchingStub}).
   *
   * @param stub the transaction's stub
   * @return the context
   */
  @Override
  public Context createContext(ChaincodeStub stub) {
    invocation.check(stub);
    return ContractInterface.super.createContext(BatchingStub.wrap(stub));
  }

  /**
   * Refuses every transaction unless this process serves the contract's namespaces.
   *
   * @param ctx the transaction context
   */
  @Override
  public void beforeTransaction(Context ctx) {
    ServedRole.require(role);
  }

  /**
   * Sends the writes of a transaction that succeeded to the peer, in one message ({@link
   * BatchingStub#flush}); a failure to send them fails the transaction with {@code INTERNAL_ERROR},
   * like any other unexpected failure ({@link Guard}).
   *
   * @param ctx the transaction context
   * @param result what the transaction returns
   */
  @Override
  public void afterTransaction(Context ctx, Object result) {
    Guard.run(
        "sending the writes to the peer",
        () -> {
          BatchingStub.flush(ctx.getStub());
          return "";
        });
  }

  /**
   * Refuses transaction names this contract does not define.
   *
   * @param ctx the transaction context
   */
  @Override
  public void unknownTransaction(Context ctx) {
    ServedRole.require(role);
    throw Refusal.of(ErrorCode.INVALID_ARGUMENT, name + " has no such transaction");
  }
}
