package org.servicerecords.registry.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.servicerecords.registry.model.ApplicationReceipt;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.RegistryRecord;

/**
 * What an agency system does on the ledger: anchor certificates (single, asynchronous, batched),
 * record application receipts and decisions, revoke, supersede and purge personal details, always
 * in its own records namespace and endorsed by its own organisation only. Its reads of that
 * namespace are answered by its own organisation's peers only (docs/client.md, "Where reads are
 * answered").
 *
 * <p>Submissions are exactly-once: the endorsed transaction is kept and, when no answer comes,
 * resubmitted with the same transaction id; a record already on the ledger with identical content
 * counts as anchored. Before submitting, the agency's authority for the document type is checked
 * against a governance snapshot kept current from governance events. Obtain one from {@link
 * RegistryConnection#registryClient()}.
 */
public interface RegistryClient {

  /**
   * Returns the records namespace this client writes to.
   *
   * @return the chaincode name, for example {@code records-justice}
   * @throws RegistryException if governance cannot be read to find it
   */
  String namespace() throws RegistryException;

  /**
   * Anchors one certificate.
   *
   * @param request the certificate and its personal details
   * @return the stored record
   * @throws RegistryException a typed failure (for example {@link IssuerNotAuthorizedException},
   *     {@link AlreadyExistsException} for a different record with the same id)
   */
  AnchorResult anchorCertificate(AnchorRequest request) throws RegistryException;

  /**
   * Anchors a certificate for a document file, hashing the file as a stream.
   *
   * @param document the document
   * @param request the certificate (its {@code documentHash} is replaced by the file's)
   * @return the stored record
   * @throws IOException if the file cannot be read
   * @throws RegistryException as {@link #anchorCertificate(AnchorRequest)}
   */
  AnchorResult anchorDocument(Path document, AnchorRequest request)
      throws IOException, RegistryException;

  /**
   * Anchors one certificate without waiting.
   *
   * @param request the certificate
   * @return the future result; completes exceptionally with a {@link RegistryException}
   */
  CompletableFuture<AnchorResult> anchorCertificateAsync(AnchorRequest request);

  /**
   * Anchors any number of certificates: validated whole first, split into transactions of the
   * contract's maximum, submitted concurrently within the profile's limit. A rerun of the same
   * batch anchors exactly the records still missing.
   *
   * @param batch the certificates, whether the valid ones are anchored when some are invalid, and a
   *     progress listener
   * @return each record's outcome
   * @throws RegistryException if the batch cannot start (for example governance is unreachable)
   */
  BatchReport anchorBatch(AnchorBatch batch) throws RegistryException;

  /**
   * Records the receipt of a citizen's application.
   *
   * @param request the application
   * @return the stored receipt
   * @throws RegistryException a typed failure
   */
  ApplicationReceipt recordApplication(ApplicationRequest request) throws RegistryException;

  /**
   * Records a decision on an application.
   *
   * @param request the decision
   * @return the stored decision record
   * @throws RegistryException a typed failure
   */
  RegistryRecord recordDecision(DecisionRequest request) throws RegistryException;

  /**
   * Revokes a record of this agency. Revoking again with the same reason returns the record.
   *
   * @param id the record id
   * @param reasonCode why, as a short code
   * @return the revoked record
   * @throws RegistryException a typed failure ({@link NotAuthorizedException} for another agency's
   *     record)
   */
  RegistryRecord revoke(String id, String reasonCode) throws RegistryException;

  /**
   * Replaces a certificate with a new one.
   *
   * @param oldId the certificate replaced
   * @param replacement the new certificate
   * @return the new record
   * @throws RegistryException a typed failure
   */
  RegistryRecord supersede(String oldId, AnchorRequest replacement) throws RegistryException;

  /**
   * Purges a record's personal details (their hash stays in the public record).
   *
   * @param id the record id
   * @return the updated record
   * @throws RegistryException a typed failure
   */
  RegistryRecord purgeDetails(String id) throws RegistryException;

  /**
   * Reads a record of this agency's namespace, on a peer of its own organisation only: it fails
   * rather than be answered by another organisation's peer.
   *
   * @param id the record id
   * @return the record
   * @throws RegistryException {@link NotFoundException} when there is none
   */
  RegistryRecord getRecord(String id) throws RegistryException;

  /**
   * Reads a record's personal details from the agency's private collection. The query is only ever
   * evaluated, on the agency's own peers, never submitted: a submitted transaction's response is
   * written into the block, where every organisation of the channel could read it. Each call draws
   * a fresh one-time AES-256 key and nonce, passes them as transient data, and opens the contract's
   * answer, which is sealed under them ({@code DetailsCipher}), so the details never travel or rest
   * in plaintext outside the peer and this process; the key is zeroed afterwards.
   *
   * @param id the record id
   * @return the details
   * @throws RegistryException a typed failure
   */
  PrivateDetails readDetails(String id) throws RegistryException;

  /**
   * Returns the current governance snapshot.
   *
   * @return the snapshot
   * @throws RegistryException if governance cannot be read
   */
  GovernanceSnapshot governance() throws RegistryException;
}
