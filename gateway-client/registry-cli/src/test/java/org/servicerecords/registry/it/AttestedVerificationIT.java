package org.servicerecords.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.it.ItNetwork.AUDIT;
import static org.servicerecords.registry.it.ItNetwork.AUDIT_MSP;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_MSP;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_NS;
import static org.servicerecords.registry.it.ItNetwork.SERVICES;
import static org.servicerecords.registry.it.ItNetwork.SERVICES_MSP;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.Attestation;
import org.servicerecords.registry.client.AttestedReport;
import org.servicerecords.registry.client.Attester;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.VerificationRequest;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verdict;

/**
 * Attested verification on the real network: {@code VerifyHash} endorsed, never submitted, by peers
 * of several organisations, every endorsement checked by the library against the roots in the
 * channel's configuration block.
 */
class AttestedVerificationIT {

  private static RegistryConnection justiceIssuer;
  private static RegistryConnection servicesVerifier;
  private static List<RegistryConnection> readers;
  private static RegistryRecord record;

  @BeforeAll
  static void anchor() throws Exception {
    justiceIssuer = ItNetwork.connect(JUSTICE, "issuer1");
    servicesVerifier = ItNetwork.connect(SERVICES, "verifier1");
    readers =
        List.of(
            ItNetwork.connect(JUSTICE, "verifier1"),
            servicesVerifier,
            ItNetwork.connect(AUDIT, "verifier1"));
    record =
        justiceIssuer
            .registryClient()
            .anchorCertificate(
                AnchorRequest.of(
                    new CertificateRequest(
                        ItNetwork.id("attested-bc"),
                        "BIRTH_CERTIFICATE",
                        ItNetwork.newHash(),
                        ItNetwork.newSubjectRef(),
                        "2020-01-01T00:00:00Z",
                        null,
                        null,
                        null)))
            .record();
    // Every organisation's peer must have committed the record: an attester that has not would
    // answer UNKNOWN, and the Gateway refuses endorsements whose answers differ.
    ItNetwork.awaitOnEveryPeer(readers, JUSTICE_NS, record.id(), record.txId());
  }

  @AfterAll
  static void close() {
    justiceIssuer.close();
    readers.forEach(RegistryConnection::close);
  }

  @Test
  void validAttestedByThePeersOfJusticeAndServices() throws Exception {
    AttestedReport attested =
        servicesVerifier
            .verifier()
            .verifyAttested(
                VerificationRequest.forHash(record.documentHash()).issuer(JUSTICE_NS).build(),
                Attestation.of(2).preferring(SERVICES_MSP));

    assertThat(attested.report().verdict()).isEqualTo(Verdict.VALID);
    assertThat(attested.report().matches())
        .singleElement()
        .satisfies(v -> assertThat(v.record()).isEqualTo(record));
    assertThat(attested.organizations()).containsExactlyInAnyOrder(JUSTICE_MSP, SERVICES_MSP);
    assertThat(attested.attesters())
        .allSatisfy(
            a -> {
              assertThat(a.namespace()).isEqualTo(JUSTICE_NS);
              assertThat(a.endorserSubject()).contains("OU=peer");
            });
  }

  @Test
  void validAttestedByAllThreeOrganisations() throws Exception {
    AttestedReport attested =
        servicesVerifier
            .verifier()
            .verifyAttested(
                VerificationRequest.forHash(record.documentHash()).issuer(JUSTICE_MSP).build(),
                Attestation.of(3));

    assertThat(attested.report().verdict()).isEqualTo(Verdict.VALID);
    assertThat(attested.organizations())
        .containsExactlyInAnyOrder(JUSTICE_MSP, SERVICES_MSP, AUDIT_MSP);
    assertThat(attested.attesters()).extracting(Attester::mspId).doesNotHaveDuplicates();
  }

  @Test
  void validAttestedNamingNoIssuerEveryNamespaceByItsOwnerAndAnother() throws Exception {
    AttestedReport attested =
        servicesVerifier
            .verifier()
            .verifyAttested(
                VerificationRequest.forHash(record.documentHash()).build(), Attestation.of(2));

    assertThat(attested.report().verdict()).isEqualTo(Verdict.VALID);
    assertThat(attested.attesters())
        .filteredOn(a -> a.namespace().equals(JUSTICE_NS))
        .extracting(Attester::mspId)
        .hasSize(2)
        .contains(JUSTICE_MSP);
  }
}
