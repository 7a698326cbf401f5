package org.servicerecords.registry.client.internal.audit;

import java.util.List;
import java.util.Objects;

/**
 * Whose endorsements make a namespace's chaincode event count: in a records namespace, a peer of
 * the namespace's owner (governance's agency for the namespace); in governance, whose policy is
 * MAJORITY, peers of a majority of the consortium's members.
 *
 * @param namespace the chaincode name
 * @param owner the owner's MSP id, or {@code null} for the majority rule
 * @param members the organisations counted by the majority rule (empty for the owner rule)
 * @param required how many distinct organisations must have endorsed (1 for the owner rule)
 */
public record EventRule(String namespace, String owner, List<String> members, int required) {

  /** Prefix of Fabric's implicit private collections: {@code _implicit_org_<MSP id>}. */
  static final String IMPLICIT_COLLECTION_PREFIX = "_implicit_org_";

  public EventRule {
    Objects.requireNonNull(namespace, "namespace");
    members = List.copyOf(members);
    if (required < 1) {
      throw new IllegalArgumentException("required must be at least 1: " + required);
    }
  }

  /**
   * The rule of a records namespace.
   *
   * @param namespace the namespace
   * @param ownerMsp the owning agency's MSP id
   * @return the rule
   */
  static EventRule owner(String namespace, String ownerMsp) {
    return new EventRule(namespace, Objects.requireNonNull(ownerMsp, "ownerMsp"), List.of(), 1);
  }

  /**
   * The rule of governance: a majority ({@code floor(n/2)+1}) of the members.
   *
   * @param namespace the governance chaincode
   * @param members the consortium's members
   * @return the rule
   */
  static EventRule majority(String namespace, List<String> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a majority of no organisation");
    }
    return new EventRule(namespace, null, members, members.size() / 2 + 1);
  }

  /**
   * The rule in words.
   *
   * @return for example {@code "a peer of JusticeMSP"}
   */
  String describe() {
    return owner != null
        ? "a peer of " + owner
        : "peers of " + required + " of " + members.size() + " members " + members;
  }

  /**
   * Whether writing a collection of the namespace is foreign: an implicit collection other than the
   * owner's (with the majority rule, any implicit collection: governance keeps no private data).
   *
   * @param collection the collection name
   * @return true when foreign
   */
  boolean isForeignCollection(String collection) {
    return collection.startsWith(IMPLICIT_COLLECTION_PREFIX)
        && (owner == null || !collection.equals(IMPLICIT_COLLECTION_PREFIX + owner));
  }
}
