/**
 * An in-memory Fabric harness for chaincode tests: {@link
 * org.servicerecords.registry.testing.Network} (a channel of in-memory ledgers served through the
 * shim's real contract router), {@link org.servicerecords.registry.testing.InMemoryStub} (a {@code
 * ChaincodeStub} for one transaction), {@link org.servicerecords.registry.testing.Ledger} (the
 * committed state of one namespace) and {@link org.servicerecords.registry.testing.Identities}
 * (Fabric CA style callers). It knows no particular contract: its user passes the contract classes
 * and a {@link org.servicerecords.registry.testing.Network.ProcessSetup} hook. Test scope only.
 */
package org.servicerecords.registry.testing;
