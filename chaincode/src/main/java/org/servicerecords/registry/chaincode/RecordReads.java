package org.servicerecords.registry.chaincode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.ApplicationReceipt;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.DetailsCipher;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.NamespaceAgency;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.TransientKeys;
import org.servicerecords.registry.model.VerdictRules;
import org.servicerecords.registry.model.Verification;

/** The evaluated (read-only) transactions of a records namespace. They emit no event. */
final class RecordReads {

  /** Most records {@code VerifyHash} answers for one hash. */
  static final int MAX_HASH_MATCHES = 100;

  /** Most supersession links followed to name the record in force now. */
  static final int MAX_SUPERSESSION_HOPS = 32;

  private static final Set<String> ISSUER_OR_CLERK = Set.of(Caller.ISSUER, Caller.CLERK);

  /** The transient keys of {@code ReadDetails}: the client's one-time key and nonce. */
  private static final Set<String> RESPONSE_KEYS =
      Set.of(TransientKeys.RESPONSE_KEY, TransientKeys.RESPONSE_NONCE);

  private final Context ctx;
  private final ChaincodeStub stub;
  private final RecordStore store;

  RecordReads(Context ctx) {
    this.ctx = ctx;
    this.stub = ctx.getStub();
    this.store = new RecordStore(stub);
  }

  String getRecord(String id) {
    Inputs.id("id", id);
    return CanonicalJson.toJson(store.require(id));
  }

  /**
   * The stored details sealed under the client's one-time key and nonce ({@link DetailsCipher}), as
   * base64: a submitted call would write the answer into every organisation's blocks, where only
   * ciphertext may appear. The transient data is checked after the argument and before the caller
   * or any state, as in every transaction that takes it.
   */
  String readDetails(String id) {
    Inputs.id("id", id);
    Map<String, byte[]> transientMap = DetailsInput.transientMap(stub);
    DetailsInput.onlyKeys(transientMap, RESPONSE_KEYS);
    byte[] key =
        DetailsInput.exactly(transientMap, TransientKeys.RESPONSE_KEY, DetailsCipher.KEY_BYTES);
    byte[] nonce =
        DetailsInput.exactly(transientMap, TransientKeys.RESPONSE_NONCE, DetailsCipher.NONCE_BYTES);
    try {
      Caller caller = Caller.of(ctx).requireRole(ISSUER_OR_CLERK).requireOwnPeer();
      RegistryRecord record = store.require(id);
      if (!caller.msp().equals(record.issuerMsp())) {
        throw Refusal.notAuthorized("only the issuing agency reads the details of '" + id + "'");
      }
      if (record.detailsPurged()) {
        throw Refusal.invalidState("the details of record '" + id + "' were purged");
      }
      byte[] details = record.privateDetailsHash() == null ? null : store.details(caller.msp(), id);
      if (details == null || details.length == 0) {
        throw Refusal.invalidState("record '" + id + "' has no private details on this peer");
      }
      return Base64.getEncoder().encodeToString(DetailsCipher.seal(key, nonce, id, details));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  String getApplication(String applicationId) {
    Inputs.id("applicationId", applicationId);
    ApplicationReceipt receipt = store.application(applicationId);
    if (receipt == null) {
      throw Refusal.of(
          ErrorCode.APPLICATION_NOT_FOUND,
          "no application '" + applicationId + "' in this namespace");
    }
    return CanonicalJson.toJson(receipt);
  }

  String verifyRecord(String id, String atInstant) {
    Inputs.id("id", id);
    Instant at = Inputs.instantOrNow("atInstant", atInstant, stub.getTxTimestamp());
    return CanonicalJson.toJson(new Verifier().verify(id, at));
  }

  String verifyHash(String documentHash, String atInstant) {
    Inputs.hash("documentHash", documentHash);
    Instant at = Inputs.instantOrNow("atInstant", atInstant, stub.getTxTimestamp());
    List<String> ids = store.idsIndexed(Keys.BY_HASH, documentHash, MAX_HASH_MATCHES);
    Verifier verifier = new Verifier();
    List<Verification> verifications = new ArrayList<>();
    for (String id : ids) {
      verifications.add(verifier.verify(id, at));
    }
    if (verifications.isEmpty()) {
      verifications.add(verifier.unknown(at));
    }
    return CanonicalJson.toJson(verifications);
  }

  String getHistory(String id) {
    Inputs.id("id", id);
    List<RecordHistoryEntry> history = store.history(id);
    if (history.isEmpty()) {
      throw Refusal.recordNotFound(id);
    }
    return CanonicalJson.toJson(history);
  }

  String listByType(String documentType, String pageSize, String bookmark) {
    Inputs.code("documentType", documentType);
    return list(Keys.BY_TYPE, documentType, pageSize, bookmark);
  }

  String listBySubject(String subjectRef, String pageSize, String bookmark) {
    Inputs.subjectRef("subjectRef", subjectRef);
    return list(Keys.BY_SUBJECT, subjectRef, pageSize, bookmark);
  }

  String listByApplication(String applicationId, String pageSize, String bookmark) {
    Inputs.id("applicationId", applicationId);
    return list(Keys.BY_APPLICATION, applicationId, pageSize, bookmark);
  }

  private String list(String index, String value, String pageSize, String bookmark) {
    int size = Inputs.pageSize(pageSize);
    return CanonicalJson.toJson(store.page(index, value, size, bookmark));
  }

  /**
   * Computes verdicts with one governance call per transaction, whatever the number of records:
   * {@code governance:GetNamespaceAgency} answers both the issuer now and, from its history, the
   * entry in force at each anchoring instant (a second call into governance within one transaction
   * can be lost by the shim: see {@link GovernanceReader}).
   */
  private final class Verifier {
    private final String namespace = ChaincodeName.of(stub);
    private final GovernanceReader governance = new GovernanceReader(stub);
    private NamespaceAgency issuer;
    private boolean issuerRead;

    Verification unknown(Instant at) {
      return VerdictRules.verify(namespace, null, null, null, null, at, null);
    }

    Verification verify(String id, Instant at) {
      RegistryRecord current = store.get(id);
      if (current == null) {
        return unknown(at);
      }
      RegistryRecord version;
      Instant anchoredAt;
      if (VerdictRules.unchangedSinceAnchoring(current)) {
        version = current;
        anchoredAt = VerdictRules.parseInstant(current.timestamp());
      } else {
        List<RecordHistoryEntry> history = store.history(id);
        version = VerdictRules.versionAt(history, at);
        anchoredAt = VerdictRules.anchoredAt(history);
        if (version == null || anchoredAt == null) {
          version = current;
          anchoredAt = VerdictRules.parseInstant(current.timestamp());
        }
      }
      NamespaceAgency agency = issuer();
      AgencyEntry now = agency == null ? null : agency.agency();
      // Always from the history, as governance:GetAgencyAt answers it: under client-asserted
      // timestamps an entry committed earlier may carry a later time, so the current entry cannot
      // stand in for the one in force at the anchoring.
      AgencyEntry then = now == null ? null : agency.at(anchoredAt);
      String currentId =
          version.status() == RecordStatus.SUPERSEDED ? inForce(version.supersededBy()) : null;
      return VerdictRules.verify(namespace, version, anchoredAt, now, then, at, currentId);
    }

    private NamespaceAgency issuer() {
      if (!issuerRead) {
        issuer = governance.namespaceAgency(namespace);
        issuerRead = true;
      }
      return issuer;
    }

    private String inForce(String successorId) {
      String id = successorId;
      for (int hop = 0; hop < MAX_SUPERSESSION_HOPS && id != null; hop++) {
        RegistryRecord next = store.get(id);
        if (next == null || next.supersededBy() == null) {
          return id;
        }
        id = next.supersededBy();
      }
      return id;
    }
  }
}
