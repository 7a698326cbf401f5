package org.servicerecords.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.it.ItNetwork.AUDIT;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE;
import static org.servicerecords.registry.it.ItNetwork.SERVICES;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.cli.ExitCodes;
import org.servicerecords.registry.model.CanonicalJson;

/**
 * {@code registry audit verify-chain} over the whole test ledger: clean, every agency's peer's copy
 * of it agrees, and its last block's header hash is what every organisation's peer reports as its
 * current block hash ({@code peer channel getinfo}, run as the organisation's admin through {@code
 * scripts/network.sh env}).
 */
class ChainIT {

  /** A peer's chain information. */
  record ChainInfo(long height, String currentBlockHashHex) {}

  @Test
  void theWholeLedgerVerifiesCleanAndEndsAtEveryPeersCurrentBlockHash() throws Exception {
    ChainInfo justice = chainInfo(JUSTICE);
    long last = justice.height() - 1;

    CliIT.Run run =
        CliIT.registry(
            AUDIT, "auditor1", "audit", "verify-chain", "--to", Long.toString(last), "--json");

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
    JsonObject report = CanonicalJson.parseStrict(run.out().strip()).getAsJsonObject();
    assertThat(report.get("findings").getAsJsonArray()).isEmpty();
    assertThat(report.get("fromBlock").getAsLong()).isZero();
    assertThat(report.get("lastBlock").getAsLong()).isEqualTo(last);
    assertThat(report.get("blocksChecked").getAsLong()).isEqualTo(justice.height());
    // the replayed validation code of every transaction equals the peer's (no findings above)
    assertThat(report.get("validationReplayed").getAsBoolean()).isTrue();
    assertThat(report.get("validationCodesRecomputed").getAsLong())
        .isEqualTo(report.get("transactionsChecked").getAsLong());
    String lastHash = report.get("lastHeaderHash").getAsString();
    assertThat(lastHash).isEqualTo(justice.currentBlockHashHex());
    // The auditor's profile lists every agency's peer: each one's copy of the range was read from
    // that peer and agrees with the verified chain.
    List<String> peers = new java.util.ArrayList<>();
    for (var peer : report.get("peers").getAsJsonArray()) {
      JsonObject p = peer.getAsJsonObject();
      peers.add(p.get("mspId").getAsString() + "=" + p.get("status").getAsString());
      assertThat(p.get("lastBlock").getAsLong()).isEqualTo(last);
      assertThat(p.get("lastHeaderHash").getAsString()).isEqualTo(lastHash);
    }
    assertThat(peers)
        .containsExactlyInAnyOrder("JusticeMSP=AGREES", "ServicesMSP=AGREES", "AuditMSP=AGREES");
    for (String org : List.of(SERVICES, AUDIT)) {
      ChainInfo info =
          ItNetwork.await(
              "the peer of " + org + " at height " + justice.height(),
              () -> chainInfo(org),
              i -> i.height() >= justice.height());
      if (info.height() == justice.height()) {
        assertThat(info.currentBlockHashHex())
            .as("current block hash of " + org)
            .isEqualTo(lastHash);
      } else {
        // The ledger grew meanwhile: verify up to this peer's head instead.
        CliIT.Run again =
            CliIT.registry(
                AUDIT,
                "auditor1",
                "audit",
                "verify-chain",
                "--from",
                Long.toString(last),
                "--to",
                Long.toString(info.height() - 1),
                "--json");
        assertThat(again.code()).as(again.out() + again.err()).isEqualTo(ExitCodes.OK);
        JsonObject tail = CanonicalJson.parseStrict(again.out().strip()).getAsJsonObject();
        assertThat(tail.get("lastHeaderHash").getAsString())
            .as("current block hash of " + org)
            .isEqualTo(info.currentBlockHashHex());
      }
    }
  }

  @Test
  void aRangeFromTheMiddleLinksToTheBlockBeforeIt() throws Exception {
    ChainInfo justice = chainInfo(JUSTICE);
    long last = justice.height() - 1;
    long from = Math.max(1, last / 2);

    CliIT.Run run =
        CliIT.registry(
            AUDIT,
            "auditor1",
            "audit",
            "verify-chain",
            "--from",
            Long.toString(from),
            "--to",
            Long.toString(last),
            "--json");

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
    JsonObject report = CanonicalJson.parseStrict(run.out().strip()).getAsJsonObject();
    assertThat(report.get("blocksChecked").getAsLong()).isEqualTo(last - from + 1);
    assertThat(report.get("lastHeaderHash").getAsString()).isEqualTo(justice.currentBlockHashHex());
  }

  /** {@code peer channel getinfo} on the organisation's first peer, as its admin. */
  static ChainInfo chainInfo(String org) throws IOException, InterruptedException {
    Path repo = repositoryRoot();
    ProcessBuilder builder =
        new ProcessBuilder(
            "bash",
            "-c",
            "set -euo pipefail; eval \"$(\"$0\"/scripts/network.sh env \"$1\")\";"
                + " peer channel getinfo -c registry",
            repo.toString(),
            org);
    builder.environment().put("REGISTRY_STATE_DIR", ItNetwork.stateDir().toString());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("Blockchain info: "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no chain information: " + output));
    JsonObject info =
        com.google.gson.JsonParser.parseString(line.substring("Blockchain info: ".length()))
            .getAsJsonObject();
    return new ChainInfo(
        info.get("height").getAsLong(),
        HexFormat.of()
            .formatHex(Base64.getDecoder().decode(info.get("currentBlockHash").getAsString())));
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("scripts").resolve("network.sh"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "no scripts/network.sh above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
