/**
 * TEST ONLY — the attacker of the trust tests: "an agency running modified code".
 *
 * <p>{@link org.servicerecords.registry.rogue.RogueRecordsContract} is a records contract that
 * writes what the registry's contract writes but checks nothing, and can plant an event in another
 * agency's namespace; {@link org.servicerecords.registry.rogue.CraftedProposal} sends a hand-built
 * proposal with a transaction timestamp of the sender's choosing. {@code
 * scripts/tests/trust_test.sh} has an organisation approve this jar as its own package for a
 * committed records definition (a local choice no other organisation sees) and proves that the
 * endorsement policy, the honest co-endorser and the registry's event readers refuse or ignore what
 * it produces. It is built beside the registry but never deployed by {@code deploy-chaincode.sh}.
 */
package org.servicerecords.registry.rogue;
