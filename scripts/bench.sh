#!/usr/bin/env bash
# Benchmarks on the running network (started with scripts/network.sh up when it is not running): each
# registry workload beside the bare reference contract (chaincode/reference, deployed by
# `deploy-chaincode.sh --with-reference` as reference-coendorsed, with the policy of Justice's records
# namespace, and as reference-owner, Justice's peer alone), in the same run, so every figure is also a
# ratio. The load client is gateway-client/registry-bench (docs/performance.md); it runs as Justice's
# issuer1. Per run, the CPU seconds every node of ours used (peers, orderers, chaincode servers, CAs)
# are read from /proc over the measured part.
#
#   scripts/bench.sh [--quick | --growth-only --verify-rate R] [--duration S] [--warmup S] [--window N]
#                    [--growth SIZES]
#     --quick     shorter runs (15 s measured after 5 s of warm-up), no growth stage; the full run
#                 measures 30 s after 10 s, then the growth stage
#     --growth-only  the growth stage alone, verifying at R per second (the full run uses half the
#                 rate it measured): on a fresh network its sizes are the namespace's record counts,
#                 where after the full run's own workloads the ledger already holds their records
#     --growth    the ledger sizes of the growth stage, in bench records (default 10000,100000,1000000):
#                 at each, after anchoring batches up to it, point verification p99 at half the load
#                 verified before, a page of 100 of the listing, the history of a revoked record and
#                 of an agency's governance entry (changed 20 times first, once per network), and
#                 the ledger bytes per record on Justice's peer (the growth of its data folder over
#                 the records just anchored); at the first size the four runs go once more before,
#                 unreported (warmup-*), so no size is measured on cold chaincode JVMs
#
# Last, the auditor's `registry audit verify-chain` over the whole ledger, alone and with every peer's
# copy compared: blocks and transactions verified per second.
#
# Prints a table and writes build/bench/results.json (runs in build/bench/runs/). Not a test: it
# asserts nothing and is not part of scripts/test.sh.
# Exit codes: 0 measured, 1 a step failed, 2 usage.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

duration=30 warmup=10 window=50 quick=false growth=10000,100000,1000000 growth_only=false half=
usage="usage: $0 [--quick | --growth-only --verify-rate R] [--duration S] [--warmup S] [--window N] [--growth SIZES]"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true duration=15 warmup=5 ;;
    --growth-only) growth_only=true ;;
    --verify-rate) half=$2; shift ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --window) window=$2; shift ;;
    --growth) growth=$2; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
  shift
done

if $growth_only && { $quick || [ -z "$half" ]; }; then
  echo "$usage" >&2
  exit 2
fi
require_java
require_python
OUT_DIR="$REPO_DIR/build/bench"
RUNS="$OUT_DIR/runs"
rm -rf "$RUNS"
mkdir -p "$RUNS"

bench_jar="$REPO_DIR/gateway-client/registry-bench/target/registry-bench.jar"
if [ ! -f "$bench_jar" ] || [ ! -f "$REPO_DIR/chaincode/reference/target/reference-chaincode.jar" ]; then
  require_maven
  info "Building the contracts, the CLI and the load client"
  (cd "$REPO_DIR" && mvn -B -ntp -q -pl :registry-chaincode,:registry-reference-chaincode,:registry-cli,:registry-bench -am install -DskipTests) \
    || die $EXIT_FAILURE "the build failed"
fi

if [ "$(cat "$PID_DIR/mode" 2>/dev/null)" != full ]; then
  info "Starting the network"
  "$REPO_DIR/scripts/network.sh" up
fi
if $growth_only; then
  info "Deploying the registry"
  "$REPO_DIR/scripts/deploy-chaincode.sh"
else
  info "Deploying the registry and the reference contract"
  "$REPO_DIR/scripts/deploy-chaincode.sh" --with-reference
fi
"$FABRIC_BIN/peer" version 2>/dev/null | sed -n 's/^ *Version: *//p' | head -1 >"$RUNS/fabric_version"

profile="$STATE_DIR/orgs/justice/profile.json"
# run NAME ARGS...: one load-client run, its report in $RUNS/NAME.json and the nodes' CPU over its
# measured part (from the end of the warm-up, with a second for the JVM to start and connect, to
# the end of the measured time) in $RUNS/NAME.cpu.json.
run() {
  local name=$1
  shift
  step "$name"
  java -jar "$bench_jar" --profile "$profile" --identity issuer1 --warmup "$warmup" --duration "$duration" \
    --json "$RUNS/$name.json" "$@" >"$RUNS/$name.out" 2>&1 &
  local pid=$! before after
  sleep "$(python3 -c "print($warmup + 1)")"
  before=$(python3 "$REPO_DIR/scripts/lib/bench.py" cpu "$PID_DIR")
  sleep "$(python3 -c "print(max($duration - 2, 1))")"
  after=$(python3 "$REPO_DIR/scripts/lib/bench.py" cpu "$PID_DIR")
  if ! wait "$pid"; then
    cat "$RUNS/$name.out" >&2
    die $EXIT_FAILURE "the load client failed in $name (output above)"
  fi
  printf '{"seconds": %s, "before": %s, "after": %s}\n' "$(python3 -c "print(max($duration - 2, 1))")" "$before" "$after" \
    >"$RUNS/$name.cpu.json"
  sed 's/^/      /' "$RUNS/$name.out" | tail -n 1
}

if ! $growth_only; then
  info "Writes: $window in flight, ${warmup} s warm-up, ${duration} s measured per run"
  run reference-put --workload reference-put --chaincode reference-coendorsed --concurrency "$window"
  run reference-put-owner --workload reference-put --chaincode reference-owner --concurrency "$window"
  run anchor-single --workload anchor-single --concurrency "$window"
  # Batches in flight: about 500 records, at least 4 batches and at most the single-anchoring window
  # (with 4 batches of 1 in flight, every block waits for the orderer's batch timeout).
  for size in 1 10 100 500; do
    batches=$(python3 -c "print(max(4, min($window, 500 // $size)))")
    run "anchor-batch-$size" --workload anchor-batch --batch-size "$size" --concurrency "$batches"
  done

  info "Reads"
  run reference-get --workload reference-get --chaincode reference-coendorsed --concurrency "$window" --preload 1000
  run verify --workload verify --concurrency "$window" --preload 1000
  half=$(python3 -c 'import json,sys; print(max(1, int(json.load(open(sys.argv[1]))["ops_per_s"] / 2)))' "$RUNS/verify.json")
  run verify-half-load --workload verify --mode open --rate "$half" --concurrency "$window" --preload 1000
  run verify-any --workload verify-any --concurrency "$window" --preload 1000
fi

if ! $quick; then
  info "Growth: $growth bench records in Justice's namespace"
  ledger_dir="$STATE_DIR/orgs/justice/peers/peer0/data"
  bytes() { du -sb "$ledger_dir" | cut -f1; }
  # The history of a governance entry changed 20 times: Justice's document types, alternately without
  # and with its last type (20 changes, so the list ends as it began), each change approved by the
  # admins of Justice and Services (a majority). Once per network: the versions stay on its ledger.
  marker="$STATE_DIR/bench-governance-changed"
  if [ ! -f "$marker" ]; then
    source "$REPO_DIR/scripts/lib/nodes.sh"
    step "changing Justice's governance entry 20 times (each change approved by two organisations' admins)"
    all_types=$(python3 -c '
import json, sys
org = next(o for o in json.load(open(sys.argv[1], encoding="utf-8"))["organizations"] if o["key"] == "justice")
print(";".join(org["documentTypes"]))' "$NETWORK_FILE")
    for change in $(seq 1 20); do
      types=$([ $((change % 2)) -eq 1 ] && echo "${all_types%;*}" || echo "$all_types")
      for key in justice services; do
        "$REPO_DIR/gateway-client/registry-cli/bin/registry" --profile "$STATE_DIR/orgs/$key/profile.json" \
          --identity "$(admin_user "$key")" governance set-types --msp JusticeMSP --types "$types" \
          >>"$RUNS/governance-changes.log" 2>&1 \
          || die $EXIT_FAILURE "governance change $change failed (log: $RUNS/governance-changes.log)"
      done
    done
    touch "$marker"
  fi
  # growth_runs PREFIX: the four measurements of a size, each named PREFIX-<workload>.
  growth_runs() {
    run "$1-verify" --workload verify --verify-from-ledger --preload 1000 --mode open --rate "$half" --concurrency "$window"
    run "$1-list" --workload list-page --concurrency 1
    run "$1-history-revoked" --workload history-revoked --concurrency 4
    run "$1-history-governance" --workload history-governance --concurrency 4
  }
  reached=0 warmed=false
  for size in ${growth//,/ }; do
    step "anchoring $((size - reached)) records in batches of 500 (to $size)"
    before=$(bytes)
    java -jar "$bench_jar" --profile "$profile" --identity issuer1 --workload preload-only \
      --preload "$((size - reached))" --warmup 0 --duration 1 --json "$RUNS/growth-$size-preload.json" \
      >"$RUNS/growth-$size-preload.out" 2>&1 || { cat "$RUNS/growth-$size-preload.out" >&2; die $EXIT_FAILURE "the preload to $size failed"; }
    echo "$(( ($(bytes) - before) / (size - reached) ))" >"$RUNS/growth-$size-bytes-per-record"
    reached=$size
    if ! $warmed; then
      # Once, at the first size: the same four runs, not reported, so that no size is measured on
      # chaincode JVMs that have not yet run these queries (a cold JVM verified at 120 of 210 q/s).
      growth_runs warmup
      warmed=true
    fi
    growth_runs "growth-$size"
  done
fi

info "The auditor's verification of the whole chain (every hash and signature, from block 0)"
# chain_verify NAME ARGS...: registry audit verify-chain as AuditMSP's auditor, timed from outside
# (the CLI's start, about a second, included).
chain_verify() {
  local name=$1 start
  shift
  start=$(date +%s.%N)
  "$REPO_DIR/gateway-client/registry-cli/bin/registry" --profile "$STATE_DIR/orgs/audit/profile.json" \
    --identity auditor1 audit verify-chain --json "$@" >"$RUNS/$name.chain" 2>"$RUNS/$name.err" \
    || die $EXIT_FAILURE "verify-chain $* failed or found something (build/bench/runs/$name.*)"
  python3 -c 'import sys, time; print(round(time.time() - float(sys.argv[1]), 3))' "$start" >"$RUNS/$name.seconds"
}
chain_verify chain-verify --no-peers
chain_verify chain-verify-peers

info "Results (build/bench/results.json)"
python3 "$REPO_DIR/scripts/lib/bench.py" results "$RUNS" "$OUT_DIR/results.json"
