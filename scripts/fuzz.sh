#!/usr/bin/env bash
# Fuzzes every transaction function of both contracts (records and governance) with Jazzer, one run
# per function: chaincode's TransactionFuzzTest in fuzzing mode with the function pinned (system
# property registry.fuzz.function), through the shim's real router on the in-memory network. Only
# coded refusals may escape; a success writes only documented keys (the test's class comment).
#
#   scripts/fuzz.sh [--duration SECONDS | --runs N] [--function NAME ...] [--out DIR]
#     --runs N        N executions per function (default 1000000: a full run)
#     --duration S    S seconds of fuzzing per function instead
#     --function NAME only these functions (repeatable, or several names after one --function):
#                     records:Revoke, or Revoke when only one contract has it; default every one
#     --out DIR       where results go (default build/fuzz)
#
# First it builds the contract and its tests (mvn -pl chaincode -am; nothing is installed into
# ~/.m2) and runs TransactionFuzzPinningTest, which checks the pinning and lists the functions with
# their fuzz test method and selector byte. Each function's corpus persists between runs in
# $CACHE_DIR/fuzz-corpus/<contract>-<Function> (outside the repository), so a run starts where the
# last one got; the seeds in chaincode/src/test/resources/.../TransactionFuzzTestInputs stay the
# checked-in regression set. A finding's input (Jazzer's crash file, under DIR/findings/) is copied
# into that seed folder as finding-<contract>-<Function>-<sha1 prefix>, the same transaction
# unpinned (the input followed by the function's selector byte), so a plain `mvn test` replays it.
#
# Writes DIR/results.json (per function: executions, seconds, exec/s, findings with their inputs;
# the Jazzer version and git commit) and prints a table; each run's log is in DIR/logs/.
# Not part of scripts/test.sh.
# Exit codes: 0 no finding, 1 a finding or a failed run, 2 usage or a missing tool.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage="usage: $0 [--duration SECONDS | --runs N] [--function NAME ...] [--out DIR]"
mode=runs limit=1000000 out="$REPO_DIR/build/fuzz" limit_given=
requested=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs | --duration)
      [ -z "$limit_given" ] || die 2 "--runs and --duration exclude each other; $usage"
      if [ $# -lt 2 ] || ! [[ "$2" =~ ^[1-9][0-9]*$ ]]; then
        die 2 "$1 needs a positive whole number; $usage"
      fi
      mode=${1#--} limit=$2 limit_given=1
      shift 2
      ;;
    --function)
      shift
      if [ $# -eq 0 ] || [[ "$1" == --* ]]; then
        die 2 "--function needs a name; $usage"
      fi
      while [ $# -gt 0 ] && [[ "$1" != --* ]]; do
        requested+=("$1")
        shift
      done
      ;;
    --out)
      [ $# -ge 2 ] || die 2 "--out needs a folder; $usage"
      out=$2
      shift 2
      ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *) die 2 "unknown argument $1; $usage" ;;
  esac
done

require_java
require_maven
require_python
mkdir -p "$out"
out=$(cd "$out" && pwd)
logs="$out/logs" runs="$out/runs" findings="$out/findings"
rm -rf "$runs" "$findings" "$out/results.json"
mkdir -p "$logs" "$runs" "$findings"
corpora="$CACHE_DIR/fuzz-corpus"
seeds="$REPO_DIR/chaincode/src/test/resources/org/servicerecords/registry/chaincode/TransactionFuzzTestInputs"
commit=$(git -C "$REPO_DIR" rev-parse HEAD 2>/dev/null || echo unknown)
dirty=false
[ -z "$(git -C "$REPO_DIR" status --porcelain 2>/dev/null)" ] || dirty=true
jazzer_version=$(sed -n 's:.*<jazzer.version>\(.*\)</jazzer.version>.*:\1:p' "$REPO_DIR/pom.xml" | head -n 1)

MVN=(mvn -B -ntp -Dstyle.color=never -pl chaincode -am)
cd "$REPO_DIR"

info "Building the contract and its tests; checking the pinning (log: $logs/build.log)"
list="$out/functions.txt"
rm -f "$list"
"${MVN[@]}" test -Dtest='TransactionFuzzPinningTest*' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dregistry.fuzz.list="$list" >"$logs/build.log" 2>&1 \
  || die $EXIT_FAILURE "the build or the pinning test failed (log: $logs/build.log)"
[ -s "$list" ] || die $EXIT_FAILURE "the pinning test listed no function (log: $logs/build.log)"

# Lines of $list: <fuzz test method> <selector byte> <contract:Function>.
selected=()
if [ ${#requested[@]} -eq 0 ]; then
  mapfile -t selected < <(cut -d' ' -f3 "$list")
else
  for name in "${requested[@]}"; do
    match=$(awk -v n="$name" '$3 == n || substr($3, index($3, ":") + 1) == n {print $3}' "$list")
    [ "$(printf '%s' "$match" | grep -c .)" -eq 1 ] \
      || die 2 "no single transaction function is called $name; the functions are: $(cut -d' ' -f3 "$list" | paste -sd' ')"
    selected+=("$match")
  done
fi

if [ "$mode" = runs ]; then
  limits=(-Djazzer.max_executions="$limit" -Djazzer.max_duration=0s)
  what="$limit executions"
else
  limits=(-Djazzer.max_duration="${limit}s")
  what="$limit s"
fi
info "Fuzzing ${#selected[@]} function(s), $what each; corpora in $corpora"
i=0
for function in "${selected[@]}"; do
  i=$((i + 1))
  read -r method selector _ < <(awk -v n="$function" '$3 == n' "$list")
  slug=${function/:/-}
  corpus="$corpora/$slug" found="$findings/$slug" log="$logs/$slug.log"
  mkdir -p "$corpus" "$found"
  step "$function ($i/${#selected[@]})"
  start=$SECONDS rc=0
  # Jazzer takes the corpus folder (libFuzzer writes new inputs into the first one), the folder for
  # findings and libFuzzer flags as JUnit configuration parameters jazzer.internal.arg.N (argument 0
  # is a program name), the way its own command-line runner hands them over (Jazzer 0.30.0).
  JAZZER_FUZZ=1 "${MVN[@]}" test -Dtest="TransactionFuzzTest#$method" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dregistry.fuzz.function="$function" "${limits[@]}" \
    -Djazzer.internal.arg.0=fuzz.sh \
    -Djazzer.internal.arg.1="$corpus" \
    -Djazzer.internal.arg.2=-artifact_prefix="$found/" \
    -Djazzer.internal.arg.3=-print_final_stats=1 \
    -Djazzer.internal.arg.4=-timeout=60 \
    >"$log" 2>&1 || rc=$?
  python3 "$REPO_DIR/scripts/lib/fuzz.py" run "$function" "$method" "$selector" "$log" "$rc" \
    "$((SECONDS - start))" "$found" "$seeds/$method" "$corpus" "$runs/$(printf '%03d' "$i")-$slug.json" | sed 's/^/      /'
done

info "Results ($out/results.json)"
python3 "$REPO_DIR/scripts/lib/fuzz.py" results "$runs" "$out/results.json" "$jazzer_version" \
  "$commit" "$dirty" "$mode" "$limit"
status=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["total"]["status"])' "$out/results.json")
case "$status" in
  ok) exit 0 ;;
  finding)
    warn "findings: their inputs are now seeds under ${seeds#"$REPO_DIR"/}/<method>/finding-* (listed in results.json);" \
      "'mvn -pl chaincode -am test -Dtest=TransactionFuzzTest' replays them"
    exit $EXIT_FAILURE
    ;;
  *) die $EXIT_FAILURE "a fuzzing run failed without a finding (see its log in $logs)" ;;
esac
