package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.servicerecords.registry.chaincode.Operations.Sender;
import org.servicerecords.registry.chaincode.Operations.Tx;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ChangeApproval;
import org.servicerecords.registry.model.DetailsCipher;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.RecordKind;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.TransientKeys;
import org.servicerecords.registry.testing.Ledger;
import org.servicerecords.registry.testing.Network;

/**
 * Random sequences of writes, queries and governance changes by users of every agency and role
 * never let anyone but a namespace's own agency write there: records are created by its {@code
 * issuer} (decisions also by its {@code clerk}) and changed only by the {@code issuer} of the
 * agency that issued them, whichever organisation's peer endorses (a co-endorsed write runs the
 * same checks on the owner's peer and a co-endorser's), and only with the asserted time within the
 * tolerance of the endorsing peer's clock; governance changes only by an {@code admin} of a member
 * organisation, each recording its organisation's approval, and an agency's entry only once a
 * majority of the members approved exactly that change of that entry. A refused transaction, and
 * every query, leaves every ledger exactly as it was. A details commitment is written with its
 * record, by the record's agency, and changed only by a purge; private details are written only by
 * the owner's issuer through the owner's own peer, in a transaction writing nothing public, and
 * only as bytes that hash to an unpurged commitment of the owner's. Private details are read only
 * by the namespace agency's issuer or clerk through its own peer, and only sealed under the
 * reader's one-time key.
 */
class AuthorityPropertyTest {

  private static final Set<String> RECORDS_OBJECT_TYPES =
      Set.of(
          Keys.RECORD,
          Keys.BY_HASH,
          Keys.BY_TYPE,
          Keys.BY_SUBJECT,
          Keys.BY_APPLICATION,
          Keys.APPLICATION,
          Keys.DETAILS_COMMITMENT);

  private static final OutcomeTally OUTCOMES = new OutcomeTally("authority");

  @Provide
  Arbitrary<List<Tx>> sequences() {
    return Operations.sequence(Operations.transaction(), 1, 30);
  }

  /** Edge cases are off: they are mostly one-transaction sequences, which build up no state. */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void onlyTheIssuingAgencysIssuerCreatesOrChangesItsRecords(
      @ForAll("sequences") List<Tx> sequence) {
    check(sequence);
  }

  private static void check(List<Tx> sequence) {
    OUTCOMES.sequence();
    Network network = Fixtures.consortium();
    for (int i = 0; i < sequence.size(); i++) {
      Tx tx = sequence.get(i);
      Snapshot before = Snapshot.of(network);
      String owner = ownerOf(network, tx.chaincode());
      Network.Result result = tx.run(network, false);
      OUTCOMES.count(result);
      String step = "step " + i + ": " + tx + " -> " + result.message();
      if (result.ok() && tx.op() instanceof Operations.ReadDetails read) {
        assertDetailsSealedForTheOwner(step, tx.sender(), owner, read, result);
      }

      if (!result.ok() || !tx.op().submitted()) {
        if (!result.ok()) {
          assertThat(Outcomes.code(result))
              .as(step)
              .isNotNull()
              .isNotEqualTo(ErrorCode.INTERNAL_ERROR);
        }
        assertThat(result.writes()).as(step).isEmpty();
        assertThat(result.events()).as(step).isEmpty();
        assertThat(Snapshot.of(network)).as(step).isEqualTo(before);
        continue;
      }
      assertThat(result.events()).as(step).hasSize(1);
      if (tx.governance()) {
        assertApprovedByAMajority(step, tx.sender(), result, network, before.state(tx.chaincode()));
        continue;
      }
      assertWrittenByTheOwner(step, tx, owner, result, before.state(tx.chaincode()));
    }
  }

  /** Checking writes needs transactions that write. */
  @AfterContainer
  static void atLeastAFifthOfTheGeneratedTransactionsSucceeded() {
    OUTCOMES.report(0.20);
  }

  private static void assertWrittenByTheOwner(
      String step, Tx tx, String owner, Network.Result result, Map<String, String> before) {
    Sender sender = tx.sender();
    assertThat(owner).as("%s: the namespace has an agency", step).isNotNull();
    assertThat(sender.msp()).as("%s: the writer is the namespace's agency", step).isEqualTo(owner);
    assertThat(sender.role()).as(step).isIn("issuer", "clerk");
    if (tx.op().coEndorsed()) {
      assertThat(tx.outOfTolerance())
          .as("%s: the asserted time is within the tolerance of the endorser's clock", step)
          .isFalse();
    }
    boolean storesDetails =
        result.writes().stream().anyMatch(w -> w.kind() == Ledger.Write.Kind.PUT_PRIVATE);
    if (storesDetails) {
      assertThat(sender.peerMsp())
          .as("%s: private details endorsed by the agency's own peer", step)
          .isEqualTo(owner);
      assertThat(result.writes())
          .as("%s: a transaction storing private details writes nothing public", step)
          .allMatch(w -> w.collection() != null);
    }
    for (Ledger.Write write : result.writes()) {
      if (write.collection() != null) {
        assertThat(write.collection()).as(step).isEqualTo(Keys.implicitCollection(owner));
        assertThat(objectType(write.key())).as(step).isEqualTo(Keys.DETAILS);
        assertThat(sender.role()).as("%s: private data written by", step).isEqualTo("issuer");
        if (write.kind() == Ledger.Write.Kind.PUT_PRIVATE) {
          assertStoredAsCommitted(step, owner, write, before);
        }
        continue;
      }
      assertThat(write.kind()).as(step).isEqualTo(Ledger.Write.Kind.PUT);
      assertThat(objectType(write.key())).as(step).isIn(RECORDS_OBJECT_TYPES);
      if (objectType(write.key()).equals(Keys.DETAILS_COMMITMENT)) {
        assertCommitmentWrittenByTheOwner(step, sender, owner, write, result, before);
        continue;
      }
      if (!objectType(write.key()).equals(Keys.RECORD)) {
        continue;
      }
      RegistryRecord written = CanonicalJson.fromBytes(write.value(), RegistryRecord.class);
      assertThat(written.issuerMsp()).as(step).isEqualTo(owner);
      assertThat(written.actor().msp()).as(step).isEqualTo(owner);
      String previous = before.get(Ledger.printable(write.key()));
      if (previous == null) {
        assertThat(
                sender.role().equals("issuer")
                    || (sender.role().equals("clerk") && written.kind() == RecordKind.DECISION))
            .as("%s: record %s created by %s", step, written.id(), sender)
            .isTrue();
      } else {
        RegistryRecord old = CanonicalJson.fromJson(previous, RegistryRecord.class);
        assertThat(sender.role())
            .as("%s: record %s changed by", step, old.id())
            .isEqualTo("issuer");
        assertThat(old.issuerMsp()).as(step).isEqualTo(sender.msp());
        assertThat(written.kind()).as(step).isEqualTo(old.kind());
        assertThat(written.documentHash()).as(step).isEqualTo(old.documentHash());
      }
    }
  }

  /**
   * Stored private details hash to the commitment of their record as it was before: the owner's,
   * and not purged.
   */
  private static void assertStoredAsCommitted(
      String step, String owner, Ledger.Write write, Map<String, String> before) {
    String id = CompositeKey.parseCompositeKey(write.key()).getAttributes().get(0);
    String committed =
        before.get(Ledger.printable(new CompositeKey(Keys.DETAILS_COMMITMENT, id).toString()));
    assertThat(committed).as("%s: details of %s stored with a commitment", step, id).isNotNull();
    DetailsCommitment commitment = CanonicalJson.fromJson(committed, DetailsCommitment.class);
    assertThat(commitment.issuerMsp()).as(step).isEqualTo(owner);
    assertThat(commitment.purged())
        .as("%s: details of %s stored after a purge", step, id)
        .isFalse();
    assertThat(Digests.sha256Hex(write.value()))
        .as("%s: details of %s hash to the commitment", step, id)
        .isEqualTo(commitment.detailsHash());
  }

  /**
   * A details commitment names the owner and is written by an issuer: new, together with its new
   * record and that record's details hash; or changed from unpurged to purged and nothing else.
   */
  private static void assertCommitmentWrittenByTheOwner(
      String step,
      Sender sender,
      String owner,
      Ledger.Write write,
      Network.Result result,
      Map<String, String> before) {
    DetailsCommitment written = CanonicalJson.fromBytes(write.value(), DetailsCommitment.class);
    String id = CompositeKey.parseCompositeKey(write.key()).getAttributes().get(0);
    assertThat(written.recordId()).as(step).isEqualTo(id);
    assertThat(written.issuerMsp()).as(step).isEqualTo(owner);
    assertThat(sender.role()).as("%s: commitment of %s written by", step, id).isEqualTo("issuer");
    String previous = before.get(Ledger.printable(write.key()));
    if (previous == null) {
      String recordKey = new CompositeKey(Keys.RECORD, id).toString();
      assertThat(before)
          .as("%s: commitment of an existing record %s", step, id)
          .doesNotContainKey(Ledger.printable(recordKey));
      Ledger.Write record =
          result.writes().stream()
              .filter(w -> w.collection() == null && w.key().equals(recordKey))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError(step + ": commitment without its record " + id));
      assertThat(CanonicalJson.fromBytes(record.value(), RegistryRecord.class).privateDetailsHash())
          .as(step)
          .isEqualTo(written.detailsHash());
      assertThat(written.purged()).as(step).isFalse();
      return;
    }
    DetailsCommitment old = CanonicalJson.fromJson(previous, DetailsCommitment.class);
    assertThat(old.purged()).as("%s: a purged commitment of %s changed", step, id).isFalse();
    assertThat(written)
        .as("%s: only a purge changes the commitment of %s", step, id)
        .isEqualTo(new DetailsCommitment(id, old.issuerMsp(), old.detailsHash(), true));
  }

  /**
   * A governance change is written by an admin of a member organisation, as that organisation's
   * approval; it changes an agency only when, with this approval, members of a majority approved
   * exactly this change of the entry as it was before.
   */
  private static void assertApprovedByAMajority(
      String step,
      Sender sender,
      Network.Result result,
      Network network,
      Map<String, String> before) {
    assertThat(sender.role()).as(step).isEqualTo("admin");
    assertThat(RegistryModel.MEMBERS).as(step).contains(sender.msp());
    ChangeApproval approval = null;
    String agencyKey = null;
    for (Ledger.Write write : result.writes()) {
      assertThat(write.kind()).as(step).isEqualTo(Ledger.Write.Kind.PUT);
      String type = objectType(write.key());
      assertThat(type)
          .as(step)
          .isIn(Keys.AGENCY, Keys.AGENCY_VERSIONS, Keys.AGENCY_BY_NAMESPACE, Keys.APPROVAL);
      if (type.equals(Keys.APPROVAL)) {
        assertThat(approval).as("%s: one approval per transaction", step).isNull();
        approval = CanonicalJson.fromBytes(write.value(), ChangeApproval.class);
        assertThat(CompositeKey.parseCompositeKey(write.key()).getAttributes())
            .as(step)
            .containsExactly(approval.changeId(), sender.msp());
        assertThat(approval.actor().msp()).as(step).isEqualTo(sender.msp());
      } else if (type.equals(Keys.AGENCY)) {
        agencyKey = write.key();
      }
    }
    assertThat(approval).as("%s: the caller's approval", step).isNotNull();
    if (result.writes().size() == 1) {
      return;
    }
    assertThat(agencyKey).as("%s: an applied change writes the agency", step).isNotNull();
    int approvals = 0;
    for (String member : RegistryModel.MEMBERS) {
      byte[] value =
          network
              .ledger(Fixtures.GOVERNANCE)
              .state()
              .get(new CompositeKey(Keys.APPROVAL, approval.changeId(), member).toString());
      if (value != null) {
        approvals++;
        assertThat(CanonicalJson.fromBytes(value, ChangeApproval.class).change())
            .as(step)
            .isEqualTo(approval.change());
      }
    }
    assertThat(approvals)
        .as("%s: approvals of the applied change", step)
        .isGreaterThanOrEqualTo(RegistryModel.REQUIRED);
    String previous = before.get(Ledger.printable(agencyKey));
    String base =
        previous == null ? null : CanonicalJson.fromJson(previous, AgencyEntry.class).txId();
    assertThat(approval.change().base())
        .as("%s: approved on the entry it changes", step)
        .isEqualTo(base);
  }

  /**
   * Details are read only by the namespace agency's issuer or clerk through its own peer, and only
   * sealed: the answer opens with the sender's key and nonce to exactly the stored value.
   */
  private static void assertDetailsSealedForTheOwner(
      String step,
      Sender sender,
      String owner,
      Operations.ReadDetails read,
      Network.Result result) {
    assertThat(sender.msp())
        .as("%s: details read by the namespace's agency", step)
        .isEqualTo(owner);
    assertThat(sender.peerMsp()).as("%s: through its own peer", step).isEqualTo(owner);
    assertThat(sender.role()).as(step).isIn("issuer", "clerk");
    Map<String, byte[]> sent = new TreeMap<>();
    read.transientEntries()
        .forEach(e -> sent.put(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)));
    byte[] opened =
        DetailsCipher.open(
            sent.get(TransientKeys.RESPONSE_KEY),
            sent.get(TransientKeys.RESPONSE_NONCE),
            read.id(),
            Base64.getDecoder().decode(result.payload()));
    byte[] stored =
        result
            .stub()
            .ledger()
            .privateValue(
                Keys.implicitCollection(owner),
                new CompositeKey(Keys.DETAILS, read.id()).toString());
    assertThat(opened).as(step).isEqualTo(stored);
  }

  /** The MSP that governance names for a records namespace, read from the governance ledger. */
  private static String ownerOf(Network network, String namespace) {
    byte[] value =
        network
            .ledger(Fixtures.GOVERNANCE)
            .state()
            .get(new CompositeKey(Keys.AGENCY_BY_NAMESPACE, namespace).toString());
    return value == null ? null : CanonicalJson.fromBytes(value, String.class);
  }

  private static String objectType(String key) {
    return CompositeKey.parseCompositeKey(key).getObjectType();
  }

  /** Every ledger's state, history, private data and private hashes, as comparable text. */
  record Snapshot(Map<String, String> text) {

    static Snapshot of(Network network) {
      return new Snapshot(Transcript.ledgers(network));
    }

    /** One namespace's public state: printable key to UTF-8 value. */
    Map<String, String> state(String chaincode) {
      return Transcript.publicState(text, chaincode);
    }
  }
}
