package org.servicerecords.registry.chaincode;

/**
 * The public binding between a record and the personal details its owner stores later with {@code
 * StoreDetails}, under its own key: written once by the co-endorsed anchoring, and changed only by
 * {@code PurgeDetails} (to {@code purged}). {@code StoreDetails} reads this key and nothing else
 * public, so no other write to the record (revocation, supersession) can make a details transaction
 * fail at commit after its private data reached the peer.
 *
 * @param recordId the record
 * @param issuerMsp the record's issuing organisation, the only one that may store the details
 * @param detailsHash SHA-256 of the details JSON bytes, lowercase hex
 * @param purged whether the details were purged (they can never be stored again)
 */
record DetailsCommitment(String recordId, String issuerMsp, String detailsHash, boolean purged) {}
