package org.servicerecords.registry.client.internal.agency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.ContractException;
import org.servicerecords.registry.client.DetailsNotStoredException;
import org.servicerecords.registry.client.DocumentHash;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.internal.submit.Submitter;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DetailsRequest;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.TransientKeys;

/**
 * An agency's personal details: the bytes a certificate commits to (salted per record), and their
 * storage with the owner-only {@code StoreDetails} after the anchoring.
 */
final class DetailsStore {

  private final Submitter submitter;
  private final DetailsSalt salts;

  DetailsStore(Submitter submitter, DetailsSalt salts) {
    this.submitter = submitter;
    this.salts = salts;
  }

  /** A certificate request committing to its personal details, and those details' bytes. */
  record WithDetails(CertificateRequest certificate, byte[] details) {}

  /**
   * The request's personal details as the bytes {@code StoreDetails} will store (with the salt
   * {@link DetailsSalt} derives for this record), and the certificate committing to them.
   */
  WithDetails withDetails(String ns, AnchorRequest request) {
    if (request.personalDetails().isEmpty()) {
      return new WithDetails(request.certificate().withDetailsHash(null), null);
    }
    String id = request.certificate().id();
    byte[] details = detailsBytes(salts.forRecord(ns, id), request.personalDetails());
    return new WithDetails(
        request.certificate().withDetailsHash(DocumentHash.of(details)), details);
  }

  /** Personal details as the JSON bytes stored in the private collection. */
  static byte[] detailsBytes(String salt, java.util.SortedMap<String, String> personalDetails) {
    return CanonicalJson.toJson(new PrivateDetails(salt, personalDetails))
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Stores the details of a record on the ledger, unless it has none or they were purged.
   *
   * @throws DetailsNotStoredException when they could not be stored
   */
  void storeDetailsOf(String ns, RegistryRecord record, byte[] details) throws RegistryException {
    if (details == null || record.detailsPurged()) {
      return;
    }
    String problem = detailsProblem(DocumentHash.of(details), record);
    if (problem != null) {
      throw new DetailsNotStoredException(record, RegistryException.local(problem), false);
    }
    try {
      store(ns, Map.of(record.id(), details));
    } catch (RegistryException e) {
      throw new DetailsNotStoredException(record, e, true);
    }
  }

  /**
   * Why details hashing to {@code detailsHash} can never be stored for the record on the ledger, or
   * {@code null} when they can.
   */
  static String detailsProblem(String detailsHash, RegistryRecord record) {
    if (record.privateDetailsHash() == null) {
      return "the record on the ledger was anchored without personal details";
    }
    if (!record.privateDetailsHash().equals(detailsHash)) {
      return "the record on the ledger commits to other details: it was anchored by another"
          + " identity (or one whose key cannot be exported), and only that identity can store"
          + " them";
    }
    return null;
  }

  /** How often a {@code StoreDetails} is tried before its records are reported pending. */
  static final int STORE_DETAILS_ATTEMPTS = 4;

  /**
   * Stores personal details with the owner-only {@code StoreDetails}: endorsed by the agency's own
   * organisation alone, with the details as transient data. Tried again while it fails for want of
   * an answer, or because the own peer has not committed the anchoring's block yet ({@code
   * RECORD_NOT_FOUND}); any other refusal is final. Storing the same details twice is harmless.
   */
  void store(String ns, Map<String, byte[]> detailsById) throws RegistryException {
    Map<String, byte[]> transientData = new LinkedHashMap<>();
    detailsById.forEach((id, bytes) -> transientData.put(TransientKeys.batchDetails(id), bytes));
    String request =
        CanonicalJson.toJson(new DetailsRequest(new ArrayList<>(detailsById.keySet())));
    RegistryException last = null;
    for (int attempt = 0; attempt < STORE_DETAILS_ATTEMPTS; attempt++) {
      if (attempt > 0) {
        Submitter.pause(Duration.ofMillis(500L * attempt));
      }
      try {
        submitter.submit(
            submitter.endorse(ns, "StoreDetails", transientData, request),
            DetailsRequest.class,
            ns + " StoreDetails");
        return;
      } catch (NotFoundException | NetworkException e) {
        last = e;
      } catch (ContractException e) {
        throw e;
      } catch (RegistryException e) {
        last = e;
      }
    }
    throw last;
  }
}
