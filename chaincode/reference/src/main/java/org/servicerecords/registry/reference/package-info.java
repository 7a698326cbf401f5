/**
 * The reference contract: bare Java chaincode with one put-state and one get-state transaction and
 * nothing else, routed by the shim's {@code ContractRouter}.
 *
 * <p>It is deliberately bare: no argument validation beyond the shim's, no access control, no
 * events. Benchmarks use it as the baseline cost of a Fabric transaction; integration tests deploy
 * it as the "modified code" a rogue organisation could run for another agency's namespace.
 */
package org.servicerecords.registry.reference;
