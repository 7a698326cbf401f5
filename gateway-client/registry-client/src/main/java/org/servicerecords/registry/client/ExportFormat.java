package org.servicerecords.registry.client;

/** Formats of {@link Auditor#export}. */
public enum ExportFormat {
  /** One JSON object per record: {@code {"namespace":..,"record":..,"history":[..]}}. */
  JSONL,
  /** One CSV row per record version, newest first per record, with a header line. */
  CSV
}
