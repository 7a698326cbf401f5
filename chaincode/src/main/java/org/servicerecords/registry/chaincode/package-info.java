/**
 * The registry chaincode: the {@code records} contract (certificates, decisions, lifecycle,
 * verification, history) served in each agency's records namespace, and the {@code governance}
 * contract (the agency registry), routed by the shim's {@code ContractRouter}.
 *
 * <p>Every transaction validates its arguments before touching state, refuses with a {@code
 * ChaincodeException} whose message starts with an {@link
 * org.servicerecords.registry.model.ErrorCode} name, writes canonical JSON only, takes time only
 * from the transaction timestamp and emits exactly one {@code registry} event when it is a submit.
 */
package org.servicerecords.registry.chaincode;
