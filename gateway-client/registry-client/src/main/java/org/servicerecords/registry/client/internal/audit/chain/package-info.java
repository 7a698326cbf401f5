/**
 * Internal, not API: the offline chain verifier ({@link
 * org.servicerecords.registry.client.internal.audit.chain.ChainVerifier}): header hash links, data
 * hashes, orderer signatures against the block validation policy of the configuration in force,
 * creator and endorsement signatures, and from block 0 a replay of Fabric's validation ({@link
 * org.servicerecords.registry.client.internal.audit.chain.ValidationReplay}: endorsement policies,
 * MVCC) compared with the peer's validation flags. Reads Fabric's blocks with fabric-protos and
 * checks certificates and signatures with the JDK and Bouncy Castle; calls no Fabric code. May
 * change without notice.
 */
package org.servicerecords.registry.client.internal.audit.chain;
