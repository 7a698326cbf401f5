package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

  private static final String PROPERTY = "determinism";
  private static final PropertyRuns.Tally OUTCOMES = new PropertyRuns.Tally(PROPERTY);

  static LongStream seeds() {
    return PropertyRuns.seeds(150);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void twoFreshNetworksProduceByteIdenticalResultsAndLedgers(long seed) {
    List<Tx> sequence =
        Operations.sequence(new Gen(PROPERTY, seed), Operations::transaction, 1, 25);
    PropertyRuns.reproducibly(getClass(), seed, sequence, () -> check(sequence));
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
  @AfterAll
  static void atLeastAFifthOfTheGeneratedTransactionsSucceeded() {
    OUTCOMES.report(0.20);
  }
}
