#!/usr/bin/env bash
# Runs every test of the registry:
#   1. build with formatting and static checks; unit, property, cross-JVM determinism and fuzz-seed tests;
#   2. chaincode packaging and external builder tests; the enrollment ids the scripts accept;
#   3. installs Fabric and Fabric CA (built from source into the cache, once), starts the consortium's
#      network (raft profile: 3 CAs, 3 Raft orderers, 3 peers), deploys the contract and bootstraps
#      governance, then runs against it: the identities the CAs issued (one enrollment per secret,
#      no secret left, MSP admins apart from governance admins: identities_test.sh), every peer
#      running each of its chaincode servers, the trust
#      model (network_test.sh), agencies running modified code (trust_test.sh), the CLI journeys
#      (journeys_test.sh), redeployment
#      (deploy_test.sh), the Java integration tests (the verification portal's among them, in headless
#      Chromium: Debian's chromium and chromium-driver, installed where missing), the portal's script
#      (portal_test.sh), the quick fault scenarios (faults_quick.sh, faults.sh --quick), the
#      auditor's verify-chain of the whole ledger and a block file altered on one peer
#      (chain_audit_test.sh), and the personal-data scan of every block and log;
#   4. the failover profile (a second peer for Services): its gateway peer killed mid-way through a
#      1,000-record batch, a watch killed and restarted, journal versus ledger (failover_test.sh);
#   5. the bft profile (4 BFT orderers) comes up, is deployed, commits a transaction and its chain
#      verifies clean.
# Every network it started is stopped again, also when a test fails. The networks use their own state
# folders under .state/test-*, wiped at the start, so a developer's .state is left alone.
#
# Exit codes: 0 every test passed, non-zero otherwise.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

require_java
require_maven
require_python
require_go

MVN=(mvn -B -ntp)
[ -n "${CI:-}" ] && MVN+=(-Dstyle.color=never)

cd "$REPO_DIR"
RAFT_STATE="$REPO_DIR/.state/test-raft"
BFT_STATE="$REPO_DIR/.state/test-bft"
FAILOVER_STATE="$REPO_DIR/.state/test-failover"
running_state=""
cleanup() {
  local rc=$?
  if [ -n "$running_state" ]; then
    REGISTRY_STATE_DIR="$running_state" "$REPO_DIR/scripts/network.sh" down || true
  fi
  [ $rc -eq 0 ] || warn "tests failed; node logs are in $running_state/logs (or .state/test-*/logs)"
  exit $rc
}
trap cleanup EXIT

# network STATE_DIR ARGS...: a network.sh command on the network whose state is STATE_DIR.
network() { REGISTRY_STATE_DIR="$1" "$REPO_DIR/scripts/network.sh" "${@:2}"; }
in_state() { REGISTRY_STATE_DIR="$1" "${@:2}"; }

for state in "$RAFT_STATE" "$FAILOVER_STATE" "$BFT_STATE" "$STATE_DIR"; do
  if [ -n "$(find "$state/pids" -name '*.pid' 2>/dev/null)" ]; then
    die $EXIT_FAILURE "a network is running from $state; stop it first (REGISTRY_STATE_DIR=$state scripts/network.sh down)"
  fi
done

info "Build, static checks and unit tests"
"${MVN[@]}" install

info "Chaincode packaging and external builder tests"
"$REPO_DIR/scripts/tests/builder_test.sh"

info "The enrollment ids the network description may name"
"$REPO_DIR/scripts/tests/enrollment_ids_test.sh"

info "Installing Fabric CA and Fabric"
"$REPO_DIR/scripts/install-fabric.sh"
"$REPO_DIR/scripts/tests/install_test.sh"

info "Installing the browser of the portal's tests (Debian's chromium and chromium-driver)"
"$REPO_DIR/scripts/install-browser.sh"

info "Starting the network (raft profile) and deploying the contract"
rm -rf "$RAFT_STATE" "$FAILOVER_STATE" "$BFT_STATE"
running_state="$RAFT_STATE"
network "$RAFT_STATE" up --profile raft
in_state "$RAFT_STATE" "$REPO_DIR/scripts/deploy-chaincode.sh"

info "Identities: enrollments per secret, no secret left, issuing again asks nothing, MSP admins apart"
in_state "$RAFT_STATE" "$REPO_DIR/scripts/tests/identities_test.sh"

info "Every peer runs a transaction on each of its chaincode servers"
in_state "$RAFT_STATE" "$REPO_DIR/scripts/tests/chaincode_server_test.sh"

info "Trust model on the real network"
in_state "$RAFT_STATE" "$REPO_DIR/scripts/tests/network_test.sh"

info "Rogue agencies: modified code, crafted timestamps and planted events (chaincode/rogue)"
in_state "$RAFT_STATE" "$REPO_DIR/scripts/tests/trust_test.sh"

info "The three journeys with the registry CLI: agency, citizen, auditor"
in_state "$RAFT_STATE" "$REPO_DIR/scripts/tests/journeys_test.sh"

info "Redeployment: a changed jar becomes the next sequence; the same jar again changes nothing"
in_state "$RAFT_STATE" "$REPO_DIR/scripts/tests/deploy_test.sh"

info "The attack matrix: cross-agency writes and reads, forged, role-less, expired and revoked identities, self-granted types"
in_state "$RAFT_STATE" "$REPO_DIR/scripts/tests/attacks_test.sh"

info "Java integration tests against the running nodes (the portal's in headless Chromium)"
# The Justice agency's CA is the one the CA integration tests use.
ca_props="$RAFT_STATE/orgs/justice/ca.properties"
prop() { sed -n "s/^$1=//p" "$ca_props"; }
REGISTRY_IT_CA_URL=$(prop url) \
REGISTRY_IT_CA_NAME=$(prop caName) \
REGISTRY_IT_CA_TLS_CERT=$(prop tlsCert) \
REGISTRY_IT_CA_ADMIN=$(prop adminUser) \
REGISTRY_IT_CA_ADMIN_PASSWORD=$(<"$(prop adminPasswordFile)") \
REGISTRY_IT_STATE_DIR="$RAFT_STATE" \
  "${MVN[@]}" -pl :registry-client,:registry-cli,:registry-portal failsafe:integration-test failsafe:verify -DskipITs=false
step "screenshots of the portal's verdict pages: build/portal-screenshots/"

info "The verification portal started by its script on the network"
in_state "$RAFT_STATE" "$REPO_DIR/scripts/tests/portal_test.sh"

info "The load client: a few seconds of each registry workload (a smoke run, not a measurement)"
in_state "$RAFT_STATE" "$REPO_DIR/scripts/tests/bench_smoke.sh"

info "Quick faults: the Raft leader and a peer killed and restarted"
in_state "$RAFT_STATE" "$REPO_DIR/scripts/tests/faults_quick.sh"
info "Quick faults under the mixed load: the Raft leader and a peer killed; journal versus ledger"
in_state "$RAFT_STATE" "$REPO_DIR/scripts/faults.sh" --quick

info "All peers agree after the tests"
network "$RAFT_STATE" status

info "The auditor verifies the whole chain; a block file altered on one peer is found"
in_state "$RAFT_STATE" "$REPO_DIR/scripts/tests/chain_audit_test.sh"

info "No personal detail the tests sent in any block, event or log of the run"
in_state "$RAFT_STATE" "$REPO_DIR/scripts/tests/personal_data_scan.sh"
network "$RAFT_STATE" down
running_state=""

info "The failover profile: Services' gateway peer killed mid-batch; journal versus ledger"
running_state="$FAILOVER_STATE"
network "$FAILOVER_STATE" up --profile failover
in_state "$FAILOVER_STATE" "$REPO_DIR/scripts/deploy-chaincode.sh"
in_state "$FAILOVER_STATE" "$REPO_DIR/scripts/tests/failover_test.sh"
network "$FAILOVER_STATE" down
running_state=""

info "The bft profile: 4 BFT orderers (DigitalMSP ordering only) come up and commit a transaction"
running_state="$BFT_STATE"
network "$BFT_STATE" up --profile bft
in_state "$BFT_STATE" "$REPO_DIR/scripts/deploy-chaincode.sh"
in_state "$BFT_STATE" "$REPO_DIR/scripts/tests/bft_test.sh"
network "$BFT_STATE" down
running_state=""

info "All tests passed"
