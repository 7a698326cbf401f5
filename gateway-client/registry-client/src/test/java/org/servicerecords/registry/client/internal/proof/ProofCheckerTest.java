package org.servicerecords.registry.client.internal.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.ProofCheck;
import org.servicerecords.registry.client.ProofCheck.Check;
import org.servicerecords.registry.client.ProofCheck.Status;
import org.servicerecords.registry.client.ProofFailure;
import org.servicerecords.registry.client.ProofReport;
import org.servicerecords.registry.client.ProofVerifier;
import org.servicerecords.registry.client.TrustRoots;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.RecordStatus;
import org.servicerecords.registry.model.Verdict;

/** The offline proof checks, on proofs built in the test with Bouncy Castle keys. */
class ProofCheckerTest {

  static TestProofs proofs;
  static byte[] good;

  @BeforeAll
  static void build() throws Exception {
    proofs = new TestProofs();
    good = proofs.proof(proofs.options());
  }

  static ProofReport verify(byte[] proof) {
    return ProofVerifier.offline(proofs.roots()).verify(proof, null);
  }

  static ProofReport verify(TestProofs.Options options) throws Exception {
    return verify(proofs.proof(options));
  }

  /** A proof file with one top-level JSON field replaced, re-serialized canonically. */
  static byte[] withJson(String path, com.google.gson.JsonElement value) {
    JsonObject root =
        CanonicalJson.parseStrict(new String(good, StandardCharsets.UTF_8)).getAsJsonObject();
    String[] parts = path.split("\\.");
    JsonObject at = root;
    for (int i = 0; i < parts.length - 1; i++) {
      at = at.getAsJsonObject(parts[i]);
    }
    at.add(parts[parts.length - 1], value);
    return (CanonicalJson.toJson(root) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Nested
  class AGoodProof {
    @Test
    void passesEveryCheckAndReportsWhatItEstablished() {
      ProofReport report = ProofVerifier.offline(proofs.roots()).verify(good, TestProofs.HASH);

      assertThat(report.verified()).as(report.toString()).isTrue();
      assertThat(report.checks())
          .extracting(ProofCheck::check)
          .containsExactly(
              Check.FORMAT,
              Check.BLOCK,
              Check.TRANSACTION,
              Check.RECORD,
              Check.ATTESTATION,
              Check.DOCUMENT);
      assertThat(report.checks()).allMatch(c -> c.status() == Status.PASSED);
      assertThat(report.failure()).isNull();
      assertThat(report.recordId()).isEqualTo(TestProofs.ID);
      assertThat(report.namespace()).isEqualTo(TestProofs.NS);
      assertThat(report.blockNumber()).isEqualTo(7);
      assertThat(report.anchoredAt()).isEqualTo(TestProofs.ANCHORED.toString());
      assertThat(report.attestedVerdict()).isEqualTo(Verdict.VALID);
      assertThat(report.attestedAt()).isEqualTo(TestProofs.ATTESTED.toString());
      assertThat(report.attestedBy()).containsExactly("JusticeMSP", "AuditMSP");
      assertThat(report.checks().get(1).detail()).contains("block 7", "orderer0.AuditMSP");
      assertThat(report.checks().get(2).detail()).contains("JusticeMSP", "AuditMSP");
    }

    @Test
    void withoutADocumentSkipsOnlyThatCheck() {
      ProofReport report = verify(good);

      assertThat(report.verified()).isTrue();
      assertThat(report.checks().get(5).status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void aLaterRevocationAttestedIsReportedAsTheStatusThen() throws Exception {
      TestProofs.Options o = proofs.options();
      o.attestedStatus = RecordStatus.REVOKED;

      ProofReport report = verify(o);

      assertThat(report.verified()).as(report.toString()).isTrue();
      assertThat(report.attestedVerdict()).isEqualTo(Verdict.REVOKED);
      assertThat(report.checks().get(4).detail()).contains("REVOKED", "current version");
    }
  }

  @Nested
  class EverySingleChangedByte {
    @Test
    void failsWithANamedReason() {
      ProofVerifier verifier = ProofVerifier.offline(proofs.roots());
      Map<ProofFailure, Integer> reasons = new EnumMap<>(ProofFailure.class);
      List<Integer> unnoticed = new ArrayList<>();
      // Every 7th position and all of the first and last 256 bytes, its lowest bit changed, in
      // parallel (the verifier is immutable); ProofIT changes every byte of a real proof.
      List<Integer> positions =
          java.util.stream.IntStream.range(0, good.length)
              .filter(i -> i % 7 == 0 || i < 256 || i >= good.length - 256)
              .boxed()
              .toList();
      List<ProofReport> reports =
          positions.stream()
              .parallel()
              .map(
                  i -> {
                    byte[] changed = good.clone();
                    changed[i] ^= 0x01;
                    return verifier.verify(changed, null);
                  })
              .toList();
      for (int i = 0; i < reports.size(); i++) {
        ProofReport report = reports.get(i);
        if (report.verified() || report.failure() == null) {
          unnoticed.add(positions.get(i));
        } else {
          reasons.merge(report.failure(), 1, Integer::sum);
        }
      }
      assertThat(unnoticed).isEmpty();
      assertThat(reasons)
          .containsKeys(
              ProofFailure.PROOF_MALFORMED,
              ProofFailure.RESTATEMENT_MISMATCH,
              ProofFailure.DATA_HASH_MISMATCH,
              ProofFailure.SIGNATURE_INVALID);
    }
  }

  @Nested
  class TheFile {
    @Test
    void aBlankAddedIsNotCanonical() {
      String text = new String(good, StandardCharsets.UTF_8);
      byte[] spaced = text.replaceFirst("\\{", "{ ").getBytes(StandardCharsets.UTF_8);

      assertThat(verify(spaced).failure()).isEqualTo(ProofFailure.NOT_CANONICAL);
    }

    @Test
    void aMissingFinalNewlineIsNotCanonical() {
      byte[] trimmed = java.util.Arrays.copyOf(good, good.length - 1);

      assertThat(verify(trimmed).failure()).isEqualTo(ProofFailure.NOT_CANONICAL);
    }

    @Test
    void anUnknownFieldIsMalformed() {
      ProofReport report = verify(withJson("comment", new com.google.gson.JsonPrimitive("hi")));

      assertThat(report.failure()).isEqualTo(ProofFailure.PROOF_MALFORMED);
      assertThat(report.checks().subList(1, 6)).allMatch(c -> c.status() == Status.SKIPPED);
    }

    @Test
    void anotherVersionIsRefused() {
      assertThat(verify(withJson("version", new com.google.gson.JsonPrimitive(2))).failure())
          .isEqualTo(ProofFailure.UNSUPPORTED_VERSION);
    }

    @Test
    void nonCanonicalBase64IsRefused() {
      JsonObject root =
          CanonicalJson.parseStrict(new String(good, StandardCharsets.UTF_8)).getAsJsonObject();
      JsonObject block = root.getAsJsonObject("block");
      // The same bytes in a non-canonical spelling: padding bits set in the last character.
      for (String field : List.of("header", "ordererSignatures")) {
        String canonical = block.get(field).getAsString();
        if (canonical.indexOf('=') < 0) {
          continue;
        }
        String odd = oddPadding(canonical);
        assertThat(Base64.getDecoder().decode(odd))
            .isEqualTo(Base64.getDecoder().decode(canonical));

        ProofReport report =
            verify(withJson("block." + field, new com.google.gson.JsonPrimitive(odd)));

        assertThat(report.failure()).isEqualTo(ProofFailure.NOT_CANONICAL);
        return;
      }
      throw new IllegalStateException("no padded base64 field in the test proof");
    }

    @Test
    void anUnknownProtobufFieldIsNotCanonical() {
      JsonObject root =
          CanonicalJson.parseStrict(new String(good, StandardCharsets.UTF_8)).getAsJsonObject();
      byte[] envelope =
          Base64.getDecoder()
              .decode(root.getAsJsonObject("attestation").get("envelope").getAsString());
      // Field 15, varint 1: unknown to common.Envelope, kept and re-serialized by protobuf-java.
      byte[] longer = java.util.Arrays.copyOf(envelope, envelope.length + 2);
      longer[envelope.length] = (byte) (15 << 3);
      longer[envelope.length + 1] = 1;

      ProofReport report =
          verify(
              withJson(
                  "attestation.envelope",
                  new com.google.gson.JsonPrimitive(Base64.getEncoder().encodeToString(longer))));

      assertThat(report.failure()).isEqualTo(ProofFailure.NOT_CANONICAL);
      assertThat(report.checks().get(4).detail()).contains("unknown fields");
    }

    /** A base64 text whose last data character carries non-zero padding bits, if it has padding. */
    private String oddPadding(String canonical) {
      String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
      int end = canonical.indexOf('=');
      int last = end - 1;
      char c = canonical.charAt(last);
      char bumped = alphabet.charAt(alphabet.indexOf(c) + 1);
      return canonical.substring(0, last) + bumped + canonical.substring(last + 1);
    }
  }

  @Nested
  class TheRestatements {
    @Test
    void aRecordThatIsNotTheWrittenOneIsAMismatch() {
      JsonObject root =
          CanonicalJson.parseStrict(new String(good, StandardCharsets.UTF_8)).getAsJsonObject();
      JsonObject record = root.getAsJsonObject("record");
      record.addProperty("validFrom", "2025-01-01T00:00:00Z");

      ProofReport report = verify(withJson("record", record));

      assertThat(report.failure()).isEqualTo(ProofFailure.RESTATEMENT_MISMATCH);
      assertThat(report.checks().get(3).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void anotherDocumentHashIsAMismatch() {
      ProofReport report =
          verify(withJson("documentHash", new com.google.gson.JsonPrimitive("c".repeat(64))));

      assertThat(report.failure()).isEqualTo(ProofFailure.RESTATEMENT_MISMATCH);
    }

    @Test
    void anotherBlockNumberIsAMismatch() {
      assertThat(verify(withJson("blockNumber", new com.google.gson.JsonPrimitive(8))).failure())
          .isEqualTo(ProofFailure.RESTATEMENT_MISMATCH);
    }

    @Test
    void aValidationCodeOtherThanValidFails() throws Exception {
      TestProofs.Options o = proofs.options();
      o.peerValidationCode = "MVCC_READ_CONFLICT";

      assertThat(verify(o).failure()).isEqualTo(ProofFailure.TRANSACTION_NOT_VALID);
    }
  }

  @Nested
  class TheSigners {
    @Test
    void anotherConsortiumsRootsMakeEverySignerUntrusted() throws Exception {
      TestProofs other = new TestProofs();

      ProofReport report = ProofVerifier.offline(other.roots()).verify(good, null);

      assertThat(report.failure()).isEqualTo(ProofFailure.UNTRUSTED_SIGNER);
      assertThat(report.checks().subList(1, 5))
          .filteredOn(c -> c.check() != Check.RECORD)
          .allMatch(c -> c.reason() == ProofFailure.UNTRUSTED_SIGNER);
    }

    @Test
    void rootsWithoutAnOrganisationMakeItsSignersUntrusted() {
      TrustRoots justiceOnly =
          TrustRoots.of(Map.of("JusticeMSP", List.of(proofs.justice.ca().certificate())));

      ProofReport report = ProofVerifier.offline(justiceOnly).verify(good, null);

      assertThat(report.failure()).isEqualTo(ProofFailure.UNTRUSTED_SIGNER);
      assertThat(report.checks().get(1).detail()).contains("AuditMSP", "roots do not hold");
    }

    @Test
    void anEndorsementOfOneOrganisationOnlyIsTooFew() throws Exception {
      TestProofs.Options o = proofs.options();
      o.anchoringEndorsers = List.of(proofs.justice);

      ProofReport report = verify(o);

      assertThat(report.failure()).isEqualTo(ProofFailure.TOO_FEW_ORGANISATIONS);
      assertThat(report.checks().get(2).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void anAttestationWithoutTheOwnerIsTooFew() throws Exception {
      TestProofs.Options o = proofs.options();
      o.attesters = List.of(proofs.audit);

      assertThat(verify(o).failure()).isEqualTo(ProofFailure.TOO_FEW_ORGANISATIONS);
    }

    @Test
    void anEndorserThatIsNotAPeerHasTheWrongRole() throws Exception {
      TestProofs.Options o = proofs.options();
      o.anchoringEndorserCertificates = List.of(proofs.justice.peer(), proofs.audit.client());

      assertThat(verify(o).failure()).isEqualTo(ProofFailure.WRONG_ROLE);
    }

    @Test
    void aHighSOrdererSignatureIsInvalid() throws Exception {
      TestProofs.Options o = proofs.options();
      o.highSOrdererSignature = true;

      ProofReport report = verify(o);

      assertThat(report.failure()).isEqualTo(ProofFailure.SIGNATURE_INVALID);
      assertThat(report.checks().get(1).detail()).contains("high-S");
    }

    @Test
    void aBftSignatureIsNotSupportedYet() throws Exception {
      TestProofs.Options o = proofs.options();
      o.bftSignature = true;

      assertThat(verify(o).failure()).isEqualTo(ProofFailure.UNSUPPORTED);
    }
  }

  @Nested
  class TheAttestation {
    @Test
    void anAnswerAboutAnotherRecordIsAMismatch() throws Exception {
      TestProofs.Options o = proofs.options();
      o.attestedId = "another-record";

      ProofReport report = verify(o);

      assertThat(report.failure()).isEqualTo(ProofFailure.ATTESTATION_MISMATCH);
      assertThat(report.checks().get(4).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void aRestatedAnswerThatIsNotTheSignedOneIsAMismatch() {
      JsonObject root =
          CanonicalJson.parseStrict(new String(good, StandardCharsets.UTF_8)).getAsJsonObject();
      JsonObject answer = root.getAsJsonObject("attestation").getAsJsonObject("answer");
      answer.addProperty("verdict", "REVOKED");

      assertThat(verify(withJson("attestation.answer", answer)).failure())
          .isEqualTo(ProofFailure.RESTATEMENT_MISMATCH);
    }
  }

  @Nested
  class TheAttestationsAge {
    @Test
    void anAttestationOlderThanAcceptedFails() {
      ProofReport report =
          ProofVerifier.offline(proofs.roots())
              .verify(good, null, TestProofs.ATTESTED.plusSeconds(1));

      assertThat(report.verified()).isFalse();
      assertThat(report.failure()).isEqualTo(ProofFailure.ATTESTATION_TOO_OLD);
      assertThat(report.checks().get(4).detail()).contains(TestProofs.ATTESTED.toString());
    }

    @Test
    void anAttestationRecentEnoughPasses() {
      ProofReport report =
          ProofVerifier.offline(proofs.roots()).verify(good, null, TestProofs.ATTESTED);

      assertThat(report.verified()).isTrue();
    }
  }

  @Nested
  class TheDocument {
    @Test
    void anotherDocumentIsADocumentMismatchOnly() {
      ProofReport report = ProofVerifier.offline(proofs.roots()).verify(good, "d".repeat(64));

      assertThat(report.verified()).isFalse();
      assertThat(report.failure()).isEqualTo(ProofFailure.DOCUMENT_MISMATCH);
      assertThat(report.checks())
          .filteredOn(c -> c.status() == Status.FAILED)
          .extracting(ProofCheck::check)
          .containsExactly(Check.DOCUMENT);
    }
  }
}
