package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.servicerecords.registry.chaincode.Operations.Tx;
import org.servicerecords.registry.model.AgencyChange;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.AgencyHistoryEntry;
import org.servicerecords.registry.model.ApplicationReceipt;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ChangeApproval;
import org.servicerecords.registry.model.ConsortiumMembers;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.MembersApproval;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.testing.Ledger;
import org.servicerecords.registry.testing.Network;

/**
 * After any sequence of writes, the contract's outcomes and state match {@link RegistryModel}: each
 * transaction succeeds or is refused with the code the documented rules predict, and the records
 * (status, supersession links, details commitment and purge), their index keys, the details
 * commitments, the application receipts, the private data (held exactly for the records whose
 * details a committed {@code StoreDetails} stored and no purge removed since), the governance
 * entries and the members' approvals of governance changes are exactly the model's.
 */
class StateModelPropertyTest {

  private static final OutcomeTally OUTCOMES = new OutcomeTally("state model");

  /**
   * The network and the model, driven one generated transaction (with what it brings along, see
   * {@link Operations#sequence}) at a time; each transaction's outcome must be the model's.
   */
  static final class Run {
    private final Network network = Fixtures.consortium();
    private final RegistryModel model = RegistryModel.consortium();
    private final Map<Integer, List<Tx>> later = new TreeMap<>();
    private int steps;

    Run() {
      OUTCOMES.sequence();
    }

    void step(Operations.Step step) {
      send(step.tx());
      step.atOnce().forEach(this::send);
      for (Operations.Later l : step.later()) {
        later.computeIfAbsent(steps + l.after(), k -> new ArrayList<>()).add(l.tx());
      }
      List<Tx> due = later.remove(steps);
      if (due != null) {
        due.forEach(this::send);
      }
      steps++;
    }

    private void send(Tx tx) {
      ErrorCode expected = model.step(tx, network.now());
      Network.Result result = tx.run(network, false);
      OUTCOMES.count(result);
      assertThat(Outcomes.code(result)).as("%s -> %s", tx, result.message()).isEqualTo(expected);
    }

    @Override
    public String toString() {
      return "after " + steps + " generated transaction(s)";
    }
  }

  /** Chains of up to 30 generated writes; a failing chain shrinks to a minimal one. */
  @Provide
  Arbitrary<ActionChain<Run>> chains() {
    Action.Independent<Run> write =
        new Action.Independent<>() {
          @Override
          public Arbitrary<Transformer<Run>> transformer() {
            return Operations.steps(Operations.write())
                .map(step -> Transformer.mutate(step.toString(), run -> run.step(step)));
          }
        };
    return ActionChain.startWith(Run::new).withAction(write).withMaxTransformations(30);
  }

  /**
   * 150 chains: a chain runs up to 30 generated writes (mostly all 30), about as many transactions
   * in all as 300 sequences of 1 to 30.
   */
  @Property(tries = 150)
  void everyOutcomeAndTheStateMatchTheModel(@ForAll("chains") ActionChain<Run> chain) {
    chain
        .withInvariant("the ledgers hold the model's state", StateModelPropertyTest::matches)
        .run();
  }

  /** The records, indexes, commitments, private data and governance entries are the model's. */
  private static void matches(Run run) {
    for (String namespace : Operations.RECORDS_NAMESPACES) {
      assertNamespaceMatches(run.network.ledger(namespace), run.model, namespace);
    }
    assertGovernanceMatches(run.network.ledger(Fixtures.GOVERNANCE), run.model);
  }

  /** A model that only predicts refusals would be checked on little state. */
  @AfterContainer
  static void atLeastATenthOfTheGeneratedTransactionsSucceeded() {
    OUTCOMES.report(0.10);
  }

  private static void assertNamespaceMatches(Ledger ledger, RegistryModel model, String namespace) {
    Map<String, RegistryModel.Rec> expected = model.records(namespace);
    Map<String, RegistryRecord> stored = new TreeMap<>();
    TreeSet<String> indexKeys = new TreeSet<>();
    Map<String, DetailsCommitment> commitments = new TreeMap<>();
    Map<String, String> decisions = new TreeMap<>();
    for (Map.Entry<String, byte[]> entry : ledger.state().entrySet()) {
      CompositeKey key = CompositeKey.parseCompositeKey(entry.getKey());
      List<String> attributes = key.getAttributes();
      switch (key.getObjectType()) {
        case Keys.RECORD ->
            stored.put(
                attributes.get(0), CanonicalJson.fromBytes(entry.getValue(), RegistryRecord.class));
        case Keys.DETAILS_COMMITMENT ->
            commitments.put(
                attributes.get(0),
                CanonicalJson.fromBytes(entry.getValue(), DetailsCommitment.class));
        case Keys.APPLICATION -> {
          ApplicationReceipt receipt =
              CanonicalJson.fromBytes(entry.getValue(), ApplicationReceipt.class);
          decisions.put(attributes.get(0), String.valueOf(receipt.decisionId()));
        }
        default -> {
          assertThat(entry.getValue()).as("index value").containsExactly(0);
          indexKeys.add(key.getObjectType() + " " + String.join(" ", attributes));
        }
      }
    }

    assertThat(stored.keySet()).as("records of %s", namespace).isEqualTo(expected.keySet());
    TreeSet<String> expectedIndexes = new TreeSet<>();
    Map<String, DetailsCommitment> expectedCommitments = new TreeMap<>();
    TreeSet<String> expectedPrivate = new TreeSet<>();
    for (RegistryModel.Rec rec : expected.values()) {
      RegistryRecord actual = stored.get(rec.id());
      String what = namespace + " " + rec.id();
      assertThat(actual.issuerMsp()).as(what).isEqualTo(rec.issuer());
      assertThat(actual.kind()).as(what).isEqualTo(rec.kind());
      assertThat(actual.documentType()).as(what).isEqualTo(rec.type());
      assertThat(actual.status()).as(what).isEqualTo(rec.status());
      assertThat(actual.supersedes()).as(what).isEqualTo(rec.supersedes());
      assertThat(actual.supersededBy()).as(what).isEqualTo(rec.supersededBy());
      assertThat(actual.revocation() != null)
          .as(what)
          .isEqualTo(rec.status().name().equals("REVOKED"));
      assertThat(actual.privateDetailsHash()).as(what).isEqualTo(rec.detailsHash());
      assertThat(actual.detailsPurged()).as(what).isEqualTo(rec.purged());
      assertThat(actual.decision() == null ? null : actual.decision().outcome())
          .as(what)
          .isEqualTo(rec.outcome());

      if (rec.detailsHash() != null) {
        expectedCommitments.put(
            rec.id(),
            new DetailsCommitment(rec.id(), rec.issuer(), rec.detailsHash(), rec.purged()));
      }
      String collection = Keys.implicitCollection(rec.issuer());
      String detailsKey = new CompositeKey(Keys.DETAILS, rec.id()).toString();
      boolean detailsHeld = rec.detailsStored() && !rec.purged();
      if (detailsHeld) {
        expectedPrivate.add(collection + " " + Ledger.printable(detailsKey));
      }
      assertThat(ledger.privateValue(collection, detailsKey) != null)
          .as("private details of %s", what)
          .isEqualTo(detailsHeld);
      TreeMap<String, byte[]> hashes = ledger.privateHashes().get(collection);
      assertThat(hashes != null && hashes.containsKey(detailsKey))
          .as("private hash of %s", what)
          .isEqualTo(detailsHeld);
      if (detailsHeld) {
        assertThat(Digests.sha256Hex(ledger.privateValue(collection, detailsKey)))
            .isEqualTo(actual.privateDetailsHash());
      }

      expectedIndexes.add(Keys.BY_HASH + " " + rec.hash() + " " + rec.id());
      expectedIndexes.add(Keys.BY_TYPE + " " + rec.type() + " " + rec.id());
      expectedIndexes.add(Keys.BY_SUBJECT + " " + rec.subject() + " " + rec.id());
      if (rec.applicationId() != null) {
        expectedIndexes.add(Keys.BY_APPLICATION + " " + rec.applicationId() + " " + rec.id());
      }
    }
    assertThat(indexKeys).as("index keys of %s", namespace).isEqualTo(expectedIndexes);
    assertThat(commitments)
        .as("details commitments of %s", namespace)
        .isEqualTo(expectedCommitments);
    TreeSet<String> privateKeys = new TreeSet<>();
    ledger
        .privateData()
        .forEach(
            (collection, data) ->
                data.keySet()
                    .forEach(k -> privateKeys.add(collection + " " + Ledger.printable(k))));
    TreeSet<String> privateHashKeys = new TreeSet<>();
    ledger
        .privateHashes()
        .forEach(
            (collection, hashes) ->
                hashes
                    .keySet()
                    .forEach(k -> privateHashKeys.add(collection + " " + Ledger.printable(k))));
    assertThat(privateKeys).as("private data of %s", namespace).isEqualTo(expectedPrivate);
    assertThat(privateHashKeys).as("private hashes of %s", namespace).isEqualTo(expectedPrivate);

    Map<String, String> expectedDecisions = new TreeMap<>();
    model
        .applications(namespace)
        .forEach((app, id) -> expectedDecisions.put(app, String.valueOf(id)));
    assertThat(decisions).as("applications of %s", namespace).isEqualTo(expectedDecisions);
  }

  private static void assertGovernanceMatches(Ledger ledger, RegistryModel model) {
    List<String> approvals = new ArrayList<>();
    List<String> membersApprovals = new ArrayList<>();
    Map<String, String> actual = new TreeMap<>();
    Map<String, String> expected = new TreeMap<>();
    for (Map.Entry<String, byte[]> entry : ledger.state().entrySet()) {
      CompositeKey key = CompositeKey.parseCompositeKey(entry.getKey());
      if (key.getObjectType().equals(Keys.AGENCY)) {
        AgencyEntry agency = CanonicalJson.fromBytes(entry.getValue(), AgencyEntry.class);
        actual.put(
            agency.msp(),
            agency.namespace()
                + " "
                + agency.documentTypes()
                + " "
                + agency.suspended()
                + " "
                + Instant.parse(agency.activeFrom())
                + ".."
                + (agency.activeUntil() == null ? "" : Instant.parse(agency.activeUntil())));
      } else if (key.getObjectType().equals(Keys.AGENCY_VERSIONS)) {
        // Every version of the entry, newest first, exactly as Fabric's history of its key.
        String agencyKey = new CompositeKey(Keys.AGENCY, key.getAttributes()).toString();
        AgencyHistoryEntry[] versions =
            CanonicalJson.fromBytes(entry.getValue(), AgencyHistoryEntry[].class);
        assertThat(versions[0].agency())
            .isEqualTo(CanonicalJson.fromBytes(ledger.state().get(agencyKey), AgencyEntry.class));
        assertThat(versions).hasSameSizeAs(ledger.history().get(agencyKey));
      } else if (key.getObjectType().equals(Keys.APPROVAL)) {
        ChangeApproval approval = CanonicalJson.fromBytes(entry.getValue(), ChangeApproval.class);
        assertThat(key.getAttributes())
            .containsExactly(approval.changeId(), approval.actor().msp());
        assertThat(Digests.sha256Hex(CanonicalJson.toBytes(approval.change())))
            .isEqualTo(approval.changeId());
        approvals.add(describe(approval.change()) + " by " + approval.actor().msp());
      } else if (key.getObjectType().equals(Keys.CONSORTIUM)) {
        assertThat(CanonicalJson.fromBytes(entry.getValue(), ConsortiumMembers.class).members())
            .isEqualTo(RegistryModel.MEMBERS);
      } else if (key.getObjectType().equals(Keys.MEMBERS_APPROVAL)) {
        MembersApproval approval = CanonicalJson.fromBytes(entry.getValue(), MembersApproval.class);
        assertThat(approval.members()).isEqualTo(RegistryModel.MEMBERS);
        assertThat(key.getAttributes())
            .containsExactly(
                Digests.sha256Hex(CanonicalJson.toBytes(RegistryModel.MEMBERS)),
                approval.actor().msp());
        membersApprovals.add(approval.actor().msp());
      } else {
        assertThat(key.getObjectType()).isEqualTo(Keys.AGENCY_BY_NAMESPACE);
        actual.put(
            "ns " + key.getAttributes().get(0),
            new String(entry.getValue(), StandardCharsets.UTF_8));
      }
    }
    assertThat(membersApprovals)
        .as("approvals of the member list")
        .isEqualTo(RegistryModel.MEMBERS);
    assertThat(approvals)
        .as("approvals")
        .containsExactlyInAnyOrderElementsOf(model.approvalRecords);
    for (RegistryModel.Agency agency : model.agencies.values()) {
      expected.put(
          agency.msp(),
          agency.namespace()
              + " "
              + new TreeSet<>(agency.types())
              + " "
              + agency.suspended()
              + " "
              + agency.activeFrom()
              + ".."
              + (agency.activeUntil() == null ? "" : agency.activeUntil()));
      expected.put("ns " + agency.namespace(), "\"" + agency.msp() + "\"");
    }
    assertThat(actual).as("governance").isEqualTo(expected);
  }

  /** A stored change in the words of {@link RegistryModel#approvalRecords}. */
  private static String describe(AgencyChange change) {
    return switch (change.action()) {
      case AgencyChange.REGISTER ->
          RegistryModel.describeRegistration(
              change.msp(),
              change.registration().namespace(),
              Set.copyOf(change.registration().documentTypes()),
              change.registration().activeFrom(),
              change.registration().activeUntil());
      case AgencyChange.SET_DOCUMENT_TYPES ->
          "SetDocumentTypes " + change.msp() + " " + change.documentTypes();
      case AgencyChange.SUSPEND -> "SuspendAgency " + change.msp() + " " + change.reasonCode();
      default -> "ReinstateAgency " + change.msp();
    };
  }
}
