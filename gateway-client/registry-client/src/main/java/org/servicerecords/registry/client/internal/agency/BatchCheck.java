package org.servicerecords.registry.client.internal.agency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.ContractException;
import org.servicerecords.registry.client.GovernanceSnapshot;
import org.servicerecords.registry.client.RecordOutcome;
import org.servicerecords.registry.client.RecordOutcome.Status;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RequestRules;

/**
 * A batch checked whole before anything of it is submitted: every record against the contract's
 * input rules, the ids of the batch, the signing certificate's role and document types, and the
 * agency's authority in the governance snapshot. Without partial mode, one invalid record stops the
 * whole batch.
 *
 * @param order the outcome key of each request, in request order (its id, or {@code #index} for a
 *     record without an id or with an id seen before)
 * @param outcomes the outcomes settled by the check (invalid records, and without partial mode the
 *     valid ones, not submitted), by key
 * @param toSubmit the records to submit, in request order; empty when the check stops the batch
 */
public record BatchCheck(
    List<String> order, Map<String, RecordOutcome> outcomes, List<AnchorRequest> toSubmit) {

  public BatchCheck {
    order = List.copyOf(order);
    outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    toSubmit = List.copyOf(toSubmit);
  }

  /**
   * Checks a batch.
   *
   * @param requests the records, in order
   * @param partial whether the valid records go ahead when some are invalid
   * @param rights the signing identity's rights
   * @param governance the governance snapshot
   * @param msp the signing identity's MSP
   * @param now the instant the agency's authority is checked at
   * @return the check's result
   */
  static BatchCheck of(
      List<AnchorRequest> requests,
      boolean partial,
      CallerRights rights,
      GovernanceSnapshot governance,
      String msp,
      Instant now) {
    Map<String, RecordOutcome> outcomes = new LinkedHashMap<>();
    List<AnchorRequest> valid = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      AnchorRequest request = requests.get(i);
      String id = request.certificate().id();
      String key = id == null || !seen.add(id) ? "#" + i : id;
      order.add(key);
      List<String> problems = problems(request, key, rights, governance, msp, now);
      if (problems.isEmpty()) {
        valid.add(request);
      } else {
        outcomes.put(
            key,
            new RecordOutcome(
                id == null ? "(record " + (i + 1) + ")" : id,
                Status.INVALID,
                null,
                "record " + (i + 1) + ": " + String.join("; ", problems)));
      }
    }
    if (outcomes.isEmpty() || partial) {
      return new BatchCheck(order, outcomes, valid);
    }
    for (AnchorRequest request : valid) {
      String id = request.certificate().id();
      outcomes.put(
          id,
          new RecordOutcome(
              id, Status.NOT_SUBMITTED, null, "batch has invalid records; nothing was submitted"));
    }
    return new BatchCheck(order, outcomes, List.of());
  }

  private static List<String> problems(
      AnchorRequest request,
      String key,
      CallerRights rights,
      GovernanceSnapshot governance,
      String msp,
      Instant now) {
    String id = request.certificate().id();
    List<String> problems = new ArrayList<>(RequestChecks.anchor(request));
    if (id != null && key.startsWith("#")) {
      problems.add(RequestRules.repeatedInBatch("id", id).detail());
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    String documentType = request.certificate().documentType();
    String notAllowed = rights.problemAnchoring(documentType);
    if (notAllowed != null) {
      problems.add(ErrorCode.NOT_AUTHORIZED.name() + ": " + notAllowed);
      return problems;
    }
    try {
      governance.checkMayIssue(msp, documentType, now);
    } catch (ContractException e) {
      problems.add(e.getMessage());
    }
    return problems;
  }
}
