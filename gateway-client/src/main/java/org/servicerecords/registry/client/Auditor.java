package org.servicerecords.registry.client;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordPage;

/**
 * What an auditor reads: record histories, listings with paging, a full export, and the event
 * stream with a persistent checkpoint. Obtain one from {@link RegistryConnection#auditor()}.
 */
public interface Auditor {

  /**
   * Returns a record's history, newest first; each version names who acted.
   *
   * @param namespace the namespace (or its agency's MSP id)
   * @param id the record id
   * @return the versions
   * @throws RegistryException if the query fails
   */
  List<RecordHistoryEntry> history(String namespace, String id) throws RegistryException;

  /**
   * Lists one page of records.
   *
   * @param namespace the namespace (or its agency's MSP id)
   * @param query the index
   * @param value the indexed value (document type, subject reference or application id)
   * @param pageSize 1 to 500
   * @param bookmark empty or {@code null} for the first page, else the previous page's bookmark
   * @return the page
   * @throws RegistryException if the query fails
   */
  RecordPage list(String namespace, ListQuery query, String value, int pageSize, String bookmark)
      throws RegistryException;

  /**
   * Writes every record of the given namespaces (all agencies when empty) with its history. The
   * records are found through the type index, for every document type governance ever allowed the
   * agency.
   *
   * @param namespaces namespaces or MSP ids; empty for every agency
   * @param format JSON lines or CSV
   * @param out where to write
   * @param progress called with the number of records written so far
   * @return the number of records written
   * @throws IOException if writing fails
   * @throws RegistryException if a query fails
   */
  long export(
      List<String> namespaces,
      ExportFormat format,
      Writer out,
      java.util.function.LongConsumer progress)
      throws IOException, RegistryException;

  /**
   * Listens to a namespace's registry events, resuming after the checkpoint (or from {@code
   * fromBlock} without one), checkpointing after each handled event. Returns when the handler says
   * stop, or throws when the stream fails for good. Resubscriptions after a lost connection and
   * restarts with the same checkpoint file neither miss nor repeat an event; only a crash between a
   * handler's completion and its checkpoint write makes that one event come again (at least once
   * across a crash), so handlers should be idempotent, keyed by block number and transaction id.
   *
   * @param namespace the namespace (or MSP id, or the governance chaincode name)
   * @param checkpoint the persistent position
   * @param fromBlock the first block without a checkpoint
   * @param handler the handler
   * @throws RegistryException if the stream fails
   * @throws IOException if the checkpoint cannot be written
   */
  void watch(String namespace, FileCheckpoint checkpoint, long fromBlock, EventHandler handler)
      throws RegistryException, IOException;

  /**
   * Returns the number of the block that holds a transaction (one more query).
   *
   * @param transactionId the transaction id
   * @return the block number
   * @throws RegistryException if the ledger does not hold it
   */
  long blockNumberOf(String transactionId) throws RegistryException;
}
