package org.servicerecords.registry.model;

/**
 * The argument of {@code records:RecordApplication}: the receipt of a citizen's application.
 *
 * @param applicationId the application's id, same charset as record ids
 * @param serviceCode the public service applied for, same charset as ids, at most 64 characters
 * @param receivedAt when the application was received (ISO-8601 instant, asserted by the agency)
 */
public record ApplicationRequest(String applicationId, String serviceCode, String receivedAt) {}
