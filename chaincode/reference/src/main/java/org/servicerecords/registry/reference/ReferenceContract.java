package org.servicerecords.registry.reference;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The reference contract: {@code Put} writes a string under a key, {@code Get} reads it back. As
 * the shim's {@code @Default} contract its transactions are called as {@code Put} / {@code Get} or
 * {@code reference:Put} / {@code reference:Get}.
 *
 * <p>It checks nothing: any caller may write any key with any value, exactly as the shim passes
 * them on.
 */
@Default
@Contract(name = "reference")
public final class ReferenceContract implements ContractInterface {

  /** Creates the contract; the shim instantiates it once per process. */
  public ReferenceContract() {}

  /**
   * Writes {@code value} under {@code key}.
   *
   * @param ctx the transaction context
   * @param key the state key
   * @param value the value, stored as UTF-8
   */
  @Transaction(name = "Put", intent = Transaction.TYPE.SUBMIT)
  public void put(Context ctx, String key, String value) {
    ctx.getStub().putStringState(key, value);
  }

  /**
   * Reads the value under {@code key}.
   *
   * @param ctx the transaction context
   * @param key the state key
   * @return the value as UTF-8 text; the empty string when the key has no value
   */
  @Transaction(name = "Get", intent = Transaction.TYPE.EVALUATE)
  public String get(Context ctx, String key) {
    return ctx.getStub().getStringState(key);
  }
}
