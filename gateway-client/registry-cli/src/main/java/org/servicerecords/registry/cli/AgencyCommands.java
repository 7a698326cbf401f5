package org.servicerecords.registry.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import me.tongfei.progressbar.ProgressBar;
import org.servicerecords.registry.client.AnchorBatch;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.AnchorResult;
import org.servicerecords.registry.client.BatchReport;
import org.servicerecords.registry.client.RecordOutcome;
import org.servicerecords.registry.model.ApplicationReceipt;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.RecordRef;
import org.servicerecords.registry.model.RegistryRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands of an agency's officers: anchoring certificates ({@code issue}, {@code issue-batch},
 * {@code supersede}, {@code revoke}) and recording applications and decisions ({@code receive},
 * {@code decide}).
 */
final class AgencyCommands {

  private AgencyCommands() {}

  /** Options describing a certificate ({@code issue}, {@code supersede}). */
  static final class CertificateOptions {
    @Option(names = "--id", required = true, description = "Record id [A-Za-z0-9._:-]{1,128}")
    String id;

    @Option(names = "--type", required = true, description = "Document type")
    String type;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DocumentSource document;

    @Option(
        names = "--subject-ref",
        required = true,
        description = "Salted subject reference (32-128 chars)")
    String subjectRef;

    @Option(
        names = "--valid-from",
        required = true,
        description =
            "Start of validity (ISO-8601 instant). Required, not defaulted to now: a rerun of the"
                + " same command must send the same record")
    String validFrom;

    @Option(names = "--valid-until", description = "End of validity")
    String validUntil;

    @Option(names = "--application", description = "Application the certificate answers")
    String applicationId;

    @Option(names = "--meta", description = "Metadata KEY=VALUE (repeatable)")
    Map<String, String> metadata = new TreeMap<>();

    @Option(
        names = "--details-file",
        description =
            "JSON object of personal details (string values), sent only as private data; '-'"
                + " reads standard input. Never given as options: other users of the host can"
                + " read a command line")
    String detailsFile;

    AnchorRequest request() throws IOException {
      return new AnchorRequest(
          CertificateRequest.builder()
              .id(id)
              .documentType(type)
              .documentHash(document.resolve())
              .subjectRef(subjectRef)
              .validFrom(CliCommand.instantText(validFrom, "--valid-from"))
              .validUntil(CliCommand.instantText(validUntil, "--valid-until"))
              .applicationId(applicationId)
              .metadata(metadata.isEmpty() ? null : new TreeMap<>(metadata))
              .build(),
          detailsFile == null ? new TreeMap<>() : DetailsFile.read(detailsFile));
    }
  }

  /** {@code registry issue}. */
  @Command(
      name = "issue",
      exitCodeList = {
        " 0:anchored, or already anchored identically",
        " 9:anchored, but the personal details are not stored yet: run it again"
      },
      description = {
        "Anchor one certificate: its hash and a salted subject reference go on the ledger.",
        "Rerunning the same command is safe: an identical record is reported as already anchored."
      },
      footer = {
        "  registry --identity officer1 issue --id bc-7 --type BIRTH_CERTIFICATE \\",
        "      --file birth-certificate.pdf --subject-ref $SUBJECT_REF \\",
        "      --valid-from 2025-05-01T00:00:00Z --details-file details.json"
      })
  static final class Issue extends CliCommand {
    @Mixin CertificateOptions certificate;

    @Override
    public Integer call() throws Exception {
      AnchorRequest request = certificate.request();
      AnchorResult result = connected(c -> c.registryClient().anchorCertificate(request));
      List<String> lines = new ArrayList<>();
      if (result.alreadyAnchored()) {
        lines.add("already anchored (identical record on the ledger):");
      }
      lines.addAll(Output.recordLines(result.record()));
      out().print(result.record(), lines);
      return ExitCodes.OK;
    }
  }

  /** {@code registry issue-batch}. */
  @Command(
      name = "issue-batch",
      exitCodeList = {
        " 0:every record on the ledger",
        " 5:invalid rows and no --partial: nothing submitted",
        " 9:records not anchored or details pending (see the report): run it again"
      },
      description = {
        "Anchor a batch from a CSV file or a folder with batch.csv.",
        "Header: id,documentType,subjectRef,validFrom and documentHash or file (relative to the"
            + " CSV's folder); optional validUntil,applicationId, detail.NAME and meta.NAME"
            + " columns. A rerun anchors only what is missing."
      },
      footer = {"  registry --identity issuer1 issue-batch licences.csv --partial"})
  static final class IssueBatch extends CliCommand {
    @Parameters(paramLabel = "DIR|CSV", description = "CSV file, or folder holding batch.csv")
    Path source;

    @Option(names = "--partial", description = "Anchor the valid records even if some are invalid")
    boolean partial;

    @Option(
        names = "--metrics",
        description =
            "Print the library's submission counts on standard error at the end (resubmissions,"
                + " commit-status retries, ledger look-ups, unknown outcomes)")
    boolean metrics;

    @Override
    public Integer call() throws Exception {
      BatchFile.Parsed parsed = BatchFile.read(source);
      Output out = out();
      for (BatchFile.RowProblem p : parsed.problems()) {
        out.error(
            "line " + p.line() + (p.id() == null ? "" : " (" + p.id() + ")") + ": " + p.problem());
      }
      if (!parsed.problems().isEmpty() && !partial) {
        out.error("batch not submitted: fix the lines above or pass --partial");
        return ExitCodes.BAD_INPUT;
      }
      BatchReport report =
          connected(
              connection -> {
                BatchReport anchored;
                if (out.json) {
                  anchored =
                      connection
                          .registryClient()
                          .anchorBatch(AnchorBatch.of(parsed.requests()).partial(partial).build());
                } else {
                  try (ProgressBar bar = progress(out, "anchoring", parsed.requests().size())) {
                    anchored =
                        connection
                            .registryClient()
                            .anchorBatch(
                                AnchorBatch.of(parsed.requests())
                                    .partial(partial)
                                    .listener((d, t) -> bar.stepTo(d))
                                    .build());
                  }
                }
                if (metrics) {
                  out.error("submission metrics: " + connection.metrics());
                }
                return anchored;
              });
      out.print(report, Output.batch(report));
      if (report.complete() && parsed.problems().isEmpty()) {
        return ExitCodes.OK;
      }
      boolean anyInvalid =
          report.outcomes().stream().anyMatch(o -> o.status() == RecordOutcome.Status.INVALID);
      return anyInvalid && !partial ? ExitCodes.BAD_INPUT : ExitCodes.PARTIAL;
    }
  }

  /** {@code registry receive}. */
  @Command(
      name = "receive",
      description = "Record the receipt of a citizen's application.",
      footer = {
        "  registry --identity issuer1 receive --application app-42 \\",
        "      --service BUSINESS_LICENCE_NEW --received-at 2025-05-01T09:30:00Z"
      })
  static final class Receive extends CliCommand {
    @Option(names = "--application", required = true, description = "Application id")
    String applicationId;

    @Option(names = "--service", required = true, description = "Service code")
    String service;

    @Option(
        names = "--received-at",
        required = true,
        description =
            "When received (ISO-8601 instant). Required, not defaulted to now: a rerun of the same"
                + " command must send the same receipt")
    String receivedAt;

    @Override
    public Integer call() throws Exception {
      ApplicationRequest request =
          new ApplicationRequest(applicationId, service, instantText(receivedAt, "--received-at"));
      ApplicationReceipt receipt = connected(c -> c.registryClient().recordApplication(request));
      out()
          .print(
              receipt,
              List.of(
                  String.format(
                      "application %s (%s) received %s; tx %s",
                      receipt.applicationId(),
                      receipt.serviceCode(),
                      receipt.receivedAt(),
                      receipt.txId())));
      return ExitCodes.OK;
    }
  }

  /** {@code registry decide}. */
  @Command(
      name = "decide",
      description = {
        "Record a decision on an application, with the records it relied on.",
        "The legal basis is checked before connecting."
      },
      footer = {
        "  registry --identity issuer1 decide --id dec-42 --application app-42 \\",
        "      --outcome APPROVED --legal-basis 'Licensing Act, art. 4' \\",
        "      --type SERVICE_DECISION --file decision.pdf \\",
        "      --subject-ref $SUBJECT_REF --input records-justice:mc-7"
      })
  static final class Decide extends CliCommand {
    @Option(names = "--id", required = true, description = "Decision record id")
    String id;

    @Option(names = "--application", required = true, description = "Application id")
    String applicationId;

    @Option(
        names = "--outcome",
        required = true,
        description = "APPROVED, REJECTED, RETURNED or PARTIAL")
    DecisionOutcome outcome;

    @Option(
        names = "--legal-basis",
        required = true,
        description = "Legal basis as cited, for example 'Civil Code, art. 12' (quoted)")
    String legalBasis;

    @Option(names = "--type", required = true, description = "Document type of the decision")
    String type;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DocumentSource document;

    @Option(names = "--subject-ref", required = true, description = "Salted subject reference")
    String subjectRef;

    @Option(names = "--input", description = "Record relied on, NAMESPACE:ID (repeatable)")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--result", description = "Certificate issued as a result (repeatable)")
    List<String> results = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      // Checked before connecting: a bad value is bad input (exit 5) even without a network.
      if (!InputRules.LEGAL_BASIS.matcher(legalBasis).matches()) {
        throw new IllegalArgumentException("--legal-basis must be " + InputRules.LEGAL_BASIS_RULE);
      }
      List<RecordRef> refs = new ArrayList<>();
      for (String input : inputs) {
        int colon = input.indexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException("--input must be NAMESPACE:ID, found " + input);
        }
        refs.add(new RecordRef(input.substring(0, colon), input.substring(colon + 1)));
      }
      DecisionRequest request =
          DecisionRequest.builder()
              .id(id)
              .applicationId(applicationId)
              .outcome(outcome)
              .legalBasis(legalBasis)
              .documentType(type)
              .documentHash(document.resolve())
              .subjectRef(subjectRef)
              .inputRecords(refs)
              .resultRecordIds(results)
              .build();
      out().record(connected(c -> c.registryClient().recordDecision(request)));
      return ExitCodes.OK;
    }
  }

  /** {@code registry revoke}. */
  @Command(
      name = "revoke",
      description = "Revoke a record of this agency.",
      footer = {"  registry --identity officer1 revoke --reason ISSUED_IN_ERROR bc-7"})
  static final class Revoke extends CliCommand {
    @Parameters(paramLabel = "ID", description = "Record id")
    String id;

    @Option(names = "--reason", required = true, description = "Reason code")
    String reason;

    @Override
    public Integer call() throws Exception {
      RegistryRecord revoked = connected(c -> c.registryClient().revoke(id, reason));
      out().record(revoked);
      return ExitCodes.OK;
    }
  }

  /** {@code registry supersede}. */
  @Command(
      name = "supersede",
      exitCodeList = {
        " 0:superseded",
        " 9:anchored, but the personal details are not stored yet: run it again"
      },
      description =
          "Replace a certificate with a new one (options as for issue); the old one is then"
              + " SUPERSEDED.",
      footer = {
        "  registry --identity officer1 supersede --id mc-7-v2 \\",
        "      --type MARRIAGE_CERTIFICATE \\",
        "      --file marriage-v2.pdf --subject-ref $SUBJECT_REF \\",
        "      --valid-from 2025-05-01T00:00:00Z mc-7"
      })
  static final class Supersede extends CliCommand {
    @Parameters(paramLabel = "OLD_ID", description = "Certificate replaced")
    String oldId;

    @Mixin CertificateOptions certificate;

    @Override
    public Integer call() throws Exception {
      AnchorRequest request = certificate.request();
      out().record(connected(c -> c.registryClient().supersede(oldId, request)));
      return ExitCodes.OK;
    }
  }
}
