package org.servicerecords.registry.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.servicerecords.registry.client.Attestation;
import org.servicerecords.registry.client.AttestedReport;
import org.servicerecords.registry.client.DecisionInputsReport;
import org.servicerecords.registry.client.VerificationReport;
import org.servicerecords.registry.client.VerificationRequest;
import org.servicerecords.registry.model.RegistryRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The commands of whoever holds a document or a record id and wants to know what the registry says
 * of it (a citizen, a bank, a court): {@code verify}, {@code verify-decision} and {@code show}.
 */
final class VerifyCommands {

  private VerifyCommands() {}

  /** {@code registry verify}. */
  @Command(
      name = "verify",
      description = {
        "Verify a document, given as FILE, --file FILE or --hash HEX.",
        "The answer is attested by peers of the owner's organisation and one other (--attest N"
            + " for more); --fast asks one peer and says the answer is not attested."
      },
      exitCodeList = {
        " 0:VALID",
        " 1:known but not valid (REVOKED, SUPERSEDED, EXPIRED, NOT_YET_VALID, ...)",
        " 3:UNKNOWN: no agency anchored this document",
        "11:the answer could not be attested; no verdict is given"
      },
      footer = {
        "  registry --identity verifier1 verify birth-certificate.pdf",
        "  registry verify --issuer JusticeMSP --hash $SHA256 --attest 3 \\",
        "      --at 2025-01-01T00:00:00Z"
      })
  static final class Verify extends CliCommand {
    @Parameters(
        paramLabel = "FILE",
        arity = "0..1",
        description = "Document file (the same as --file FILE)")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    DocumentSource document;

    @Option(names = "--at", description = "Verify at this instant (ISO-8601)")
    String at;

    @Option(names = "--issuer", description = "Issuer namespace or MSP id (default: every agency)")
    String issuer;

    @Option(
        names = "--attest",
        paramLabel = "N",
        description =
            "Organisations whose peers must attest the answer, the owner's included (default 2)")
    Integer attest;

    @Option(
        names = "--attester",
        paramLabel = "MSP",
        split = ",",
        description = "Organisations to ask first after the owner's (comma-separated)")
    List<String> attesters;

    @Option(
        names = "--fast",
        description = "One peer's answer, not attested (the single-peer evaluate)")
    boolean fast;

    @Override
    public Integer call() throws Exception {
      if ((file == null) == (document == null)) {
        throw new ParameterException(spec.commandLine(), "give either FILE, --file or --hash");
      }
      if (fast && (attest != null || attesters != null)) {
        throw new ParameterException(
            spec.commandLine(), "--fast is not attested: no --attest or --attester");
      }
      String documentHash = file != null ? DocumentSource.hashOf(file, null) : document.resolve();
      Instant when = instant(at, "--at");
      AttestedReport attested = null;
      VerificationReport report;
      if (fast) {
        report =
            connected(
                c ->
                    c.verifier()
                        .verify(
                            VerificationRequest.forHash(documentHash)
                                .at(when)
                                .issuer(issuer)
                                .build()));
      } else {
        Attestation attestation =
            Attestation.of(attest == null ? Attestation.DEFAULT_ORGANIZATIONS : attest)
                .preferring(attesters == null ? new String[0] : attesters.toArray(new String[0]));
        attested =
            connected(
                c ->
                    c.verifier()
                        .verifyAttested(
                            VerificationRequest.forHash(documentHash)
                                .at(when)
                                .issuer(issuer)
                                .build(),
                            attestation));
        report = attested.report();
      }
      out()
          .print(
              attested != null ? attested : report,
              Output.verification(documentHash, report, attested));
      return ExitCodes.of(report.verdict());
    }
  }

  /** {@code registry verify-decision}. */
  @Command(
      name = "verify-decision",
      description =
          "Check the records a decision relied on, each in its own namespace at the decision's"
              + " instant.",
      exitCodeList = {
        " 0:every input was valid when decided (or there are none)",
        " 1:at least one input was not valid then (UNKNOWN inputs included)",
        " 3:no such decision, or its namespace is unknown",
        " 5:the record is not a DECISION"
      },
      footer = {"  registry --identity issuer1 verify-decision dec-42 --issuer ServicesMSP"})
  static final class VerifyDecision extends CliCommand {
    @Parameters(paramLabel = "ID", description = "Decision record id")
    String id;

    @Mixin OwnNamespaceOption issuer;

    @Override
    public Integer call() throws Exception {
      DecisionInputsReport report =
          connected(c -> c.verifier().verifyDecisionInputs(issuer.namespace(c), id));
      return print(out(), report);
    }

    /** Prints the report (human or JSON) and returns the exit code: 0 all valid then, else 1. */
    static int print(Output out, DecisionInputsReport report) {
      out.print(report, Output.decisionInputs(report));
      return report.allValidWhenDecided() ? ExitCodes.OK : ExitCodes.NOT_VALID;
    }
  }

  /** {@code registry show}. */
  @Command(
      name = "show",
      description = "Show a record: its status, hash, validity and transaction.",
      footer = {"  registry show bc-2025-0001 --issuer JusticeMSP"})
  static final class Show extends CliCommand {
    @Parameters(paramLabel = "ID", description = "Record id")
    String id;

    @Mixin OwnNamespaceOption issuer;

    @Override
    public Integer call() throws Exception {
      RegistryRecord record =
          connected(
              c ->
                  issuer.given()
                      ? c.verifier().verifyRecord(issuer.issuer, id, null).record()
                      : c.registryClient().getRecord(id));
      if (record == null) {
        out().error("record '" + id + "' not found in " + issuer.issuer);
        return ExitCodes.NOT_FOUND;
      }
      out().record(record);
      return ExitCodes.OK;
    }
  }
}
