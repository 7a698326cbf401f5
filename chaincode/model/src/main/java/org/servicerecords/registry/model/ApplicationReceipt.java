package org.servicerecords.registry.model;

/**
 * The receipt of a citizen's application, recorded when the agency receives it and linked to the
 * decision taken on it.
 *
 * @param applicationId the application's id (same charset as record ids)
 * @param serviceCode the public service applied for
 * @param receivedAt when the application was received (ISO-8601 instant, asserted by the agency)
 * @param decisionId id of the decision record once decided, or {@code null}
 * @param actor who made this version
 * @param txId transaction that wrote this version
 * @param timestamp transaction timestamp of this version (ISO-8601 instant)
 */
public record ApplicationReceipt(
    String applicationId,
    String serviceCode,
    String receivedAt,
    String decisionId,
    Actor actor,
    String txId,
    String timestamp) {}
