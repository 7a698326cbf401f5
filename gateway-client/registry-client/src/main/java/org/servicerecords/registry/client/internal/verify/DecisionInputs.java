package org.servicerecords.registry.client.internal.verify;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.servicerecords.registry.client.DecisionInputsReport;
import org.servicerecords.registry.client.InvalidArgumentException;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.internal.submit.ErrorMapper;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RecordRef;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verdict;
import org.servicerecords.registry.model.Verification;

/**
 * Checks the records a decision relied on, in the library: the contract stores {@code
 * Decision.inputRecords} as given, since records namespaces never call each other (they share one
 * chaincode package, and a chaincode-to-chaincode call into the same package collides on the
 * transaction id). For each distinct reference, in parallel: governance must know the namespace
 * (else {@link Verdict#UNKNOWN} with a reason, and that namespace is never asked), then {@code
 * records:VerifyRecord(id, decidedAt)} in it gives the verdict at the decision's instant.
 *
 * <p>All reads go through {@link Reads}: {@link VerifierImpl} answers them with Gateway
 * evaluations, {@code DecisionInputsTest} with the real contract on chaincode's in-memory harness,
 * so both run this same code.
 */
public final class DecisionInputs {

  /**
   * The ledger reads the check rests on. An absent thing is {@code null}, never a {@link
   * NotFoundException}.
   */
  interface Reads {
    /**
     * {@code records:GetRecord} in a records namespace.
     *
     * @param namespace the records namespace
     * @param id the record id
     * @return the record as stored now, or {@code null} if none
     * @throws RegistryException if the read fails
     */
    RegistryRecord record(String namespace, String id) throws RegistryException;

    /**
     * Governance's agency owning a records namespace.
     *
     * @param namespace the records namespace
     * @return the agency, or {@code null} if no agency owns it
     * @throws RegistryException if the read fails
     */
    AgencyEntry agencyByNamespace(String namespace) throws RegistryException;

    /**
     * {@code records:VerifyRecord} in a records namespace.
     *
     * @param namespace the records namespace
     * @param id the record id
     * @param at the instant
     * @return the contract's verification ({@code UNKNOWN} for an absent record)
     * @throws RegistryException if the query fails or is refused
     */
    Verification verifyRecord(String namespace, String id, Instant at) throws RegistryException;
  }

  private final Reads reads;
  private final Executor executor;

  DecisionInputs(Reads reads, Executor executor) {
    this.reads = reads;
    this.executor = executor;
  }

  /**
   * Checks every input reference of a decision at its {@code decidedAt}.
   *
   * @param namespace the records namespace holding the decision
   * @param decisionId the decision's id
   * @return the report
   * @throws NotFoundException if the namespace holds no record with that id
   * @throws InvalidArgumentException if the record is not a decision
   * @throws RegistryException if the decision cannot be read, its stored fields are malformed or
   *     exceed the contract's limits, or a namespace's peers are unreachable ({@link
   *     NetworkException}); a namespace that answers with a refusal only makes its references
   *     UNKNOWN
   */
  DecisionInputsReport check(String namespace, String decisionId) throws RegistryException {
    RegistryRecord decision = reads.record(namespace, decisionId);
    if (decision == null) {
      throw ErrorMapper.forCode(
          ErrorCode.RECORD_NOT_FOUND,
          "no record '" + decisionId + "' in " + namespace,
          Stage.EVALUATE,
          null,
          null);
    }
    if (decision.kind() != RecordKind.DECISION) {
      throw ErrorMapper.forCode(
          ErrorCode.INVALID_ARGUMENT,
          "record '"
              + decisionId
              + "' in "
              + namespace
              + " is a "
              + decision.kind()
              + ", not a DECISION",
          Stage.LOCAL,
          null,
          null);
    }
    if (decision.decision() == null || decision.decision().decidedAt() == null) {
      throw unexpected(namespace, decisionId, "has no decision fields");
    }
    String decidedAtText = decision.decision().decidedAt();
    Instant decidedAt;
    try {
      decidedAt = Instant.parse(decidedAtText);
    } catch (DateTimeParseException e) {
      throw unexpected(namespace, decisionId, "has a malformed decidedAt '" + decidedAtText + "'");
    }
    List<RecordRef> refs =
        decision.decision().inputRecords() == null ? List.of() : decision.decision().inputRecords();
    if (refs.size() > InputRules.MAX_LIST) {
      throw unexpected(
          namespace,
          decisionId,
          "cites "
              + refs.size()
              + " input records, more than the contract allows ("
              + InputRules.MAX_LIST
              + ")");
    }
    Map<RecordRef, CompletableFuture<DecisionInputsReport.Input>> distinct = new LinkedHashMap<>();
    for (RecordRef ref : refs) {
      if (ref == null) {
        throw unexpected(namespace, decisionId, "cites a null input record");
      }
      distinct.computeIfAbsent(
          ref,
          r ->
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return checkOne(r, decidedAt);
                    } catch (RegistryException e) {
                      throw new CompletionException(e);
                    }
                  },
                  executor));
    }
    Map<RecordRef, DecisionInputsReport.Input> answers = new LinkedHashMap<>();
    for (Map.Entry<RecordRef, CompletableFuture<DecisionInputsReport.Input>> e :
        distinct.entrySet()) {
      answers.put(e.getKey(), VerifierImpl.join(e.getValue()));
    }
    List<DecisionInputsReport.Input> inputs = new ArrayList<>();
    for (RecordRef ref : refs) {
      inputs.add(answers.get(ref));
    }
    return DecisionInputsReport.of(namespace, decisionId, decidedAt.toString(), inputs);
  }

  private DecisionInputsReport.Input checkOne(RecordRef ref, Instant decidedAt)
      throws RegistryException {
    String ns = ref.namespace();
    String id = ref.id();
    if (ns == null
        || ns.length() > InputRules.MAX_NAMESPACE
        || !InputRules.NAMESPACE.matcher(ns).matches()) {
      return unknown(ref, "'" + ns + "' is not a records namespace name");
    }
    if (id == null || !InputRules.ID.matcher(id).matches()) {
      return unknown(ref, "'" + id + "' is not a record id");
    }
    if (reads.agencyByNamespace(ns) == null) {
      return unknown(ref, "no agency owns namespace '" + ns + "' in governance");
    }
    Verification v;
    try {
      v = reads.verifyRecord(ns, id, decidedAt);
    } catch (NetworkException e) {
      throw e;
    } catch (RegistryException e) {
      return unknown(ref, ns + " refused VerifyRecord: " + e.getMessage());
    }
    if (v == null || v.verdict() == null) {
      return unknown(ref, ns + " gave no verdict");
    }
    boolean anchoredAfter = anchoredAfter(v.record(), decidedAt);
    boolean valid = v.verdict() == Verdict.VALID && !anchoredAfter;
    return new DecisionInputsReport.Input(
        ref, v.verdict(), anchoredAfter, valid, valid ? null : reason(v, anchoredAfter), v);
  }

  /**
   * Whether the version the contract judged was written after the decision. Before its anchoring
   * the contract judges a record by its anchored version, whose timestamp is then later than the
   * instant asked about; any version in force at that instant is older.
   */
  private static boolean anchoredAfter(RegistryRecord version, Instant decidedAt) {
    if (version == null || version.timestamp() == null) {
      return false;
    }
    try {
      return Instant.parse(version.timestamp()).isAfter(decidedAt);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String reason(Verification v, boolean anchoredAfter) {
    RegistryRecord r = v.record();
    String verdictReason =
        switch (v.verdict()) {
          case VALID -> null;
          case UNKNOWN -> "no such record in " + v.namespace();
          case REVOKED ->
              r != null && r.revocation() != null
                  ? "revoked (" + r.revocation().reasonCode() + ") at " + r.revocation().revokedAt()
                  : "revoked";
          case SUPERSEDED ->
              "superseded"
                  + (v.currentRecordId() == null ? "" : "; in force now: " + v.currentRecordId());
          case EXPIRED -> r == null ? "expired" : "validity ended at " + r.validUntil();
          case NOT_YET_VALID -> r == null ? "not yet valid" : "valid only from " + r.validFrom();
          case ISSUER_NOT_AUTHORIZED ->
              "issuer not authorized for "
                  + (r == null ? "the type" : r.documentType())
                  + " in "
                  + v.namespace()
                  + " when it anchored the record";
        };
    String after =
        anchoredAfter && r != null ? "anchored at " + r.timestamp() + ", after the decision" : null;
    if (verdictReason == null) {
      return after;
    }
    return after == null ? verdictReason : verdictReason + "; " + after;
  }

  private static DecisionInputsReport.Input unknown(RecordRef ref, String reason) {
    return new DecisionInputsReport.Input(ref, Verdict.UNKNOWN, false, false, reason, null);
  }

  private static RegistryException unexpected(String namespace, String id, String what) {
    return RegistryException.evaluate(
        "unexpected answer from " + namespace + " GetRecord: decision '" + id + "' " + what);
  }
}
