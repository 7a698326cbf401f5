#!/usr/bin/env bash
# Starts the contract jar as chaincode servers the way the network does (chaincode-as-a-service,
# TLS with a peer's CA-issued identity) and checks that a peer could reach them.
# Needs the CAs' identities: run after `scripts/network.sh up --cas`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/lib/ccaas.sh"

jar="$REPO_DIR/chaincode/target/registry-chaincode.jar"
tls="$STATE_DIR/orgs/justice/peers/peer0/ccaas/tls"
[ -f "$jar" ] || die $EXIT_FAILURE "build the chaincode first: $jar is missing"
[ -f "$tls/server.crt" ] || die $EXIT_FAILURE "no chaincode server TLS identity in $tls: run scripts/network.sh up --cas first"

work=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
passed=0 failed=0
check() {
  local name=$1
  shift
  if "$@" >"$work/last.out" 2>&1; then
    passed=$((passed + 1)) && echo "ok   $name"
  else
    failed=$((failed + 1)) && echo "FAIL $name" && sed 's/^/     /' "$work/last.out"
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start() { # start SERVICE PORT
  local service=$1 port=$2 env_lines
  env_lines=$(chaincode_server_env "${service}_test:0000" "127.0.0.1:$port" JusticeMSP "$tls")
  # shellcheck disable=SC2046
  env $(tr '\n' ' ' <<<"$env_lines") java "${CHAINCODE_JAVA_OPTS[@]}" -jar "$jar" >"$work/$service.log" 2>&1 &
  pids+=($!)
}

records_port=$(free_port)
governance_port=$(free_port)
start records "$records_port"
start governance "$governance_port"
check "records server speaks gRPC over TLS with its CA-issued certificate" \
  wait_tls 127.0.0.1 "$records_port" "$tls/ca.crt" 60
check "governance server speaks gRPC over TLS with its CA-issued certificate" \
  wait_tls 127.0.0.1 "$governance_port" "$tls/ca.crt" 60
# The handshake must get as far as checking the certificate and fail there (not merely fail).
check "a client trusting another organisation's root refuses the server's certificate" bash -c \
  "echo | timeout 5 openssl s_client -connect 127.0.0.1:$records_port -CAfile '$STATE_DIR/orgs/services/ca/ca-cert.pem' -verify_return_error 2>&1 | grep -q 'verify error:num=20'"

echo "chaincode-server: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
