package org.servicerecords.registry.client;

import java.util.List;
import java.util.Objects;
import org.servicerecords.registry.model.RecordEvent;

/**
 * One transaction of a namespace as {@link Auditor#scanEvents} judged it: every transaction whose
 * chaincode action carries an event of the namespace (valid or not), and every VALID transaction of
 * the namespace that writes an implicit private collection other than the owner's, whether or not
 * it carries an event.
 *
 * @param blockNumber the block holding it
 * @param transactionId the transaction id
 * @param validationCode Fabric's validation code from the block's metadata ({@code VALID}, {@code
 *     MVCC_READ_CONFLICT}, ...)
 * @param endorsingMsps the organisations its endorsements name, in endorsement order, as claimed
 * @param event the event's payload (entries empty when it is not a registry event), or {@code null}
 *     when the transaction carries no event of the namespace
 * @param foreignCollections the implicit private collections of the namespace it writes other than
 *     the owner's (empty for the owner's own writes)
 * @param reason why its event is not to be trusted, or {@code null} when it is accepted
 * @param detail what the check found, or {@code null} when accepted
 */
public record ScannedTransaction(
    long blockNumber,
    String transactionId,
    String validationCode,
    List<String> endorsingMsps,
    RecordEvent event,
    List<String> foreignCollections,
    IgnoredEvent.Reason reason,
    String detail) {

  /** Checks the fields and copies the lists. */
  public ScannedTransaction {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(validationCode, "validationCode");
    endorsingMsps = List.copyOf(Objects.requireNonNull(endorsingMsps, "endorsingMsps"));
    foreignCollections =
        List.copyOf(Objects.requireNonNull(foreignCollections, "foreignCollections"));
    if ((reason == null) != (detail == null)) {
      throw new IllegalArgumentException("a reason goes with a detail, and only with one");
    }
  }

  /**
   * Says whether the transaction's event is accepted: VALID, endorsed as the namespace's rule
   * requires, writing no foreign implicit collection.
   *
   * @return true when accepted
   */
  public boolean accepted() {
    return reason == null;
  }

  /**
   * Says whether the transaction carries an event of the namespace.
   *
   * @return true when it does
   */
  public boolean carriesEvent() {
    return event != null;
  }

  /**
   * The transaction as an ignored event.
   *
   * @param namespace the namespace
   * @return the ignored event
   * @throws IllegalStateException when the transaction was accepted
   */
  public IgnoredEvent asIgnored(String namespace) {
    if (reason == null) {
      throw new IllegalStateException("transaction " + transactionId + " was accepted");
    }
    return new IgnoredEvent(
        blockNumber, transactionId, namespace, endorsingMsps, foreignCollections, reason, detail);
  }
}
