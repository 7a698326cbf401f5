#!/usr/bin/env bash
# Fault scenarios under load (issue 15): while the load client (registry-bench --workload mixed)
# anchors single records and batches, revokes and verifies as Justice's (or Services') issuer and
# journals every acknowledged operation, a fault is injected and later cleared; afterwards the
# journal is compared with the ledger (registry-bench oracle, as the audit office's auditor) and
# every peer must report the same height and current block hash.
#
#   scripts/faults.sh [--quick | --on-running] [--scenario NAME]... [--long-minutes N] [--out DIR]
#
# Without --quick it starts its own networks, one profile after the other, under .state/faults-*
# (wiped first; a network running from $REGISTRY_STATE_DIR or .state is stopped first, its state
# kept, and started again at the end), and runs:
#   raft:     raft-resubmission (as bft-resubmission below), raft-leader-kill, raft-follower-kill,
#             raft-two-orderers-down, chaincode-server-kill,
#             peer-restart, network-down-up, long-load (N minutes, default 10, at 70 % of the
#             mixed load's throughput measured first on the same network);
#   failover: gateway-peer-kill (Services' gateway peer SIGKILLed mid-load; the library fails over
#             to its second peer);
#   bft:      bft-orderer-kill (1 of 4 SmartBFT orderers), bft-resubmission (one signed transaction
#             sent to every orderer: committed once).
# With --on-running it runs the scenarios of the running network's profile on the network running
# from $REGISTRY_STATE_DIR (or .state). With --quick it runs raft-leader-kill and peer-restart on a
# running raft network, with shorter loads (scripts/test.sh calls it so).
#
# Each scenario's figures go to DIR/results.json (default build/faults; --quick: quick.json): records
# acknowledged, missing, duplicated, wrong, half-written; whether every peer agrees at the end; the
# longest gap between two acknowledgements (the outage as the agency saw it); the time the restart
# took (network.sh up returns once the restarted nodes are healthy); recovery: from the restart until
# every peer reached the height the highest peer had then (a restarted peer caught up); the load's
# p99 latency and its failures and retries by cause. A table is printed. Exit 0 only when every scenario has 0 missing, 0 duplicated, 0 wrong, 0 half-written,
# no wrong verdict, and all peers agreeing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$REPO_DIR/scripts/lib/processes.sh"
source "$REPO_DIR/scripts/lib/nodes.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

quick=false
on_running=false
long_minutes=10
out_dir="$REPO_DIR/build/faults"
selected=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true on_running=true ;;
    --on-running) on_running=true ;;
    --scenario) selected+=("$2"); shift ;;
    --long-minutes) long_minutes=$2; shift ;;
    --out) out_dir=$2; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die 2 "unknown option $1 (see --help)" ;;
  esac
  shift
done
mkdir -p "$out_dir"
results="$out_dir/$($quick && echo quick || echo results).json"
bench_jar="$REPO_DIR/gateway-client/registry-bench/target/registry-bench.jar"
rogue_jar="$REPO_DIR/chaincode/rogue/target/rogue-chaincode.jar"
if [ ! -f "$bench_jar" ] || [ ! -f "$rogue_jar" ]; then
  info "Building the load client and the test tools"
  (cd "$REPO_DIR" && mvn -B -ntp -q -pl :registry-chaincode,:registry-rogue-chaincode,:registry-cli,:registry-bench -am install -DskipTests) \
    || die $EXIT_FAILURE "the build failed"
fi
# The top-level run starts the results; the runs it makes on each network add to them.
[ -n "${FAULTS_RESULTS_STARTED:-}" ] || echo "[]" >"$results"
export FAULTS_RESULTS_STARTED=1

CHANNEL=$(netdesc channel) # for the peer CLI functions of tests/lib.sh
wanted() { [ ${#selected[@]} -eq 0 ] || printf '%s\n' "${selected[@]}" | grep -qx "$1"; }
now_ms() { date +%s%3N; }

# --- load, oracle and the scenario's record -----------------------------------------------------

# The identity under load and the reader of the oracle, for the network in $STATE_DIR.
load_org=justice
load_msp=JusticeMSP
load_types=BIRTH_CERTIFICATE,MARRIAGE_CERTIFICATE
rate=10

# start_load NAME SECONDS: starts the mixed load in the background (pid in $load_pid).
start_load() {
  local name=$1 seconds=$2
  run_id="$name-$(date +%s)"
  java -jar "$bench_jar" --profile "$ORGS_DIR/$load_org/profile.json" --identity issuer1 --workload mixed \
    --run-id "$run_id" --journal "$out_dir/$name.journal.jsonl" --document-type "$load_types" \
    --mode open --rate "$rate" --concurrency 64 --duration "$seconds" --settle 90 \
    --json "$out_dir/$name.load.json" >"$out_dir/$name.load.out" 2>&1 &
  load_pid=$!
}

# record_scenario NAME CLEARING_MS CLEARED_MS CAUGHT_UP_MS: waits for the load, then the oracle and
# the peers; appends the scenario's figures to $results and prints its line.
record_scenario() {
  local name=$1 load_rc=0 oracle_rc=0 agree=true
  wait "$load_pid" || load_rc=$?
  [ "$load_rc" -eq 0 ] || { warn "$name: the load exited $load_rc"; tail -n 20 "$out_dir/$name.load.out" >&2; }
  peers_agree 180 >"$out_dir/$name.peers.txt" || agree=false
  java -jar "$bench_jar" oracle --profile "$ORGS_DIR/audit/profile.json" --identity auditor1 \
    --journal "$out_dir/$name.journal.jsonl" --run-id "$run_id" --issuer "$load_msp" \
    --json "$out_dir/$name.oracle.json" >"$out_dir/$name.oracle.out" 2>&1 || oracle_rc=$?
  python3 - "$results" "$name" "$PROFILE" "$out_dir" "$2" "$3" "$4" "$agree" "$load_rc" "$oracle_rc" <<'PY'
import json, sys
results, name, profile, out, clearing, cleared, caught, agree, load_rc, oracle_rc = sys.argv[1:]
def read(path):
    try:
        return json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError):
        return {}
load, oracle = read(f"{out}/{name}.load.json"), read(f"{out}/{name}.oracle.json")
acks = sorted(json.loads(l)["ackMillis"] for l in open(f"{out}/{name}.journal.jsonl", encoding="utf-8")
              if '"ackMillis"' in l)
gap = max((b - a for a, b in zip(acks, acks[1:])), default=0) / 1000
clearing, cleared, caught = int(clearing), int(cleared), int(caught)
entry = {
    "scenario": name, "profile": profile,
    "acknowledged": oracle.get("acknowledged"), "missing": oracle.get("missing"),
    "duplicated": oracle.get("duplicated"), "wrong": oracle.get("wrong"),
    "halfWritten": oracle.get("halfWritten"),
    "unacknowledgedPresent": oracle.get("unacknowledgedPresent"),
    "unacknowledgedAbsent": oracle.get("unacknowledgedAbsent"),
    "unexpected": oracle.get("unexpected"),
    "wrongVerdicts": load.get("wrong_verdicts"),
    "peersAgree": agree == "true",
    "longestGapBetweenAcksSeconds": round(gap, 1),
    "restartSeconds": round((cleared - clearing) / 1000, 1),
    "recoverySeconds": round((caught - clearing) / 1000, 1) if caught > 0 else None,
    "p99Millis": load.get("p99_ms"),
    "operationsPerSecond": load.get("ops_per_s"),
    "recordsPerSecond": load.get("records_per_s"),
    "failuresByCause": {kind: op.get("failures") for kind, op in (load.get("operations") or {}).items() if op.get("failures")},
    "retriesByCause": {kind: op.get("retries_by_cause") for kind, op in (load.get("operations") or {}).items() if op.get("retries_by_cause")},
    "library": load.get("library"),
    "loadExit": int(load_rc), "oracleExit": int(oracle_rc),
}
entry["clean"] = (entry["peersAgree"] and entry["oracleExit"] == 0 and entry["loadExit"] == 0
                  and not entry["wrongVerdicts"]
                  and all(entry[k] == 0 for k in ("missing", "duplicated", "wrong", "halfWritten", "unexpected")))
all_results = json.load(open(results, encoding="utf-8"))
all_results.append(entry)
json.dump(all_results, open(results, "w", encoding="utf-8"), indent=2)
print(f"{name}: acknowledged {entry['acknowledged']}, missing {entry['missing']}, duplicated {entry['duplicated']}, "
      f"wrong {entry['wrong']}, half-written {entry['halfWritten']}, peers agree {entry['peersAgree']}, "
      f"longest gap {entry['longestGapBetweenAcksSeconds']} s, restart {entry['restartSeconds']} s, "
      f"recovery {entry['recoverySeconds']} s, "
      f"p99 {entry['p99Millis']} ms -> {'clean' if entry['clean'] else 'NOT CLEAN'}")
PY
}

# restart_stopped: network.sh up starts again exactly the nodes that are not running.
restart_stopped() { "$REPO_DIR/scripts/network.sh" up >>"$out_dir/restarts.log" 2>&1 || die $EXIT_FAILURE "network.sh up failed (see $out_dir/restarts.log)"; }

# scenario NAME LOAD_SECONDS FAULT_AT CLEAR_AT INJECT CLEAR: the load for LOAD_SECONDS; INJECT runs
# FAULT_AT seconds in, CLEAR (which restores) at CLEAR_AT; then record_scenario.
scenario() {
  local name=$1 seconds=$2 fault_at=$3 clear_at=$4 inject=$5 clear=$6 started cleared
  wanted "$name" || return 0
  info "$name ($PROFILE): load $seconds s at $rate operations/s; fault at $fault_at s, cleared at $clear_at s"
  rm -rf "${out_dir:?}/$name".* # an earlier run's journal would be refused, its figures mistaken for these
  start_load "$name" "$seconds"
  started=$SECONDS
  sleep "$fault_at"
  $inject
  sleep $((clear_at - (SECONDS - started) > 0 ? clear_at - (SECONDS - started) : 0))
  local clearing_ms cleared_ms caught_ms
  clearing_ms=$(now_ms)
  $clear
  cleared_ms=$(now_ms)
  caught_ms=$(caught_up_ms)
  record_scenario "$name" "$clearing_ms" "$cleared_ms" "$caught_ms"
  restart_stopped # whatever a scenario left down, before the next one
}

# caught_up_ms: once every peer's height reaches the highest height any peer has now (a restarted
# peer catching up), the time in epoch ms; 0 if that takes over 180 s.
caught_up_ms() {
  local target deadline=$((SECONDS + 180)) key name heights
  peer_heights() { while read -r key _ name _; do peer_chain_info "$key" "$name" | cut -d' ' -f1; done < <(netdesc peers); }
  target=$(peer_heights | sort -n | tail -n1)
  while ((SECONDS < deadline)); do
    heights=$(peer_heights)
    if [ "$(grep -c . <<<"$heights")" -eq "$(netdesc peers | wc -l)" ] && [ "$(sort -n <<<"$heights" | head -n1)" -ge "${target:-0}" ]; then
      now_ms
      return 0
    fi
    sleep 0.5
  done
  echo 0
}

# --- faults ----------------------------------------------------------------------------------------

leader=""
kill_leader() { leader=$(raft_leader); [ -n "$leader" ] || die $EXIT_FAILURE "no Raft leader found"; step "killing the Raft leader $leader"; kill_node "$leader"; }
kill_follower() {
  local leader_now node
  leader_now=$(raft_leader)
  node=$(netdesc orderers | awk '{print $3 "." $1}' | grep -vx "$leader_now" | head -n1)
  step "killing the Raft follower $node (leader: $leader_now)"
  kill_node "$node"
}
kill_two_orderers() {
  local node
  for node in $(netdesc orderers | awk '{print $3 "." $1}' | head -n2); do step "killing $node"; kill_node "$node"; done
}
# restart_one_orderer: the first of the two killed orderers starts again; the other stays down until
# the scenario is recorded.
restart_one_orderer() {
  local row key name host ops deadline=$((SECONDS + 60))
  row=$(netdesc orderers | head -n1)
  read -r key _ name host _ _ ops <<<"$row"
  step "starting $name.$key again; the other stays down"
  # shellcheck disable=SC2086
  start_orderer $row >>"$out_dir/restarts.log" 2>&1
  until healthy "http://$host:$ops/healthz"; do
    ((SECONDS < deadline)) || die $EXIT_FAILURE "$name.$key did not become healthy (log: $LOG_DIR/$name.$key.log)"
    sleep 0.5
  done
}
kill_chaincode_server() { step "killing cc-records.peer0.$load_org"; kill_node "cc-records.peer0.$load_org"; }
kill_services_peer() { step "killing peer0.services"; kill_node peer0.services; }
network_down() { step "network.sh down (no wipe)"; "$REPO_DIR/scripts/network.sh" down >>"$out_dir/restarts.log" 2>&1; }
kill_bft_orderer() {
  local node
  node=$(netdesc orderers | awk '{print $3 "." $1}' | tail -n1)
  step "killing $node (1 of $(netdesc orderers | wc -l))"
  kill_node "$node"
}

# measure_rate SECONDS: the mixed load's throughput with 64 in flight (closed loop), in operations/s.
measure_rate() {
  info "Measuring the mixed load's throughput ($1 s, 64 in flight)" >&2
  java -jar "$bench_jar" --profile "$ORGS_DIR/$load_org/profile.json" --identity issuer1 --workload mixed \
    --run-id "calibration-$(date +%s)" --journal "$out_dir/calibration.journal.jsonl" --document-type "$load_types" \
    --mode closed --concurrency 64 --duration "$1" --json "$out_dir/calibration.json" >"$out_dir/calibration.out" 2>&1 \
    || die $EXIT_FAILURE "the calibration run failed (see $out_dir/calibration.out)"
  python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["ops_per_s"], 1))' "$out_dir/calibration.json"
}

# --- profiles ------------------------------------------------------------------------------------

raft_scenarios() {
  if $quick; then
    rate=8
    scenario raft-leader-kill 40 10 25 kill_leader restart_stopped
    scenario peer-restart 40 10 25 kill_services_peer restart_stopped
    return 0
  fi
  local capacity=20
  resubmission_scenario raft-resubmission
  if any_wanted raft-leader-kill raft-follower-kill raft-two-orderers-down chaincode-server-kill peer-restart network-down-up long-load; then
    rm -f "$out_dir/calibration.journal.jsonl"
    capacity=$(measure_rate 30)
    step "measured: $capacity operations/s"
  fi
  rate=$(python3 -c "print(max(1, round($capacity * 0.5)))")
  scenario raft-leader-kill 80 20 45 kill_leader restart_stopped
  scenario raft-follower-kill 80 20 45 kill_follower restart_stopped
  scenario raft-two-orderers-down 90 20 50 kill_two_orderers restart_one_orderer
  scenario chaincode-server-kill 80 20 40 kill_chaincode_server restart_stopped
  scenario peer-restart 80 20 45 kill_services_peer restart_stopped
  scenario network-down-up 100 20 30 network_down restart_stopped
  rate=$(python3 -c "print(max(1, round($capacity * 0.7)))")
  scenario long-load $((long_minutes * 60)) 0 0 : :
}

failover_scenarios() {
  load_org=services load_msp=ServicesMSP load_types=BUSINESS_LICENCE,BUILDING_PERMIT rate=10
  scenario gateway-peer-kill 80 20 45 kill_services_peer restart_stopped
  load_org=justice load_msp=JusticeMSP load_types=BIRTH_CERTIFICATE,MARRIAGE_CERTIFICATE
}

bft_scenarios() {
  rate=10
  scenario bft-orderer-kill 80 20 45 kill_bft_orderer restart_stopped
  resubmission_scenario bft-resubmission
}

# resubmission_scenario NAME: Justice's issuer's anchoring, endorsed by Justice and Services, is
# submitted through the Gateway and then the same signed envelope is sent straight to every orderer
# (CraftedProposal --also-broadcast); afterwards the blocks from its commit on must hold it exactly
# once with the validation code VALID (a copy ordered again is marked DUPLICATE_TXID), the record has
# one version, and every peer agrees.
resubmission_scenario() {
  local name=$1 id orderers="" key name_ host port agree=true first last
  wanted "$name" || return 0
  info "$name ($PROFILE): one signed transaction sent through the Gateway and to every orderer"
  rm -rf "${out_dir:?}/$name".*
  id="$name-$(date +%s)"
  while read -r key _ name_ host port _; do
    orderers+="${orderers:+,}$host:$port@$ORGS_DIR/$key/msp/tlscacerts/ca.pem"
  done < <(netdesc orderers)
  java -cp "$rogue_jar" org.servicerecords.registry.rogue.CraftedProposal --msp-id JusticeMSP \
    --cert "$ORGS_DIR/justice/users/issuer1/msp/signcerts/cert.pem" \
    --key "$(find "$ORGS_DIR/justice/users/issuer1/msp/keystore" -name '*_sk' | head -n1)" \
    --peer "$(peer_address justice)" --tls-root "$(peer_root justice)" --channel "$(netdesc channel)" \
    --chaincode records-justice --endorsing-orgs JusticeMSP,ServicesMSP --timestamp-offset 0 --also-broadcast "$orderers" \
    records:AnchorCertificate "$(python3 -c 'import hashlib,json,sys; i=sys.argv[1]; print(json.dumps({"id": i, "documentType": "BIRTH_CERTIFICATE", "documentHash": hashlib.sha256(("doc " + i).encode()).hexdigest(), "subjectRef": hashlib.sha256(i.encode()).hexdigest(), "validFrom": "2026-01-01T00:00:00Z"}, separators=(",", ":")))' "$id")" \
    2>&1 | grep -v 'MacAddressUtil\|usable hardware address' | tee "$out_dir/$name.out"
  sleep 5 # a copy ordered again reaches the peers within a few batch timeouts
  peers_agree 60 >"$out_dir/$name.peers.txt" || agree=false
  first=$(sed -n 's/^committed: .* in block \([0-9]*\)$/\1/p' "$out_dir/$name.out")
  last=$(($(peer_chain_info justice peer0 | cut -d' ' -f1) - 1))
  mkdir -p "$out_dir/$name.blocks"
  for ((n = ${first:-0}; n <= last; n++)); do
    # From the peer (qscc), not the orderers: only a peer's copy carries the validation codes.
    as_admin justice peer0 "$FABRIC_BIN/peer" chaincode query -x -C "$(netdesc channel)" -n qscc \
      -c "{\"Args\":[\"GetBlockByNumber\",\"$(netdesc channel)\",\"$n\"]}" 2>/dev/null \
      | python3 -c 'import sys; sys.stdout.buffer.write(bytes.fromhex(sys.stdin.read().strip()))' >"$out_dir/$name.blocks/$n.block"
    "$FABRIC_BIN/configtxlator" proto_decode --type common.Block --input "$out_dir/$name.blocks/$n.block" \
      --output "$out_dir/$name.blocks/$n.json"
  done
  python3 - "$results" "$name" "$PROFILE" "$out_dir" "$agree" "${first:-}" "$last" \
    "$(peer_query justice verifier1 records-justice records:GetHistory "$id" 2>/dev/null | grep '^\[' || echo '[]')" <<'PY'
import base64, json, re, sys
results, name, profile, out, agree, first, last, history = sys.argv[1:]
text = open(f"{out}/{name}.out", encoding="utf-8").read()
tx = re.search(r"txid ([0-9a-f]{64})", text).group(1)
copies = []
for n in range(int(first or 0), int(last) + 1):
    block = json.load(open(f"{out}/{name}.blocks/{n}.json", encoding="utf-8"))
    flags = base64.b64decode(block["metadata"]["metadata"][2])
    for i, envelope in enumerate(block["data"]["data"]):
        if envelope["payload"]["header"]["channel_header"]["tx_id"] == tx:
            copies.append({"block": n, "validationCode": flags[i]})
valid = [c for c in copies if c["validationCode"] == 0]
versions = len(json.loads(history))
entry = {"scenario": name, "profile": profile, "transaction": tx,
         "sentAgainTo": re.findall(r"sent again to orderer (\S+): (.*)", text),
         "copiesInBlocks": copies, "acknowledged": 1 if "committed: VALID" in text else 0,
         "missing": 0 if valid else 1, "duplicated": max(0, len(valid) - 1), "wrong": 0 if versions == 1 else 1,
         "halfWritten": 0, "unexpected": 0, "recordVersions": versions, "peersAgree": agree == "true",
         "longestGapBetweenAcksSeconds": None, "restartSeconds": None, "recoverySeconds": None, "p99Millis": None}
entry["clean"] = (entry["acknowledged"] == 1 and len(valid) == 1 and versions == 1 and entry["peersAgree"])
rows = json.load(open(results, encoding="utf-8"))
rows.append(entry)
json.dump(rows, open(results, "w", encoding="utf-8"), indent=2)
print(f"{name}: {len(copies)} cop{'y' if len(copies) == 1 else 'ies'} in blocks, {len(valid)} VALID, "
      f"record versions {versions}, peers agree {entry['peersAgree']} -> {'clean' if entry['clean'] else 'NOT CLEAN'}")
PY
}

# with_network PROFILE: a fresh network of PROFILE under .state/faults-PROFILE, deployed; this script
# runs its profile's scenarios on it (--on-running), then it is stopped.
with_network() {
  local profile=$1 state="$REPO_DIR/.state/faults-$1" options=() name
  options=(--on-running --long-minutes "$long_minutes" --out "$out_dir")
  for name in "${selected[@]}"; do options+=(--scenario "$name"); done
  info "A fresh $profile network under $state"
  REGISTRY_STATE_DIR=$state "$REPO_DIR/scripts/network.sh" down --wipe >/dev/null 2>&1 || true
  REGISTRY_STATE_DIR=$state "$REPO_DIR/scripts/network.sh" up --profile "$profile" >"$out_dir/up-$profile.log" 2>&1 \
    || die $EXIT_FAILURE "the $profile network did not start (see $out_dir/up-$profile.log)"
  REGISTRY_STATE_DIR=$state "$REPO_DIR/scripts/deploy-chaincode.sh" >"$out_dir/deploy-$profile.log" 2>&1 \
    || die $EXIT_FAILURE "deployment failed (see $out_dir/deploy-$profile.log)"
  REGISTRY_STATE_DIR=$state "$0" "${options[@]}" || warn "the $profile scenarios stopped early"
  REGISTRY_STATE_DIR=$state "$REPO_DIR/scripts/network.sh" down >/dev/null 2>&1 || true
  return 0 # the table below says whether it was clean
}
any_wanted() { local name; for name in "$@"; do wanted "$name" && return 0; done; return 1; }

if $on_running; then
  ! $quick || [ "$PROFILE" = raft ] || die $EXIT_FAILURE "--quick runs on a raft network; $STATE_DIR is '$PROFILE'"
  case "$PROFILE" in
    raft) raft_scenarios ;;
    failover) failover_scenarios ;;
    bft) bft_scenarios ;;
  esac
  $quick || exit 0 # the top-level run prints the table
else
  user_state=""
  if [ -n "$(find "$STATE_DIR/pids" -name '*.pid' 2>/dev/null)" ]; then
    user_state=$STATE_DIR
    info "Stopping the network running from $user_state (its state is kept; it is started again at the end)"
    "$REPO_DIR/scripts/network.sh" down >/dev/null
  fi
  if any_wanted raft-resubmission raft-leader-kill raft-follower-kill raft-two-orderers-down chaincode-server-kill peer-restart network-down-up long-load; then
    with_network raft
  fi
  if any_wanted gateway-peer-kill; then with_network failover; fi
  if any_wanted bft-orderer-kill bft-resubmission; then with_network bft; fi
  if [ -n "$user_state" ]; then
    info "Starting the network of $user_state again"
    REGISTRY_STATE_DIR=$user_state "$REPO_DIR/scripts/network.sh" up >/dev/null
  fi
fi

python3 - "$results" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
head = ["scenario", "profile", "acked", "missing", "dup", "wrong", "half", "peers", "gap s", "recovery s", "p99 ms", "clean"]
print(" | ".join(head))
for r in rows:
    print(" | ".join(str(x) for x in [r["scenario"], r["profile"], r["acknowledged"], r["missing"], r["duplicated"],
          r["wrong"], r["halfWritten"], "agree" if r["peersAgree"] else "DIFFER", r["longestGapBetweenAcksSeconds"],
          r["recoverySeconds"], r["p99Millis"], "yes" if r["clean"] else "NO"]))
sys.exit(0 if rows and all(r["clean"] for r in rows) else 1)
PY
