package org.servicerecords.registry.client;

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
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.protos.common.Block;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.AgencyHistoryEntry;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.JsonFormatException;
import org.servicerecords.registry.model.RecordEvent;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordPage;
import org.servicerecords.registry.model.RegistryRecord;

/** Audit reads over one connection. */
final class AuditorImpl implements Auditor {

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

  AuditorImpl(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public List<RecordHistoryEntry> history(String namespace, String id) throws RegistryException {
    return ledger.evaluateList(
        RecordHistoryEntry[].class, ledger.namespaceOf(namespace), "GetHistory", id);
  }

  @Override
  public RecordPage list(
      String namespace, ListQuery query, String value, int pageSize, String bookmark)
      throws RegistryException {
    return ledger.evaluate(
        RecordPage.class,
        ledger.namespaceOf(namespace),
        query.function(),
        value,
        Integer.toString(pageSize),
        bookmark == null ? "" : bookmark);
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
          RecordPage page = list(ns, ListQuery.TYPE, type, PAGE, bookmark);
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
  public void watch(
      String namespace, FileCheckpoint checkpoint, long fromBlock, EventHandler handler)
      throws RegistryException, IOException {
    String chaincode =
        namespace.equals(ledger.connector().profile().governanceChaincode())
            ? namespace
            : ledger.namespaceOf(namespace);
    Connector connector = ledger.connector();
    int failures = 0;
    while (true) {
      int index = connector.preferred();
      // Every (re)subscription starts a new stream: startBlock makes the checkpoint look for its
      // position in the replayed block again, so nothing already handled counts as new.
      long start = checkpoint.startBlock(fromBlock);
      try (CloseableIterator<ChaincodeEvent> events =
          connector
              .gateway(index)
              .getNetwork(ledger.channel())
              .newChaincodeEventsRequest(chaincode)
              .startBlock(start)
              .build()
              .getEvents()) {
        while (events.hasNext()) {
          ChaincodeEvent event = events.next();
          failures = 0;
          if (!checkpoint.isNew(event.getBlockNumber(), event.getTransactionId())) {
            continue;
          }
          RecordEvent payload = payload(event);
          boolean goOn;
          try {
            goOn =
                handler.handle(
                    new RegistryEventRecord(
                        event.getBlockNumber(),
                        event.getTransactionId(),
                        event.getChaincodeName(),
                        payload));
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new RegistryException(
                "event handler failed: " + e.getMessage(),
                null,
                Stage.EVENTS,
                event.getTransactionId(),
                null,
                e);
          }
          checkpoint.checkpoint(event.getBlockNumber(), event.getTransactionId());
          if (!goOn) {
            return;
          }
        }
        return;
      } catch (GatewayRuntimeException e) {
        RegistryException mapped = ErrorMapper.fromGateway(e, Stage.EVENTS);
        if (!(mapped instanceof NetworkException) || ++failures > connector.endpointCount()) {
          throw mapped;
        }
        connector.answered((index + 1) % connector.endpointCount());
      } catch (NetworkException e) {
        // This endpoint's connection could not be set up: the next one may work.
        if (++failures > connector.endpointCount()) {
          throw e;
        }
        connector.answered((index + 1) % connector.endpointCount());
      }
    }
  }

  private static RecordEvent payload(ChaincodeEvent event) {
    try {
      return CanonicalJson.fromBytes(event.getPayload(), RecordEvent.class);
    } catch (JsonFormatException e) {
      return new RecordEvent(event.getChaincodeName(), List.of());
    }
  }

  @Override
  public long blockNumberOf(String transactionId) throws RegistryException {
    String channel = ledger.channel();
    // A system chaincode: the function goes out unqualified (see Connector.contractNameOf).
    byte[] bytes = ledger.evaluate(Connector.QSCC, "GetBlockByTxID", channel, transactionId);
    try {
      return Block.parseFrom(bytes).getHeader().getNumber();
    } catch (InvalidProtocolBufferException e) {
      throw new RegistryException(
          "unreadable block for transaction " + transactionId,
          null,
          Stage.EVALUATE,
          transactionId,
          null,
          e);
    }
  }
}
