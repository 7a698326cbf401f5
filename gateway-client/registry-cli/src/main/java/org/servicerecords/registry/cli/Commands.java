package org.servicerecords.registry.cli;

import java.io.BufferedWriter;
import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.servicerecords.registry.client.AnchorBatch;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.AnchorResult;
import org.servicerecords.registry.client.Attestation;
import org.servicerecords.registry.client.AttestedReport;
import org.servicerecords.registry.client.Attester;
import org.servicerecords.registry.client.Auditor;
import org.servicerecords.registry.client.BatchReport;
import org.servicerecords.registry.client.DecisionInputsReport;
import org.servicerecords.registry.client.DocumentHash;
import org.servicerecords.registry.client.EventScan;
import org.servicerecords.registry.client.ExportFormat;
import org.servicerecords.registry.client.FileCheckpoint;
import org.servicerecords.registry.client.ListQuery;
import org.servicerecords.registry.client.ListRequest;
import org.servicerecords.registry.client.RecordOutcome;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.VerificationReport;
import org.servicerecords.registry.client.VerificationRequest;
import org.servicerecords.registry.client.WatchRequest;
import org.servicerecords.registry.client.ca.Enrollment;
import org.servicerecords.registry.client.ca.FabricCaClient;
import org.servicerecords.registry.client.ca.Registration;
import org.servicerecords.registry.client.ca.Role;
import org.servicerecords.registry.client.identity.Wallet;
import org.servicerecords.registry.client.profile.CaEndpoint;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import org.servicerecords.registry.client.profile.ProfileException;
import org.servicerecords.registry.model.ApplicationReceipt;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RecordPage;
import org.servicerecords.registry.model.RecordRef;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verification;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The subcommands of {@code registry}. */
final class Commands {

  private Commands() {}

  /** Base of every subcommand: access to the root's options and streams. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** The top command, holding the global options and streams (also under a command group). */
    RegistryCli root() {
      CommandSpec top = spec;
      while (top.parent() != null) {
        top = top.parent();
      }
      return (RegistryCli) top.userObject();
    }

    Output out() {
      return root().output();
    }

    static Instant instant(String text, String option) {
      if (text == null) {
        return null;
      }
      try {
        return Instant.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException(
            option + " must be an ISO-8601 instant such as 2024-05-01T10:00:00Z: " + text);
      }
    }

    static ProgressBar progress(Output out, String task, long max) {
      return new ProgressBarBuilder()
          .setTaskName(task)
          .setInitialMax(max)
          .setConsumer(new ConsoleProgressBarConsumer(out.err))
          .build();
    }
  }

  /** The document: a file to hash or a hash. */
  static final class DocumentSource {
    @Option(names = "--file", description = "Document file (hashed as a stream)")
    Path file;

    @Option(names = "--hash", description = "Document SHA-256 (64 hex digits)")
    String hash;

    String resolve() throws java.io.IOException {
      return file != null ? DocumentHash.ofFile(file) : DocumentHash.normalize(hash);
    }
  }

  /** Options describing a certificate. */
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

    AnchorRequest request() throws java.io.IOException {
      String from = Base.instant(validFrom, "--valid-from").toString();
      String until =
          validUntil == null ? null : Base.instant(validUntil, "--valid-until").toString();
      return new AnchorRequest(
          new CertificateRequest(
              id,
              type,
              document.resolve(),
              subjectRef,
              from,
              until,
              applicationId,
              metadata.isEmpty() ? null : new TreeMap<>(metadata)),
          detailsFile == null ? new TreeMap<>() : DetailsFile.read(detailsFile));
    }
  }

  /** {@code registry enroll}. */
  @Command(name = "enroll", description = "Enroll with the organisation's CA; store in the wallet.")
  static final class Enroll extends Base {
    @Option(names = "--user", required = true, description = "Enrollment id")
    String user;

    @Option(names = "--name", description = "Name in the wallet (default: the enrollment id)")
    String name;

    /**
     * Where the secret comes from; without it, a prompt on the terminal. Never an option: other
     * users of the host can read a command line.
     */
    static final String SECRET_ENV = "REGISTRY_ENROLL_SECRET";

    @Override
    public Integer call() throws Exception {
      ConnectionProfile profile = root().profile();
      String enrollmentSecret = secret();
      Wallet wallet = Wallet.directory(walletDir(profile));
      Enrollment enrollment = ca(profile).enroll(user, enrollmentSecret);
      String stored = name == null ? user : name;
      wallet.put(stored, enrollment.certificate(), enrollment.privateKey());
      if (root().json) {
        out()
            .json(
                Map.of(
                    "enrolled",
                    user,
                    "wallet",
                    walletDir(profile).toString(),
                    "name",
                    stored,
                    "notAfter",
                    enrollment.certificate().getNotAfter().toInstant().toString()));
      } else {
        out()
            .out
            .printf(
                "enrolled %s; stored as '%s' in %s (valid until %s)%n",
                user,
                stored,
                walletDir(profile),
                enrollment.certificate().getNotAfter().toInstant());
      }
      return ExitCodes.OK;
    }

    /** The secret from the environment, else a prompt on the terminal. */
    private String secret() {
      String fromEnvironment = root().environment.get(SECRET_ENV);
      if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
        return fromEnvironment;
      }
      Console console = System.console();
      char[] typed = console == null ? null : console.readPassword("Secret for %s: ", user);
      if (typed == null || typed.length == 0) {
        throw new IllegalArgumentException(
            "no enrollment secret: set " + SECRET_ENV + " or answer the prompt");
      }
      return new String(typed);
    }
  }

  static Path walletDir(ConnectionProfile profile) throws ProfileException {
    if (profile.identity().wallet() == null) {
      throw new ProfileException(
          "no wallet directory: pass --wallet, set "
              + ConnectionProfile.ENV_WALLET
              + " or identity.wallet in the profile");
    }
    return profile.identity().wallet();
  }

  static FabricCaClient ca(ConnectionProfile profile) throws Exception {
    List<CaEndpoint> cas = profile.ownOrganization().certificateAuthorities();
    if (cas.isEmpty()) {
      throw new ProfileException(
          "profile "
              + profile.describe()
              + " lists no certificate authority for "
              + profile.mspId());
    }
    CaEndpoint endpoint = cas.get(0);
    FabricCaClient.Builder builder =
        FabricCaClient.newBuilder(endpoint.url()).caName(endpoint.caName());
    if (endpoint.tlsCertificate() != null) {
      builder.tlsCertificate(endpoint.tlsCertificate());
    }
    return builder.build();
  }

  /** {@code registry register}. */
  @Command(name = "register", description = "Register a user with the CA (as the CA registrar).")
  static final class Register extends Base {
    @Option(names = "--user", required = true, description = "Enrollment id to register")
    String user;

    @Option(
        names = "--secret",
        interactive = true,
        description =
            "Prompt for the secret instead of letting the CA generate one (the default). The"
                + " secret is never taken from the command line, which other users can read.")
    char[] secret;

    @Option(
        names = "--role",
        required = true,
        description = "issuer, clerk, auditor, verifier or admin")
    String role;

    @Option(
        names = "--doctypes",
        split = ";",
        description = "Allowed document types, ';'-separated")
    List<String> doctypes = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      ConnectionProfile profile = root().profile();
      var registrar = RegistryConnection.loadCredentials(profile);
      String issued =
          ca(profile)
              .register(
                  registrar,
                  Registration.forRole(user, chosenSecret(), Role.parse(role), doctypes));
      if (root().json) {
        out().json(Map.of("registered", user, "secret", issued));
      } else {
        out()
            .out
            .printf(
                "registered %s (role %s); secret: %s%n",
                user, Role.parse(role).attributeValue(), issued);
      }
      return ExitCodes.OK;
    }

    /** The secret typed at the prompt, or {@code null} for one generated by the CA. */
    private String chosenSecret() {
      if (secret == null) {
        return null;
      }
      if (secret.length == 0) {
        throw new IllegalArgumentException("--secret: an empty secret was typed");
      }
      return new String(secret);
    }
  }

  /** {@code registry issue}. */
  @Command(name = "issue", description = "Anchor one certificate.")
  static final class Issue extends Base {
    @Mixin CertificateOptions certificate;

    @Override
    public Integer call() throws Exception {
      AnchorRequest request = certificate.request();
      try (RegistryConnection connection = root().connect()) {
        AnchorResult result = connection.registryClient().anchorCertificate(request);
        if (!root().json && result.alreadyAnchored()) {
          out().out.println("already anchored (identical record on the ledger):");
        }
        out().record(result.record());
      }
      return ExitCodes.OK;
    }
  }

  /** {@code registry issue-batch}. */
  @Command(
      name = "issue-batch",
      description = "Anchor a batch from a CSV file or a folder with batch.csv.")
  static final class IssueBatch extends Base {
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
      if (!parsed.problems().isEmpty()) {
        for (BatchFile.RowProblem p : parsed.problems()) {
          out.error(
              "line "
                  + p.line()
                  + (p.id() == null ? "" : " (" + p.id() + ")")
                  + ": "
                  + p.problem());
        }
        if (!partial) {
          out.error("batch not submitted: fix the lines above or pass --partial");
          return ExitCodes.BAD_INPUT;
        }
      }
      BatchReport report;
      try (RegistryConnection connection = root().connect()) {
        if (root().json) {
          report =
              connection
                  .registryClient()
                  .anchorBatch(AnchorBatch.of(parsed.requests()).partial(partial).build());
        } else {
          try (ProgressBar bar = progress(out, "anchoring", parsed.requests().size())) {
            report =
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
      }
      if (root().json) {
        out.json(report);
      } else {
        for (RecordOutcome o : report.outcomes()) {
          if (!o.status().onLedger()) {
            out.out.printf(
                "%-16s %s%s%n", o.status(), o.id(), o.message() == null ? "" : ": " + o.message());
          }
        }
        out.out.println("summary: " + report.counts());
      }
      if (report.complete() && parsed.problems().isEmpty()) {
        return ExitCodes.OK;
      }
      boolean anyInvalid =
          report.outcomes().stream().anyMatch(o -> o.status() == RecordOutcome.Status.INVALID);
      return anyInvalid && !partial ? ExitCodes.BAD_INPUT : ExitCodes.PARTIAL;
    }
  }

  /** {@code registry receive}. */
  @Command(name = "receive", description = "Record the receipt of a citizen's application.")
  static final class Receive extends Base {
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
      String at = instant(receivedAt, "--received-at").toString();
      try (RegistryConnection connection = root().connect()) {
        ApplicationReceipt receipt =
            connection
                .registryClient()
                .recordApplication(new ApplicationRequest(applicationId, service, at));
        if (root().json) {
          out().json(receipt);
        } else {
          out()
              .out
              .printf(
                  "application %s (%s) received %s; tx %s%n",
                  receipt.applicationId(),
                  receipt.serviceCode(),
                  receipt.receivedAt(),
                  receipt.txId());
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code registry decide}. */
  @Command(name = "decide", description = "Record a decision on an application.")
  static final class Decide extends Base {
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
          new DecisionRequest(
              id,
              applicationId,
              outcome,
              legalBasis,
              type,
              document.resolve(),
              subjectRef,
              refs,
              results,
              null);
      try (RegistryConnection connection = root().connect()) {
        out().record(connection.registryClient().recordDecision(request));
      }
      return ExitCodes.OK;
    }
  }

  /** {@code registry revoke}. */
  @Command(name = "revoke", description = "Revoke a record of this agency.")
  static final class Revoke extends Base {
    @Parameters(paramLabel = "ID", description = "Record id")
    String id;

    @Option(names = "--reason", required = true, description = "Reason code")
    String reason;

    @Override
    public Integer call() throws Exception {
      try (RegistryConnection connection = root().connect()) {
        out().record(connection.registryClient().revoke(id, reason));
      }
      return ExitCodes.OK;
    }
  }

  /** {@code registry supersede}. */
  @Command(name = "supersede", description = "Replace a certificate with a new one.")
  static final class Supersede extends Base {
    @Parameters(paramLabel = "OLD_ID", description = "Certificate replaced")
    String oldId;

    @Mixin CertificateOptions certificate;

    @Override
    public Integer call() throws Exception {
      AnchorRequest request = certificate.request();
      try (RegistryConnection connection = root().connect()) {
        out().record(connection.registryClient().supersede(oldId, request));
      }
      return ExitCodes.OK;
    }
  }

  /** {@code registry verify}. */
  @Command(
      name = "verify",
      description =
          "Verify a document: exit 0 VALID, 1 not valid, 3 unknown, 11 attestation refused. The"
              + " answer is attested by peers of the owner's organisation and one other (--attest"
              + " N for more); --fast asks one peer and says the answer is not attested.")
  static final class Verify extends Base {
    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Document file")
    Path file;

    @Option(names = "--hash", description = "Document SHA-256 instead of a file")
    String hash;

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
      if ((file == null) == (hash == null)) {
        throw new picocli.CommandLine.ParameterException(
            new picocli.CommandLine(this), "give either FILE or --hash");
      }
      if (fast && (attest != null || attesters != null)) {
        throw new picocli.CommandLine.ParameterException(
            new picocli.CommandLine(this), "--fast is not attested: no --attest or --attester");
      }
      String documentHash = file != null ? DocumentHash.ofFile(file) : DocumentHash.normalize(hash);
      Instant when = instant(at, "--at");
      Attestation attestation = null;
      if (!fast) {
        attestation =
            Attestation.of(attest == null ? Attestation.DEFAULT_ORGANIZATIONS : attest)
                .preferring(attesters == null ? new String[0] : attesters.toArray(new String[0]));
      }
      VerificationReport report;
      AttestedReport attested = null;
      try (RegistryConnection connection = root().connect()) {
        if (fast) {
          report =
              connection
                  .verifier()
                  .verify(
                      VerificationRequest.forHash(documentHash).at(when).issuer(issuer).build());
        } else {
          attested =
              connection
                  .verifier()
                  .verifyAttested(
                      VerificationRequest.forHash(documentHash).at(when).issuer(issuer).build(),
                      attestation);
          report = attested.report();
        }
      }
      Output out = out();
      if (root().json) {
        out.json(attested != null ? attested : report);
      } else {
        out.out.printf("%s  %s%n", report.verdict(), documentHash);
        for (Verification v : report.matches()) {
          RegistryRecord r = v.record();
          out.out.printf(
              "  %-22s %s in %s, issued by %s (%s)%n",
              v.verdict(), r.id(), v.namespace(), v.issuerDisplayName(), v.issuer());
          out.out.printf(
              "  %-22s %s, valid %s .. %s, tx %s at %s%n",
              "",
              r.documentType(),
              r.validFrom(),
              r.validUntil() == null ? "(no end)" : r.validUntil(),
              r.txId(),
              r.timestamp());
          if (r.revocation() != null) {
            out.out.printf(
                "  %-22s revoked at %s by %s, reason %s%n",
                "",
                r.revocation().revokedAt(),
                r.revocation().revokedBy() == null ? "?" : r.revocation().revokedBy().msp(),
                r.revocation().reasonCode());
          }
          if (v.currentRecordId() != null) {
            out.out.printf("  %-22s replaced by %s%n", "", v.currentRecordId());
          }
        }
        if (attested == null) {
          out.out.printf("not attested: the answer of one peer (--fast)%n");
        } else {
          out.out.printf("attested by %s%n", String.join(", ", attested.organizations()));
          for (Attester a : attested.attesters()) {
            out.out.printf(
                "  %-22s %s in %s: %s%n", "", a.mspId(), a.namespace(), a.endorserSubject());
          }
        }
      }
      return ExitCodes.of(report.verdict());
    }
  }

  /** {@code registry verify-decision}. */
  @Command(
      name = "verify-decision",
      description =
          "Check the records a decision relied on, each at the decision's instant: exit 0 all"
              + " valid then, 1 not all, 3 no such decision.")
  static final class VerifyDecision extends Base {
    @Parameters(paramLabel = "ID", description = "Decision record id")
    String id;

    @Option(names = "--issuer", description = "Namespace or MSP id of the decision (default: own)")
    String issuer;

    @Override
    public Integer call() throws Exception {
      DecisionInputsReport report;
      try (RegistryConnection connection = root().connect()) {
        String ns = issuer == null ? connection.registryClient().namespace() : issuer;
        report = connection.verifier().verifyDecisionInputs(ns, id);
      }
      return print(out(), report);
    }

    /** Prints the report (human or JSON) and returns the exit code: 0 all valid then, else 1. */
    static int print(Output out, DecisionInputsReport report) {
      if (out.json) {
        out.json(report);
      } else {
        out.out.printf(
            "%s  decision %s in %s, decided %s: %d of %d inputs valid then%n",
            report.allValidWhenDecided() ? "ALL_VALID" : "NOT_ALL_VALID",
            report.decisionId(),
            report.namespace(),
            report.decidedAt(),
            report.validCount(),
            report.inputs().size());
        for (DecisionInputsReport.Input input : report.inputs()) {
          Verification v = input.verification();
          String issuedBy =
              v == null || v.issuer() == null
                  ? ""
                  : ", issued by " + v.issuerDisplayName() + " (" + v.issuer() + ")";
          out.out.printf(
              "  %-22s %s:%s%s%s%n",
              input.verdict(),
              input.ref().namespace(),
              input.ref().id(),
              issuedBy,
              input.reason() == null ? "" : ": " + input.reason());
        }
      }
      return report.allValidWhenDecided() ? ExitCodes.OK : ExitCodes.NOT_VALID;
    }
  }

  /** {@code registry show}. */
  @Command(name = "show", description = "Show a record.")
  static final class Show extends Base {
    @Parameters(paramLabel = "ID", description = "Record id")
    String id;

    @Option(names = "--issuer", description = "Namespace or MSP id (default: own)")
    String issuer;

    @Override
    public Integer call() throws Exception {
      try (RegistryConnection connection = root().connect()) {
        RegistryRecord record =
            issuer == null
                ? connection.registryClient().getRecord(id)
                : connection.verifier().verifyRecord(issuer, id, null).record();
        if (record == null) {
          out().error("record '" + id + "' not found in " + issuer);
          return ExitCodes.NOT_FOUND;
        }
        out().record(record);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code registry history}. */
  @Command(name = "history", description = "Show a record's history, newest first.")
  static final class History extends Base {
    @Parameters(paramLabel = "ID", description = "Record id")
    String id;

    @Option(names = "--issuer", description = "Namespace or MSP id (default: own)")
    String issuer;

    @Override
    public Integer call() throws Exception {
      try (RegistryConnection connection = root().connect()) {
        String ns = issuer == null ? connection.registryClient().namespace() : issuer;
        List<RecordHistoryEntry> history = connection.auditor().history(ns, id);
        if (root().json) {
          out().json(history);
        } else {
          for (RecordHistoryEntry e : history) {
            RegistryRecord r = e.record();
            out()
                .out
                .printf(
                    "%s  %s  %s%s%n",
                    e.timestamp(),
                    e.txId(),
                    e.deleted() || r == null ? "DELETED" : r.status(),
                    r == null || r.actor() == null
                        ? ""
                        : "  by " + r.actor().msp() + " (" + r.actor().role() + ")");
          }
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code registry list}. */
  @Command(name = "list", description = "List records by type, subject or application.")
  static final class ListRecords extends Base {
    @Option(names = "--by", defaultValue = "TYPE", description = "TYPE, SUBJECT or APPLICATION")
    ListQuery by;

    @Parameters(paramLabel = "VALUE", description = "The type, subject reference or application id")
    String value;

    @Option(names = "--issuer", description = "Namespace or MSP id (default: own)")
    String issuer;

    @Option(names = "--page-size", defaultValue = "100", description = "1 to 500")
    int pageSize;

    @Option(
        names = "--bookmark",
        description = "The token the previous page printed after 'next page:' (JSON: bookmark)")
    String bookmark;

    @Override
    public Integer call() throws Exception {
      if (pageSize < 1 || pageSize > 500) {
        throw new IllegalArgumentException("--page-size must be between 1 and 500");
      }
      String start = CommandLineBookmark.decode(bookmark);
      try (RegistryConnection connection = root().connect()) {
        String ns = issuer == null ? connection.registryClient().namespace() : issuer;
        RecordPage page =
            connection
                .auditor()
                .list(ListRequest.of(ns, by, value).pageSize(pageSize).bookmark(start).build());
        if (root().json) {
          // The bookmark as a token a command line can carry back (it holds U+0000).
          out()
              .json(
                  new RecordPage(
                      page.records(),
                      CommandLineBookmark.encode(page.bookmark()),
                      page.fetchedCount()));
        } else {
          for (RegistryRecord r : page.records()) {
            out()
                .out
                .printf(
                    "%-32s %-10s %-22s %s%n", r.id(), r.status(), r.documentType(), r.timestamp());
          }
          if (page.bookmark() != null && !page.bookmark().isEmpty()) {
            out()
                .out
                .println("next page: --bookmark " + CommandLineBookmark.encode(page.bookmark()));
          }
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code registry export}. */
  @Command(
      name = "export",
      description = "Export every record with its history (JSON lines or CSV).")
  static final class Export extends Base {
    @Option(names = "--format", defaultValue = "JSONL", description = "JSONL or CSV")
    ExportFormat format;

    @Option(names = "--out", description = "Output file (default: standard output)")
    Path file;

    @Option(names = "--issuer", description = "Namespace or MSP id (repeatable; default: all)")
    List<String> issuers = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      try (RegistryConnection connection = root().connect();
          Writer writer =
              file == null
                  ? new BufferedWriter(new OutputStreamWriter(root().out, StandardCharsets.UTF_8))
                  : Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        Auditor auditor = connection.auditor();
        long count;
        if (file != null && !root().json) {
          try (ProgressBar bar = progress(out(), "exporting", -1)) {
            count = auditor.export(issuers, format, writer, bar::stepTo);
          }
          out().out.printf("exported %d records to %s%n", count, file);
        } else {
          count = auditor.export(issuers, format, writer, n -> {});
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code registry watch}. */
  @Command(
      name = "watch",
      description =
          "Print registry events endorsed by the namespace's owner (any other to standard error);"
              + " resumes after the checkpoint.")
  static final class Watch extends Base {
    @Option(names = "--issuer", description = "Namespace or MSP id (default: own)")
    String issuer;

    @Option(names = "--checkpoint", required = true, description = "Checkpoint file")
    Path checkpointFile;

    @Option(
        names = "--from-block",
        defaultValue = "0",
        description = "First block without a checkpoint")
    long fromBlock;

    @Option(
        names = "--max-events",
        defaultValue = "0",
        description =
            "Stop after this many events, that is transactions, each printed with all its"
                + " entries (0: never)")
    long maxEvents;

    @Override
    public Integer call() throws Exception {
      FileCheckpoint checkpoint = FileCheckpoint.open(checkpointFile);
      WatchPrinter printer = new WatchPrinter(out(), maxEvents);
      try (RegistryConnection connection = root().connect()) {
        String ns = issuer == null ? connection.registryClient().namespace() : issuer;
        connection
            .auditor()
            .watch(
                WatchRequest.of(ns).checkpoint(checkpoint).startBlock(fromBlock).build(), printer);
      } finally {
        if (printer.ignored() > 0) {
          out()
              .error(
                  "watch: "
                      + printer.printed()
                      + " events printed, "
                      + printer.ignored()
                      + " ignored (not shown to come from the namespace's owner; see above)");
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code registry audit}: the group; without a subcommand, a usage error. */
  @Command(
      name = "audit",
      description = "Audit the ledger itself.",
      subcommands = {AuditEvents.class})
  static final class Audit implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "a subcommand is required: events");
    }
  }

  /** {@code registry audit events}. */
  @Command(
      name = "events",
      description =
          "Judge every event of a namespace in a range of blocks: accepted only when its"
              + " transaction is VALID and endorsed by a peer of the namespace's owner (governance:"
              + " a majority of the members); also flags writes of another organisation's implicit"
              + " collection. Exit 12 when anything was ignored.")
  static final class AuditEvents extends Base {
    @Option(
        names = "--namespace",
        required = true,
        description = "Namespace, MSP id of its agency, or the governance chaincode")
    String namespace;

    @Option(names = "--from", defaultValue = "0", description = "First block (default 0)")
    long from;

    @Option(names = "--to", description = "Last block (default: the ledger's last)")
    Long to;

    @Override
    public Integer call() throws Exception {
      if (from < 0 || (to != null && to < from)) {
        throw new IllegalArgumentException("--from must be 0 or more and --to not before it");
      }
      EventScan scan;
      try (RegistryConnection connection = root().connect()) {
        scan = connection.auditor().scanEvents(namespace, from, to == null ? -1 : to);
      }
      Output out = out();
      if (root().json) {
        out.json(scan);
      } else {
        for (String line : EventScanPrinter.lines(scan)) {
          out.out.println(line);
        }
      }
      return scan.anyIgnored() ? ExitCodes.EVENTS_IGNORED : ExitCodes.OK;
    }
  }
}
