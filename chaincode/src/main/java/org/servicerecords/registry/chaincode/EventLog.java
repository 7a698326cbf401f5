package org.servicerecords.registry.chaincode;

import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.RecordEvent;

/** Collects a submitted transaction's changes and emits them as its one {@code registry} event. */
final class EventLog {

  static final String KIND_APPLICATION = "APPLICATION";
  static final String KIND_AGENCY = "AGENCY";
  static final String KIND_CONSORTIUM = "CONSORTIUM";

  private final List<RecordEvent.Entry> entries = new ArrayList<>();

  EventLog add(String id, String kind, String action) {
    if (entries.size() == RecordEvent.MAX_ENTRIES) {
      throw new IllegalStateException("more event entries than " + RecordEvent.MAX_ENTRIES);
    }
    entries.add(new RecordEvent.Entry(id, kind, action));
    return this;
  }

  void emit(ChaincodeStub stub, String namespace) {
    stub.setEvent(RecordEvent.NAME, CanonicalJson.toBytes(new RecordEvent(namespace, entries)));
  }
}
