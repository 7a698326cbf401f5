package org.servicerecords.registry.client.internal.audit.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVMetadataEntry;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVMetadataWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVMetadataWriteHash;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWriteHash;
import org.hyperledger.fabric.protos.peer.ApplicationPolicy;
import org.hyperledger.fabric.protos.peer.CollectionConfig;
import org.hyperledger.fabric.protos.peer.StaticCollectionConfig;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Decides, as Fabric v3's built-in validation does (read in core/committer/txvalidator/v20,
 * core/handlers/validation/builtin/v20 and core/common/validation/statebased), whether a
 * transaction's valid endorsements satisfy the endorsement policy of every namespace it writes and
 * of the chaincode it invoked: the chaincode's committed definition ({@link LifecycleState}) gives
 * a signature policy or a channel policy reference; {@code _lifecycle} itself uses {@code
 * /Channel/Application/LifecycleEndorsement}; a collection written uses its own endorsement policy
 * when it has one (an organisation's implicit collection: that organisation's {@code Endorsement}
 * policy), in which case the namespace's policy is only required if nothing else was checked. A key
 * with a key-level (state-based) validation parameter, set by a valid metadata write of an earlier
 * block, is checked against it instead; a key whose metadata an earlier transaction of the same
 * block (that passed its policies) writes fails.
 */
final class EndorsementPolicies {

  private static final String VALID = TxValidationCode.VALID.name();
  private static final String POLICY_FAILURE = TxValidationCode.ENDORSEMENT_POLICY_FAILURE.name();
  private static final String LIFECYCLE_ENDORSEMENT = "/Channel/Application/LifecycleEndorsement";
  private static final String VALIDATION_PARAMETER = "VALIDATION_PARAMETER";
  private static final String KEY_SCOPE = "\u0000key";

  private final LifecycleState lifecycle;
  private final Map<ByteString, Policy> compiled = new HashMap<>();
  private final Map<String, ByteString> keyPolicies = new HashMap<>();
  private final Map<String, ByteString> stagedKeyPolicies = new LinkedHashMap<>();
  private final Set<String> keyPoliciesUpdatedInBlock = new HashSet<>();
  private ChannelConfig compiledFor;

  EndorsementPolicies(LifecycleState lifecycle) {
    this.lifecycle = lifecycle;
  }

  /**
   * The outcome for one transaction.
   *
   * @param code {@code VALID} or the validation code Fabric would give
   * @param detail why, when not valid
   * @param notes what was not evaluated
   */
  record Outcome(String code, String detail, List<String> notes) {
    Outcome {
      notes = List.copyOf(notes);
    }
  }

  /** A policy with the words that name it. */
  private record Named(String name, Policy policy) {}

  /**
   * Evaluates a transaction's endorsements.
   *
   * @param config the channel configuration in force
   * @param invoked the chaincode the transaction invoked
   * @param rwSet its read-write set
   * @param endorsers its distinct endorsers whose signatures verified
   * @return the outcome
   */
  Outcome evaluate(ChannelConfig config, String invoked, TxRwSet rwSet, List<Signer> endorsers) {
    if (config != compiledFor) {
      compiled.clear();
      compiledFor = config;
    }
    List<String> notes = new ArrayList<>();
    Set<String> written = new TreeSet<>();
    written.add(invoked);
    Set<String> seen = new HashSet<>();
    for (TxRwSet.Ns ns : rwSet.namespaces()) {
      if (!seen.add(ns.name())) {
        return new Outcome(
            TxValidationCode.ILLEGAL_WRITESET.name(), "namespace " + ns.name() + " twice", notes);
      }
      if (ns.writes()) {
        written.add(ns.name());
      }
    }
    for (String namespace : written) {
      Named policy;
      if (namespace.equals(LifecycleState.NAMESPACE)) {
        policy = lifecycleEndorsement(config);
      } else {
        Optional<LifecycleState.Definition> definition = lifecycle.definition(namespace);
        if (definition.isEmpty()
            || definition.get().plugin().isEmpty()
            || definition.get().validationParameter().isEmpty()) {
          return new Outcome(
              TxValidationCode.INVALID_CHAINCODE.name(),
              "no committed chaincode definition for namespace " + namespace,
              notes);
        }
        if (!definition.get().plugin().equals("vscc")) {
          notes.add(
              "validation plugin "
                  + definition.get().plugin()
                  + " of namespace "
                  + namespace
                  + " not evaluated");
          continue;
        }
        policy = compile(config, definition.get().validationParameter());
      }
      String failure = evaluateNamespace(config, namespace, policy, rwSet, endorsers);
      if (failure != null) {
        return new Outcome(POLICY_FAILURE, failure, notes);
      }
    }
    return new Outcome(VALID, "", notes);
  }

  /**
   * Notes the keys whose metadata a transaction that passed its endorsement policies writes: a
   * later transaction of the block writing one of them fails, as Fabric cannot know which key-level
   * policy applies.
   *
   * @param rwSet the transaction's read-write set
   */
  void endorsed(TxRwSet rwSet) {
    for (TxRwSet.Ns ns : rwSet.namespaces()) {
      for (KVMetadataWrite write : ns.kv().getMetadataWritesList()) {
        keyPoliciesUpdatedInBlock.add(keyId(ns.name(), "", write.getKey()));
      }
      for (TxRwSet.Coll coll : ns.collections()) {
        for (KVMetadataWriteHash write : coll.hashed().getMetadataWritesList()) {
          keyPoliciesUpdatedInBlock.add(keyId(ns.name(), coll.name(), hashKey(write.getKeyHash())));
        }
      }
    }
  }

  /**
   * Records the key-level validation parameters a valid transaction sets or removes (a deleted key
   * loses its metadata), in force after the block.
   *
   * @param rwSet the valid transaction's read-write set
   */
  void committed(TxRwSet rwSet) {
    for (TxRwSet.Ns ns : rwSet.namespaces()) {
      Set<String> deleted = new HashSet<>();
      for (KVWrite write : ns.kv().getWritesList()) {
        if (write.getIsDelete() || write.getValue().isEmpty()) {
          deleted.add(keyId(ns.name(), "", write.getKey()));
        }
      }
      for (TxRwSet.Coll coll : ns.collections()) {
        for (KVWriteHash write : coll.hashed().getHashedWritesList()) {
          if (write.getIsDelete() || write.getValueHash().isEmpty()) {
            deleted.add(keyId(ns.name(), coll.name(), hashKey(write.getKeyHash())));
          }
        }
      }
      for (String id : deleted) {
        stagedKeyPolicies.put(id, ByteString.EMPTY);
      }
      for (KVMetadataWrite write : ns.kv().getMetadataWritesList()) {
        stageKeyPolicy(
            keyId(ns.name(), "", write.getKey()),
            validationParameter(write.getEntriesList()),
            deleted);
      }
      for (TxRwSet.Coll coll : ns.collections()) {
        for (KVMetadataWriteHash write : coll.hashed().getMetadataWritesList()) {
          stageKeyPolicy(
              keyId(ns.name(), coll.name(), hashKey(write.getKeyHash())),
              validationParameter(write.getEntriesList()),
              deleted);
        }
      }
    }
  }

  /** Puts the block's key-level validation parameters in force and starts the next block. */
  void endBlock() {
    stagedKeyPolicies.forEach(
        (id, parameter) -> {
          if (parameter.isEmpty()) {
            keyPolicies.remove(id);
          } else {
            keyPolicies.put(id, parameter);
          }
        });
    stagedKeyPolicies.clear();
    keyPoliciesUpdatedInBlock.clear();
  }

  private void stageKeyPolicy(String id, ByteString parameter, Set<String> deleted) {
    if (!deleted.contains(id)) {
      stagedKeyPolicies.put(id, parameter);
    }
  }

  private static ByteString validationParameter(List<KVMetadataEntry> entries) {
    for (KVMetadataEntry entry : entries) {
      if (entry.getName().equals(VALIDATION_PARAMETER)) {
        return entry.getValue();
      }
    }
    return ByteString.EMPTY;
  }

  private static String keyId(String namespace, String collection, String key) {
    return namespace + "\u0000" + collection + "\u0000" + key;
  }

  private static String hashKey(ByteString hash) {
    return new String(hash.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * The key-level check of one written key, as Fabric's state-based validator does it.
   *
   * @return a failure's words; "" when the key has a key-level policy that is satisfied; null when
   *     it has none
   */
  private String keyLevel(String id, String what, List<Signer> endorsers) {
    if (keyPoliciesUpdatedInBlock.contains(id)) {
      return "the key-level policy of a key of "
          + what
          + " was changed by an earlier transaction of the block";
    }
    ByteString parameter = keyPolicies.get(id);
    if (parameter == null) {
      return null;
    }
    Policy policy;
    try {
      policy = Policy.signature(SignaturePolicyEnvelope.parseFrom(parameter));
    } catch (InvalidProtocolBufferException | CertificateException e) {
      policy = signers -> false;
    }
    return policy.satisfiedBy(endorsers)
        ? ""
        : failure("a key of " + what, new Named("its key-level policy", policy), endorsers);
  }

  private String evaluateNamespace(
      ChannelConfig config, String namespace, Named policy, TxRwSet rwSet, List<Signer> endorsers) {
    Set<String> checked = new HashSet<>();
    String namespaceScope = "\u0000namespace";
    for (TxRwSet.Ns ns : rwSet.namespaces()) {
      if (!ns.name().equals(namespace)) {
        continue;
      }
      List<String> keys = new ArrayList<>();
      ns.kv().getWritesList().stream().map(KVWrite::getKey).forEach(keys::add);
      ns.kv().getMetadataWritesList().stream().map(KVMetadataWrite::getKey).forEach(keys::add);
      for (String key : keys) {
        String keyLevel = keyLevel(keyId(namespace, "", key), namespace, endorsers);
        if (keyLevel != null) {
          if (!keyLevel.isEmpty()) {
            return keyLevel;
          }
          checked.add(KEY_SCOPE);
          continue;
        }
        if (checked.add(namespaceScope) && !policy.policy().satisfiedBy(endorsers)) {
          return failure(namespace, policy, endorsers);
        }
      }
      for (boolean metadata : new boolean[] {false, true}) {
        for (TxRwSet.Coll coll : ns.collections()) {
          List<ByteString> hashes =
              metadata
                  ? coll.hashed().getMetadataWritesList().stream()
                      .map(KVMetadataWriteHash::getKeyHash)
                      .toList()
                  : coll.hashed().getHashedWritesList().stream()
                      .map(KVWriteHash::getKeyHash)
                      .toList();
          for (ByteString hash : hashes) {
            String keyLevel =
                keyLevel(
                    keyId(namespace, coll.name(), hashKey(hash)),
                    namespace + " collection " + coll.name(),
                    endorsers);
            if (keyLevel != null) {
              if (!keyLevel.isEmpty()) {
                return keyLevel;
              }
              checked.add(KEY_SCOPE);
              continue;
            }
            if (checked.contains(coll.name())) {
              continue;
            }
            Optional<Named> collectionPolicy;
            try {
              collectionPolicy = collectionPolicy(config, namespace, coll.name());
            } catch (IllegalStateException e) {
              return e.getMessage();
            }
            if (collectionPolicy.isPresent()) {
              if (!collectionPolicy.get().policy().satisfiedBy(endorsers)) {
                return failure(
                    namespace + " collection " + coll.name(), collectionPolicy.get(), endorsers);
              }
              checked.add(coll.name());
            } else if (checked.add(namespaceScope) && !policy.policy().satisfiedBy(endorsers)) {
              return failure(namespace, policy, endorsers);
            }
          }
        }
      }
    }
    if (checked.isEmpty() && !policy.policy().satisfiedBy(endorsers)) {
      return failure(namespace, policy, endorsers);
    }
    return null;
  }

  private static String failure(String what, Named policy, List<Signer> endorsers) {
    return "the endorsements "
        + endorsers.stream().map(s -> s.msp().mspId()).sorted().toList()
        + " do not satisfy the endorsement policy of "
        + what
        + " ("
        + policy.name()
        + ")";
  }

  /**
   * A collection's own endorsement policy, empty when the namespace's applies.
   *
   * @throws IllegalStateException with the failure's words when Fabric fails the transaction
   */
  private Optional<Named> collectionPolicy(
      ChannelConfig config, String namespace, String collection) {
    Optional<LifecycleState.Definition> definition = lifecycle.definition(namespace);
    if (!namespace.equals(LifecycleState.NAMESPACE) && definition.isEmpty()) {
      return Optional.empty();
    }
    if (collection.startsWith(TxRwSet.IMPLICIT_PREFIX)) {
      String mspId = collection.substring(TxRwSet.IMPLICIT_PREFIX.length());
      Optional<String> org = config.applicationOrgOf(mspId);
      if (org.isEmpty()) {
        throw new IllegalStateException(
            "collection " + collection + " names no application organisation of the channel");
      }
      String path = "/Channel/Application/" + org.get() + "/Endorsement";
      Optional<Policy> endorsement = channelPolicy(config, path);
      return Optional.of(
          endorsement
              .map(p -> new Named(path, p))
              .orElseGet(() -> new Named("any member of " + mspId, members(1, List.of(mspId)))));
    }
    if (definition.isPresent()) {
      for (CollectionConfig collectionConfig : definition.get().collections().getConfigList()) {
        StaticCollectionConfig staticConfig = collectionConfig.getStaticCollectionConfig();
        if (collectionConfig.hasStaticCollectionConfig()
            && staticConfig.getName().equals(collection)) {
          return staticConfig.hasEndorsementPolicy()
              ? Optional.of(compile(config, staticConfig.getEndorsementPolicy().toByteString()))
              : Optional.empty();
        }
      }
    }
    throw new IllegalStateException("namespace " + namespace + " has no collection " + collection);
  }

  private Named lifecycleEndorsement(ChannelConfig config) {
    Optional<Policy> policy = channelPolicy(config, LIFECYCLE_ENDORSEMENT);
    if (policy.isPresent()) {
      return new Named(LIFECYCLE_ENDORSEMENT, policy.get());
    }
    List<String> mspIds = List.copyOf(config.applicationOrgs().keySet());
    return new Named(
        "a majority of the application organisations' members",
        members(mspIds.size() / 2 + 1, mspIds));
  }

  private Named compile(ChannelConfig config, ByteString applicationPolicy) {
    Policy known = compiled.get(applicationPolicy);
    String name = describe(applicationPolicy);
    if (known != null) {
      return new Named(name, known);
    }
    Policy policy = signers -> false;
    try {
      ApplicationPolicy parsed = ApplicationPolicy.parseFrom(applicationPolicy);
      switch (parsed.getTypeCase()) {
        case SIGNATURE_POLICY -> policy = Policy.signature(parsed.getSignaturePolicy());
        case CHANNEL_CONFIG_POLICY_REFERENCE ->
            policy =
                channelPolicy(config, parsed.getChannelConfigPolicyReference())
                    .orElse(signers -> false);
        default -> {
          // no policy: never satisfied
        }
      }
    } catch (InvalidProtocolBufferException | CertificateException e) {
      // a policy that cannot be read is never satisfied
    }
    compiled.put(applicationPolicy, policy);
    return new Named(name, policy);
  }

  private static String describe(ByteString applicationPolicy) {
    try {
      ApplicationPolicy parsed = ApplicationPolicy.parseFrom(applicationPolicy);
      return parsed.hasSignaturePolicy()
          ? "the chaincode's signature policy"
          : parsed.getChannelConfigPolicyReference();
    } catch (InvalidProtocolBufferException e) {
      return "an unreadable policy";
    }
  }

  private static Optional<Policy> channelPolicy(ChannelConfig config, String path) {
    try {
      return config.policy(path);
    } catch (InvalidProtocolBufferException | CertificateException e) {
      return Optional.of(signers -> false);
    }
  }

  /** N out of the members of some MSPs, as Fabric's policydsl builds it. */
  private static Policy members(int n, List<String> mspIds) {
    SignaturePolicyEnvelope.Builder envelope = SignaturePolicyEnvelope.newBuilder();
    var nOutOf = SignaturePolicy.NOutOf.newBuilder().setN(n);
    for (int i = 0; i < mspIds.size(); i++) {
      envelope.addIdentities(
          MSPPrincipal.newBuilder()
              .setPrincipalClassification(MSPPrincipal.Classification.ROLE)
              .setPrincipal(
                  MSPRole.newBuilder()
                      .setMspIdentifier(mspIds.get(i))
                      .setRole(MSPRole.MSPRoleType.MEMBER)
                      .build()
                      .toByteString()));
      nOutOf.addRules(SignaturePolicy.newBuilder().setSignedBy(i));
    }
    envelope.setRule(SignaturePolicy.newBuilder().setNOutOf(nOutOf));
    try {
      return Policy.signature(envelope.build());
    } catch (InvalidProtocolBufferException | CertificateException e) {
      return signers -> false;
    }
  }
}
