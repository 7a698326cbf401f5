#!/usr/bin/env bash
# Runs every test of the registry: build with static checks and unit tests, then the network's
# nodes are installed and started, the integration tests run against them, and the network is
# stopped again, also when a test fails.
#
# Exit codes: 0 every test that can run here passed, non-zero otherwise.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

require_java
require_maven
require_python
require_go

MVN=(mvn -B -ntp)
[ -n "${CI:-}" ] && MVN+=(-Dstyle.color=never)

cd "$REPO_DIR"
started_network=false
cleanup() {
  local rc=$?
  if $started_network; then
    "$REPO_DIR/scripts/network.sh" down || true
  fi
  exit $rc
}
trap cleanup EXIT

info "Build, static checks and unit tests"
"${MVN[@]}" install

info "Chaincode packaging and external builder tests"
"$REPO_DIR/scripts/tests/builder_test.sh"

info "Installing Fabric CA and Fabric"
# The installer's progress goes to the terminal; its error message, if any, is kept.
exec 3>&1
set +e
fabric_missing=$("$REPO_DIR/scripts/install-fabric.sh" 2>&1 1>&3)
rc=$?
set -e
exec 3>&-
if [ $rc -eq $EXIT_FABRIC_UNAVAILABLE ] && [ -x "$FABRIC_CA_BIN/fabric-ca-server" ]; then
  warn "Fabric is not obtainable here; the tests that need peers and orderers cannot run:"
  echo "$fabric_missing" >&2
elif [ $rc -ne 0 ]; then
  echo "$fabric_missing" >&2
  exit $rc
else
  fabric_missing=""
fi

info "Starting the network"
if [ -n "$(find "$STATE_DIR/pids" -name '*.pid' 2>/dev/null)" ]; then
  die $EXIT_FAILURE "a network is already running from $STATE_DIR; stop it first (scripts/network.sh down)"
fi
started_network=true
if [ -n "$fabric_missing" ]; then
  "$REPO_DIR/scripts/network.sh" up --cas
else
  "$REPO_DIR/scripts/network.sh" up
fi

info "Chaincode servers (chaincode-as-a-service mode, TLS with CA-issued identities)"
"$REPO_DIR/scripts/tests/chaincode_server_test.sh"

info "Integration tests against the running nodes"
# The Justice agency's CA is the one the CA integration tests use.
ca_props="$STATE_DIR/orgs/justice/ca.properties"
prop() { sed -n "s/^$1=//p" "$ca_props"; }
REGISTRY_IT_CA_URL=$(prop url) \
REGISTRY_IT_CA_NAME=$(prop caName) \
REGISTRY_IT_CA_TLS_CERT=$(prop tlsCert) \
REGISTRY_IT_CA_ADMIN=$(prop adminUser) \
REGISTRY_IT_CA_ADMIN_PASSWORD=$(<"$(prop adminPasswordFile)") \
REGISTRY_IT_STATE_DIR="$STATE_DIR" \
  "${MVN[@]}" -pl gateway-client failsafe:integration-test failsafe:verify -DskipITs=false

if [ -n "$fabric_missing" ]; then
  info "NOT RUN: integration tests that need Fabric peers and orderers (Fabric $FABRIC_VERSION is not obtainable here; docs/status.md)"
fi
info "All tests that can run here passed"
