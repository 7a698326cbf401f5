package org.servicerecords.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.servicerecords.registry.it.ItNetwork.AUDIT_MSP;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_MSP;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_NS;
import static org.servicerecords.registry.it.ItNetwork.SERVICES_MSP;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.HashedRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.AnchorBatch;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.AnchorResult;
import org.servicerecords.registry.client.BatchReport;
import org.servicerecords.registry.client.DetailsNotStoredException;
import org.servicerecords.registry.client.InvalidStateException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RecordOutcome;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.ca.Enrollment;
import org.servicerecords.registry.client.ca.FabricCaClient;
import org.servicerecords.registry.client.ca.Registration;
import org.servicerecords.registry.client.ca.Role;
import org.servicerecords.registry.client.identity.Credentials;
import org.servicerecords.registry.client.identity.Wallet;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DetailsRequest;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.TransientKeys;

/**
 * Issue 10, items 1 and 2 on the real network: records writes are endorsed by the namespace owner
 * and one other organisation, as {@code AND('JusticeMSP.peer', OutOf(1, ...))} requires; personal
 * details never travel with them but in an owner-only {@code StoreDetails} that writes the owner's
 * implicit collection alone. Each refusal is checked together with the unchanged ledger.
 */
class CoEndorsementIT {

  private static final String BIRTH = "BIRTH_CERTIFICATE";
  private static final String OWN_COLLECTION = "_implicit_org_" + JUSTICE_MSP;

  private static RegistryConnection justiceIssuer;

  @BeforeAll
  static void connect() throws Exception {
    justiceIssuer = ItNetwork.connect(JUSTICE, "issuer1");
  }

  @AfterAll
  static void close() {
    if (justiceIssuer != null) {
      justiceIssuer.close();
    }
  }

  private static CertificateRequest certificate(String id) {
    return new CertificateRequest(
        id,
        BIRTH,
        ItNetwork.newHash(),
        ItNetwork.newSubjectRef(),
        "2026-01-01T00:00:00Z",
        null,
        null,
        null);
  }

  private static SortedMap<String, String> details() {
    return new TreeMap<>(
        Map.of(
            "fullName", ItPersonalDetails.value("coendorsement.fullName") + " " + ItNetwork.RUN));
  }

  @Test
  void anAnchoringIsCoEndorsedAndItsDetailsGoInAnOwnerOnlyTransaction() throws Exception {
    String id = ItNetwork.id("co");
    AnchorRequest request = new AnchorRequest(certificate(id), details());
    AnchorResult result = justiceIssuer.registryClient().anchorCertificate(request);
    RegistryRecord record = result.record();
    assertThat(record.privateDetailsHash()).matches("[0-9a-f]{64}");

    try (ItNetwork.RawGateway raw = ItNetwork.rawGateway(JUSTICE, "issuer1")) {
      Network network = raw.gateway().getNetwork("registry");

      Committed anchoring = committed(network, record.txId());
      assertThat(anchoring.code()).isEqualTo(TxValidationCode.VALID);
      assertThat(anchoring.endorsers()).hasSize(2).contains(JUSTICE_MSP);
      assertThat(anchoring.endorsers()).containsAnyOf(SERVICES_MSP, AUDIT_MSP);
      assertThat(anchoring.publicWrites()).isPositive();
      assertThat(anchoring.privateWrites())
          .as("the co-endorsed anchoring writes no private collection")
          .isEmpty();

      String storeTx = detailsStoredTransaction(network, anchoring.block(), id);
      Committed store = committed(network, storeTx);
      assertThat(store.code()).isEqualTo(TxValidationCode.VALID);
      assertThat(store.endorsers()).containsExactly(JUSTICE_MSP);
      assertThat(store.publicWrites()).as("StoreDetails writes nothing public").isZero();
      assertThat(store.privateWrites()).containsExactly(OWN_COLLECTION);
    }

    PrivateDetails read = justiceIssuer.registryClient().readDetails(id);
    assertThat(read.details()).isEqualTo(details());

    // A rerun of the same anchoring finds the record, commits to the same details (the library
    // derives the same salt) and stores them again without error.
    AnchorResult rerun = justiceIssuer.registryClient().anchorCertificate(request);
    assertThat(rerun.alreadyAnchored()).isTrue();
    assertThat(rerun.record().privateDetailsHash()).isEqualTo(record.privateDetailsHash());
  }

  @Test
  void aBatchRerunAfterAPurgeCompletesWithoutStoringThePurgedDetailsAgain() throws Exception {
    List<AnchorRequest> batch = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      batch.add(new AnchorRequest(certificate(ItNetwork.id("co-batch")), details()));
    }
    var registry = justiceIssuer.registryClient();
    BatchReport first =
        registry.anchorBatch(AnchorBatch.of(batch).listener((done, total) -> {}).build());
    assertThat(first.complete()).as(first.outcomes().toString()).isTrue();
    String purgedId = batch.get(0).certificate().id();
    registry.purgeDetails(purgedId);

    BatchReport rerun =
        registry.anchorBatch(AnchorBatch.of(batch).listener((done, total) -> {}).build());

    assertThat(rerun.outcomes())
        .extracting(RecordOutcome::status)
        .containsOnly(RecordOutcome.Status.ALREADY_ANCHORED);
    assertThat(registry.getRecord(purgedId).detailsPurged()).isTrue();
    assertThatThrownBy(() -> registry.readDetails(purgedId))
        .isInstanceOf(InvalidStateException.class);
    for (AnchorRequest kept : batch.subList(1, 3)) {
      assertThat(registry.readDetails(kept.certificate().id()).details()).isEqualTo(details());
    }
  }

  @Test
  void aRerunByAnotherIdentityOfTheAgencyFindsTheRecordButCannotStoreItsDetails() throws Exception {
    String id = ItNetwork.id("co-other-identity");
    AnchorRequest request = new AnchorRequest(certificate(id), details());
    RegistryRecord anchored = justiceIssuer.registryClient().anchorCertificate(request).record();
    try (RegistryConnection otherIssuer = ItNetwork.connect(JUSTICE, enrollAnotherIssuer())) {
      assertThatThrownBy(() -> otherIssuer.registryClient().anchorCertificate(request))
          .isInstanceOf(DetailsNotStoredException.class)
          .hasMessageContaining("commits to other details")
          .hasMessageContaining("this identity cannot store them")
          .satisfies(e -> assertThat(((DetailsNotStoredException) e).retryable()).isFalse())
          .satisfies(
              e ->
                  assertThat(((DetailsNotStoredException) e).record().txId())
                      .isEqualTo(anchored.txId()));
    }
    assertThat(justiceIssuer.registryClient().readDetails(id).details()).isEqualTo(details());
  }

  @Test
  void anAnchoringEndorsedByTheOwnerAloneIsInvalidatedAndWritesNothing() throws Exception {
    String id = ItNetwork.id("co-alone");
    try (ItNetwork.RawGateway raw = ItNetwork.rawGateway(JUSTICE, "issuer1")) {
      Transaction endorsed =
          raw.gateway()
              .getNetwork("registry")
              .getContract(JUSTICE_NS, "records")
              .newProposal("AnchorCertificate")
              .addArguments(CanonicalJson.toJson(certificate(id)))
              .setEndorsingOrganizations(JUSTICE_MSP)
              .build()
              .endorse();
      SubmittedTransaction submitted = endorsed.submitAsync();
      Status status = submitted.getStatus();
      assertThat(status.getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
    }
    assertThatThrownBy(() -> justiceIssuer.registryClient().getRecord(id))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anAnchoringCarryingTransientDataIsRefusedByTheEndorsers() throws Exception {
    String id = ItNetwork.id("co-transient");
    try (ItNetwork.RawGateway raw = ItNetwork.rawGateway(JUSTICE, "issuer1")) {
      var proposal =
          raw.gateway()
              .getNetwork("registry")
              .getContract(JUSTICE_NS, "records")
              .newProposal("AnchorCertificate")
              .addArguments(CanonicalJson.toJson(certificate(id)))
              .putTransient(TransientKeys.DETAILS, "{}".getBytes(StandardCharsets.UTF_8))
              .setEndorsingOrganizations(JUSTICE_MSP, SERVICES_MSP)
              .build();
      assertThatThrownBy(proposal::endorse)
          .isInstanceOf(EndorseException.class)
          .hasStackTraceContaining("TRANSIENT_DATA_INVALID");
    }
    assertThatThrownBy(() -> justiceIssuer.registryClient().getRecord(id))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void detailsThatDoNotMatchTheCommitmentAreRefusedAndTheStoredOnesStay() throws Exception {
    String id = ItNetwork.id("co-mismatch");
    justiceIssuer.registryClient().anchorCertificate(new AnchorRequest(certificate(id), details()));
    byte[] other =
        CanonicalJson.toJson(
                new PrivateDetails(
                    ItNetwork.randomHex(32),
                    new TreeMap<>(
                        Map.of(
                            "fullName", ItPersonalDetails.value("coendorsement.otherFullName")))))
            .getBytes(StandardCharsets.UTF_8);
    try (ItNetwork.RawGateway raw = ItNetwork.rawGateway(JUSTICE, "issuer1")) {
      var proposal =
          raw.gateway()
              .getNetwork("registry")
              .getContract(JUSTICE_NS, "records")
              .newProposal("StoreDetails")
              .addArguments(CanonicalJson.toJson(new DetailsRequest(List.of(id))))
              .putTransient(TransientKeys.batchDetails(id), other)
              .setEndorsingOrganizations(JUSTICE_MSP)
              .build();
      assertThatThrownBy(proposal::endorse)
          .isInstanceOf(EndorseException.class)
          .hasStackTraceContaining("TRANSIENT_DATA_INVALID")
          .hasStackTraceContaining("does not match the record's details commitment");
    }
    assertThat(justiceIssuer.registryClient().readDetails(id).details()).isEqualTo(details());
  }

  /**
   * Registers and enrolls, with Justice's CA (the one the CA integration tests use), a second
   * issuer of Justice, and puts it in Justice's wallet.
   *
   * @return its name in the wallet
   */
  private static String enrollAnotherIssuer() throws Exception {
    FabricCaClient ca =
        FabricCaClient.newBuilder(URI.create(env("REGISTRY_IT_CA_URL")))
            .caName(System.getenv().getOrDefault("REGISTRY_IT_CA_NAME", ""))
            .tlsCertificate(Path.of(env("REGISTRY_IT_CA_TLS_CERT")))
            .build();
    Credentials admin =
        ca.enroll(env("REGISTRY_IT_CA_ADMIN"), env("REGISTRY_IT_CA_ADMIN_PASSWORD"))
            .credentials(JUSTICE_MSP);
    String name = "issuer-" + ItNetwork.RUN + "-" + ItNetwork.randomHex(3);
    String secret =
        ca.register(admin, Registration.forRole(name, null, Role.ISSUER, List.of(BIRTH)));
    Enrollment enrollment = ca.enroll(name, secret);
    Wallet.directory(ItNetwork.stateDir().resolve("orgs").resolve(JUSTICE).resolve("wallet"))
        .put(name, enrollment.certificate(), enrollment.privateKey());
    return name;
  }

  private static String env(String name) {
    String value = System.getenv(name);
    assertThat(value).as("environment variable %s (scripts/test.sh sets it)", name).isNotBlank();
    return value;
  }

  /** A committed transaction as its block shows it. */
  private record Committed(
      TxValidationCode code,
      long block,
      List<String> endorsers,
      int publicWrites,
      List<String> privateWrites) {}

  private static Committed committed(Network network, String txId) throws Exception {
    byte[] bytes =
        network.getContract("qscc").evaluateTransaction("GetTransactionByID", "registry", txId);
    ProcessedTransaction processed = ProcessedTransaction.parseFrom(bytes);
    byte[] blockBytes =
        network.getContract("qscc").evaluateTransaction("GetBlockByTxID", "registry", txId);
    long block =
        org.hyperledger.fabric.protos.common.Block.parseFrom(blockBytes).getHeader().getNumber();
    Envelope envelope = processed.getTransactionEnvelope();
    Payload payload = Payload.parseFrom(envelope.getPayload());
    var transaction = org.hyperledger.fabric.protos.peer.Transaction.parseFrom(payload.getData());
    ChaincodeActionPayload action =
        ChaincodeActionPayload.parseFrom(transaction.getActions(0).getPayload());
    List<String> endorsers = new ArrayList<>();
    for (Endorsement endorsement : action.getAction().getEndorsementsList()) {
      endorsers.add(SerializedIdentity.parseFrom(endorsement.getEndorser()).getMspid());
    }
    ProposalResponsePayload response =
        ProposalResponsePayload.parseFrom(action.getAction().getProposalResponsePayload());
    ChaincodeAction chaincodeAction = ChaincodeAction.parseFrom(response.getExtension());
    TxReadWriteSet rwset = TxReadWriteSet.parseFrom(chaincodeAction.getResults());
    int publicWrites = 0;
    List<String> privateWrites = new ArrayList<>();
    for (NsReadWriteSet ns : rwset.getNsRwsetList()) {
      if (!ns.getNamespace().equals(JUSTICE_NS)) {
        continue;
      }
      publicWrites += KVRWSet.parseFrom(ns.getRwset()).getWritesCount();
      for (var collection : ns.getCollectionHashedRwsetList()) {
        if (HashedRWSet.parseFrom(collection.getHashedRwset()).getHashedWritesCount() > 0) {
          privateWrites.add(collection.getCollectionName());
        }
      }
    }
    return new Committed(
        TxValidationCode.forNumber(processed.getValidationCode()),
        block,
        endorsers,
        publicWrites,
        privateWrites);
  }

  /** The transaction whose event says the record's details were stored. */
  private static String detailsStoredTransaction(Network network, long fromBlock, String id) {
    List<String> found = new ArrayList<>();
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          try (CloseableIterator<ChaincodeEvent> events =
              network
                  .newChaincodeEventsRequest(JUSTICE_NS)
                  .startBlock(fromBlock)
                  .build()
                  .getEvents()) {
            while (found.isEmpty() && events.hasNext()) {
              ChaincodeEvent event = events.next();
              String text = new String(event.getPayload(), StandardCharsets.UTF_8);
              if (text.contains("\"" + id + "\"") && text.contains("DETAILS_STORED")) {
                found.add(event.getTransactionId());
              }
            }
          }
        });
    assertThat(Set.copyOf(found)).hasSize(1);
    return found.get(0);
  }
}
