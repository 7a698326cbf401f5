#!/usr/bin/env bash
# Quick fault scenarios on a running, deployed raft network (the long ones belong in scripts/faults.sh):
#   - the Raft leader orderer is killed (SIGKILL): records still commit through the other two; after
#     `network.sh up` restarts it, it is healthy and every peer agrees on height and block hash;
#   - Audit's peer, Justice's first co-endorser (the consortium's members by MSP id), is killed:
#     Justice's anchoring fails over to Services as co-endorser and commits, endorsed by Justice and
#     Services;
#   - Services' peer is killed (SIGKILL) while Justice anchors: after `network.sh up` restarts it, it
#     catches up, every peer agrees, and the record verifies through it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/lib/processes.sh"
source "$REPO_DIR/scripts/lib/nodes.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

[ "$PROFILE" = raft ] || die $EXIT_FAILURE "the network in $STATE_DIR is profile '$PROFILE', not raft"
registry() { "$REPO_DIR/gateway-client/registry-cli/bin/registry" --profile "$ORGS_DIR/$1/profile.json" --identity "$2" "${@:3}"; }
# anchor NAME [SECONDS]: Justice's issuer anchors a fresh document ($work/NAME.txt) as an agency
# system would: when the outcome is unknown (a submission caught in a Raft leader election can run
# out of time), it reruns the same request, which is idempotent; within SECONDS (60) the record must
# be committed once. With 0, the first attempt must succeed.
anchor() {
  local id="fault-$1-$(date +%s%N)" ref deadline=$((SECONDS + ${2:-60})) attempt=1
  printf 'fault test document %s %s\n' "$1" "$(date +%s%N)" >"$work/$1.txt"
  ref=$(printf '%s' "$id" | sha256sum | cut -d' ' -f1)
  echo "$id" >"$work/$1.id"
  until registry justice issuer1 issue --id "$id" --type BIRTH_CERTIFICATE --file "$work/$1.txt" \
    --subject-ref "$ref" --valid-from 2026-01-01T00:00:00Z; do
    ((SECONDS < deadline)) || return 1
    echo "attempt $attempt did not settle; rerunning the same request"
    attempt=$((attempt + 1))
    sleep 3
  done
  [ "$(registry justice verifier1 history "$id" 2>/dev/null | grep -c ACTIVE || true)" -eq 1 ] || {
    echo "record $id is not on the ledger exactly once"
    return 1
  }
}
# endorsers_of NAME: the MSP ids that endorsed the transaction that wrote the record anchor NAME made,
# read from its block (qscc on Justice's peer, decoded by configtxlator).
endorsers_of() {
  local tx
  tx=$(registry justice verifier1 --json show "$(<"$work/$1.id")" | python3 -c 'import json,sys; print(json.load(sys.stdin)["txId"])')
  as_admin justice peer0 "$FABRIC_BIN/peer" chaincode query -x -C "$(netdesc channel)" -n qscc \
    -c "{\"Args\":[\"GetBlockByTxID\",\"$(netdesc channel)\",\"$tx\"]}" 2>/dev/null \
    | python3 -c 'import sys; sys.stdout.buffer.write(bytes.fromhex(sys.stdin.read().strip()))' >"$work/$1.block"
  "$FABRIC_BIN/configtxlator" proto_decode --type common.Block --input "$work/$1.block" | python3 -c '
import base64, json, sys
tx = sys.argv[1]
for envelope in json.load(sys.stdin)["data"]["data"]:
    if envelope["payload"]["header"]["channel_header"]["tx_id"] != tx:
        continue
    for action in envelope["payload"]["data"]["actions"]:
        for endorsement in action["payload"]["action"]["endorsements"]:
            raw = base64.b64decode(endorsement["endorser"])  # SerializedIdentity: field 1 is the MSP id
            print(raw[2:2 + raw[1]].decode())
' "$tx" | sort | paste -sd' '
}

leader_node=$(raft_leader)
[ -n "$leader_node" ] || die $EXIT_FAILURE "no Raft leader found in the orderers' logs"
read -r key _ name host _ _ ops < <(netdesc orderers | awk -v n="$leader_node" '$3 "." $1 == n')

echo "== the Raft leader ($leader_node) is killed"
kill_node "$leader_node"
check "with the leader dead, a record still commits, exactly once (a new leader among the other two)" anchor leader-down
"$REPO_DIR/scripts/network.sh" up >"$work/up1.out" 2>&1 || { cat "$work/up1.out"; exit 1; }
check "network.sh up restarts only $leader_node" bash -c "grep -q 'started $leader_node' '$work/up1.out' && ! grep -q 'started peer' '$work/up1.out'"
check "$leader_node is healthy again" healthy "http://$host:$ops/healthz"
check "a record commits after the restart" anchor leader-back
check "every peer has the same height and current block hash" peers_agree 60

echo "== Audit's peer, Justice's first co-endorser, is killed: the co-endorsement fails over"
read -r akey _ aname ahost _ _ aops < <(netdesc peers | awk '$1 == "audit"' | head -n1)
kill_node "$aname.$akey"
# No rerun allowed (0 s): the library itself must move on to the next co-endorser.
check "Justice anchors while Audit's peer is down, at the first attempt" anchor co-endorser-down 0
endorsed_by_justice_and_services() { [ "$(endorsers_of co-endorser-down)" = "JusticeMSP ServicesMSP" ]; }
check "its transaction is endorsed by Justice and Services (the next co-endorser)" endorsed_by_justice_and_services
"$REPO_DIR/scripts/network.sh" up >"$work/up-audit.out" 2>&1 || { cat "$work/up-audit.out"; exit 1; }
check "$aname.$akey is healthy again" healthy "http://$ahost:$aops/healthz"
check "every peer has the same height and current block hash" peers_agree 60

echo "== Services' peer is killed while Justice anchors"
read -r skey _ sname shost _ _ sops < <(netdesc peers | awk '$1 == "services"' | head -n1)
kill_node "$sname.$skey"
check "Justice anchors while Services' peer is down" anchor peer-down
"$REPO_DIR/scripts/network.sh" up >"$work/up2.out" 2>&1 || { cat "$work/up2.out"; exit 1; }
check "$sname.$skey is healthy again" healthy "http://$shost:$sops/healthz"
check "it catches up: every peer has the same height and current block hash" peers_agree 60
# A restarted peer's Gateway needs gossip to learn the other organisations' peers again before it can
# gather an attested answer (seen: UNAVAILABLE for a few seconds after /healthz is OK).
verifies_within_30s() {
  local deadline=$((SECONDS + 30))
  until registry services verifier1 verify --issuer JusticeMSP "$work/peer-down.txt"; do
    ((SECONDS < deadline)) || return 1
    sleep 2
  done
}
check "the record anchored while it was down verifies (attested) through Services' profile within 30 s" \
  verifies_within_30s

summary "faults (quick)"
