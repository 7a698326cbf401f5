package org.servicerecords.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.it.ItNetwork.AUDIT;
import static org.servicerecords.registry.it.ItNetwork.AUDIT_MSP;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_MSP;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_NS;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.cli.ExitCodes;
import org.servicerecords.registry.cli.RegistryCli;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.DocumentHash;
import org.servicerecords.registry.client.ProofCheck;
import org.servicerecords.registry.client.ProofFailure;
import org.servicerecords.registry.client.ProofReport;
import org.servicerecords.registry.client.ProofVerifier;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.TrustRoots;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.Verdict;

/**
 * Portable proofs on the running network: a record anchored by Justice, its proof exported by the
 * auditor (attested by Justice's and Audit's peers), verified offline with only the consortium's
 * root certificates; every single changed byte, a wrong document and another consortium's roots
 * make it fail with a named reason; after a revocation a new proof says REVOKED while the old one
 * still verifies and says what was attested then.
 */
class ProofIT {

  /** The organisations' folders under the state folder and their MSP ids. */
  static final Map<String, String> ORGS =
      Map.of(
          "justice",
          "JusticeMSP",
          "services",
          "ServicesMSP",
          "audit",
          "AuditMSP",
          "public",
          "PublicMSP");

  @TempDir static Path dir;

  static Path roots;
  static byte[] document;
  static String documentHash;
  static String id;
  static Path proofFile;
  static byte[] proof;

  @BeforeAll
  static void anchorAndExport() throws Exception {
    roots = Files.createDirectories(dir.resolve("roots"));
    for (Map.Entry<String, String> org : ORGS.entrySet()) {
      Path cacerts =
          ItNetwork.stateDir().resolve("orgs").resolve(org.getKey()).resolve("msp/cacerts");
      StringBuilder pem = new StringBuilder();
      try (var files = Files.list(cacerts)) {
        for (Path file : files.sorted().toList()) {
          pem.append(Files.readString(file));
        }
      }
      Files.writeString(roots.resolve(org.getValue() + ".pem"), pem);
    }
    document =
        ("proof-it document " + ItNetwork.RUN + " " + ItNetwork.randomHex(16))
            .getBytes(StandardCharsets.UTF_8);
    documentHash = DocumentHash.of(document);
    try (RegistryConnection issuer = ItNetwork.connect(JUSTICE, "issuer1")) {
      CertificateRequest c =
          new CertificateRequest(
              ItNetwork.id("proof"),
              "BIRTH_CERTIFICATE",
              documentHash,
              ItNetwork.newSubjectRef(),
              "2026-01-01T00:00:00Z",
              null,
              null,
              null);
      id = issuer.registryClient().anchorCertificate(AnchorRequest.of(c)).record().id();
    }
    proofFile = dir.resolve(id + ".proof.json");
    export(proofFile);
    proof = Files.readAllBytes(proofFile);
  }

  static void export(Path file) throws Exception {
    CliIT.Run run =
        ItNetwork.await(
            "proof export of " + id,
            () ->
                CliIT.registry(
                    AUDIT,
                    "auditor1",
                    "proof",
                    "export",
                    id,
                    "--namespace",
                    JUSTICE_MSP,
                    "--attester",
                    AUDIT_MSP,
                    "-o",
                    file.toString(),
                    "--force"),
            r -> r.code() == ExitCodes.OK);
    assertThat(run.out()).contains(id, JUSTICE_NS);
  }

  static ProofReport verify(byte[] bytes, String hash) throws Exception {
    return ProofVerifier.offline(TrustRoots.fromDirectory(roots)).verify(bytes, hash);
  }

  /** Runs the CLI with no profile, no identity, an empty environment: offline by construction. */
  static CliIT.Run offlineCli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>();
    // A profile that does not exist: were it read, the command would fail with CONFIG.
    all.add("--profile");
    all.add(dir.resolve("no-such-profile.json").toString());
    all.addAll(List.of(args));
    int code =
        RegistryCli.run(
            all.toArray(String[]::new),
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliIT.Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theProofVerifiesOfflineWithTheDocumentAndSaysWhatEachCheckEstablished() throws Exception {
    ProofReport report = verify(proof, documentHash);

    assertThat(report.verified()).as(report.toString()).isTrue();
    assertThat(report.checks()).allMatch(c -> c.status() == ProofCheck.Status.PASSED);
    assertThat(report.recordId()).isEqualTo(id);
    assertThat(report.namespace()).isEqualTo(JUSTICE_NS);
    assertThat(report.documentHash()).isEqualTo(documentHash);
    assertThat(report.attestedVerdict()).isEqualTo(Verdict.VALID);
    assertThat(report.attestedBy()).containsExactlyInAnyOrder(JUSTICE_MSP, AUDIT_MSP);

    Path doc = Files.write(dir.resolve("document.bin"), document);
    CliIT.Run cli =
        offlineCli(
            "proof",
            "verify",
            proofFile.toString(),
            "--document",
            doc.toString(),
            "--roots",
            roots.toString());
    assertThat(cli.code()).as(cli.out() + cli.err()).isEqualTo(ExitCodes.OK);
    assertThat(cli.out())
        .startsWith("VERIFIED")
        .contains("FORMAT", "BLOCK", "TRANSACTION", "RECORD", "ATTESTATION", "DOCUMENT")
        .contains("attested  VALID");
    System.out.println(cli.out());
  }

  /**
   * {@code bin/registry proof verify} in a network namespace of its own ({@code unshare -n}: no
   * interface but a loopback that is down), so it cannot reach any peer; the export in the same
   * namespace fails for want of a network. Where {@code unshare -n} is not permitted the test is
   * skipped, saying so.
   */
  @Test
  void theCliVerifiesWithNoNetworkAtAll() throws Exception {
    Path registry = Path.of("bin", "registry").toAbsolutePath();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("unshare", "-n", "true").start().waitFor() == 0,
        "unshare -n is not permitted here");

    Process verify =
        new ProcessBuilder(
                "unshare",
                "-n",
                registry.toString(),
                "proof",
                "verify",
                proofFile.toString(),
                "--hash",
                documentHash,
                "--roots",
                roots.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(verify.waitFor()).as(out).isEqualTo(ExitCodes.OK);
    assertThat(out).startsWith("VERIFIED");

    Process export =
        new ProcessBuilder(
                "unshare",
                "-n",
                registry.toString(),
                "--profile",
                ItNetwork.stateDir().resolve("orgs/audit/profile.json").toString(),
                "--identity",
                "auditor1",
                "proof",
                "export",
                id,
                "--namespace",
                JUSTICE_MSP,
                "-o",
                dir.resolve("unreachable.proof.json").toString())
            .redirectErrorStream(true)
            .start();
    String failed = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(export.waitFor()).as(failed).isEqualTo(ExitCodes.NETWORK);
  }

  @Test
  void everySingleChangedByteFailsWithANamedReason() throws Exception {
    ProofVerifier verifier = ProofVerifier.offline(TrustRoots.fromDirectory(roots));
    // Two changes of every position: its lowest bit, then another value drawn at random (seeded,
    // the seed printed) from the 255 other byte values.
    long seed = System.nanoTime();
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    int[] other = new int[proof.length];
    for (int i = 0; i < other.length; i++) {
      other[i] = (proof[i] + 1 + random.nextInt(255)) & 0xff;
    }
    sweep(verifier, "bit 0", i -> proof[i] ^ 0x01);
    sweep(verifier, "a random other value, seed " + seed, i -> other[i]);
  }

  /** Changes each position in turn to {@code value(i)}, in parallel; every change must fail. */
  private static void sweep(
      ProofVerifier verifier, String what, java.util.function.IntUnaryOperator value) {
    long start = System.nanoTime();
    List<ProofReport> reports =
        java.util.stream.IntStream.range(0, proof.length)
            .parallel()
            .mapToObj(
                i -> {
                  byte[] changed = proof.clone();
                  changed[i] = (byte) value.applyAsInt(i);
                  return verifier.verify(changed, null);
                })
            .toList();
    Map<ProofFailure, Integer> reasons = new TreeMap<>();
    List<Integer> passed = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      if (reports.get(i).verified() || reports.get(i).failure() == null) {
        passed.add(i);
      } else {
        reasons.merge(reports.get(i).failure(), 1, Integer::sum);
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf(
        "ProofIT: changed each of %d bytes (%s) in %d ms: %s%n",
        proof.length, what, took.toMillis(), reasons);
    assertThat(passed).as("positions whose change (%s) went unnoticed", what).isEmpty();
  }

  @Test
  void aWrongDocumentFailsWithItsOwnExitCode() throws Exception {
    String other = DocumentHash.of("another document".getBytes(StandardCharsets.UTF_8));
    ProofReport report = verify(proof, other);

    assertThat(report.verified()).isFalse();
    assertThat(report.failure()).isEqualTo(ProofFailure.DOCUMENT_MISMATCH);

    CliIT.Run cli =
        offlineCli(
            "proof", "verify", proofFile.toString(), "--hash", other, "--roots", roots.toString());
    assertThat(cli.code()).as(cli.out() + cli.err()).isEqualTo(ExitCodes.DOCUMENT_MISMATCH);
    assertThat(cli.out()).contains("DOCUMENT_MISMATCH");
  }

  @Test
  void maxAgeRefusesAnAttestationOlderThanTheVerifierAccepts() {
    CliIT.Run fresh =
        offlineCli(
            "proof",
            "verify",
            proofFile.toString(),
            "--roots",
            roots.toString(),
            "--max-age",
            "P1D");
    CliIT.Run stale =
        offlineCli(
            "proof",
            "verify",
            proofFile.toString(),
            "--roots",
            roots.toString(),
            "--max-age",
            "PT0S");

    assertThat(fresh.code()).as(fresh.out() + fresh.err()).isEqualTo(ExitCodes.OK);
    assertThat(stale.code()).as(stale.out() + stale.err()).isEqualTo(ExitCodes.PROOF_FAILED);
    assertThat(stale.out()).contains("ATTESTATION_TOO_OLD");
  }

  @Test
  void anotherConsortiumsRootsFailAsUntrustedSigners() throws Exception {
    Path others = Files.createDirectories(dir.resolve("other-roots"));
    for (String msp : ORGS.values()) {
      Files.writeString(others.resolve(msp + ".pem"), selfSignedCa(msp));
    }
    ProofReport report =
        ProofVerifier.offline(TrustRoots.fromDirectory(others)).verify(proof, documentHash);

    assertThat(report.verified()).isFalse();
    assertThat(report.failure()).isEqualTo(ProofFailure.UNTRUSTED_SIGNER);

    CliIT.Run cli =
        offlineCli("proof", "verify", proofFile.toString(), "--roots", others.toString(), "--json");
    assertThat(cli.code()).as(cli.out() + cli.err()).isEqualTo(ExitCodes.PROOF_FAILED);
    assertThat(cli.out()).contains("UNTRUSTED_SIGNER");
  }

  @Test
  void afterARevocationANewProofSaysRevokedAndTheOldOneStillSaysWhatWasAttestedThen()
      throws Exception {
    // Its own record, so the other tests keep a VALID one.
    String revokedId;
    String hash =
        DocumentHash.of(("revoked " + ItNetwork.randomHex(16)).getBytes(StandardCharsets.UTF_8));
    try (RegistryConnection issuer = ItNetwork.connect(JUSTICE, "issuer1")) {
      CertificateRequest c =
          new CertificateRequest(
              ItNetwork.id("proof-rev"),
              "BIRTH_CERTIFICATE",
              hash,
              ItNetwork.newSubjectRef(),
              "2026-01-01T00:00:00Z",
              null,
              null,
              null);
      revokedId = issuer.registryClient().anchorCertificate(AnchorRequest.of(c)).record().id();
      String saved = id;
      id = revokedId;
      try {
        export(dir.resolve("before.proof.json"));
        issuer.registryClient().revoke(revokedId, "ISSUED_IN_ERROR");
        Path after = dir.resolve("after.proof.json");
        ItNetwork.await(
            "a proof that says REVOKED",
            () -> {
              export(after);
              return verify(Files.readAllBytes(after), hash);
            },
            r -> r.attestedVerdict() == Verdict.REVOKED);
      } finally {
        id = saved;
      }
    }
    ProofReport before = verify(Files.readAllBytes(dir.resolve("before.proof.json")), hash);
    ProofReport after = verify(Files.readAllBytes(dir.resolve("after.proof.json")), hash);

    assertThat(before.verified()).as(before.toString()).isTrue();
    assertThat(before.attestedVerdict()).isEqualTo(Verdict.VALID);
    assertThat(after.verified()).as(after.toString()).isTrue();
    assertThat(after.attestedVerdict()).isEqualTo(Verdict.REVOKED);
    assertThat(after.transactionId()).isEqualTo(before.transactionId());
    assertThat(Instant.parse(after.attestedAt())).isAfter(Instant.parse(before.attestedAt()));
    assertThat(after.checks().get(4).detail()).contains("REVOKED", "current version");

    CliIT.Run cli =
        offlineCli(
            "proof",
            "verify",
            dir.resolve("after.proof.json").toString(),
            "--hash",
            hash,
            "--roots",
            roots.toString());
    assertThat(cli.code()).as(cli.out() + cli.err()).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("attested  REVOKED");
  }

  /** A self-signed CA certificate of another consortium, in PEM, naming the same MSP. */
  static String selfSignedCa(String msp) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name("O=" + msp + ",CN=ca-" + msp.toLowerCase());
    Instant now = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(365))),
            name,
            pair.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    var certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}
