/**
 * An extension of fabric-chaincode-shim's messaging with the peer, kept apart from the contracts:
 * {@link org.servicerecords.registry.chaincode.shim.BatchingStub} sends a transaction's writes in
 * one {@code WRITE_BATCH_STATE} message and reads many keys in one {@code GET_STATE_MULTIPLE}, the
 * batch messages of Fabric v3's peer that the Java shim does not send. The contracts see a {@link
 * org.hyperledger.fabric.shim.ChaincodeStub} like any other.
 */
package org.servicerecords.registry.chaincode.shim;
