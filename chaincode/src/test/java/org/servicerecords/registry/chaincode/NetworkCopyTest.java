package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.chaincode.Fixtures.*;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.testing.Ledger;
import org.servicerecords.registry.testing.Network;

/**
 * {@link Network#copy()}, on which the fuzz test runs each input instead of setting its network up
 * again: a copy answers and commits exactly as the network set up again would, and leaves the
 * original as it was.
 */
class NetworkCopyTest {

  /** A consortium with c1 anchored with stored details, c2 without, and c2 revoked. */
  private static Network setUp() {
    Network network = Fixtures.consortium();
    assertThat(anchorWithDetails(network, "c1", "Ana Example").ok()).isTrue();
    assertThat(anchor(network, "c2").ok()).isTrue();
    assertThat(network.call(JUSTICE_NS, "records:Revoke", "c2", "LOST").by(JUSTICE_ISSUER).submit())
        .matches(Network.Result::ok);
    return network;
  }

  /** Writes, refusals, private data, history and a governance change, in one sequence. */
  private static List<String> play(Network network) {
    List<Network.Result> results = new ArrayList<>();
    results.add(anchorWithDetails(network, "c3", "Bo Example"));
    results.add(
        network.call(JUSTICE_NS, "records:Revoke", "c1", "LOST").by(JUSTICE_ISSUER).submit());
    results.add(
        network.call(JUSTICE_NS, "records:Revoke", "c1", "LOST").by(SERVICES_ISSUER).submit());
    results.add(network.call(JUSTICE_NS, "records:GetHistory", "c1").by(AUDITOR).evaluate());
    results.add(readDetails(network, "c3", JUSTICE_ISSUER).evaluate());
    results.add(network.call(JUSTICE_NS, "records:PurgeDetails", "c3").by(JUSTICE_ISSUER).submit());
    results.add(govern(network, "SuspendAgency", SERVICES, "AUDIT"));
    results.add(
        network.call(GOVERNANCE, "governance:GetAgencyHistory", SERVICES).by(AUDITOR).evaluate());
    List<String> described = new ArrayList<>();
    for (Network.Result result : results) {
      described.add(describe(result));
    }
    return described;
  }

  private static String describe(Network.Result result) {
    StringBuilder text = new StringBuilder();
    text.append(result.status()).append(' ').append(result.message()).append(' ');
    text.append(result.txId()).append(' ').append(result.timestamp()).append(' ');
    text.append(result.payload()).append('\n');
    for (Ledger.Write write : result.writes()) {
      text.append(write).append(" = ").append(hex(write.value())).append('\n');
    }
    result
        .events()
        .forEach(
            e ->
                text.append(e.getEventName())
                    .append(' ')
                    .append(e.getPayload().toStringUtf8())
                    .append('\n'));
    return text.toString();
  }

  private static String hex(byte[] value) {
    return value == null ? "null" : HexFormat.of().formatHex(value);
  }

  /** Every ledger of a network, deeply, as text. */
  private static Map<String, String> contents(Network network) {
    Map<String, String> all = new TreeMap<>();
    network
        .ledgers()
        .forEach(
            (name, ledger) -> {
              StringBuilder text = new StringBuilder();
              ledger
                  .state()
                  .forEach(
                      (k, v) ->
                          text.append(Ledger.printable(k)).append('=').append(hex(v)).append('\n'));
              new TreeMap<>(ledger.history())
                  .forEach(
                      (k, changes) ->
                          changes.forEach(
                              c ->
                                  text.append(Ledger.printable(k))
                                      .append(' ')
                                      .append(c.txId())
                                      .append(' ')
                                      .append(c.timestamp())
                                      .append(' ')
                                      .append(hex(c.value()))
                                      .append(' ')
                                      .append(c.deleted())
                                      .append('\n')));
              Function<Map<String, TreeMap<String, byte[]>>, String> collections =
                  data -> {
                    StringBuilder c = new StringBuilder();
                    new TreeMap<>(data)
                        .forEach(
                            (collection, values) ->
                                values.forEach(
                                    (k, v) ->
                                        c.append(collection)
                                            .append(' ')
                                            .append(Ledger.printable(k))
                                            .append('=')
                                            .append(hex(v))
                                            .append('\n')));
                    return c.toString();
                  };
              text.append(collections.apply(ledger.privateData()));
              text.append(collections.apply(ledger.privateHashes()));
              all.put(name, text.toString());
            });
    return all;
  }

  @Test
  void aCopyAnswersAndCommitsAsTheNetworkSetUpAgain() {
    Network copy = setUp().copy();
    Network again = setUp();
    assertThat(contents(copy)).isEqualTo(contents(again));
    assertThat(copy.now()).isEqualTo(again.now());

    List<String> onCopy = play(copy);
    assertThat(onCopy).isEqualTo(play(again));
    assertThat(onCopy)
        .as("successes and refusals")
        .anyMatch(r -> r.startsWith("200 "))
        .anyMatch(r -> !r.startsWith("200 "));
    assertThat(contents(copy)).isEqualTo(contents(again));
  }

  @Test
  void leavesTheOriginalAsItWas() {
    Network original = setUp();
    Map<String, String> before = contents(original);
    Network copy = original.copy();
    play(copy);
    assertThat(contents(copy)).isNotEqualTo(before);
    assertThat(contents(original)).isEqualTo(before);

    Network second = original.copy();
    assertThat(play(second)).isEqualTo(play(original));
  }

  @Test
  void copiesStoredValuesRatherThanSharingThem() {
    Network original = setUp();
    Map<String, String> before = contents(original);
    Network copy = original.copy();
    copy.ledger(JUSTICE_NS).state().values().forEach(v -> v[0] ^= 1);
    copy.ledger(JUSTICE_NS).privateData().values().forEach(d -> d.values().forEach(v -> v[0] ^= 1));
    copy.ledger(JUSTICE_NS)
        .history()
        .values()
        .forEach(
            changes ->
                changes.forEach(
                    c -> {
                      if (c.value() != null) {
                        c.value()[0] ^= 1;
                      }
                    }));
    assertThat(contents(original)).isEqualTo(before);
  }
}
