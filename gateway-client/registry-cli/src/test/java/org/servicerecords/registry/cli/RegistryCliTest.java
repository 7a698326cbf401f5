package org.servicerecords.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.AgencyInactiveException;
import org.servicerecords.registry.client.AgencySuspendedException;
import org.servicerecords.registry.client.AttestationException;
import org.servicerecords.registry.client.DecisionInputsReport;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordRef;
import org.servicerecords.registry.model.Verdict;
import org.servicerecords.registry.model.Verification;

class RegistryCliTest {

  record Result(int code, String out, String err) {}

  static Result run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        RegistryCli.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void everyCommandPrintsItsUsageForHelpAsItsUsageErrorsSuggest() {
    Result missing = run(Map.of(), "supersede");
    assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("Try 'registry supersede --help'.");

    Result help = run(Map.of(), "supersede", "--help");
    assertThat(help.code()).isEqualTo(ExitCodes.OK);
    assertThat(help.out()).contains("Usage: registry supersede").contains("--subject-ref");
    assertThat(help.err()).isEmpty();

    Result nested = run(Map.of(), "governance", "register", "-h");
    assertThat(nested.code()).isEqualTo(ExitCodes.OK);
    assertThat(nested.out()).contains("Usage: registry governance register").contains("--msp");
  }

  @Test
  void missingProfileIsAConfigurationErrorOnOneLine() {
    Result r = run(Map.of(), "show", "x", "--profile", "/nonexistent/profile.json");
    assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err().strip())
        .isEqualTo("registry: connection profile not found: /nonexistent/profile.json");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aProfileThatIsADeviceIsAConfigurationErrorOnOneLine() {
    Result r = run(Map.of(), "--profile", "/dev/zero", "show", "x");
    assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err())
        .isEqualTo(
            "registry: connection profile /dev/zero refused: not a regular file (a device, FIFO or"
                + " folder is not read)"
                + System.lineSeparator());
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aProfileThatIsAFifoIsAConfigurationErrorWithoutWaitingForAWriter(@TempDir Path dir)
      throws Exception {
    Path fifo = dir.resolve("profile.json");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    Result r = run(Map.of(), "--profile", fifo.toString(), "show", "x");

    assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).contains("refused: not a regular file").doesNotContain("\tat ");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void identityFilesThatAreDevicesAreAConfigurationErrorOnOneLine(@TempDir Path dir)
      throws Exception {
    Path profile = dir.resolve("profile.json");
    Files.writeString(
        profile,
        "{\"channel\":\"registry\",\"mspId\":\"JusticeMSP\","
            + "\"identity\":{\"certificate\":\"/dev/zero\",\"privateKey\":\"/dev/zero\"},"
            + "\"organizations\":{\"JusticeMSP\":{\"peers\":[{\"address\":\"127.0.0.1:1\","
            + "\"tlsRootCertificate\":\"/dev/zero\"}]}}}");

    Result r = run(Map.of(), "--profile", profile.toString(), "show", "x");

    assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err())
        .startsWith("registry: ")
        .contains("/dev/zero refused: not a regular file")
        .hasLineCount(1);
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aBatchThatIsADeviceIsBadInputOnOneLine() {
    Result r = run(Map.of(), "issue-batch", "/dev/zero");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err())
        .isEqualTo(
            "registry: batch file /dev/zero refused: not a regular file (a device, FIFO or folder"
                + " is not read)"
                + System.lineSeparator());
  }

  private static Result decide(String legalBasis) {
    return run(
        Map.of(),
        "decide",
        "--id",
        "d-1",
        "--application",
        "app-1",
        "--outcome",
        "APPROVED",
        "--legal-basis",
        legalBasis,
        "--type",
        "PERMIT_DECISION",
        "--hash",
        "a".repeat(64),
        "--subject-ref",
        "s".repeat(40),
        "--profile",
        "/nonexistent/profile.json");
  }

  /** Passing the check, a cited legal basis gets as far as the (missing) profile. */
  @Test
  void decideTakesALegalBasisWithSpacesAndPunctuation() {
    Result r = decide("Civil Code, art. 12");
    assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).contains("connection profile not found").doesNotContain("legal");
  }

  @Test
  void decideRefusesALegalBasisWithControlCharactersBeforeConnecting() {
    for (String basis : List.of("Civil Code,\tart. 12", "Civil Code\n", " art. 12")) {
      Result r = decide(basis);
      assertThat(r.code()).as(basis).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err()).as(basis).contains("--legal-basis must be 1 to 128 characters");
    }
  }

  @Test
  void missingDocumentFileIsBadInputNamingTheFile(@TempDir Path dir) {
    Result r = run(Map.of(), "verify", dir.resolve("gone.pdf").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err())
        .contains("file not found")
        .contains("gone.pdf")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void invalidHashIsBadInput() {
    Result r = run(Map.of(), "verify", "--hash", "12345");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("not a SHA-256 hash");
  }

  @Test
  void invalidInstantIsBadInput() {
    Result r = run(Map.of(), "verify", "--hash", "a".repeat(64), "--at", "yesterday");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--at must be an ISO-8601 instant");
  }

  @Test
  void enrollWithoutAnySecretSourceIsBadInputNamingWhereToPutIt(@TempDir Path dir)
      throws Exception {
    Path profile = dir.resolve("profile.json");
    Files.writeString(
        profile,
        "{\"channel\":\"registry\",\"mspId\":\"JusticeMSP\","
            + "\"identity\":{\"wallet\":\"wallet\",\"name\":\"x\"},"
            + "\"organizations\":{\"JusticeMSP\":{\"peers\":[{\"address\":\"127.0.0.1:1\","
            + "\"tlsRootCertificate\":\"ca.pem\"}],"
            + "\"certificateAuthorities\":[{\"url\":\"https://127.0.0.1:1\","
            + "\"tlsCertificate\":\"ca.pem\"}]}}}");

    Result r = run(Map.of(), "--profile", profile.toString(), "enroll", "--user", "u1");

    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err().strip()).contains("REGISTRY_ENROLL_SECRET").doesNotContain("\n");
  }

  @Test
  void enrollTakesNoSecretFromTheCommandLineAndDoesNotRepeatIt() {
    Result r = run(Map.of(), "enroll", "--user", "u1", "--secret", "s3cret");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--secret").doesNotContain("s3cret");
    Result joined = run(Map.of(), "enroll", "--user", "u1", "--secret=s3cret");
    assertThat(joined.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(joined.err()).doesNotContain("s3cret");
  }

  private static final String[] ISSUE_WITHOUT_TIMES = {
    "issue",
    "--id",
    "bc-1",
    "--type",
    "BIRTH_CERTIFICATE",
    "--hash",
    "a".repeat(64),
    "--subject-ref",
    "s".repeat(40)
  };

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  /**
   * A rerun after "outcome unknown" must send the same request, so no field of a record defaults to
   * the time of the run.
   */
  @Test
  void recordTimesAreRequiredNotDefaultedToNow() {
    Result issue = run(Map.of(), ISSUE_WITHOUT_TIMES);
    assertThat(issue.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(issue.err()).contains("--valid-from");
    Result receive = run(Map.of(), "receive", "--application", "a-1", "--service", "S1");
    assertThat(receive.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(receive.err()).contains("--received-at");
  }

  @Test
  void personalDetailsAreNotTakenFromTheCommandLine() {
    Result r =
        run(
            Map.of(),
            concat(
                ISSUE_WITHOUT_TIMES,
                "--valid-from",
                "2025-01-01T00:00:00Z",
                "--detail",
                "name=Ana"));
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void unknownOptionAndMissingParametersAreUsageErrors() {
    assertThat(run(Map.of(), "verify", "--frobnicate").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run(Map.of(), "revoke", "id1").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run(Map.of(), "nosuchcommand").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run(Map.of()).code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void batchWithAnInvalidRowSubmitsNothingWithoutPartial(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("batch.csv");
    Files.writeString(
        csv,
        "id,documentType,file,subjectRef,validFrom\nok-1,BIRTH_CERTIFICATE,missing.pdf,"
            + "s".repeat(40)
            + ",2025-01-01T00:00:00Z\n");
    Result r = run(Map.of(), "issue-batch", dir.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("line 2 (ok-1)").contains("batch not submitted");
  }

  @Test
  void verdictsAndFailuresMapToDistinctExitCodes() {
    assertThat(ExitCodes.of(Verdict.VALID)).isEqualTo(ExitCodes.OK);
    assertThat(ExitCodes.of(Verdict.REVOKED)).isEqualTo(ExitCodes.NOT_VALID);
    assertThat(ExitCodes.of(Verdict.UNKNOWN)).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(
            ExitCodes.of(
                new NetworkException("down", Stage.ENDORSE, null, "UNAVAILABLE", false, null)))
        .isEqualTo(ExitCodes.NETWORK);
    assertThat(
            ExitCodes.of(
                new AgencySuspendedException(
                    "AGENCY_SUSPENDED: x", ErrorCode.AGENCY_SUSPENDED, Stage.LOCAL, null, null)))
        .isEqualTo(ExitCodes.NOT_AUTHORIZED);
    assertThat(
            ExitCodes.of(
                new AgencyInactiveException(
                    "AGENCY_INACTIVE: x", ErrorCode.AGENCY_INACTIVE, Stage.ENDORSE, "tx", "p")))
        .isEqualTo(ExitCodes.NOT_AUTHORIZED);
    assertThat(
            java.util.Set.of(
                ExitCodes.OK,
                ExitCodes.NOT_VALID,
                ExitCodes.USAGE,
                ExitCodes.NOT_FOUND,
                ExitCodes.NOT_AUTHORIZED,
                ExitCodes.BAD_INPUT,
                ExitCodes.NETWORK,
                ExitCodes.REFUSED,
                ExitCodes.CONFIG,
                ExitCodes.PARTIAL,
                ExitCodes.INTERNAL,
                ExitCodes.ATTESTATION,
                ExitCodes.EVENTS_IGNORED))
        .hasSize(13);
  }

  @Test
  void anAttestationRefusedHasItsOwnExitCode() {
    assertThat(
            ExitCodes.of(
                new AttestationException(
                    AttestationException.Reason.SIGNATURE_INVALID, "tampered", null)))
        .isEqualTo(ExitCodes.ATTESTATION);
  }

  @Test
  void verifyFastIsNeverAttested() {
    assertThat(run(Map.of(), "verify", "--hash", "a".repeat(64), "--fast", "--attest", "3").code())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void verifyDecisionNeedsAnIdAndAProfile() {
    assertThat(run(Map.of(), "verify-decision").code()).isEqualTo(ExitCodes.USAGE);
    Result r = run(Map.of(), "verify-decision", "d-1", "--profile", "/nonexistent/profile.json");
    assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
  }

  @Test
  void verifyDecisionPrintsEachInputAndExitsOneUnlessAllWereValid() {
    Verification valid =
        new Verification(
            Verdict.VALID,
            null,
            "JusticeMSP",
            "Ministry of Justice",
            "records-justice",
            "2025-03-01T02:00:00Z",
            null);
    DecisionInputsReport mixed =
        DecisionInputsReport.of(
            "records-services",
            "d-1",
            "2025-03-01T02:00:00Z",
            List.of(
                new DecisionInputsReport.Input(
                    new RecordRef("records-justice", "c-1"),
                    Verdict.VALID,
                    false,
                    true,
                    null,
                    valid),
                new DecisionInputsReport.Input(
                    new RecordRef("records-nobody", "x"),
                    Verdict.UNKNOWN,
                    false,
                    false,
                    "no agency owns namespace 'records-nobody' in governance",
                    null)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    int code = VerifyCommands.VerifyDecision.print(new Output(out, out, false), mixed);

    assertThat(code).isEqualTo(ExitCodes.NOT_VALID);
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "NOT_ALL_VALID  decision d-1 in records-services, decided 2025-03-01T02:00:00Z:"
                + " 1 of 2 inputs valid then",
            "  VALID                  records-justice:c-1, issued by Ministry of Justice"
                + " (JusticeMSP)",
            "  UNKNOWN                records-nobody:x: no agency owns namespace"
                + " 'records-nobody' in governance");

    bytes.reset();
    DecisionInputsReport allValid =
        DecisionInputsReport.of(
            "records-services", "d-2", "2025-03-01T02:00:00Z", mixed.inputs().subList(0, 1));
    assertThat(VerifyCommands.VerifyDecision.print(new Output(out, out, true), allValid))
        .isEqualTo(ExitCodes.OK);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .startsWith("{\"allValidWhenDecided\":true,\"decidedAt\":\"2025-03-01T02:00:00Z\"")
        .contains("\"ref\":{\"id\":\"c-1\",\"namespace\":\"records-justice\"}");
  }

  @Test
  void auditEventsNeedsANamespaceAndAnOrderedRangeBeforeConnecting() {
    Result group = run(Map.of(), "audit");
    assertThat(group.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(group.err()).contains("events");

    Result help = run(Map.of(), "audit", "events", "--help");
    assertThat(help.code()).isEqualTo(ExitCodes.OK);
    assertThat(help.out())
        .contains("Usage: registry audit events", "--namespace", "--from", "--to");

    assertThat(run(Map.of(), "audit", "events").code()).isEqualTo(ExitCodes.USAGE);
    Result backwards =
        run(
            Map.of(),
            "audit",
            "events",
            "--namespace",
            "records-justice",
            "--from",
            "9",
            "--to",
            "3",
            "--profile",
            "/nonexistent/profile.json");
    assertThat(backwards.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(backwards.err()).contains("--to");
  }
}
