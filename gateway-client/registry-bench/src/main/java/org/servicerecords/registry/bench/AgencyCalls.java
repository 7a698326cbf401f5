package org.servicerecords.registry.bench;

import java.util.List;
import org.servicerecords.registry.client.AnchorBatch;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.AnchorResult;
import org.servicerecords.registry.client.BatchReport;
import org.servicerecords.registry.client.RegistryClient;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.VerificationRequest;
import org.servicerecords.registry.client.Verifier;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verdict;

/**
 * The four blocking library calls the mixed load makes as an issuing agency. {@link #of} gives the
 * library's; tests give an in-memory ledger with injected faults.
 */
interface AgencyCalls {

  /**
   * An acknowledged write.
   *
   * @param txId the transaction that wrote it (or the stored version's), or {@code null}
   * @param alreadyOnLedger true when an earlier attempt had committed it and nothing was written
   */
  record Ack(String txId, boolean alreadyOnLedger) {}

  /**
   * Anchors one certificate ({@link RegistryClient#anchorCertificate}).
   *
   * @param request the certificate
   * @return the acknowledgement
   * @throws RegistryException a typed failure
   */
  Ack anchor(AnchorRequest request) throws RegistryException;

  /**
   * Anchors a batch ({@link RegistryClient#anchorBatch}).
   *
   * @param requests the certificates
   * @return each record's outcome
   * @throws RegistryException if the batch could not start
   */
  BatchReport anchorBatch(List<AnchorRequest> requests) throws RegistryException;

  /**
   * Revokes a record ({@link RegistryClient#revoke}); a rerun with the same reason answers the
   * revoked record.
   *
   * @param id the record id
   * @param reason the reason code
   * @return the acknowledgement
   * @throws RegistryException a typed failure
   */
  Ack revoke(String id, String reason) throws RegistryException;

  /**
   * Verifies a document hash with the agency as issuer ({@link Verifier#verify}).
   *
   * @param documentHash the hash
   * @return the overall verdict
   * @throws RegistryException if the lookup fails
   */
  Verdict verify(String documentHash) throws RegistryException;

  /**
   * The library's calls.
   *
   * @param client the agency's client
   * @param verifier the verifier of the same connection
   * @param issuer the agency's MSP id, asked by {@link #verify}
   * @return the calls
   */
  static AgencyCalls of(RegistryClient client, Verifier verifier, String issuer) {
    return new AgencyCalls() {
      @Override
      public Ack anchor(AnchorRequest request) throws RegistryException {
        AnchorResult result = client.anchorCertificate(request);
        return new Ack(result.record().txId(), result.alreadyAnchored());
      }

      @Override
      public BatchReport anchorBatch(List<AnchorRequest> requests) throws RegistryException {
        return client.anchorBatch(AnchorBatch.of(requests).build());
      }

      @Override
      public Ack revoke(String id, String reason) throws RegistryException {
        RegistryRecord record = client.revoke(id, reason);
        return new Ack(record.txId(), false);
      }

      @Override
      public Verdict verify(String documentHash) throws RegistryException {
        return verifier
            .verify(VerificationRequest.forHash(documentHash).issuer(issuer).build())
            .verdict();
      }
    };
  }
}
