package org.servicerecords.registry.client.internal.audit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.servicerecords.registry.client.Attestation;
import org.servicerecords.registry.client.Auditor;
import org.servicerecords.registry.client.ChainReport;
import org.servicerecords.registry.client.ChainVerification;
import org.servicerecords.registry.client.EventHandler;
import org.servicerecords.registry.client.EventScan;
import org.servicerecords.registry.client.ExportFormat;
import org.servicerecords.registry.client.GovernanceSnapshot;
import org.servicerecords.registry.client.InvalidStateException;
import org.servicerecords.registry.client.ListQuery;
import org.servicerecords.registry.client.ListRequest;
import org.servicerecords.registry.client.PortableProof;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.WatchRequest;
import org.servicerecords.registry.client.WatchSummary;
import org.servicerecords.registry.client.internal.audit.chain.BlockHashes;
import org.servicerecords.registry.client.internal.audit.chain.ChainVerifier;
import org.servicerecords.registry.client.internal.proof.ProofExporter;
import org.servicerecords.registry.client.internal.submit.Connector;
import org.servicerecords.registry.client.internal.submit.ConnectorEndpoints;
import org.servicerecords.registry.client.internal.submit.Ledger;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.AgencyHistoryEntry;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ConsortiumMembers;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordPage;
import org.servicerecords.registry.model.RegistryRecord;

/** Audit reads over one connection. */
public final class AuditorImpl implements Auditor {

  static final List<String> CSV_HEADER =
      List.of(
          "namespace",
          "id",
          "txId",
          "timestamp",
          "deleted",
          "kind",
          "documentType",
          "status",
          "issuerMsp",
          "documentHash",
          "subjectRef",
          "validFrom",
          "validUntil",
          "supersedes",
          "supersededBy",
          "revocationReason",
          "actorMsp",
          "actorRole");

  private static final int PAGE = 500;

  private final Ledger ledger;

  public AuditorImpl(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public List<RecordHistoryEntry> history(String namespace, String id) throws RegistryException {
    return ledger.evaluateList(
        RecordHistoryEntry[].class, ledger.namespaceOf(namespace), "GetHistory", id);
  }

  @Override
  public RecordPage list(ListRequest request) throws RegistryException {
    return ledger.evaluate(
        RecordPage.class,
        ledger.namespaceOf(request.namespace()),
        request.query().function(),
        request.value(),
        Integer.toString(request.pageSize()),
        request.bookmark().orElse(""));
  }

  @Override
  public long export(
      List<String> namespaces, ExportFormat format, Writer out, LongConsumer progress)
      throws IOException, RegistryException {
    GovernanceSnapshot governance = ledger.reloadGovernance();
    List<String> chosen = new ArrayList<>();
    if (namespaces.isEmpty()) {
      chosen.addAll(governance.namespaces());
    } else {
      for (String ns : namespaces) {
        chosen.add(ledger.namespaceOf(ns));
      }
    }
    if (format == ExportFormat.CSV) {
      out.write(Csv.row(CSV_HEADER));
    }
    long written = 0;
    for (String ns : chosen) {
      AgencyEntry agency = governance.agencyOfNamespace(ns);
      Set<String> types = new TreeSet<>();
      if (agency != null) {
        types.addAll(agency.documentTypes() == null ? List.of() : agency.documentTypes());
        for (AgencyHistoryEntry entry :
            ledger.evaluateList(
                AgencyHistoryEntry[].class,
                ledger.connector().profile().governanceChaincode(),
                "GetAgencyHistory",
                agency.msp())) {
          if (entry.agency() != null && entry.agency().documentTypes() != null) {
            types.addAll(entry.agency().documentTypes());
          }
        }
      }
      Set<String> done = new LinkedHashSet<>();
      for (String type : types) {
        String bookmark = "";
        do {
          RecordPage page =
              list(
                  ListRequest.of(ns, ListQuery.TYPE, type)
                      .pageSize(PAGE)
                      .bookmark(bookmark)
                      .build());
          for (RegistryRecord record :
              page.records() == null ? List.<RegistryRecord>of() : page.records()) {
            if (!done.add(record.id())) {
              continue;
            }
            List<RecordHistoryEntry> history = history(ns, record.id());
            write(format, out, ns, record, history);
            written++;
            progress.accept(written);
          }
          bookmark = page.bookmark() == null ? "" : page.bookmark();
          if (page.records() == null || page.records().isEmpty()) {
            bookmark = "";
          }
        } while (!bookmark.isEmpty());
      }
    }
    out.flush();
    return written;
  }

  private static void write(
      ExportFormat format,
      Writer out,
      String ns,
      RegistryRecord record,
      List<RecordHistoryEntry> history)
      throws IOException {
    if (format == ExportFormat.JSONL) {
      JsonObject line = new JsonObject();
      line.addProperty("namespace", ns);
      line.add("record", CanonicalJson.parseStrict(CanonicalJson.toJson(record)));
      JsonArray versions = new JsonArray();
      for (RecordHistoryEntry entry : history) {
        versions.add(CanonicalJson.parseStrict(CanonicalJson.toJson(entry)));
      }
      line.add("history", versions);
      out.write(CanonicalJson.toJson(line));
      out.write('\n');
      return;
    }
    for (RecordHistoryEntry entry : history) {
      out.write(Csv.row(csvFields(ns, record.id(), entry)));
    }
  }

  static List<String> csvFields(String ns, String id, RecordHistoryEntry entry) {
    RegistryRecord r = entry.record();
    List<String> row = new ArrayList<>();
    row.add(ns);
    row.add(id);
    row.add(entry.txId());
    row.add(entry.timestamp());
    row.add(Boolean.toString(entry.deleted()));
    if (r == null) {
      while (row.size() < CSV_HEADER.size()) {
        row.add("");
      }
      return row;
    }
    row.add(r.kind() == null ? "" : r.kind().name());
    row.add(r.documentType());
    row.add(r.status() == null ? "" : r.status().name());
    row.add(r.issuerMsp());
    row.add(r.documentHash());
    row.add(r.subjectRef());
    row.add(r.validFrom());
    row.add(r.validUntil());
    row.add(r.supersedes());
    row.add(r.supersededBy());
    row.add(r.revocation() == null ? null : r.revocation().reasonCode());
    row.add(r.actor() == null ? null : r.actor().msp());
    row.add(r.actor() == null ? null : r.actor().role());
    return row;
  }

  @Override
  public WatchSummary watch(WatchRequest request, EventHandler handler)
      throws RegistryException, IOException {
    return watcher(request.namespace()).watch(request.checkpoint(), request.startBlock(), handler);
  }

  @Override
  public EventScan scanEvents(String namespace, long fromBlock, long toBlock)
      throws RegistryException {
    if (fromBlock < 0) {
      throw new IllegalArgumentException("fromBlock must be 0 or more: " + fromBlock);
    }
    EventWatcher watcher = watcher(namespace);
    long last = height() - 1;
    return watcher.scan(fromBlock, toBlock < 0 || toBlock > last ? last : toBlock);
  }

  @Override
  public ChainReport verifyChain(ChainVerification request) throws RegistryException {
    long last = height() - 1;
    long to = request.to().isPresent() ? Math.min(request.to().getAsLong(), last) : last;
    long from = request.from();
    if (from > last) {
      throw new IllegalArgumentException(
          "from " + from + " is beyond the ledger's last block " + last);
    }
    ChainVerifier verifier;
    if (from == 0) {
      verifier = ChainVerifier.fromGenesis(request.timeTolerance());
    } else {
      Block previous = blockByNumber(from - 1);
      long configNumber;
      try {
        configNumber = ChainVerifier.lastConfigOf(previous);
      } catch (InvalidProtocolBufferException e) {
        throw RegistryException.at(
            Stage.EVALUATE, "block " + (from - 1) + " names no configuration block", null, e);
      }
      verifier =
          ChainVerifier.after(
              from - 1,
              BlockHashes.headerHash(previous.getHeader()),
              blockByNumber(configNumber),
              request.timeTolerance());
    }
    PeerComparison comparison =
        request.comparePeers()
            ? PeerComparison.of(ledger.connector().profile(), ledger.connector().credentials())
            : null;
    return new ChainWalk(new BlockEndpoints(ledger))
        .walk(verifier, from, to, request.progress(), comparison);
  }

  /** One block (qscc {@code GetBlockByNumber}). */
  private Block blockByNumber(long number) throws RegistryException {
    byte[] bytes =
        ledger.evaluate(
            Connector.QSCC, "GetBlockByNumber", ledger.channel(), Long.toString(number));
    try {
      return Block.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw RegistryException.at(Stage.EVALUATE, "unreadable block " + number, null, e);
    }
  }

  /** The ledger's height (qscc {@code GetChainInfo}): one more than its last block's number. */
  private long height() throws RegistryException {
    byte[] bytes = ledger.evaluate(Connector.QSCC, "GetChainInfo", ledger.channel());
    try {
      return BlockchainInfo.parseFrom(bytes).getHeight();
    } catch (InvalidProtocolBufferException e) {
      throw RegistryException.at(Stage.EVALUATE, "unreadable chain information", null, e);
    }
  }

  private EventWatcher watcher(String namespace) throws RegistryException {
    EventWatcher.Endpoints endpoints = new BlockEndpoints(ledger);
    // Read afresh at every subscription: a watch may run for months across configuration changes.
    return new EventWatcher(endpoints, () -> ledger.channelMsps(true), eventRule(namespace));
  }

  /**
   * Whose endorsements make a namespace's events count: the owning agency's peer for a records
   * namespace; for governance a majority of the consortium's members, or, before the members are
   * set, of the channel's organisations with peers (those the channel's MAJORITY counts).
   */
  EventRule eventRule(String namespace) throws RegistryException {
    String governance = ledger.connector().profile().governanceChaincode();
    if (namespace.equals(governance)) {
      List<String> members;
      try {
        members = ledger.evaluate(ConsortiumMembers.class, governance, "GetMembers").members();
      } catch (InvalidStateException e) {
        members = ledger.channelMsps(false).peerOrganizationsOtherThan("");
      }
      return EventRule.majority(governance, members);
    }
    String ns = ledger.namespaceOf(namespace);
    return EventRule.owner(ns, ledger.governance().agencyOfNamespace(ns).msp());
  }

  @Override
  public long blockNumberOf(String transactionId) throws RegistryException {
    String channel = ledger.channel();
    // A system chaincode: the function goes out unqualified (see Connector.contractNameOf).
    byte[] bytes = ledger.evaluate(Connector.QSCC, "GetBlockByTxID", channel, transactionId);
    try {
      return Block.parseFrom(bytes).getHeader().getNumber();
    } catch (InvalidProtocolBufferException e) {
      throw RegistryException.at(
          Stage.EVALUATE, "unreadable block for transaction " + transactionId, transactionId, e);
    }
  }

  @Override
  public PortableProof exportProof(String namespace, String id, Attestation attestation)
      throws RegistryException {
    java.util.Objects.requireNonNull(namespace, "namespace");
    java.util.Objects.requireNonNull(id, "id");
    java.util.Objects.requireNonNull(attestation, "attestation");
    return new ProofExporter(ledger).export(namespace, id, attestation);
  }

  /** The connector's endpoints and their streams of full blocks. */
  private static final class BlockEndpoints extends ConnectorEndpoints
      implements EventWatcher.Endpoints {
    private final String channel;

    BlockEndpoints(Ledger ledger) {
      super(ledger.connector());
      this.channel = ledger.channel();
    }

    @Override
    public CloseableIterator<Block> blocks(int index, long startBlock) throws RegistryException {
      return connector
          .gateway(index)
          .getNetwork(channel)
          .newBlockEventsRequest()
          .startBlock(startBlock)
          .build()
          .getEvents();
    }
  }
}
