package org.servicerecords.registry.cli;

import java.io.PrintStream;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.RegistryRecord;

/** Human or JSON output of the CLI. */
final class Output {

  final PrintStream out;
  final PrintStream err;
  final boolean json;

  Output(PrintStream out, PrintStream err, boolean json) {
    this.out = out;
    this.err = err;
    this.json = json;
  }

  void json(Object value) {
    out.println(CanonicalJson.toJson(value));
  }

  void record(RegistryRecord r) {
    if (json) {
      json(r);
      return;
    }
    out.printf("record      %s (%s %s)%n", r.id(), r.kind(), r.documentType());
    out.printf("status      %s%n", r.status());
    out.printf("issuer MSP  %s%n", r.issuerMsp());
    out.printf("hash        %s%n", r.documentHash());
    out.printf(
        "valid       %s .. %s%n",
        r.validFrom(), r.validUntil() == null ? "(no end)" : r.validUntil());
    if (r.supersedes() != null) {
      out.printf("supersedes  %s%n", r.supersedes());
    }
    if (r.supersededBy() != null) {
      out.printf("superseded  by %s%n", r.supersededBy());
    }
    if (r.revocation() != null) {
      out.printf("revoked     %s at %s%n", r.revocation().reasonCode(), r.revocation().revokedAt());
    }
    if (r.decision() != null) {
      out.printf(
          "decision    %s on application %s (%s)%n",
          r.decision().outcome(), r.decision().applicationId(), r.decision().legalBasis());
      if (r.decision().inputRecords() != null) {
        for (var ref : r.decision().inputRecords()) {
          out.printf("input       %s:%s%n", ref.namespace(), ref.id());
        }
      }
    }
    out.printf("tx          %s at %s%n", r.txId(), r.timestamp());
  }

  void error(String message) {
    err.println("registry: " + message);
  }
}
