package org.servicerecords.registry.cli;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.servicerecords.registry.client.Attestation;
import org.servicerecords.registry.client.PortableProof;
import org.servicerecords.registry.client.ProofCheck;
import org.servicerecords.registry.client.ProofFailure;
import org.servicerecords.registry.client.ProofReport;
import org.servicerecords.registry.client.ProofVerifier;
import org.servicerecords.registry.client.TrustRoots;
import org.servicerecords.registry.model.InputRules;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code registry proof}: portable proofs of a record, exported and verified offline. */
final class ProofCommands {

  private ProofCommands() {}

  /** The largest proof file read. */
  static final long MAX_PROOF_BYTES = 64L * 1024 * 1024;

  /** {@code registry proof}: the group; without a subcommand, a usage error. */
  @Command(
      name = "proof",
      description = "Portable proofs of a record: export one, verify one offline (docs/proofs.md).",
      subcommands = {Export.class, Verify.class},
      footer = {
        "  registry --identity auditor1 proof export bc-7 --namespace JusticeMSP \\",
        "      -o bc-7.proof.json",
        "  registry proof verify bc-7.proof.json --document bc-7.pdf --roots roots/"
      })
  static final class Proof implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      throw new ParameterException(spec.commandLine(), "a subcommand is required: export, verify");
    }
  }

  /** {@code registry proof export}. */
  @Command(
      name = "export",
      description = {
        "Write a record's portable proof: one self-contained JSON file that anyone checks"
            + " offline with the consortium's root certificates (registry proof verify).",
        "It holds the record as its anchoring transaction wrote it, that transaction with its"
            + " signatures, its block (header, every envelope, the orderer signatures) and an"
            + " attestation of the record's status now, signed by peers of the owner's and"
            + " other organisations (--attest, default 2)."
      },
      exitCodeList = {
        " 0:the proof written",
        " 3:no such record (or namespace)",
        " 5:FILE exists (without --force), its folder is missing, or the id is invalid",
        "11:the status could not be attested by enough organisations"
      },
      footer = {
        "  registry --identity auditor1 proof export bc-7 --namespace JusticeMSP \\",
        "      -o bc-7.proof.json --attester AuditMSP"
      })
  static final class Export extends CliCommand {
    @Parameters(paramLabel = "ID", description = "Record id")
    String id;

    @Option(
        names = {"--namespace", "--issuer"},
        paramLabel = "NS",
        description = "The record's namespace or its agency's MSP id (default: own)")
    String namespace;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        required = true,
        description = "The proof file to write")
    Path output;

    @Option(names = "--force", description = "Replace FILE if it exists")
    boolean force;

    @Option(
        names = "--attest",
        paramLabel = "N",
        description = "Organisations whose peers attest the status, the owner's included (2+)")
    Integer attest;

    @Option(
        names = "--attester",
        paramLabel = "MSP",
        split = ",",
        description = "Organisations to ask first after the owner's (comma-separated)")
    List<String> attesters;

    @Override
    public Integer call() throws Exception {
      int organizations = attest == null ? Attestation.DEFAULT_ORGANIZATIONS : attest;
      if (organizations < 2) {
        throw new ParameterException(
            spec.commandLine(), "--attest must be 2 or more: a proof needs two organisations");
      }
      if (!InputRules.ID.matcher(id).matches()) {
        throw new IllegalArgumentException("not a record id (" + InputRules.ID_RULE + "): " + id);
      }
      OutputFile.check(output, force);
      Attestation attestation =
          Attestation.of(organizations)
              .preferring(attesters == null ? new String[0] : attesters.toArray(new String[0]));
      PortableProof proof =
          connected(
              c ->
                  c.auditor()
                      .exportProof(
                          namespace == null ? c.registryClient().namespace() : namespace,
                          id,
                          attestation));
      try {
        OutputFile.write(output, proof.content(), force);
      } catch (FileAlreadyExistsException e) {
        // Created while the proof was read.
        throw OutputFile.exists(output);
      }
      java.util.Map<String, Object> json = new java.util.TreeMap<>();
      json.put("file", output.toString());
      json.put("namespace", proof.namespace());
      json.put("id", proof.recordId());
      json.put("transactionId", proof.transactionId());
      json.put("blockNumber", proof.blockNumber());
      json.put("attestedVerdict", proof.attestedVerdict().name());
      json.put("attestedBy", proof.attestedBy());
      json.put("bytes", proof.content().length);
      out()
          .print(
              json,
              List.of(
                  String.format("file        %s (%d bytes)", output, proof.content().length),
                  String.format("record      %s in %s", proof.recordId(), proof.namespace()),
                  String.format(
                      "anchored    transaction %s in block %d",
                      proof.transactionId(), proof.blockNumber()),
                  String.format(
                      "attested    %s now, by %s",
                      proof.attestedVerdict(), String.join(", ", proof.attestedBy()))));
      return ExitCodes.OK;
    }
  }

  /** The document to compare: a file or its hash. */
  static final class DocumentOption {
    @Option(names = "--document", paramLabel = "FILE", description = "Document file (hashed)")
    Path file;

    @Option(names = "--hash", paramLabel = "HEX", description = "Document SHA-256 (64 hex digits)")
    String hash;
  }

  /** {@code registry proof verify}. */
  @Command(
      name = "verify",
      description = {
        "Verify a portable proof offline: no profile, no identity, no network; only the"
            + " consortium's root certificates (--roots: one MSPID.pem per organisation).",
        "Prints the verdict and what each check established: the file, the block and its"
            + " orderer signatures, the anchoring transaction, the record, the attestation, and"
            + " with --document the document's hash."
      },
      exitCodeList = {
        " 0:every check passed",
        " 5:FILE, the document or the roots folder cannot be read",
        "14:the proof failed a check (the reason is named)",
        "15:the proof holds, but the document is not the one it anchors"
      },
      footer = {
        "  registry proof verify bc-7.proof.json --document bc-7.pdf --roots roots/",
        "  registry proof verify bc-7.proof.json --roots roots/ --max-age P7D --json"
      })
  static final class Verify extends CliCommand {
    @Parameters(paramLabel = "FILE", description = "The proof file")
    Path file;

    @Option(
        names = "--roots",
        paramLabel = "DIR",
        required = true,
        description = "Folder of the consortium's roots, one MSPID.pem per organisation")
    Path roots;

    @ArgGroup(exclusive = true)
    DocumentOption document;

    @Option(
        names = "--max-age",
        paramLabel = "DURATION",
        description =
            "Fail when the attestation is older than this (ISO-8601, e.g. PT24H, P7D); a proof"
                + " is a snapshot of the status")
    String maxAge;

    @Override
    public Integer call() throws Exception {
      // Offline by design: no profile is read and no connection opened here.
      TrustRoots trust = TrustRoots.fromDirectory(roots);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no such proof file: " + file);
      }
      if (Files.size(file) > MAX_PROOF_BYTES) {
        throw new IllegalArgumentException("proof file larger than 64 MiB: " + file);
      }
      java.time.Instant notBefore = null;
      if (maxAge != null) {
        java.time.Duration age;
        try {
          age = java.time.Duration.parse(maxAge);
        } catch (java.time.format.DateTimeParseException e) {
          throw new ParameterException(
              spec.commandLine(),
              "--max-age must be an ISO-8601 duration such as PT24H: " + maxAge);
        }
        if (age.isNegative()) {
          throw new ParameterException(spec.commandLine(), "--max-age must not be negative");
        }
        notBefore = java.time.Instant.now().minus(age);
      }
      byte[] bytes = Files.readAllBytes(file);
      String documentHash = null;
      if (document != null) {
        documentHash = DocumentSource.hashOf(document.file, document.hash);
      }
      ProofVerifier verifier = ProofVerifier.offline(trust);
      ProofReport report =
          notBefore == null
              ? verifier.verify(bytes, documentHash)
              : verifier.verify(bytes, documentHash, notBefore);
      out().print(report, lines(report));
      if (report.verified()) {
        return ExitCodes.OK;
      }
      boolean onlyDocument =
          report.checks().stream()
              .filter(c -> c.status() == ProofCheck.Status.FAILED)
              .allMatch(c -> c.reason() == ProofFailure.DOCUMENT_MISMATCH);
      return onlyDocument ? ExitCodes.DOCUMENT_MISMATCH : ExitCodes.PROOF_FAILED;
    }

    static List<String> lines(ProofReport report) {
      List<String> lines = new ArrayList<>();
      if (report.verified()) {
        lines.add(
            "VERIFIED  record "
                + report.recordId()
                + " in "
                + report.namespace()
                + ", document SHA-256 "
                + report.documentHash());
      } else {
        lines.add(
            "FAILED    "
                + report.failure()
                + (report.recordId().isEmpty() ? "" : " (record " + report.recordId() + ")"));
      }
      for (ProofCheck check : report.checks()) {
        lines.add(
            String.format(
                "%-12s %-8s %s%s",
                check.check(),
                check.status(),
                check.reason() == null ? "" : check.reason() + ": ",
                check.detail()));
      }
      if (report.verified()) {
        lines.add(
            "anchored  by transaction "
                + report.transactionId()
                + " in block "
                + report.blockNumber()
                + " at "
                + report.anchoredAt());
        lines.add(
            "attested  "
                + report.attestedVerdict()
                + " at "
                + report.attestedAt()
                + " by "
                + String.join(", ", report.attestedBy())
                + " (the status then: a proof says nothing of later changes)");
      }
      return lines;
    }
  }
}
