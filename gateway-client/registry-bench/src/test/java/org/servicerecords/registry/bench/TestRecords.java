package org.servicerecords.registry.bench;

import java.util.ArrayList;
import java.util.List;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Revocation;

/** Made-up ledger records for the oracle's and the mixed load's tests. */
final class TestRecords {

  static final String MSP = "JusticeMSP";
  static final String TYPE = "BIRTH_CERTIFICATE";

  private TestRecords() {}

  /** The document hash the load gives a record id. */
  static String hash(String id) {
    return RecordFactory.sha256("document:" + id);
  }

  /** An ACTIVE certificate of {@link #MSP}. */
  static RegistryRecord active(String id, String hash, String type) {
    return record(
        id, RecordKind.CERTIFICATE, MSP, hash, type, RecordStatus.ACTIVE, null, "tx-a-" + id);
  }

  /** An ACTIVE certificate with the load's hash and {@link #TYPE}. */
  static RegistryRecord active(String id) {
    return active(id, hash(id), TYPE);
  }

  /** The REVOKED version of a record. */
  static RegistryRecord revoked(RegistryRecord r, String reason) {
    return record(
        r.id(),
        r.kind(),
        r.issuerMsp(),
        r.documentHash(),
        r.documentType(),
        RecordStatus.REVOKED,
        reason,
        "tx-r-" + r.id());
  }

  static RegistryRecord record(
      String id,
      RecordKind kind,
      String msp,
      String hash,
      String type,
      RecordStatus status,
      String reason,
      String txId) {
    return new RegistryRecord(
        id,
        kind,
        type,
        msp,
        hash,
        RecordFactory.sha256("subject:" + id),
        "2026-12-06T10:00:00Z",
        null,
        status,
        null,
        null,
        reason == null ? null : new Revocation(reason, "2026-12-06T10:00:01Z", null),
        null,
        null,
        null,
        null,
        false,
        null,
        txId,
        "2026-12-06T10:00:00Z");
  }

  /** A history entry of a version. */
  static RecordHistoryEntry version(RegistryRecord r) {
    return new RecordHistoryEntry(r.txId(), r.timestamp(), false, r);
  }

  /** A ledger entry: the current record is the last version; the history is newest first. */
  static LedgerSnapshot.Entry entry(RegistryRecord... oldestFirst) {
    List<RecordHistoryEntry> history = new ArrayList<>();
    for (RegistryRecord r : oldestFirst) {
      history.add(0, version(r));
    }
    RegistryRecord current = oldestFirst[oldestFirst.length - 1];
    return new LedgerSnapshot.Entry(current.id(), current, history);
  }
}
