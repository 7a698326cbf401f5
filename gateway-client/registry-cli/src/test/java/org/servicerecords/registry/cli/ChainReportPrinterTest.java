package org.servicerecords.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.ChainFinding;
import org.servicerecords.registry.client.ChainFinding.Reason;
import org.servicerecords.registry.client.ChainReport;
import org.servicerecords.registry.client.PeerChain;
import org.servicerecords.registry.model.CanonicalJson;

class ChainReportPrinterTest {

  static final ChainFinding LINK =
      new ChainFinding(7, -1, "", Reason.PREVIOUS_HASH_MISMATCH, "previous hash ab", "");
  static final ChainFinding NOTE =
      new ChainFinding(
          9, 2, "t1", Reason.ENDORSER_NOT_TRUSTED, "endorser x", "ENDORSEMENT_POLICY_FAILURE");

  @Test
  void aCleanReportSaysCleanWithTheLastHash() {
    ChainReport report =
        new ChainReport(
            0,
            9,
            "abcd",
            10,
            12,
            List.of(),
            List.of(),
            Map.of("MVCC_READ_CONFLICT", 1L),
            false,
            0,
            List.of());
    assertThat(ChainReportPrinter.lines(report))
        .containsExactly(
            "CLEAN: blocks 0..9 (10 blocks, 12 transactions), 0 findings, 0 notes; invalidated by"
                + " the peer: MVCC_READ_CONFLICT 1",
            "validation not replayed (only from block 0)",
            "last block 9 header hash abcd");
  }

  @Test
  void aReplayedReportSaysHowManyCodesWereRecomputed() {
    ChainFinding mismatch =
        new ChainFinding(
            3, 0, "t", Reason.VALIDATION_CODE_MISMATCH, "the peer recorded VALID", "VALID");
    ChainReport report =
        new ChainReport(
            0, 9, "abcd", 10, 12, List.of(mismatch), List.of(), Map.of(), true, 12, List.of());
    assertThat(ChainReportPrinter.lines(report))
        .contains(
            "validation replayed: 12 transactions' codes recomputed, some differ from the peer's"
                + " (VALIDATION_CODE_MISMATCH)");
    JsonObject json = CanonicalJson.parseStrict(CanonicalJson.toJson(report)).getAsJsonObject();
    assertThat(json.get("validationReplayed").getAsBoolean()).isTrue();
    assertThat(json.get("validationCodesRecomputed").getAsLong()).isEqualTo(12);
  }

  @Test
  void theTimeToleranceIsMinutesOrAnIsoDuration() {
    assertThat(AuditCommands.VerifyChain.tolerance("20"))
        .isEqualTo(java.time.Duration.ofMinutes(20));
    assertThat(AuditCommands.VerifyChain.tolerance("pt1h"))
        .isEqualTo(java.time.Duration.ofHours(1));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> AuditCommands.VerifyChain.tolerance("soon"));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> AuditCommands.VerifyChain.tolerance("-PT1M"));
  }

  @Test
  void findingsAndNotesArePrintedWithBlockTransactionAndReason() {
    ChainReport report =
        new ChainReport(
            0, 9, "abcd", 10, 12, List.of(LINK), List.of(NOTE), Map.of(), false, 0, List.of());
    assertThat(report.clean()).isFalse();
    assertThat(ChainReportPrinter.lines(report))
        .startsWith(
            "FINDING block 7: PREVIOUS_HASH_MISMATCH: previous hash ab",
            "NOTE    block 9 tx 2 (t1, ENDORSEMENT_POLICY_FAILURE): ENDORSER_NOT_TRUSTED: endorser x");
  }

  @Test
  void peersAreListedWithTheirOutcomeAndAFindingNamesItsPeer() {
    ChainFinding altered =
        new ChainFinding(
            5,
            -1,
            "",
            Reason.PEER_BLOCK_DIFFERS,
            "its envelopes hash to 01, its header says 02",
            "",
            "127.0.0.1:8051");
    ChainReport report =
        new ChainReport(
            0,
            9,
            "abcd",
            10,
            12,
            List.of(altered),
            List.of(),
            Map.of(),
            true,
            12,
            List.of(
                new PeerChain(
                    "JusticeMSP", "127.0.0.1:7051", PeerChain.Status.AGREES, 9, "abcd", 10, ""),
                new PeerChain(
                    "ServicesMSP", "127.0.0.1:8051", PeerChain.Status.DIFFERS, 9, "abcd", 10, ""),
                new PeerChain(
                    "AuditMSP",
                    "127.0.0.1:9051",
                    PeerChain.Status.UNREACHABLE,
                    -1,
                    "",
                    0,
                    "UNAVAILABLE: io exception")));
    assertThat(ChainReportPrinter.lines(report))
        .startsWith(
            "FINDING block 5 from peer 127.0.0.1:8051: PEER_BLOCK_DIFFERS: its envelopes hash to 01,"
                + " its header says 02",
            "PEER    JusticeMSP 127.0.0.1:7051 AGREES: 10 blocks compared, last block 9 header hash"
                + " abcd",
            "PEER    ServicesMSP 127.0.0.1:8051 DIFFERS: 10 blocks compared, last block 9 header"
                + " hash abcd",
            "PEER    AuditMSP 127.0.0.1:9051 UNREACHABLE: 0 blocks compared (UNAVAILABLE: io"
                + " exception)");
  }

  @Test
  void theJsonReportNamesItsFields() {
    ChainReport report =
        new ChainReport(
            0, 9, "abcd", 10, 12, List.of(LINK), List.of(), Map.of(), false, 0, List.of());
    JsonObject json = CanonicalJson.parseStrict(CanonicalJson.toJson(report)).getAsJsonObject();
    assertThat(json.get("lastHeaderHash").getAsString()).isEqualTo("abcd");
    assertThat(json.get("blocksChecked").getAsLong()).isEqualTo(10);
    assertThat(
            json.get("findings")
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject()
                .get("reason")
                .getAsString())
        .isEqualTo("PREVIOUS_HASH_MISMATCH");
  }
}
