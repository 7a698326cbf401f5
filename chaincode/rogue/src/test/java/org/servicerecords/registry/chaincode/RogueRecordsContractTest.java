package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.chaincode.Fixtures.JUSTICE;
import static org.servicerecords.registry.chaincode.Fixtures.JUSTICE_ISSUER;
import static org.servicerecords.registry.chaincode.Fixtures.JUSTICE_NS;
import static org.servicerecords.registry.chaincode.Fixtures.SERVICES;
import static org.servicerecords.registry.chaincode.Fixtures.SERVICES_ISSUER;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordEvent;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.rogue.RogueRecordsContract;

/**
 * The rogue contract against the registry's contract on the registry's in-memory harness (this
 * class sits in the contract's package to use it): the rogue writes what the registry writes, and
 * where the registry refuses it writes anyway. So what the trust tests see refused on the network
 * would have been a record indistinguishable from a genuine one.
 */
class RogueRecordsContractTest {

  static {
    // The registry's contracts only: a scan of the class path would also find the rogue contract,
    // a second contract named "records".
    try {
      Network.registerContractsWithoutScanning();
    } catch (IllegalStateException alreadyStarted) {
      // another test of this JVM registered them
    }
  }

  private final Network network = Fixtures.consortium();
  private final RogueRecordsContract rogue = new RogueRecordsContract();

  /** A stub for the rogue with everything the registry's call had: ledger, tx, caller, proposal. */
  private InMemoryStub replay(Network.Result call) {
    InMemoryStub original = call.stub();
    return new InMemoryStub(
        original.ledger,
        original.channelId,
        original.txId,
        original.timestamp,
        original.creator,
        original.peerMsp,
        Map.of(),
        original.signedProposal,
        original.args,
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
    assertThat(stub.events).hasSize(1);
    assertThat(stub.events.get(0).getEventName()).isEqualTo(RecordEvent.NAME);
    return stub.events.get(0).getPayload().toStringUtf8();
  }

  @Nested
  class AnchorCertificate {

    @Test
    void writesTheKeysValuesAndEventTheRegistryContractWrites() {
      for (CertificateRequest request :
          List.of(
              Fixtures.certificate("c1"),
              Fixtures.certificate("c2").withDetailsHash(Fixtures.HASH_B))) {
        String json = Fixtures.json(request);
        Network.Result honest =
            network
                .call(JUSTICE_NS, "records:AnchorCertificate", json)
                .by(JUSTICE_ISSUER)
                .evaluate();
        assertThat(honest.ok()).as(honest.message()).isTrue();

        InMemoryStub stub = replay(honest);
        String answer = rogue.anchorCertificate(new Context(stub), json);

        assertThat(writes(stub.writes)).isEqualTo(writes(honest.writes()));
        assertThat(event(stub)).isEqualTo(honest.event());
        assertThat(answer).isEqualTo(honest.payload());
      }
    }

    @Test
    void writesWhatTheRegistryContractRefuses() {
      // Services' issuer, in Justice's namespace, a type nobody granted, an hour off the peer's
      // clock.
      String json =
          Fixtures.json(Fixtures.certificate("forged", "UNGRANTED_TYPE", Fixtures.HASH_C));
      Network.Result honest =
          network
              .call(JUSTICE_NS, "records:AnchorCertificate", json)
              .by(SERVICES_ISSUER)
              .onPeerOf(JUSTICE)
              .endorserClockAt(network.now().plus(Duration.ofHours(1)))
              .evaluate();
      assertThat(honest.ok()).isFalse();
      assertThat(honest.code()).isNotNull();

      InMemoryStub stub = replay(honest);
      RegistryRecord written =
          CanonicalJson.fromJson(
              rogue.anchorCertificate(new Context(stub), json), RegistryRecord.class);

      assertThat(written.issuerMsp()).isEqualTo(SERVICES);
      assertThat(written.documentType()).isEqualTo("UNGRANTED_TYPE");
      assertThat(stub.writes).extracting(Ledger.Write::key).contains(Keys.record(stub, "forged"));
      assertThat(event(stub)).contains("\"namespace\":\"" + JUSTICE_NS + "\"", "ANCHORED");
    }
  }

  @Nested
  class AnchorBatch {

    @Test
    void writesWhatTheRegistryContractWritesForEachRecord() {
      String json =
          "{\"records\":["
              + Fixtures.json(Fixtures.certificate("b1"))
              + ","
              + Fixtures.json(Fixtures.certificate("b2", Fixtures.BIRTH, Fixtures.HASH_B))
              + "]}";
      Network.Result honest =
          network.call(JUSTICE_NS, "records:AnchorBatch", json).by(JUSTICE_ISSUER).evaluate();
      assertThat(honest.ok()).as(honest.message()).isTrue();

      InMemoryStub stub = replay(honest);
      String answer = rogue.anchorBatch(new Context(stub), json);

      assertThat(writes(stub.writes)).isEqualTo(writes(honest.writes()));
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
      assertThat(honest.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);

      InMemoryStub stub = replay(honest);
      String collection = rogue.plantEvent(new Context(stub), "c1");

      assertThat(collection).isEqualTo("_implicit_org_" + SERVICES);
      assertThat(stub.writes).hasSize(1);
      Ledger.Write write = stub.writes.get(0);
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
}
