package org.servicerecords.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.RegistryException.Stage;

class SubmitterTest {

  /** Refused before anything is built or sent: the submitter has no connection at all here. */
  @Test
  void readDetailsIsNeverSubmitted() {
    Submitter submitter = new Submitter(null);
    for (String function : List.of("ReadDetails", "records:ReadDetails")) {
      assertThatThrownBy(() -> submitter.endorse("records-justice", function, Map.of(), "bc-1"))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("only ever evaluated")
          .satisfies(e -> assertThat(((RegistryException) e).stage()).isEqualTo(Stage.LOCAL));
    }
  }
}
