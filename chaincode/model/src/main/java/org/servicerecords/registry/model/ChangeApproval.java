package org.servicerecords.registry.model;

/**
 * One member organisation's approval of a governance change, stored under {@code ("approval",
 * changeId, approverMsp)} in the governance namespace and listed by {@code
 * governance:GetChangeApprovals}.
 *
 * @param changeId lowercase hex SHA-256 of the canonical JSON of {@code change}
 * @param change the change approved
 * @param actor who approved it (an {@code admin} of a member organisation; {@code actor.msp} is the
 *     approving organisation)
 * @param txId the approving transaction
 * @param timestamp that transaction's timestamp (ISO-8601 instant, client-asserted)
 */
public record ChangeApproval(
    String changeId, AgencyChange change, Actor actor, String txId, String timestamp) {}
