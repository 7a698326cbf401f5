package org.servicerecords.registry.client;

import java.util.Objects;
import org.servicerecords.registry.model.RecordEvent;

/**
 * A registry event as delivered to a listener: where it was committed and what it says.
 *
 * @param blockNumber the block that committed the transaction
 * @param transactionId the transaction
 * @param chaincode the namespace that emitted it
 * @param event the payload
 */
public record RegistryEventRecord(
    long blockNumber, String transactionId, String chaincode, RecordEvent event) {

  /** Checks the fields. */
  public RegistryEventRecord {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(chaincode, "chaincode");
    Objects.requireNonNull(event, "event");
  }
}
