/**
 * Identities the client acts as: X.509 certificates and private keys read from PEM files (Bouncy
 * Castle), a directory {@link org.servicerecords.registry.client.identity.Wallet}, and expiry
 * checks with a clear error.
 */
package org.servicerecords.registry.client.identity;
