package org.servicerecords.registry.model;

import java.util.List;

/**
 * Decision-specific fields of a {@link RecordKind#DECISION} record.
 *
 * @param applicationId the application decided on (see {@link ApplicationReceipt})
 * @param serviceCode the public service applied for
 * @param outcome the outcome
 * @param legalBasis legal basis code
 * @param receivedAt when the application was received (ISO-8601 instant)
 * @param decidedAt when the decision was taken (ISO-8601 instant, the transaction timestamp)
 * @param inputRecords records the decision relied on, in any namespace
 * @param resultRecordIds certificates of this namespace issued as a result of the decision
 */
public record Decision(
    String applicationId,
    String serviceCode,
    DecisionOutcome outcome,
    String legalBasis,
    String receivedAt,
    String decidedAt,
    List<RecordRef> inputRecords,
    List<String> resultRecordIds) {

  /** Copies the lists so the value cannot change. */
  public Decision {
    inputRecords = inputRecords == null ? null : List.copyOf(inputRecords);
    resultRecordIds = resultRecordIds == null ? null : List.copyOf(resultRecordIds);
  }
}
