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
      assertThat(verify(withJson("version", new com.google.gson.JsonPrimitive(3))).failure())
          .isEqualTo(ProofFailure.UNSUPPORTED_VERSION);
    }

    @Test
    void aVersion2ProofWithoutItsConfigurationBlockIsMalformed() {
      ProofReport report = verify(withJson("version", new com.google.gson.JsonPrimitive(2)));

      assertThat(report.failure()).isEqualTo(ProofFailure.PROOF_MALFORMED);
      assertThat(report.checks().get(0).detail()).contains("without its configBlock");
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
    void aBftSignatureInAVersion1ProofIsUnsupported() throws Exception {
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

  /** Version-2 proofs: a block signed by BFT consenters, with the configuration block in force. */
  @Nested
  class ABftProof {

    static byte[] bftGood;

    static TestProofs.Options bft() {
      TestProofs.Options o = proofs.options();
      o.bft = true;
      return o;
    }

    static byte[] bftGood() throws Exception {
      if (bftGood == null) {
        bftGood = proofs.proof(bft());
      }
      return bftGood;
    }

    /** The BFT proof with one JSON field replaced, re-serialized canonically. */
    static byte[] withBftJson(String path, com.google.gson.JsonElement value) throws Exception {
      JsonObject root =
          CanonicalJson.parseStrict(new String(bftGood(), StandardCharsets.UTF_8))
              .getAsJsonObject();
      String[] parts = path.split("\\.");
      JsonObject at = root;
      for (int i = 0; i < parts.length - 1; i++) {
        at = at.getAsJsonObject(parts[i]);
      }
      at.add(parts[parts.length - 1], value);
      return (CanonicalJson.toJson(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aQuorumOfConsentersOfASignedConfigurationVerifies() throws Exception {
      ProofReport report = ProofVerifier.offline(proofs.roots()).verify(bftGood(), TestProofs.HASH);

      assertThat(report.verified()).as(report.toString()).isTrue();
      assertThat(report.checks()).allMatch(c -> c.status() == Status.PASSED);
      assertThat(report.checks().get(0).detail()).contains("version 2");
      assertThat(report.checks().get(1).detail())
          .contains(
              "consenter 1 (",
              "orderer0.JusticeMSP",
              "a BFT quorum of 3 of the 4 consenters of configuration block 3",
              "signed by consenters [1, 2, 4] of its own mapping");
    }

    @Test
    void theVersion1FileOfARaftBlockIsUnchanged() throws Exception {
      String text = new String(good, StandardCharsets.UTF_8);

      assertThat(text).startsWith("{\"attestation\":").doesNotContain("configBlock");
      assertThat(CanonicalJson.parseStrict(text).getAsJsonObject().get("version").getAsInt())
          .isEqualTo(1);
    }

    @Test
    void anUnsignedGenesisConfigurationVerifies() throws Exception {
      TestProofs.Options o = bft();
      o.configNumber = 0;

      ProofReport report = verify(o);

      assertThat(report.verified()).as(report.toString()).isTrue();
      assertThat(report.checks().get(1).detail())
          .contains("configuration block 0", "the genesis block, which no orderer signs");
    }

    @Test
    void allFourConsentersSigningVerifies() throws Exception {
      TestProofs.Options o = bft();
      o.bftSigners = List.of(4, 3, 2, 1);

      assertThat(verify(o).verified()).isTrue();
    }

    @Test
    void twoOfFourConsentersAreBelowTheQuorum() throws Exception {
      TestProofs.Options o = bft();
      o.bftSigners = List.of(1, 2);

      ProofReport report = verify(o);

      assertThat(report.failure()).isEqualTo(ProofFailure.QUORUM_NOT_REACHED);
      assertThat(report.checks().get(1).detail()).contains("block 7", "the BFT quorum is 3");
    }

    @Test
    void oneConsenterSigningThriceCountsOnce() throws Exception {
      TestProofs.Options o = bft();
      o.bftSigners = List.of(1, 1, 1);

      assertThat(verify(o).failure()).isEqualTo(ProofFailure.QUORUM_NOT_REACHED);
    }

    @Test
    void aConfigurationBlockBelowTheQuorumFails() throws Exception {
      TestProofs.Options o = bft();
      o.configSigners = List.of(2, 3);

      ProofReport report = verify(o);

      assertThat(report.failure()).isEqualTo(ProofFailure.QUORUM_NOT_REACHED);
      assertThat(report.checks().get(1).detail()).contains("configuration block 3");
    }

    @Test
    void anUnknownConsenterIdFails() throws Exception {
      TestProofs.Options o = bft();
      o.bftNamedIds = List.of(1, 2, 9);

      ProofReport report = verify(o);

      assertThat(report.failure()).isEqualTo(ProofFailure.UNKNOWN_CONSENTER);
      assertThat(report.checks().get(1).detail()).contains("consenter 9");
    }

    @Test
    void aSignatureUnderAnotherConsentersIdIsInvalid() throws Exception {
      TestProofs.Options o = bft();
      o.bftNamedIds = List.of(1, 2, 4);

      assertThat(verify(o).failure()).isEqualTo(ProofFailure.SIGNATURE_INVALID);
    }

    @Test
    void aConsenterCertificateFromOtherRootsIsUntrusted() throws Exception {
      TestProofs.Options o = bft();
      o.foreignConsenter = true;
      o.configSigners = List.of(1, 2, 3);

      ProofReport report = verify(o);

      assertThat(report.failure()).isEqualTo(ProofFailure.UNTRUSTED_SIGNER);
      assertThat(report.checks().get(1).detail()).contains("consenter 4", "DigitalMSP");
    }

    @Test
    void rootsWithoutTheOrderingOrganisationMakeItsConsentersUntrusted() throws Exception {
      TrustRoots withoutDigital =
          TrustRoots.of(
              Map.of(
                  "JusticeMSP", List.of(proofs.justice.ca().certificate()),
                  "AuditMSP", List.of(proofs.audit.ca().certificate())));

      ProofReport report = ProofVerifier.offline(withoutDigital).verify(bftGood(), null);

      assertThat(report.failure()).isEqualTo(ProofFailure.UNTRUSTED_SIGNER);
    }

    @Test
    void aConfigurationBlockOtherThanTheLastConfigurationNamedFails() throws Exception {
      TestProofs.Options o = bft();
      o.lastConfig = 5;

      assertThat(verify(o).failure()).isEqualTo(ProofFailure.CONFIGURATION_MISMATCH);
    }

    @Test
    void aRaftConfigurationCannotNameConsenters() throws Exception {
      TestProofs.Options o = bft();
      o.consensusType = "etcdraft";

      assertThat(verify(o).failure()).isEqualTo(ProofFailure.CONFIGURATION_MISMATCH);
    }

    @Test
    void aTamperedConfigurationEnvelopeFailsItsDataHash() throws Exception {
      // Consenter 4 swapped for another key in the envelope; the signed header is the original.
      TestProofs.Options o = bft();
      TestProofs.Options forged = bft();
      forged.foreignConsenter = true;
      String envelope =
          Base64.getEncoder().encodeToString(proofs.configEnvelope(forged).toByteArray());
      assertThat(proofs.configBlock(o).envelope()).isNotEqualTo(envelope);

      ProofReport report =
          verify(withBftJson("configBlock.envelope", new com.google.gson.JsonPrimitive(envelope)));

      assertThat(report.failure()).isEqualTo(ProofFailure.DATA_HASH_MISMATCH);
      assertThat(report.checks().get(1).detail()).contains("configuration block");
    }

    @Test
    void aConfigurationBlockReplacedWithoutItsSignaturesFails() throws Exception {
      // A whole other configuration block 3 (consistent header and data hash), keeping the
      // original's signatures: they do not verify over the new header.
      TestProofs.Options forged = bft();
      forged.consenterDomain = "forged.example";
      ProofFile.ConfigBlockPart other = proofs.configBlock(forged);
      JsonObject config =
          CanonicalJson.parseStrict(new String(bftGood(), StandardCharsets.UTF_8))
              .getAsJsonObject()
              .getAsJsonObject("configBlock");
      config.addProperty("header", other.header());
      config.addProperty("envelope", other.envelope());

      ProofReport report = verify(withBftJson("configBlock", config));

      assertThat(report.failure()).isEqualTo(ProofFailure.SIGNATURE_INVALID);
      assertThat(report.checks().get(1).detail()).contains("configuration block 3");
    }

    @Test
    void aSignedConfigurationBlockWithoutSignaturesFails() throws Exception {
      ProofReport report =
          verify(
              withBftJson("configBlock.ordererSignatures", new com.google.gson.JsonPrimitive("")));

      assertThat(report.failure()).isEqualTo(ProofFailure.ORDERER_SIGNATURE_MISSING);
    }

    @Test
    void aVersion2ProofOfARaftBlockIsAMismatch() throws Exception {
      JsonObject config =
          CanonicalJson.parseStrict(new String(bftGood(), StandardCharsets.UTF_8))
              .getAsJsonObject()
              .getAsJsonObject("configBlock");
      JsonObject root =
          CanonicalJson.parseStrict(new String(good, StandardCharsets.UTF_8)).getAsJsonObject();
      root.addProperty("version", 2);
      root.add("configBlock", config);

      ProofReport report =
          verify((CanonicalJson.toJson(root) + "\n").getBytes(StandardCharsets.UTF_8));

      assertThat(report.failure()).isEqualTo(ProofFailure.CONFIGURATION_MISMATCH);
    }

    @Test
    void aVersion1ProofWithAConfigurationBlockIsMalformed() throws Exception {
      assertThat(verify(withBftJson("version", new com.google.gson.JsonPrimitive(1))).failure())
          .isEqualTo(ProofFailure.PROOF_MALFORMED);
    }

    @Test
    void everySingleChangedByteFailsWithANamedReason() throws Exception {
      byte[] proof = bftGood();
      ProofVerifier verifier = ProofVerifier.offline(proofs.roots());
      Map<ProofFailure, Integer> reasons = new EnumMap<>(ProofFailure.class);
      List<Integer> positions =
          java.util.stream.IntStream.range(0, proof.length)
              .filter(i -> i % 7 == 0 || i < 256 || i >= proof.length - 256)
              .boxed()
              .toList();
      List<ProofReport> reports =
          positions.stream()
              .parallel()
              .map(
                  i -> {
                    byte[] changed = proof.clone();
                    changed[i] ^= 0x01;
                    return verifier.verify(changed, null);
                  })
              .toList();
      List<Integer> unnoticed = new ArrayList<>();
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
              ProofFailure.DATA_HASH_MISMATCH,
              ProofFailure.SIGNATURE_INVALID);
    }

    @Test
    void everyChangedByteOfTheConfigurationBlockFails() throws Exception {
      byte[] proof = bftGood();
      String text = new String(proof, StandardCharsets.UTF_8);
      int from = text.indexOf("\"configBlock\":");
      int to = text.indexOf('}', from);
      ProofVerifier verifier = ProofVerifier.offline(proofs.roots());
      List<Integer> unnoticed =
          java.util.stream.IntStream.range(from, to + 1)
              .parallel()
              .filter(
                  i -> {
                    byte[] changed = proof.clone();
                    changed[i] ^= 0x01;
                    ProofReport report = verifier.verify(changed, null);
                    return report.verified() || report.failure() == null;
                  })
              .boxed()
              .toList();

      assertThat(to - from).isGreaterThan(1000);
      assertThat(unnoticed).isEmpty();
    }
  }
}
