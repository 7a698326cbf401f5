#!/usr/bin/env bash
# A few seconds of each registry workload of the load client (gateway-client/registry-bench) on the
# running, deployed network, as Justice's issuer: it reaches the peers through the library, its
# operations succeed and its report holds what scripts/bench.sh reads. Not a measurement: nothing
# here is timed or compared. (The reference contract's workloads need `deploy-chaincode.sh
# --with-reference`, which the tests do not deploy; scripts/bench.sh runs them.)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/lib/nodes.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

bench_jar="$REPO_DIR/gateway-client/registry-bench/target/registry-bench.jar"
[ -f "$bench_jar" ] || die $EXIT_FAILURE "no $bench_jar: build it first (mvn install)"

# smoke NAME ARGS...: runs the load client for 3 s after 1 s of warm-up; its report in $work/NAME.json.
smoke() {
  local name=$1
  shift
  java -jar "$bench_jar" --profile "$ORGS_DIR/justice/profile.json" --identity issuer1 \
    --warmup 1 --duration 3 --json "$work/$name.json" "$@"
}
# succeeded NAME: the report counts successes and no failure, and has the fields bench.sh reads.
succeeded() {
  python3 - "$work/$1.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
missing = [k for k in ("ops_per_s", "tx_per_s", "p50_ms", "p99_ms", "client_cpu_ms", "failures") if k not in r]
assert not missing, f"missing fields {missing}"
assert r["successes"] > 0, f"no success: {r}"
assert not r["failures"], f"failures: {r['failures']}"
PY
}

check "anchor-single: certificates anchored one by one, 4 in flight" smoke anchor-single --workload anchor-single --concurrency 4
check "anchor-single: successes, no failure" succeeded anchor-single
check "anchor-batch: batches of 20 records" smoke anchor-batch --workload anchor-batch --batch-size 20 --concurrency 2
check "anchor-batch: successes, no failure" succeeded anchor-batch
check "verify: preloaded records verify VALID with their issuer" smoke verify --workload verify --concurrency 4 --preload 20
check "verify: successes, no failure" succeeded verify
check "verify-any: the same with the issuer unknown" smoke verify-any --workload verify-any --concurrency 4 --preload 20
check "verify-any: successes, no failure" succeeded verify-any
summary "bench smoke"
