package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.servicerecords.registry.chaincode.Operations.Tx;
import org.servicerecords.registry.testing.Network;

/**
 * Endorsing peers must agree byte for byte: the same transactions with the same arguments, tx ids
 * and timestamps, run in two fresh networks, give identical responses, read sets (governance's
 * included), write sets (public keys and values, private data), events, and ledgers (state,
 * history, private data and its hashes). The second run is the other endorser of each co-endorsed
 * records write ({@link Tx#onTheOtherEndorser()}): a peer of another organisation, whose clock lies
 * as far from the asserted time on the other side; it receives every transaction's transient
 * entries in reverse order, as another peer may.
 */
class DeterminismPropertyTest {

  private static final OutcomeTally OUTCOMES = new OutcomeTally("determinism");

  @Provide
  Arbitrary<List<Tx>> sequences() {
    return Operations.sequence(Operations.transaction(), 1, 25);
  }

  /** Edge cases are off: they are mostly one-transaction sequences, which build up no state. */
  @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
  void twoFreshNetworksProduceByteIdenticalResultsAndLedgers(
      @ForAll("sequences") List<Tx> sequence) {
    check(sequence);
  }

  private static void check(List<Tx> sequence) {
    Network first = Fixtures.consortium();
    Network second = Fixtures.consortium();
    List<String> firstTranscript = new ArrayList<>();
    List<String> secondTranscript = new ArrayList<>();

    OUTCOMES.sequence();
    for (Tx tx : sequence) {
      firstTranscript.add("> " + tx);
      Network.Result result = tx.run(first, false);
      OUTCOMES.count(result);
      firstTranscript.addAll(Transcript.of(result));
      firstTranscript.addAll(result.stub().reads());
      secondTranscript.add("> " + tx);
      Network.Result other = tx.onTheOtherEndorser().run(second, true);
      secondTranscript.addAll(Transcript.of(other));
      secondTranscript.addAll(other.stub().reads());
    }

    assertThat(secondTranscript).containsExactlyElementsOf(firstTranscript);
    assertThat(Transcript.ledgers(second)).isEqualTo(Transcript.ledgers(first));
  }

  /** A comparison of two networks that refused everything would prove little. */
  @AfterContainer
  static void atLeastAFifthOfTheGeneratedTransactionsSucceeded() {
    OUTCOMES.report(0.20);
  }
}
