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
   * @param request the namespace, index and value, page size and the previous page's bookmark
   * @return the page
   * @throws RegistryException if the query fails
   */
  RecordPage list(ListRequest request) throws RegistryException;

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
   * Listens to a namespace's registry events, resuming after the request's checkpoint (or from its
   * {@code startBlock} when the checkpoint holds no position), checkpointing after each handled
   * event. Returns when the handler says stop, or throws when the stream fails for good.
   * Resubscriptions after a lost connection and restarts with the same checkpoint file ({@link
   * Checkpoint#file}) neither miss nor repeat an event; only a crash between a handler's completion
   * and its checkpoint write makes that one event come again (at least once across a crash), so
   * handlers should be idempotent, keyed by block number and transaction id.
   *
   * <p>Events are hints: any organisation can commit a VALID transaction in another agency's
   * namespace that writes only its own implicit private collection and carries an event in that
   * namespace's name. So the events are read from full blocks (Gateway block events) and an event
   * reaches {@link EventHandler#handle} only when its transaction is VALID (the block's validation
   * flags), its endorsed response answers its proposal, at least one endorsement is by a peer of
   * the namespace's owner (governance's agency for the namespace) — the certificate chaining to
   * that organisation's roots in the channel configuration, valid at the transaction's timestamp,
   * holding the peer NodeOU, the signature verifying over the proposal response payload and the
   * endorser — and it writes no implicit collection of the namespace but the owner's. For the
   * governance chaincode (policy MAJORITY) checked peer endorsements of a majority of the
   * consortium's members ({@code governance:GetMembers}; before the members are set, of the
   * channel's organisations with peers) are required instead. Every other event goes to {@link
   * EventHandler#ignored} with its {@link IgnoredEvent.Reason} and is counted; the checkpoint moves
   * past it too.
   *
   * @param request the namespace (or MSP id, or the governance chaincode name), the checkpoint and
   *     the first block without a position
   * @param handler the handler
   * @return how many events were delivered and ignored by this call
   * @throws RegistryException if the stream fails
   * @throws IOException if the checkpoint cannot be written
   */
  WatchSummary watch(WatchRequest request, EventHandler handler)
      throws RegistryException, IOException;

  /**
   * Reads blocks {@code fromBlock} to {@code toBlock} and judges, as {@link #watch} does, every
   * transaction of the namespace that carries an event of it: accepted, or ignored with the reason.
   * VALID transactions of the namespace that write an implicit private collection other than the
   * owner's ({@code _implicit_org_<OwnerMSP>}), the write pattern of the fake-event attack, are
   * reported as ignored ({@link IgnoredEvent.Reason#FOREIGN_COLLECTION_WRITE}) even without an
   * event.
   *
   * @param namespace the namespace (or MSP id, or the governance chaincode name)
   * @param fromBlock the first block (0 or more)
   * @param toBlock the last block; negative, or beyond the ledger's last block, for the last block
   * @return the transactions judged and the counts
   * @throws RegistryException if the blocks cannot be read
   * @throws IllegalArgumentException if {@code fromBlock} is negative
   */
  EventScan scanEvents(String namespace, long fromBlock, long toBlock) throws RegistryException;

  /**
   * Verifies the channel's blocks itself, without trusting the peer that serves them (Gateway block
   * events, full blocks): for every block from {@code from} to {@code to} (or the ledger's last
   * block) that its previous hash is the SHA-256 of the previous header (DER of number, previous
   * hash, data hash), that its data hash is the SHA-256 of its envelopes, and, from block 1 on,
   * that its orderer signatures verify with certificates of the channel's organisations and satisfy
   * the block validation policy of the configuration in force at that block (configuration blocks
   * are followed; Raft and BFT signatures); for every transaction that the creator's certificate
   * chains to its organisation's roots and its signature verifies, and for endorser transactions
   * that the transaction id, the proposal hash and every endorsement's certificate and signature
   * check out.
   *
   * <p>It does not (yet) evaluate endorsement policies, replay write sets to recompute the
   * validation flags, compare asserted timestamps with block order, or compare the chain head with
   * other peers'; see docs/audit.md. Starting above block 0 trusts the peer for block {@code from -
   * 1}'s header and for the configuration block it names.
   *
   * @param request the range and the progress listener
   * @return the report; findings never throw
   * @throws RegistryException if blocks cannot be read
   * @throws IllegalArgumentException if {@code from} is beyond the ledger's last block
   */
  ChainReport verifyChain(ChainVerification request) throws RegistryException;

  /**
   * Returns the number of the block that holds a transaction (one more query).
   *
   * @param transactionId the transaction id
   * @return the block number
   * @throws RegistryException if the ledger does not hold it
   */
  long blockNumberOf(String transactionId) throws RegistryException;

  /**
   * Exports a portable proof of a record (docs/proofs.md): its content as the anchoring transaction
   * wrote it, that transaction with its creator and endorsement signatures, the block that holds it
   * (header, every envelope, the orderer signatures), and an attestation of its current status:
   * {@code VerifyRecord} endorsed, never submitted, by peers of the namespace owner's organisation
   * and of {@code attestation.organizations() - 1} others. The proof is checked by {@link
   * ProofVerifier} offline, with only the consortium's root certificates; nothing read here is
   * trusted.
   *
   * @param namespace the record's namespace (or its agency's MSP id)
   * @param id the record id
   * @param attestation how many organisations attest the current status (at least 2 for a proof
   *     that verifies), and which to ask first
   * @return the proof file's bytes and what they are about
   * @throws NotFoundException if the namespace or the record is unknown
   * @throws RegistryException if a read or the attestation fails
   */
  PortableProof exportProof(String namespace, String id, Attestation attestation)
      throws RegistryException;
}
