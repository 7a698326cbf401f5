package org.servicerecords.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.it.ItNetwork.AUDIT;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_NS;
import static org.servicerecords.registry.it.ItNetwork.SERVICES;
import static org.servicerecords.registry.it.ItNetwork.SERVICES_NS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.VerificationReport;
import org.servicerecords.registry.client.VerificationRequest;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.Verdict;
import org.servicerecords.registry.model.Verification;

/**
 * Many verifications at once, with the issuer unknown (every namespace asked in parallel) and by
 * record id. Each verification in the contract reads governance through a chaincode-to-chaincode
 * call; concurrent load on a two-core machine is what once made a verification fail with {@code
 * INTERNAL_ERROR: governance query failed}.
 */
class VerificationLoadIT {

  private static final int THREADS = 8;
  private static final int ROUNDS = 100;

  @Test
  void concurrentVerificationsAllAnswerValid() throws Exception {
    String justiceHash = ItNetwork.newHash();
    String servicesHash = ItNetwork.newHash();
    String justiceId = ItNetwork.id("load-bc");
    String servicesId = ItNetwork.id("load-bl");
    try (RegistryConnection justice = ItNetwork.connect(JUSTICE, "issuer1");
        RegistryConnection services = ItNetwork.connect(SERVICES, "issuer1")) {
      justice
          .registryClient()
          .anchorCertificate(
              AnchorRequest.of(
                  new CertificateRequest(
                      justiceId,
                      "BIRTH_CERTIFICATE",
                      justiceHash,
                      ItNetwork.newSubjectRef(),
                      "2020-01-01T00:00:00Z",
                      null,
                      null,
                      null)));
      services
          .registryClient()
          .anchorCertificate(
              AnchorRequest.of(
                  new CertificateRequest(
                      servicesId,
                      "BUSINESS_LICENCE",
                      servicesHash,
                      ItNetwork.newSubjectRef(),
                      "2020-01-01T00:00:00Z",
                      null,
                      null,
                      null)));
    }

    Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    AtomicInteger answered = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (RegistryConnection verifier = ItNetwork.connect(AUDIT, "verifier1")) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < ROUNDS; round++) {
                    try {
                      if ((thread + round) % 2 == 0) {
                        String hash = round % 4 < 2 ? justiceHash : servicesHash;
                        VerificationReport report =
                            verifier.verifier().verify(VerificationRequest.forHash(hash).build());
                        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
                      } else {
                        Verification v =
                            round % 4 < 2
                                ? verifier.verifier().verifyRecord(JUSTICE_NS, justiceId, null)
                                : verifier.verifier().verifyRecord(SERVICES_NS, servicesId, null);
                        assertThat(v.verdict()).isEqualTo(Verdict.VALID);
                      }
                      answered.incrementAndGet();
                    } catch (Exception | AssertionError e) {
                      failures
                          .computeIfAbsent(String.valueOf(e.getMessage()), k -> new AtomicInteger())
                          .incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(failures).as("failed verifications by message").isEmpty();
    assertThat(answered.get()).isEqualTo(THREADS * ROUNDS);
  }
}
