# What the script-level tests share: a temporary folder ($work, removed on exit), named checks with a
# count, the summary line, peer agreement on a running network, Fabric's own peer CLI as an
# organisation's user (peer_invoke, peer_query), peer heights, the registry CLI and a certificate
# request. Source it after common.sh (and nodes.sh for
# peers_agree and the peer CLI; the peer CLI functions read $CHANNEL).
# shellcheck shell=bash

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

# check NAME COMMAND...: one assertion; the command's output is shown only when it fails.
check() {
  local name=$1
  shift
  if "$@" >"$work/last.out" 2>&1; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
    sed 's/^/     /' "$work/last.out"
  fi
}

# summary NAME: prints the counts; fails when a check failed.
summary() {
  echo "$1: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# peers_agree [SECONDS]: every peer of the profile answers with the same height and current block
# hash, within SECONDS (default 20: a block reaches the peers one after another).
peers_agree() {
  local deadline=$((SECONDS + ${1:-20})) infos key name rest
  while true; do
    infos=$(while read -r key _ name rest; do peer_chain_info "$key" "$name"; done < <(netdesc peers))
    echo "$infos"
    if [ "$(grep -c . <<<"$infos")" -eq "$(netdesc peers | wc -l)" ] && [ "$(sort -u <<<"$infos" | wc -l)" -eq 1 ]; then
      return 0
    fi
    ((SECONDS < deadline)) || return 1
    sleep 1
  done
}

peer_address() { netdesc peers | awk -v k="$1" -v p="${2:-peer0}" '$1 == k && $3 == p {print $4 ":" $5}'; }
peer_root() { echo "$ORGS_DIR/$1/msp/tlscacerts/ca.pem"; }
args_json() { python3 -c 'import json,sys; print(json.dumps({"Args": sys.argv[1:]}))' "$@"; }

# peer_invoke KEY USER "ENDORSING_ORGS" CHAINCODE ARGS...: Fabric's peer CLI submits as KEY's USER,
# endorsed by the first peer of each listed organisation only, and waits for the commit; prints the
# CLI's output (at INFO it reports the endorsement and the commit status it waited for).
peer_invoke() {
  local key=$1 user=$2 orgs=$3 cc=$4 peers=() org
  shift 4
  for org in $orgs; do
    peers+=(--peerAddresses "$(peer_address "$org")" --tlsRootCertFiles "$(peer_root "$org")")
  done
  (
    eval "$(peer_cli_env "$key")"
    export CORE_PEER_MSPCONFIGPATH="$ORGS_DIR/$key/users/$user/msp"
    export FABRIC_LOGGING_SPEC=INFO
    "$FABRIC_BIN/peer" chaincode invoke -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" -C "$CHANNEL" \
      -n "$cc" -c "$(args_json "$@")" "${peers[@]}" --waitForEvent --waitForEventTimeout 90s 2>&1
  )
}

# peer_query KEY USER CHAINCODE ARGS...: an evaluate on KEY's first peer as its USER.
peer_query() {
  local key=$1 user=$2 cc=$3
  shift 3
  (
    eval "$(peer_cli_env "$key")"
    export CORE_PEER_MSPCONFIGPATH="$ORGS_DIR/$key/users/$user/msp"
    "$FABRIC_BIN/peer" chaincode query -C "$CHANNEL" -n "$cc" -c "$(args_json "$@")" 2>&1
  )
}

# kill_node NODE: SIGKILL, as a crash; returns once the process is gone.
kill_node() {
  local pid
  pid=$(<"$PID_DIR/$1.pid")
  kill -KILL "$pid"
  while [ -d "/proc/$pid" ]; do sleep 0.1; done
}

# healthy URL: a node's operations endpoint answers /healthz OK.
healthy() { curl -fsS --max-time 2 "$1" 2>/dev/null | grep -q '"status":"OK"'; }

# raft_leader: the node name (e.g. orderer0.justice) of the current Raft leader: the newest "Raft
# leader changed: A -> B" line of any orderer names consenter B, numbered in the order of the
# consenters at channel creation (the orderers of the network description). Empty when none.
raft_leader() {
  local leader node key name
  leader=$(for node in $(netdesc orderers | awk '{print $3 "." $1}'); do
    grep -ha 'Raft leader changed' "$LOG_DIR/$node.log" | sed 's/\x1b\[[0-9;]*m//g'
  done | sort | tail -n1 | sed -n 's/.*Raft leader changed: [0-9]* -> \([0-9]*\).*/\1/p')
  [ -n "$leader" ] || return 0
  read -r key _ name _ < <(netdesc orderers | sed -n "${leader}p")
  echo "$name.$key"
}

# --- on a deployed network: the agencies' peers and the registry CLI ----------------------------------
# height_of KEY [PEER]: the peer's block height (needs nodes.sh).
height_of() { peer_chain_info "$1" "${2:-peer0}" | cut -d' ' -f1; }
# heights: the block heights of the agencies' first peers, on one line.
heights() { local key; for key in justice services audit; do height_of "$key"; done | tr '\n' ' '; }
# unchanged_heights BEFORE: a few batch timeouts later (a block the orderers cut from an attempt would
# have reached the peers by then), every agency's peer is still at the heights BEFORE.
unchanged_heights() { sleep 2; local now; now=$(heights); echo "before: $1; now: $now"; [ "$now" = "$1" ]; }
# reader KEY: a user of KEY whose role reads records.
reader() { [ "$1" = audit ] && echo auditor1 || echo issuer1; }
# registry KEY ARGS...: the registry CLI with KEY's profile.
registry() { "$REPO_DIR/gateway-client/registry-cli/bin/registry" --profile "$ORGS_DIR/$1/profile.json" "${@:2}"; }
subject_ref() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
random_hash() { head -c 32 /dev/urandom | sha256sum | cut -d' ' -f1; }
# certificate_request ID TYPE: a CertificateRequest (canonical JSON) for a fresh document: its hash is
# the SHA-256 of "doc ID", its subject reference the SHA-256 of the id.
certificate_request() {
  python3 -c 'import hashlib,json,sys; i=sys.argv[1]; print(json.dumps({"id": i, "documentType": sys.argv[2],
    "documentHash": hashlib.sha256(("doc " + i).encode()).hexdigest(), "subjectRef": hashlib.sha256(i.encode()).hexdigest(),
    "validFrom": "2026-01-01T00:00:00Z"}, separators=(",", ":")))' "$1" "$2"
}
# absent_everywhere ID [NAMESPACE]: every agency's peer answers RECORD_NOT_FOUND for the record in
# NAMESPACE (default $NS; a peer running the rogue build reads the record key as stored).
absent_everywhere() {
  local key out ok=0
  for key in justice services audit; do
    out=$(peer_query "$key" "$(reader "$key")" "${2:-$NS}" records:GetRecord "$1" || true)
    echo "$key: $out"
    grep -q RECORD_NOT_FOUND <<<"$out" || ok=1
  done
  return $ok
}
# personal_detail KEY: a personal detail the tests send, from scripts/tests/personal-details.txt
# (KEY=VALUE), the file personal_data_scan.sh searches for; a test takes every detail it sends there.
personal_detail() {
  local value
  value=$(sed -n "s/^$1=//p" "$REPO_DIR/scripts/tests/personal-details.txt")
  [ -n "$value" ] || die $EXIT_FAILURE "scripts/tests/personal-details.txt has no $1"
  printf '%s' "$value"
}

# consortium_roots DIR: the consortium's root certificates as an auditor keeps them for portable
# proofs, one <MSPID>.pem per organisation of the network (docs/proofs.md, "Roots").
consortium_roots() {
  local key msp rest
  mkdir -p "$1"
  while read -r key msp rest; do
    cat "$ORGS_DIR/$key/msp/cacerts/"*.pem >"$1/$msp.pem"
  done < <(netdesc cas)
}
# proof_verify EXPECTED_EXIT ARGS...: `registry proof verify ARGS` with the CLI alone (no profile, no
# network); prints its output; true when it exits EXPECTED_EXIT.
proof_verify() {
  local want=$1 code=0
  shift
  "$REPO_DIR/gateway-client/registry-cli/bin/registry" proof verify "$@" >"$work/verify.out" 2>&1 || code=$?
  cat "$work/verify.out"
  [ "$code" -eq "$want" ]
}
# flip_middle_bit IN OUT: a copy of IN with the lowest bit of its middle byte flipped.
flip_middle_bit() {
  python3 -c 'import sys; d = bytearray(open(sys.argv[1], "rb").read()); d[len(d) // 2] ^= 1; open(sys.argv[2], "wb").write(d)' "$1" "$2"
}
