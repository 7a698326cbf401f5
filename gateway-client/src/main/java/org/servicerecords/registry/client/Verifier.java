package org.servicerecords.registry.client;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.servicerecords.registry.model.Verification;

/**
 * Verification for citizens, banks and other agencies: is this document authentic, who issued it,
 * and is it valid (now or at a past instant)? Needs only a read-only identity ({@code
 * role=verifier}). Obtain one from {@link RegistryConnection#verifier()}.
 */
public interface Verifier {

  /**
   * Verifies a document file: hashes it as a stream and looks the hash up.
   *
   * @param document the file
   * @param at the instant, or {@code null} for now
   * @param issuer the issuer's namespace or MSP id, or {@code null} to ask every agency in parallel
   * @return the report
   * @throws IOException if the file cannot be read
   * @throws RegistryException if the lookup fails
   */
  VerificationReport verifyFile(Path document, Instant at, String issuer)
      throws IOException, RegistryException;

  /**
   * Verifies a document by its SHA-256.
   *
   * @param documentHash the hash (64 hex digits)
   * @param at the instant, or {@code null} for now
   * @param issuer the issuer's namespace or MSP id, or {@code null} to ask every agency in parallel
   * @return the report
   * @throws RegistryException if the lookup fails ({@link NotFoundException} for an unknown issuer)
   */
  VerificationReport verifyHash(String documentHash, Instant at, String issuer)
      throws RegistryException;

  /**
   * Verifies one record by id, computed by the contract.
   *
   * @param namespace the record's namespace (or its agency's MSP id)
   * @param id the record id
   * @param at the instant, or {@code null} for now
   * @return the verification
   * @throws RegistryException if the lookup fails
   */
  Verification verifyRecord(String namespace, String id, Instant at) throws RegistryException;

  /**
   * Verifies one record by id, computed in the library with the contract's own rules ({@code
   * VerdictRules}) from the record's history and governance's history. Gives the same verdict as
   * {@link #verifyRecord}; costs more queries.
   *
   * @param namespace the record's namespace (or its agency's MSP id)
   * @param id the record id
   * @param at the instant, or {@code null} for now
   * @return the verification
   * @throws RegistryException if a lookup fails
   */
  Verification verifyRecordLocally(String namespace, String id, Instant at)
      throws RegistryException;
}
