#!/usr/bin/env bash
# Every peer of the running network (after scripts/deploy-chaincode.sh) connects to each of its own
# chaincode servers over TLS and runs a transaction there: the contract answers through the peer.
# Catches what a bare TLS handshake cannot (e.g. the shim reading the files of
# CORE_TLS_CLIENT_*_PATH as base64, which fails only when a peer connects).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/lib/processes.sh"
source "$REPO_DIR/scripts/lib/nodes.sh"
source "$REPO_DIR/scripts/lib/ccaas.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

CHANNEL=$(netdesc channel)

# answers KEY PEER CHAINCODE EXPECTED ARGS_JSON: an evaluate through that peer as its organisation's
# admin returns a chaincode answer containing EXPECTED (a refusal with a contract code counts: the
# contract ran).
answers() {
  local key=$1 peer=$2 cc=$3 expected=$4 args=$5 reply
  reply=$(as_admin "$key" "$peer" "$FABRIC_BIN/peer" chaincode query -C "$CHANNEL" -n "$cc" -c "$args" 2>&1 || true)
  echo "$reply"
  grep -q -- "$expected" <<<"$reply"
}

namespace=$(python3 -c '
import json, sys
print(next(o["namespace"] for o in json.load(open(sys.argv[1], encoding="utf-8"))["organizations"] if o.get("namespace")))' "$NETWORK_FILE")
while read -r key msp name rest; do
  check "$name.$key runs governance on its governance server" \
    answers "$key" "$name" governance '"members"' '{"Args":["governance:GetMembers"]}'
  check "$name.$key runs $namespace on its records server" \
    answers "$key" "$name" "$namespace" 'RECORD_NOT_FOUND' '{"Args":["records:GetRecord","no-such-record"]}'
  for service in governance records; do
    node=$(chaincode_server_node "$service" "$key" "$name")
    check "$node logged no TLS key error" bash -c "! grep -q 'Illegal base64' '$LOG_DIR/$node.log'"
  done
done < <(netdesc peers)

summary "chaincode servers"
