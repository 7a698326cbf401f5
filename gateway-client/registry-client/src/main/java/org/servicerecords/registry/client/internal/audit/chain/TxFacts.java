package org.servicerecords.registry.client.internal.audit.chain;

import java.time.Instant;
import java.util.List;

/**
 * What the chain verifier learnt of one transaction that the validation replay and the
 * per-transaction checks need.
 *
 * @param index its index in the block
 * @param txId its transaction id (empty when none)
 * @param type its channel header type
 * @param timestamp the timestamp its creator asserted in the channel header, or null when absent
 * @param creatorMsp its creator's MSP id (empty when unknown)
 * @param structuralCode the validation code Fabric gives a transaction failing the checks before
 *     validation proper (creator signature, transaction id, proposal hash), or null when it passed
 *     them
 * @param invoked for an endorser transaction, the chaincode its header invokes
 * @param actionChaincode the chaincode name its endorsed action names
 * @param actionChaincodeVersion the chaincode version its endorsed action names
 * @param rwSet its read-write set, or null when it has none or it cannot be parsed
 * @param endorsers its distinct endorsers whose certificates chain and signatures verify
 */
record TxFacts(
    int index,
    String txId,
    int type,
    Instant timestamp,
    String creatorMsp,
    String structuralCode,
    String invoked,
    String actionChaincode,
    String actionChaincodeVersion,
    TxRwSet rwSet,
    List<Signer> endorsers) {

  TxFacts {
    endorsers = List.copyOf(endorsers);
  }
}
