package org.servicerecords.registry.rogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.chaincode.InMemoryRuns;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordEvent;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.testing.InMemoryStub;
import org.servicerecords.registry.testing.Ledger;
import org.servicerecords.registry.testing.Network;

/**
 * The rogue contract against the registry's contract (through its {@link InMemoryRuns} seam) on
 * registry-testing's in-memory harness: the rogue writes what the registry writes, and where the
 * registry refuses it writes anyway. So what the trust tests see refused on the network would have
 * been a record indistinguishable from a genuine one.
 */
class RogueRecordsContractTest {

  static final String JUSTICE = "JusticeMSP";
  static final String SERVICES = "ServicesMSP";
  static final String AUDIT = "AuditMSP";
  static final String JUSTICE_NS = "records-justice";
  static final String SERVICES_NS = "records-services";
  static final String GOVERNANCE = "governance";
  static final String BIRTH = "BIRTH_CERTIFICATE";
  static final String LICENCE = "DRIVING_LICENCE";
  static final String HASH_A = "a".repeat(64);
  static final String HASH_B = "b".repeat(64);
  static final String HASH_C = "c".repeat(64);

  static final Network.User JUSTICE_ADMIN = user(JUSTICE, "admin1", "admin", null);
  static final Network.User SERVICES_ADMIN = user(SERVICES, "admin2", "admin", null);
  static final Network.User AUDIT_ADMIN = user(AUDIT, "admin3", "admin", null);
  static final Network.User JUSTICE_ISSUER = user(JUSTICE, "issuer1", "issuer", BIRTH);
  static final Network.User SERVICES_ISSUER =
      user(SERVICES, "issuer3", "issuer", LICENCE + ";" + BIRTH);

  /**
   * The registry's contracts only, registered without the shim's class-path scan (which would also
   * find the rogue contract, a second contract named "records"); JusticeMSP and ServicesMSP
   * registered in governance.
   */
  private final Network network = consortium();

  private final RogueRecordsContract rogue = new RogueRecordsContract();

  /** A stub for the rogue with everything the registry's call had: ledger, tx, caller, proposal. */
  private InMemoryStub replay(Network.Result call) {
    InMemoryStub original = call.stub();
    return new InMemoryStub(
        original.ledger(),
        original.getChannelId(),
        original.getTxId(),
        original.getTxTimestamp(),
        original.getCreator(),
        original.peerMsp(),
        Map.of(),
        original.getSignedProposal(),
        original.getArgs(),
        (caller, chaincode, args) -> {
          throw new AssertionError("the rogue contract calls no other chaincode: " + chaincode);
        });
  }

  private static List<String> writes(List<Ledger.Write> writes) {
    return writes.stream()
        .map(w -> w + " = " + HexFormat.of().formatHex(w.value() == null ? new byte[0] : w.value()))
        .toList();
  }

  private static String event(InMemoryStub stub) {
    assertThat(stub.events()).hasSize(1);
    assertThat(stub.events().get(0).getEventName()).isEqualTo(RecordEvent.NAME);
    return stub.events().get(0).getPayload().toStringUtf8();
  }

  @Nested
  class AnchorCertificate {

    @Test
    void writesTheKeysValuesAndEventTheRegistryContractWrites() {
      for (CertificateRequest request :
          List.of(certificate("c1"), certificate("c2").withDetailsHash(HASH_B))) {
        String json = json(request);
        Network.Result honest =
            network
                .call(JUSTICE_NS, "records:AnchorCertificate", json)
                .by(JUSTICE_ISSUER)
                .evaluate();
        assertThat(honest.ok()).as(honest.message()).isTrue();

        InMemoryStub stub = replay(honest);
        String answer = rogue.anchorCertificate(new Context(stub), json);

        assertThat(writes(stub.writes())).isEqualTo(writes(honest.writes()));
        assertThat(event(stub)).isEqualTo(honest.event());
        assertThat(answer).isEqualTo(honest.payload());
      }
    }

    @Test
    void writesWhatTheRegistryContractRefuses() {
      // Services' issuer, in Justice's namespace, a type nobody granted, an hour off the peer's
      // clock.
      String json = json(certificate("forged", "UNGRANTED_TYPE", HASH_C));
      Network.Result honest =
          network
              .call(JUSTICE_NS, "records:AnchorCertificate", json)
              .by(SERVICES_ISSUER)
              .onPeerOf(JUSTICE)
              .endorserClockAt(network.now().plus(Duration.ofHours(1)))
              .evaluate();
      assertThat(honest.ok()).isFalse();
      assertThat(code(honest)).isNotNull();

      InMemoryStub stub = replay(honest);
      RegistryRecord written =
          CanonicalJson.fromJson(
              rogue.anchorCertificate(new Context(stub), json), RegistryRecord.class);

      assertThat(written.issuerMsp()).isEqualTo(SERVICES);
      assertThat(written.documentType()).isEqualTo("UNGRANTED_TYPE");
      assertThat(stub.writes())
          .extracting(Ledger.Write::key)
          .contains(stub.createCompositeKey(REGISTRY_RECORD_KEY, "forged").toString());
      assertThat(event(stub)).contains("\"namespace\":\"" + JUSTICE_NS + "\"", "ANCHORED");
    }
  }

  @Nested
  class AnchorBatch {

    @Test
    void writesWhatTheRegistryContractWritesForEachRecord() {
      String json =
          "{\"records\":["
              + json(certificate("b1"))
              + ","
              + json(certificate("b2", BIRTH, HASH_B))
              + "]}";
      Network.Result honest =
          network.call(JUSTICE_NS, "records:AnchorBatch", json).by(JUSTICE_ISSUER).evaluate();
      assertThat(honest.ok()).as(honest.message()).isTrue();

      InMemoryStub stub = replay(honest);
      String answer = rogue.anchorBatch(new Context(stub), json);

      assertThat(writes(stub.writes())).isEqualTo(writes(honest.writes()));
      assertThat(event(stub)).isEqualTo(honest.event());
      assertThat(answer).isEqualTo(honest.payload());
    }
  }

  @Nested
  class PlantEvent {

    @Test
    void writesOnlyTheEndorsingOrganisationsCollectionAndClaimsARevocation() {
      Network.Result honest =
          network
              .call(JUSTICE_NS, "records:PlantEvent", "c1")
              .by(SERVICES_ISSUER)
              .onPeerOf(SERVICES)
              .evaluate();
      assertThat(code(honest)).isEqualTo(ErrorCode.INVALID_ARGUMENT);

      InMemoryStub stub = replay(honest);
      String collection = rogue.plantEvent(new Context(stub), "c1");

      assertThat(collection).isEqualTo("_implicit_org_" + SERVICES);
      assertThat(stub.writes()).hasSize(1);
      Ledger.Write write = stub.writes().get(0);
      assertThat(write.kind()).isEqualTo(Ledger.Write.Kind.PUT_PRIVATE);
      assertThat(write.collection()).isEqualTo("_implicit_org_" + SERVICES);
      assertThat(write.key()).isEqualTo("planted~c1");
      assertThat(event(stub))
          .isEqualTo(
              CanonicalJson.toJson(
                  new RecordEvent(
                      JUSTICE_NS, List.of(new RecordEvent.Entry("c1", "CERTIFICATE", "REVOKED")))));
    }
  }

  /** The object type of the registry contract's record keys (chaincode {@code Keys.RECORD}). */
  private static final String REGISTRY_RECORD_KEY = "rec";

  private static ErrorCode code(Network.Result result) {
    return result.ok() ? null : ErrorCode.fromMessage(result.message());
  }

  private static Network.User user(String msp, String name, String role, String doctypes) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("hf.EnrollmentID", name);
    attributes.put("role", role);
    if (doctypes != null) {
      attributes.put("doctypes", doctypes);
    }
    return new Network.User(msp, name, attributes);
  }

  private static Network consortium() {
    Network network =
        Network.builder()
            .contracts(InMemoryRuns.contracts())
            .processSetup(InMemoryRuns::enter)
            .packageIds(
                name ->
                    name.startsWith(GOVERNANCE)
                        ? "governance_0.1.0:" + "b".repeat(64)
                        : "records_0.1.0:" + "a".repeat(64))
            .build();
    for (Network.User admin : List.of(JUSTICE_ADMIN, SERVICES_ADMIN, AUDIT_ADMIN)) {
      ok(
          network
              .call(
                  GOVERNANCE, "governance:InitConsortium", json(List.of(AUDIT, JUSTICE, SERVICES)))
              .by(admin)
              .submit());
    }
    register(network, JUSTICE, JUSTICE_NS, List.of(BIRTH));
    register(network, SERVICES, SERVICES_NS, List.of(LICENCE, BIRTH));
    return network;
  }

  /** Registers an agency with the approvals of JusticeMSP's and ServicesMSP's admins. */
  private static void register(Network network, String msp, String namespace, List<String> types) {
    String agency =
        json(
            new AgencyRequest(
                msp, msp + " agency", namespace, types, "2024-01-01T00:00:00Z", null));
    for (Network.User admin : List.of(JUSTICE_ADMIN, SERVICES_ADMIN)) {
      ok(network.call(GOVERNANCE, "governance:RegisterAgency", agency).by(admin).submit());
    }
  }

  private static void ok(Network.Result result) {
    if (!result.ok()) {
      throw new AssertionError(result.message());
    }
  }

  private static CertificateRequest certificate(String id) {
    return certificate(id, BIRTH, HASH_A);
  }

  private static CertificateRequest certificate(String id, String type, String hash) {
    return new CertificateRequest(
        id,
        type,
        hash,
        "s".repeat(64),
        "2025-01-01T00:00:00Z",
        "2030-01-01T00:00:00Z",
        null,
        new TreeMap<>(Map.of("office", "central")));
  }

  private static String json(Object value) {
    return CanonicalJson.toJson(value);
  }
}
