package org.servicerecords.registry.client.internal.audit.chain;

import java.security.cert.X509Certificate;

/**
 * An identity whose certificate chains to its organisation's roots and whose signature verified.
 *
 * @param msp its organisation
 * @param certificate its certificate
 */
record Signer(Msp msp, X509Certificate certificate) {

  String describe() {
    return certificate.getSubjectX500Principal().getName() + " of " + msp.mspId();
  }
}
