/**
 * The registry's client library on the Fabric Gateway SDK: {@link
 * org.servicerecords.registry.client.RegistryConnection} opens one identity's connection (one gRPC
 * channel per peer endpoint of its own organisation, failover within it, deadlines per call type)
 * and gives the {@link org.servicerecords.registry.client.RegistryClient} for agencies, the {@link
 * org.servicerecords.registry.client.Verifier} for citizens and the {@link
 * org.servicerecords.registry.client.Auditor}. Failures are checked {@link
 * org.servicerecords.registry.client.RegistryException}s typed by the contract's error codes.
 */
package org.servicerecords.registry.client;
