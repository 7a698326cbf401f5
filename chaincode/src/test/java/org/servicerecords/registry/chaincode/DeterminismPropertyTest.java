package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.servicerecords.registry.chaincode.Operations.Tx;

/**
 * Endorsing peers must agree byte for byte: the same transactions with the same arguments, tx ids
 * and timestamps, run in two fresh networks, give identical responses, write sets (public keys and
 * values, private data), events, and ledgers (state, history, private data and its hashes). The
 * second run receives every transaction's transient entries in reverse order, as another peer may.
 */
class DeterminismPropertyTest {

  @Provide
  Arbitrary<List<Tx>> sequences() {
    return Operations.sequences(Operations.transactions(), 1, 25);
  }

  @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void twoFreshNetworksProduceByteIdenticalResultsAndLedgers(
      @ForAll("sequences") List<Tx> sequence) {
    Network first = Fixtures.consortium();
    Network second = Fixtures.consortium();
    List<String> firstTranscript = new ArrayList<>();
    List<String> secondTranscript = new ArrayList<>();

    for (Tx tx : sequence) {
      firstTranscript.add("> " + tx);
      Network.Result result = tx.run(first, false);
      Statistics.label("outcome").collect(result.ok() ? "ok" : "refused");
      firstTranscript.addAll(Transcript.of(result));
      secondTranscript.add("> " + tx);
      secondTranscript.addAll(Transcript.of(tx.run(second, true)));
    }

    Statistics.label("outcome").coverage(checker -> checker.check("ok").percentage(p -> p >= 20));
    assertThat(secondTranscript).containsExactlyElementsOf(firstTranscript);
    assertThat(Transcript.ledgers(second)).isEqualTo(Transcript.ledgers(first));
  }
}
