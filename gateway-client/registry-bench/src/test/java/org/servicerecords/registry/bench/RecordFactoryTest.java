package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.InputRules;

class RecordFactoryTest {

  private final Clock clock =
      Clock.fixed(Instant.parse("2026-12-06T10:15:30.750Z"), ZoneOffset.UTC);

  @Test
  void recordsAreValidAndUnique() {
    RecordFactory factory = new RecordFactory("ab12cd34", "BIRTH_CERTIFICATE", clock);
    Set<String> ids = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      CertificateRequest c = factory.next().certificate();
      assertThat(c.id()).matches(InputRules.ID);
      assertThat(c.documentHash()).matches(InputRules.HASH);
      assertThat(c.subjectRef()).matches(InputRules.SUBJECT_REF);
      assertThat(c.documentType()).isEqualTo("BIRTH_CERTIFICATE").matches(InputRules.CODE);
      assertThat(c.validFrom()).isEqualTo("2026-12-06T10:15:30Z");
      assertThat(c.validUntil()).isNull();
      ids.add(c.id());
      hashes.add(c.documentHash());
    }
    assertThat(ids).hasSize(1000);
    assertThat(hashes).hasSize(1000);
  }

  @Test
  void runsDoNotShareIds() {
    RecordFactory one = new RecordFactory("BIRTH_CERTIFICATE", clock);
    RecordFactory two = new RecordFactory("BIRTH_CERTIFICATE", clock);

    assertThat(one.nextKey()).isNotEqualTo(two.nextKey()).matches(InputRules.ID);
  }
}
