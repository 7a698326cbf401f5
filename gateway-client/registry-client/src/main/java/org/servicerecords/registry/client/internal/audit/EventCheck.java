package org.servicerecords.registry.client.internal.audit;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.ledger.rwset.CollectionHashedReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.HashedRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.servicerecords.registry.client.AttestationException;
import org.servicerecords.registry.client.IgnoredEvent.Reason;
import org.servicerecords.registry.client.ScannedTransaction;
import org.servicerecords.registry.client.internal.trust.ChannelMsps;
import org.servicerecords.registry.client.internal.trust.Endorsements;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.JsonFormatException;
import org.servicerecords.registry.model.RecordEvent;

/**
 * (About 450 lines, kept whole: one pass over a transaction's envelope, whose checks below run in
 * order on what the earlier ones parsed.)
 *
 * <p>Judges a block's transactions of one namespace: which carry a chaincode event of it, and
 * whether that event is to be trusted. Events are hints (docs/architecture.md, "Trust model"): any
 * organisation can commit a VALID transaction in another agency's namespace that writes only its
 * own implicit collection and carries an event in that namespace's name. An event is accepted only
 * when, in this order:
 *
 * <ol>
 *   <li>the block's validation flags say VALID;
 *   <li>the transaction holds one chaincode action that parses;
 *   <li>its proposal response payload answers its proposal (proposal hash);
 *   <li>its endorsements satisfy the namespace's {@link EventRule}: one endorsement of the owner,
 *       or of a majority of the members, passes {@link Endorsements#verify} (the certificate chains
 *       to that organisation's roots in the channel configuration and was valid at the
 *       transaction's timestamp, holds the peer NodeOU, and the signature verifies over the
 *       proposal response payload and the endorser);
 *   <li>it writes no implicit collection of the namespace other than the owner's.
 * </ol>
 *
 * <p>The first check that fails is the reason. Pure: no network, so tests judge blocks they build.
 */
public final class EventCheck {

  private EventCheck() {}

  /**
   * Says whether a block is a configuration block (its one envelope is of type CONFIG), whose
   * organisations then apply to the blocks after it.
   *
   * @param block the block
   * @return true for a configuration block
   */
  static boolean isConfig(Block block) {
    if (block.getData().getDataCount() != 1) {
      return false;
    }
    try {
      Envelope envelope = Envelope.parseFrom(block.getData().getData(0));
      Payload payload = Payload.parseFrom(envelope.getPayload());
      return ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getType()
          == HeaderType.CONFIG_VALUE;
    } catch (InvalidProtocolBufferException e) {
      return false;
    }
  }

  /**
   * Judges every transaction of the block that belongs to the rule's namespace (its chaincode
   * action is of that chaincode) and either carries an event of it or, VALID, writes a foreign
   * implicit collection. Other transactions, and envelopes that are not endorser transactions, are
   * left out.
   *
   * @param block the block
   * @param rule the namespace's rule
   * @param msps the channel's organisations in effect
   * @return the judged transactions, in block order
   */
  static List<ScannedTransaction> judge(Block block, EventRule rule, ChannelMsps msps) {
    long number = block.getHeader().getNumber();
    ByteString flags =
        block.getMetadata().getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
            ? block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE)
            : ByteString.EMPTY;
    List<ScannedTransaction> judged = new ArrayList<>();
    for (int i = 0; i < block.getData().getDataCount(); i++) {
      String code = validationCode(flags, i);
      ScannedTransaction tx = judgeEnvelope(number, block.getData().getData(i), code, rule, msps);
      if (tx != null) {
        judged.add(tx);
      }
    }
    return judged;
  }

  private static String validationCode(ByteString flags, int index) {
    if (index >= flags.size()) {
      return "NOT_VALIDATED";
    }
    int value = flags.byteAt(index) & 0xff;
    TxValidationCode code = TxValidationCode.forNumber(value);
    return code == null ? "UNKNOWN_CODE_" + value : code.name();
  }

  /** What one envelope says, as far as it parses. */
  private static final class Parsed {
    String txId;
    Instant timestamp;
    ByteString channelHeader;
    int actions;
    TransactionAction action;
    ChaincodeActionPayload actionPayload;
    ByteString responsePayload;
    ChaincodeAction chaincodeAction;
    List<Endorsement> endorsements = List.of();
    String problem;
  }

  private static ScannedTransaction judgeEnvelope(
      long block, ByteString bytes, String code, EventRule rule, ChannelMsps msps) {
    Parsed p = new Parsed();
    try {
      Payload payload = Payload.parseFrom(Envelope.parseFrom(bytes).getPayload());
      ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
      if (header.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
        return null;
      }
      p.txId = header.getTxId();
      p.timestamp = instant(header.getTimestamp());
      p.channelHeader = payload.getHeader().getChannelHeader();
      Transaction transaction = Transaction.parseFrom(payload.getData());
      p.actions = transaction.getActionsCount();
      // Fabric validates only transactions with exactly one action; look for ours among them all.
      for (TransactionAction action : transaction.getActionsList()) {
        ChaincodeActionPayload actionPayload =
            ChaincodeActionPayload.parseFrom(action.getPayload());
        ByteString prpBytes = actionPayload.getAction().getProposalResponsePayload();
        ChaincodeAction chaincodeAction =
            ChaincodeAction.parseFrom(ProposalResponsePayload.parseFrom(prpBytes).getExtension());
        if (chaincodeAction.getChaincodeId().getName().equals(rule.namespace())) {
          p.action = action;
          p.actionPayload = actionPayload;
          p.responsePayload = prpBytes;
          p.chaincodeAction = chaincodeAction;
          p.endorsements = actionPayload.getAction().getEndorsementsList();
          break;
        }
      }
    } catch (InvalidProtocolBufferException e) {
      // Unattributable to a namespace unless its action was found before the failure.
      if (p.chaincodeAction == null) {
        return null;
      }
    }
    if (p.chaincodeAction == null) {
      return null;
    }
    RecordEvent event;
    List<String> foreign;
    try {
      event = eventOf(p.chaincodeAction, rule.namespace());
      foreign = foreignWrites(p.chaincodeAction, rule);
    } catch (InvalidProtocolBufferException e) {
      return ignored(
          p, block, code, null, List.of(), Reason.MALFORMED, "unreadable chaincode action");
    }
    boolean valid = TxValidationCode.VALID.name().equals(code);
    if (event == null && (!valid || foreign.isEmpty())) {
      return null;
    }
    if (!valid) {
      return ignored(p, block, code, event, foreign, Reason.NOT_VALID, "validation code " + code);
    }
    if (p.actions != 1) {
      return ignored(
          p,
          block,
          code,
          event,
          foreign,
          Reason.MALFORMED,
          "the transaction holds " + p.actions + " actions, not 1");
    }
    ProposalResponsePayload prp;
    try {
      prp = ProposalResponsePayload.parseFrom(p.responsePayload);
    } catch (InvalidProtocolBufferException e) {
      return ignored(p, block, code, event, foreign, Reason.MALFORMED, "unreadable response");
    }
    if (!Endorsements.proposalHashMatches(
        p.channelHeader,
        p.action.getHeader(),
        p.actionPayload.getChaincodeProposalPayload(),
        prp)) {
      return ignored(
          p,
          block,
          code,
          event,
          foreign,
          Reason.PROPOSAL_MISMATCH,
          "the endorsed proposal hash does not match the transaction's proposal");
    }
    Refusal refusal =
        rule.owner() != null ? ownerRefusal(p, rule, msps) : majorityRefusal(p, rule, msps);
    if (refusal != null) {
      return ignored(p, block, code, event, foreign, refusal.reason(), refusal.detail());
    }
    if (rule.owner() != null && event != null && claimsPublicChange(event)) {
      int publicWrites;
      try {
        publicWrites = publicWrites(p.chaincodeAction, rule.namespace());
      } catch (InvalidProtocolBufferException e) {
        return ignored(p, block, code, event, foreign, Reason.MALFORMED, "unreadable write set");
      }
      if (publicWrites == 0) {
        return ignored(
            p,
            block,
            code,
            event,
            foreign,
            Reason.NO_PUBLIC_WRITE,
            "the event claims "
                + actionsOf(event)
                + " but the transaction wrote nothing public in "
                + rule.namespace()
                + " (so no co-endorser's validation applied)");
      }
    }
    if (!foreign.isEmpty()) {
      return ignored(
          p,
          block,
          code,
          event,
          foreign,
          Reason.FOREIGN_COLLECTION_WRITE,
          "writes "
              + foreign
              + (rule.owner() == null
                  ? ", and governance keeps no private data"
                  : ", collections not of the owner " + rule.owner()));
    }
    return new ScannedTransaction(
        block, p.txId, code, claimed(p.endorsements), event, foreign, null, null);
  }

  private record Refusal(Reason reason, String detail) {}

  /** The owner rule: one endorsement claiming the owner passes every check. */
  private static Refusal ownerRefusal(Parsed p, EventRule rule, ChannelMsps msps) {
    AttestationException first = null;
    boolean claimed = false;
    for (Endorsement endorsement : p.endorsements) {
      if (!rule.owner().equals(Endorsements.claimedMsp(endorsement))) {
        continue;
      }
      claimed = true;
      try {
        Endorsements.verify(endorsement, p.responsePayload, msps, p.timestamp);
        return null;
      } catch (AttestationException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (!claimed) {
      return new Refusal(
          Reason.NOT_ENDORSED_BY_OWNER,
          "endorsed by "
              + claimed(p.endorsements)
              + ", none of them the namespace's owner "
              + rule.owner());
    }
    return new Refusal(reasonOf(first), "the owner's endorsement: " + detailOf(first));
  }

  /** The majority rule: checked peer endorsements of at least {@code required} members. */
  private static Refusal majorityRefusal(Parsed p, EventRule rule, ChannelMsps msps) {
    Set<String> passed = new LinkedHashSet<>();
    Map<String, String> refused = new LinkedHashMap<>();
    for (Endorsement endorsement : p.endorsements) {
      String msp = Endorsements.claimedMsp(endorsement);
      if (msp == null || !rule.members().contains(msp) || passed.contains(msp)) {
        continue;
      }
      try {
        passed.add(Endorsements.verify(endorsement, p.responsePayload, msps, p.timestamp).mspId());
        refused.remove(msp);
      } catch (AttestationException e) {
        refused.putIfAbsent(msp, e.reason().name());
      }
    }
    if (passed.size() >= rule.required()) {
      return null;
    }
    return new Refusal(
        Reason.TOO_FEW_ORGANISATIONS,
        "checked peer endorsements of "
            + passed
            + ", "
            + rule.required()
            + " of the members "
            + rule.members()
            + " needed"
            + (refused.isEmpty() ? "" : "; refused: " + refused));
  }

  private static Reason reasonOf(AttestationException e) {
    return switch (e.reason()) {
      case SIGNATURE_INVALID -> Reason.SIGNATURE_INVALID;
      case NOT_A_PEER -> Reason.NOT_A_PEER;
      case UNKNOWN_ORGANISATION -> Reason.UNKNOWN_ORGANISATION;
      case CERTIFICATE_NOT_TRUSTED -> Reason.CERTIFICATE_NOT_TRUSTED;
      case MALFORMED, TOO_FEW_ORGANISATIONS, NOT_THE_QUESTION_ASKED, ANSWERS_DIFFER ->
          Reason.MALFORMED;
    };
  }

  /** The attestation message without its "attestation refused (REASON): " prefix. */
  private static String detailOf(AttestationException e) {
    String message = e.getMessage();
    int colon = message.indexOf("): ");
    return colon < 0 ? message : message.substring(colon + 3);
  }

  private static ScannedTransaction ignored(
      Parsed p,
      long block,
      String code,
      RecordEvent event,
      List<String> foreign,
      Reason reason,
      String detail) {
    return new ScannedTransaction(
        block, p.txId, code, claimed(p.endorsements), event, foreign, reason, detail);
  }

  private static List<String> claimed(List<Endorsement> endorsements) {
    List<String> msps = new ArrayList<>();
    for (Endorsement endorsement : endorsements) {
      String msp = Endorsements.claimedMsp(endorsement);
      msps.add(msp == null ? "(unreadable)" : msp);
    }
    return msps;
  }

  /**
   * The action's event when it is the namespace's: the payload as a {@link RecordEvent}, with no
   * entries when it is not one.
   */
  private static RecordEvent eventOf(ChaincodeAction action, String namespace)
      throws InvalidProtocolBufferException {
    if (action.getEvents().isEmpty()) {
      return null;
    }
    ChaincodeEvent event = ChaincodeEvent.parseFrom(action.getEvents());
    if (!event.getChaincodeId().equals(namespace)) {
      return null;
    }
    try {
      return CanonicalJson.fromBytes(event.getPayload().toByteArray(), RecordEvent.class);
    } catch (JsonFormatException e) {
      return new RecordEvent(namespace, List.of());
    }
  }

  /**
   * The collections of the namespace that the action writes (hashed writes or metadata writes in
   * its read-write set) and that the rule calls foreign, sorted.
   */
  /** The one action a transaction writing only the owner's private collection may announce. */
  static final String DETAILS_STORED = "DETAILS_STORED";

  /** Whether the event announces anything other than stored details. */
  private static boolean claimsPublicChange(RecordEvent event) {
    return event.entries() == null
        || event.entries().isEmpty()
        || event.entries().stream().anyMatch(e -> !DETAILS_STORED.equals(e.action()));
  }

  private static Set<String> actionsOf(RecordEvent event) {
    Set<String> actions = new java.util.TreeSet<>();
    if (event.entries() != null) {
      event.entries().forEach(e -> actions.add(e.action()));
    }
    return actions;
  }

  /**
   * The public key writes of the namespace in the transaction's write set. A VALID transaction with
   * any passed the namespace's own endorsement policy (for records: the owner and a co-endorser);
   * one with none was validated only against the policies of the collections it wrote.
   */
  private static int publicWrites(ChaincodeAction action, String namespace)
      throws InvalidProtocolBufferException {
    if (action.getResults().isEmpty()) {
      return 0;
    }
    int writes = 0;
    for (NsReadWriteSet ns : TxReadWriteSet.parseFrom(action.getResults()).getNsRwsetList()) {
      if (ns.getNamespace().equals(namespace)) {
        KVRWSet kv = KVRWSet.parseFrom(ns.getRwset());
        writes += kv.getWritesCount() + kv.getMetadataWritesCount();
      }
    }
    return writes;
  }

  private static List<String> foreignWrites(ChaincodeAction action, EventRule rule)
      throws InvalidProtocolBufferException {
    if (action.getResults().isEmpty()) {
      return List.of();
    }
    Set<String> foreign = new java.util.TreeSet<>();
    TxReadWriteSet rwset = TxReadWriteSet.parseFrom(action.getResults());
    for (NsReadWriteSet ns : rwset.getNsRwsetList()) {
      if (!ns.getNamespace().equals(rule.namespace())) {
        continue;
      }
      for (CollectionHashedReadWriteSet collection : ns.getCollectionHashedRwsetList()) {
        HashedRWSet hashed = HashedRWSet.parseFrom(collection.getHashedRwset());
        boolean writes = hashed.getHashedWritesCount() > 0 || hashed.getMetadataWritesCount() > 0;
        if (writes && rule.isForeignCollection(collection.getCollectionName())) {
          foreign.add(collection.getCollectionName());
        }
      }
    }
    return List.copyOf(foreign);
  }

  private static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
