package org.servicerecords.registry.model;

/** What a ledger record stands for. */
public enum RecordKind {
  /** A document an agency issued: certificate, licence, permit, registration. */
  CERTIFICATE,
  /** The outcome of a citizen's application. */
  DECISION
}
