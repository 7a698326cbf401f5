package org.servicerecords.registry.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.servicerecords.registry.client.AlreadyExistsException;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.BatchReport;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RecordOutcome;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verdict;

/**
 * An in-memory ledger behind the four agency calls, with the library's idempotence (a rerun of an
 * anchoring answers already anchored, of a revocation with the same reason the revoked record) and
 * injected faults: every {@code failBeforeEvery}-th write call fails before writing (peer
 * unreachable), every {@code failAfterEvery}-th writes and then fails (outcome unknown), every
 * {@code failReadEvery}-th verification fails. Not a stand-in for Fabric: a stand-in for a ledger
 * that loses answers but never writes.
 */
final class FakeAgency implements AgencyCalls {

  private final int failBeforeEvery;
  private final int failAfterEvery;
  private final int failReadEvery;
  private final AtomicInteger writes = new AtomicInteger();
  private final AtomicInteger reads = new AtomicInteger();
  private final Map<String, List<RegistryRecord>> versions = new LinkedHashMap<>();
  private final Map<String, String> idOfHash = new HashMap<>();
  private int tx;
  volatile Verdict forcedVerdict;

  FakeAgency(int failBeforeEvery, int failAfterEvery, int failReadEvery) {
    this.failBeforeEvery = failBeforeEvery;
    this.failAfterEvery = failAfterEvery;
    this.failReadEvery = failReadEvery;
  }

  private enum Fault {
    NONE,
    BEFORE,
    AFTER
  }

  private Fault nextWriteFault() {
    int n = writes.incrementAndGet();
    if (failBeforeEvery > 0 && n % failBeforeEvery == 0) {
      return Fault.BEFORE;
    }
    if (failAfterEvery > 0 && n % failAfterEvery == 0) {
      return Fault.AFTER;
    }
    return Fault.NONE;
  }

  private static NetworkException unreachable() {
    return NetworkException.unreachable(
        "peer unreachable", Stage.ENDORSE, null, "UNAVAILABLE", null);
  }

  private static NetworkException unknown() {
    return NetworkException.unknownOutcome(
        "no commit status", Stage.COMMIT_STATUS, "tx", "DEADLINE_EXCEEDED", null);
  }

  /** Writes a certificate unless there; answers whether it was there already. */
  private synchronized boolean put(CertificateRequest c) throws AlreadyExistsException {
    List<RegistryRecord> v = versions.get(c.id());
    if (v != null) {
      RegistryRecord first = v.get(0);
      if (!first.documentHash().equals(c.documentHash())
          || !first.documentType().equals(c.documentType())) {
        throw new AlreadyExistsException(
            "ALREADY_EXISTS: " + c.id(), ErrorCode.ALREADY_EXISTS, Stage.ENDORSE, null, null);
      }
      return true;
    }
    List<RegistryRecord> list = new ArrayList<>();
    list.add(
        TestRecords.record(
            c.id(),
            RecordKind.CERTIFICATE,
            TestRecords.MSP,
            c.documentHash(),
            c.documentType(),
            RecordStatus.ACTIVE,
            null,
            "tx-" + (++tx)));
    versions.put(c.id(), list);
    idOfHash.put(c.documentHash(), c.id());
    return false;
  }

  @Override
  public Ack anchor(AnchorRequest request) throws RegistryException {
    Fault fault = nextWriteFault();
    if (fault == Fault.BEFORE) {
      throw unreachable();
    }
    boolean already = put(request.certificate());
    if (fault == Fault.AFTER) {
      throw unknown();
    }
    return new Ack("tx", already);
  }

  @Override
  public BatchReport anchorBatch(List<AnchorRequest> requests) throws RegistryException {
    Fault fault = nextWriteFault();
    List<RecordOutcome> outcomes = new ArrayList<>();
    for (AnchorRequest r : requests) {
      String id = r.certificate().id();
      if (fault == Fault.BEFORE) {
        outcomes.add(new RecordOutcome(id, RecordOutcome.Status.FAILED, null, "UNAVAILABLE"));
        continue;
      }
      boolean already = put(r.certificate());
      outcomes.add(
          new RecordOutcome(
              id,
              fault == Fault.AFTER
                  ? RecordOutcome.Status.OUTCOME_UNKNOWN
                  : already ? RecordOutcome.Status.ALREADY_ANCHORED : RecordOutcome.Status.ANCHORED,
              "tx",
              null));
    }
    return new BatchReport(outcomes);
  }

  @Override
  public Ack revoke(String id, String reason) throws RegistryException {
    Fault fault = nextWriteFault();
    if (fault == Fault.BEFORE) {
      throw unreachable();
    }
    synchronized (this) {
      List<RegistryRecord> v = versions.get(id);
      if (v == null) {
        throw new NotFoundException(
            "RECORD_NOT_FOUND: " + id, ErrorCode.RECORD_NOT_FOUND, Stage.ENDORSE, null, null);
      }
      RegistryRecord current = v.get(v.size() - 1);
      if (current.status() != RecordStatus.REVOKED) {
        v.add(TestRecords.revoked(current, reason));
      }
    }
    if (fault == Fault.AFTER) {
      throw unknown();
    }
    return new Ack("tx-r", false);
  }

  @Override
  public Verdict verify(String documentHash) throws RegistryException {
    int n = reads.incrementAndGet();
    if (failReadEvery > 0 && n % failReadEvery == 0) {
      throw unreachable();
    }
    if (forcedVerdict != null) {
      return forcedVerdict;
    }
    synchronized (this) {
      String id = idOfHash.get(documentHash);
      if (id == null) {
        return Verdict.UNKNOWN;
      }
      List<RegistryRecord> v = versions.get(id);
      return v.get(v.size() - 1).status() == RecordStatus.REVOKED ? Verdict.REVOKED : Verdict.VALID;
    }
  }

  /** Removes a record as if the ledger lost it. */
  synchronized void lose(String id) {
    versions.remove(id);
  }

  /** Every record as the type index would list it, with its history. */
  synchronized LedgerSnapshot snapshot() {
    List<LedgerSnapshot.Entry> listed = new ArrayList<>();
    for (List<RegistryRecord> v : versions.values()) {
      listed.add(TestRecords.entry(v.toArray(RegistryRecord[]::new)));
    }
    return new LedgerSnapshot(listed, Map.of());
  }

  synchronized int records() {
    return versions.size();
  }
}
