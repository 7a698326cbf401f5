package org.servicerecords.registry.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.servicerecords.registry.client.Attester;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verdict;
import org.servicerecords.registry.model.Verification;

/**
 * The API's answer to a verification, as the pages show it. It carries only what a verifier needs
 * and the ledger makes public: verdict, agency, document type, dates, revocation reason, the record
 * in force and the transaction. The record's subject reference, metadata, details commitment and
 * the officer who signed are left out: none of them helps a verifier, and an officer's enrolment id
 * names a person.
 *
 * @param verdict the overall verdict (the best of the records found, UNKNOWN when none)
 * @param sha256 the document hash asked, or the record's for a record lookup (null if unknown)
 * @param at the instant the verdict is for
 * @param checkedAt the portal's clock when it answered
 * @param attestedBy the organisations whose peers signed the answer
 * @param records one entry per record found
 */
record ReportView(
    Verdict verdict,
    String sha256,
    String at,
    String checkedAt,
    List<Agency> attestedBy,
    List<RecordView> records) {

  /** An agency, by MSP id and governance display name. */
  record Agency(String msp, String name) {}

  /** A transaction on the ledger. */
  record Transaction(String id, String timestamp) {}

  /** Why and when a record was revoked. */
  record RevocationView(String reason, String revokedAt) {}

  /** One record's verdict. */
  record RecordView(
      Verdict verdict,
      String namespace,
      String id,
      String kind,
      String documentType,
      String sha256,
      Agency issuer,
      String validFrom,
      String validUntil,
      String status,
      RevocationView revocation,
      String supersededBy,
      String currentRecordId,
      Transaction transaction) {

    static RecordView of(Verification verification) {
      RegistryRecord record = verification.record();
      return new RecordView(
          verification.verdict(),
          verification.namespace(),
          record.id(),
          record.kind() == null ? null : record.kind().name(),
          record.documentType(),
          record.documentHash(),
          new Agency(
              verification.issuer() == null ? record.issuerMsp() : verification.issuer(),
              verification.issuerDisplayName()),
          record.validFrom(),
          record.validUntil(),
          record.status() == null ? null : record.status().name(),
          record.revocation() == null
              ? null
              : new RevocationView(
                  record.revocation().reasonCode(), record.revocation().revokedAt()),
          record.supersededBy(),
          verification.currentRecordId(),
          new Transaction(record.txId(), record.timestamp()));
    }
  }

  /**
   * The view of a verification by hash.
   *
   * @param verdict the overall verdict
   * @param sha256 the hash asked
   * @param at the instant asked, or {@code null} for now
   * @param matches the records found (UNKNOWN answers are not records)
   * @param attesters who signed
   * @param names governance's display name per MSP id
   * @param now the portal's clock
   * @return the view
   */
  static ReportView of(
      Verdict verdict,
      String sha256,
      Instant at,
      List<Verification> matches,
      List<Attester> attesters,
      Map<String, String> names,
      Instant now) {
    List<RecordView> records = new ArrayList<>();
    for (Verification match : matches) {
      if (match.verdict() != Verdict.UNKNOWN && match.record() != null) {
        records.add(RecordView.of(match));
      }
    }
    Map<String, Agency> attestedBy = new LinkedHashMap<>();
    for (Attester attester : attesters) {
      attestedBy.putIfAbsent(
          attester.mspId(), new Agency(attester.mspId(), names.get(attester.mspId())));
    }
    return new ReportView(
        records.isEmpty() ? Verdict.UNKNOWN : verdict,
        sha256,
        (at == null ? now : at).toString(),
        now.toString(),
        List.copyOf(attestedBy.values()),
        List.copyOf(records));
  }
}
