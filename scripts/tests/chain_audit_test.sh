#!/usr/bin/env bash
# The auditor's own verification of the chain (issue 16), on the raft test ledger after the other
# tests have filled it (MVCC conflicts, endorsement-policy failures, resubmitted duplicates among
# its transactions):
#   a. `registry audit verify-chain` as AuditMSP's auditor from block 0: clean, every transaction's
#      validation code recomputed by replaying Fabric's validation and equal to the peer's (MVCC
#      conflicts and endorsement-policy failures among them), every peer of the profile AGREES, and
#      the last block's header hash is each peer's current block hash as Fabric's own `peer channel
#      getinfo` reports it;
#   b. a record's portable proof exported by the audit office verifies with the network down
#      (`registry proof verify`, no profile), against the consortium's roots; another document and
#      one changed bit are refused;
#   c. one byte of one block's first envelope changed in Services' peer's block file (network down,
#      file edited, network up): verify-chain exits 13 and names the block and that peer (verified
#      through Services' peer itself, the finding is the block's data hash); the byte changed back
#      (that peer alone stopped and restarted): clean again.
# Needs a running raft network with the contract deployed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/lib/processes.sh"
source "$REPO_DIR/scripts/lib/nodes.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

[ "$PROFILE" = raft ] || die $EXIT_FAILURE "the network in $STATE_DIR is profile '$PROFILE', not raft"
CHANNEL=$(netdesc channel)
chain_dir() { echo "$ORGS_DIR/$1/peers/peer0/data/ledgersData/chains/chains/$CHANNEL"; }
json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, {"d": d}))' "$@"; }
# verify_chain NAME KEY USER [ARGS...]: verify-chain of blocks 0..$last as KEY's USER, its JSON report in
# $work/NAME.json; prints the exit code.
verify_chain() {
  local name=$1 key=$2 user=$3 code=0
  shift 3
  registry "$key" --identity "$user" audit verify-chain --to "$last" --json "$@" \
    >"$work/$name.json" 2>"$work/$name.err" || code=$?
  echo "$code"
}

# --- a. the whole ledger ---------------------------------------------------------------------------
peers_agree 60 >/dev/null
height=$(peer_chain_info justice peer0 | cut -d' ' -f1)
last=$((height - 1))
code=$(verify_chain clean audit auditor1)
check "verify-chain of blocks 0..$last exits 0" test "$code" -eq 0
check "no finding" test "$(json "$work/clean.json" 'len(d["findings"])')" -eq 0
check "every block checked" test "$(json "$work/clean.json" 'd["blocksChecked"]')" -eq "$height"
check "three peers compared, each AGREES" \
  test "$(json "$work/clean.json" '" ".join(sorted(p["status"] for p in d["peers"]))')" = "AGREES AGREES AGREES"
last_hash=$(json "$work/clean.json" 'd["lastHeaderHash"]')
same_as_getinfo() {
  local key=$1 info
  info=$(peer_chain_info "$key" peer0)
  python3 -c 'import base64,sys; print(base64.b64decode(sys.argv[1]).hex())' "${info#* }" >"$work/hash"
  echo "peer channel getinfo of $key: $info; verified: $last_hash"
  [ "$(cut -d' ' -f1 <<<"$info")" = "$height" ] && [ "$(cat "$work/hash")" = "$last_hash" ]
}
for key in justice services audit; do
  check "last header hash = peer channel getinfo of $key's peer" same_as_getinfo "$key"
done
echo "     invalidated by the peers: $(json "$work/clean.json" 'd["invalidatedTransactions"]')"
check "Fabric's validation replayed: every transaction's code recomputed, each equal to the peer's" \
  test "$(json "$work/clean.json" 'd["validationReplayed"] and d["validationCodesRecomputed"] == d["transactionsChecked"]')" = True
# The other tests left transactions Fabric invalidated: MVCC conflicts (GovernanceIT's suspension
# between endorsement and submission) and endorsement-policy failures (network_test.sh, trust_test.sh);
# the replay recomputed those codes too.
check "among them MVCC_READ_CONFLICT and ENDORSEMENT_POLICY_FAILURE transactions" \
  test "$(json "$work/clean.json" '"MVCC_READ_CONFLICT" in d["invalidatedTransactions"] and "ENDORSEMENT_POLICY_FAILURE" in d["invalidatedTransactions"]')" = True

services_peer=$(peer_address services)

# --- b. a portable proof, verified while the network is down ------------------------------------------
proof_id="audit-proof-$(date +%s%N)"
printf 'chain audit proof %s\n' "$proof_id" >"$work/proof-doc.txt"
printf 'another document %s\n' "$proof_id" >"$work/other-doc.txt"
check "Justice's issuer anchors $proof_id" registry justice --identity issuer1 issue --id "$proof_id" \
  --type BIRTH_CERTIFICATE --file "$work/proof-doc.txt" --subject-ref "$(subject_ref "$proof_id")" \
  --valid-from 2026-01-01T00:00:00Z
check "the audit office exports its proof" registry audit --identity auditor1 proof export "$proof_id" \
  --namespace records-justice -o "$work/record.proof.json"
consortium_roots "$work/roots"

# --- c. one byte changed in Services' peer's block file ----------------------------------------------
block=$((last / 2))
read -r file offset < <(python3 "$REPO_DIR/scripts/tests/blockfile.py" locate "$(chain_dir services)" "$block")
step "network down"
"$REPO_DIR/scripts/network.sh" down >"$work/down.log" 2>&1
check "no peer answers while the network is down" bash -c "! (exec 3<>/dev/tcp/${services_peer%:*}/${services_peer##*:}) 2>/dev/null"
check "the proof verifies offline against the consortium's roots (exit 0)" \
  proof_verify 0 "$work/record.proof.json" --document "$work/proof-doc.txt" --roots "$work/roots"
check "  with another document: DOCUMENT_MISMATCH (exit 15)" \
  proof_verify 15 "$work/record.proof.json" --document "$work/other-doc.txt" --roots "$work/roots"
flip_middle_bit "$work/record.proof.json" "$work/changed.proof.json"
check "  one bit changed in its middle: refused (exit 14)" \
  proof_verify 14 "$work/changed.proof.json" --document "$work/proof-doc.txt" --roots "$work/roots"
step "changing byte $offset of $(basename "$file") of Services' peer (block $block)"
python3 "$REPO_DIR/scripts/tests/blockfile.py" flip "$file" "$offset"
"$REPO_DIR/scripts/network.sh" up >"$work/up.log" 2>&1 || { tail -20 "$work/up.log"; die $EXIT_FAILURE "network.sh up failed"; }
verify_altered() {
  local code
  code=$(verify_chain altered audit auditor1)
  [ "$code" -eq 13 ] || { echo "exit $code"; cat "$work/altered.err"; return 1; }
}
check "verify-chain after the change exits 13" verify_altered
names_block_and_peer() {
  json "$work/altered.json" '[(f["block"], f["reason"], f["peer"]) for f in d["findings"]]'
  test "$(json "$work/altered.json" '" ".join(sorted({f["reason"] + "@" + str(f["block"]) + "@" + f["peer"] for f in d["findings"]}))')" \
    = "PEER_BLOCK_DIFFERS@$block@$services_peer"
}
check "the finding names block $block and Services' peer $services_peer, nothing else" names_block_and_peer
check "Services' peer DIFFERS, the others AGREE" test \
  "$(json "$work/altered.json" '" ".join(p["mspId"] + "=" + p["status"] for p in sorted(d["peers"], key=lambda p: p["mspId"]))')" \
  = "AuditMSP=AGREES JusticeMSP=AGREES ServicesMSP=DIFFERS"
through_services() {
  local code
  code=$(verify_chain services services issuer1 --no-peers)
  json "$work/services.json" '[(f["block"], f["reason"], f["peer"]) for f in d["findings"]]'
  [ "$code" -eq 13 ] && json "$work/services.json" '{(f["block"], f["peer"]) for f in d["findings"]}' | grep -q "($block, '$services_peer')" \
    && json "$work/services.json" '[f["reason"] for f in d["findings"]]' | grep -q DATA_HASH_MISMATCH
}
check "verified through Services' own peer: DATA_HASH_MISMATCH at block $block from $services_peer" through_services

step "changing the byte back (Services' peer alone stopped and restarted)"
kill_node peer0.services
python3 "$REPO_DIR/scripts/tests/blockfile.py" flip "$file" "$offset"
"$REPO_DIR/scripts/network.sh" up >"$work/up2.log" 2>&1 || { tail -20 "$work/up2.log"; die $EXIT_FAILURE "network.sh up failed"; }
verify_restored() {
  local code
  code=$(verify_chain restored audit auditor1)
  [ "$code" -eq 0 ] && [ "$(json "$work/restored.json" 'd["lastHeaderHash"]')" = "$last_hash" ]
}
check "restored: verify-chain clean again with the same last hash" verify_restored

summary "chain audit"
