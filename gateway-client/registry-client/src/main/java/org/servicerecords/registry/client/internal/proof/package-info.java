/**
 * Portable proofs (docs/proofs.md): {@link
 * org.servicerecords.registry.client.internal.proof.ProofExporter} assembles one from the ledger
 * through the Gateway, {@link org.servicerecords.registry.client.internal.proof.ProofChecker}
 * verifies one offline against given root certificates.
 */
package org.servicerecords.registry.client.internal.proof;
