#!/usr/bin/env bash
# Deploys the registry's contract on the running network (scripts/network.sh up) and bootstraps
# governance, as network/network.json describes:
#
#   1. packages the contract jar twice for chaincode-as-a-service (labels governance_<jar SHA-256> and
#      records_<jar SHA-256>) and installs both packages on every peer;
#   2. starts the chaincode servers beside every peer (one governance JVM, one records JVM serving
#      every records namespace), restarting those that run another package;
#   3. has every organisation approve, then commits, the definitions `governance` (the channel's
#      default MAJORITY endorsement) and one records namespace per issuing agency (the policy
#      network.json gives records namespaces), each with the jar's SHA-256 as its version; a changed
#      jar or policy bumps the sequence;
#   4. bootstraps governance: every organisation's admin approves the member list (InitConsortium),
#      and a majority of them approve registering each issuing agency (RegisterAgency).
# Run twice with no change, it does nothing and says so.
#
# With --with-reference it also deploys the bare Put/Get contract (chaincode/reference) for the
# benchmarks, beside the registry on the same channel, twice: as `reference-coendorsed`, with the
# policy of the first agency's records namespace (its peer and one other organisation's), and as
# `reference-owner`, endorsed by that agency's peer alone; one reference chaincode server per peer.
#
#   scripts/deploy-chaincode.sh [--with-reference] [JAR]
#                                         (default JAR: chaincode/target/registry-chaincode.jar, built
#                                          when missing)
# Exit codes: 0 deployed (or already), 1 a step failed, 2 a tool is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$REPO_DIR/scripts/lib/processes.sh"
source "$REPO_DIR/scripts/lib/nodes.sh"
source "$REPO_DIR/scripts/lib/ccaas.sh"

require_java
require_python
CC_DIR="$STATE_DIR/chaincode"
CHANNEL=$(netdesc channel)

[ -x "$FABRIC_BIN/peer" ] || die $EXIT_FAILURE "Fabric is not installed; run scripts/network.sh up first"
[ "$(cat "$PID_DIR/mode" 2>/dev/null)" = full ] || die $EXIT_FAILURE "the network is not running; run scripts/network.sh up first"

with_reference=false
if [ "${1:-}" = --with-reference ]; then
  with_reference=true
  shift
fi
jar=${1:-$REPO_DIR/chaincode/target/registry-chaincode.jar}
if [ ! -f "$jar" ] && [ -z "${1:-}" ]; then
  require_maven
  info "Building the contract jar"
  (cd "$REPO_DIR" && mvn -B -ntp -q -pl :registry-chaincode -am install -DskipTests) || die $EXIT_FAILURE "the contract build failed"
fi
[ -f "$jar" ] || die $EXIT_FAILURE "no such jar: $jar"
jar_sha=$(sha256sum "$jar" | cut -d' ' -f1)
changed=false

# retry SECONDS COMMAND...: runs COMMAND until it succeeds (a fresh Raft cluster elects its leader,
# a peer connects to a new chaincode server); its last output is shown when it keeps failing.
retry() {
  local deadline=$((SECONDS + $1)) out
  shift
  while true; do
    if out=$("$@" 2>&1); then
      printf '%s' "$out"
      return 0
    fi
    if ((SECONDS >= deadline)); then
      printf '%s\n' "$out" >&2
      return 1
    fi
    sleep 2
  done
}

# --- 1. packages ------------------------------------------------------------------------------------
mkdir -p "$CC_DIR/packages"
deployed_jar="$CC_DIR/registry-chaincode-$jar_sha.jar"
[ -f "$deployed_jar" ] || cp "$jar" "$deployed_jar"
read -r governance_package governance_id < <("$REPO_DIR/scripts/package-chaincode.sh" governance "$deployed_jar" "$CC_DIR/packages")
read -r records_package records_id < <("$REPO_DIR/scripts/package-chaincode.sh" records "$deployed_jar" "$CC_DIR/packages")
info "Contract jar SHA-256 $jar_sha"
# Per chaincode server (service): its package, package id, jar and the version its definitions carry.
declare -A package_of=([governance]=$governance_package [records]=$records_package)
declare -A id_of=([governance]=$governance_id [records]=$records_id)
declare -A jar_of=([governance]=$deployed_jar [records]=$deployed_jar)
services=(governance records)
reference_id=-
reference_sha=-
if $with_reference; then
  reference_jar=$REPO_DIR/chaincode/reference/target/reference-chaincode.jar
  if [ ! -f "$reference_jar" ]; then
    require_maven
    info "Building the reference contract jar"
    (cd "$REPO_DIR" && mvn -B -ntp -q -pl :registry-reference-chaincode -am install -DskipTests) \
      || die $EXIT_FAILURE "the reference contract build failed"
  fi
  reference_sha=$(sha256sum "$reference_jar" | cut -d' ' -f1)
  deployed_reference_jar="$CC_DIR/reference-chaincode-$reference_sha.jar"
  [ -f "$deployed_reference_jar" ] || cp "$reference_jar" "$deployed_reference_jar"
  read -r reference_package reference_id < <("$REPO_DIR/scripts/package-chaincode.sh" reference "$deployed_reference_jar" "$CC_DIR/packages")
  package_of[reference]=$reference_package
  id_of[reference]=$reference_id
  jar_of[reference]=$deployed_reference_jar
  services+=(reference)
  info "Reference contract jar SHA-256 $reference_sha"
fi

info "Installing the packages on every peer"
while read -r key msp name rest; do
  installed=$(as_admin "$key" "$name" "$FABRIC_BIN/peer" lifecycle chaincode queryinstalled -O json 2>/dev/null || echo '{}')
  for service in "${services[@]}"; do
    package=${package_of[$service]}
    id=${id_of[$service]}
    if grep -q "\"$id\"" <<<"$installed"; then
      step "$name.$key: ${id%%:*} installed already"
    else
      as_admin "$key" "$name" "$FABRIC_BIN/peer" lifecycle chaincode install "$package" >>"$LOG_DIR/deploy.log" 2>&1 \
        || die $EXIT_FAILURE "installing ${id%%:*} on $name.$key failed (log: $LOG_DIR/deploy.log)"
      step "$name.$key: installed ${id%%:*}"
      changed=true
    fi
  done
done < <(netdesc peers)

# --- 2. chaincode servers ---------------------------------------------------------------------------
info "Chaincode servers beside every peer"
cat >"$CC_DIR/deployed.env" <<ENV
GOVERNANCE_PACKAGE_ID=$governance_id
RECORDS_PACKAGE_ID=$records_id
DEPLOYED_JAR=$deployed_jar
REFERENCE_PACKAGE_ID=$reference_id
ENV
while read -r key msp name rest; do
  for service in "${services[@]}"; do
    id=${id_of[$service]}
    node=$(chaincode_server_node "$service" "$key" "$name")
    if running "$node" && [ "$(cat "$PID_DIR/$node.package" 2>/dev/null)" = "$id" ]; then
      step "$node serves ${id%%:*} already"
    else
      start_chaincode_server "$key" "$msp" "$name" "$service" "$id" "${jar_of[$service]}"
      changed=true
    fi
  done
done < <(netdesc peers)
while read -r key msp name rest; do
  for service in "${services[@]}"; do
    address=$(chaincode_server_address "$key" "$name" "$service")
    wait_tls "${address%:*}" "${address##*:}" "$ORGS_DIR/$key/peers/$name/ccaas/tls/ca.crt" 60 \
      || die $EXIT_FAILURE "chaincode server $(chaincode_server_node "$service" "$key" "$name") does not answer on $address (scripts/network.sh logs $(chaincode_server_node "$service" "$key" "$name"))"
  done
done < <(netdesc peers)

# --- 3. definitions ---------------------------------------------------------------------------------
# definitions: "NAME PACKAGE_ID VERSION POLICY" per chaincode definition ('-' for the channel's
# default policy); VERSION is the SHA-256 of the jar the package holds.
definitions() {
  python3 - "$NETWORK_FILE" "$governance_id" "$records_id" "$jar_sha" "$reference_id" "$reference_sha" <<'PY'
import json, sys
net_file, governance_id, records_id, jar_sha, reference_id, reference_sha = sys.argv[1:]
net = json.load(open(net_file, encoding="utf-8"))
cc = net["chaincodes"]
print("governance", governance_id, jar_sha, cc["governance"]["endorsementPolicy"] or "-")
apps = [o for o in net["organizations"] if o.get("application")]
def records_policy(org):
    # {owner}: the namespace's agency; {others}: every other application organisation's peers.
    others = ", ".join(f"'{o['msp']}.peer'" for o in apps if o is not org)
    return cc["records"]["endorsementPolicy"].replace("{owner}", org["msp"]).replace("{others}", others)
agencies = [o for o in apps if o.get("namespace")]
for org in agencies:
    print(org["namespace"], records_id, jar_sha, records_policy(org))
if reference_id != "-":
    owner = agencies[0]
    print("reference-coendorsed", reference_id, reference_sha, records_policy(owner))
    print("reference-owner", reference_id, reference_sha, f"OR('{owner['msp']}.peer')")
PY
}

mapfile -t APP_ORGS < <(python3 -c '
import json, sys
for o in json.load(open(sys.argv[1], encoding="utf-8"))["organizations"]:
    if o.get("application"): print(o["key"])' "$NETWORK_FILE")
app_orgs() { printf '%s\n' "${APP_ORGS[@]}"; }
LEAD=${APP_ORGS[0]}

first_peer() { netdesc peers | awk -v k="$1" '$1 == k {print $3; exit}'; }

# json_field JSON PATH...: a field of a JSON document (empty when absent).
json_field() {
  python3 -c '
import json, sys
try:
    v = json.loads(sys.argv[1])
    for k in sys.argv[2:]:
        v = v[k]
    print(v)
except (ValueError, KeyError, TypeError):
    pass' "$@"
}

policy_args() { [ "$1" = - ] && return 0; printf '%s\n' --signature-policy "$1"; }

approve() { # approve KEY NAME PACKAGE_ID VERSION SEQUENCE POLICY
  local key=$1 name=$2 id=$3 version=$4 sequence=$5 policy=$6 args
  mapfile -t args < <(policy_args "$policy")
  as_admin "$key" "$(first_peer "$key")" bash -c '"$0" lifecycle chaincode approveformyorg -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" "$@"' \
    "$FABRIC_BIN/peer" -C "$CHANNEL" -n "$name" --version "$version" --package-id "$id" --sequence "$sequence" "${args[@]}"
}

commit() { # commit NAME VERSION SEQUENCE POLICY: endorsed by one peer of every application organisation
  local name=$1 version=$2 sequence=$3 policy=$4 args=() key
  mapfile -t args < <(policy_args "$policy")
  for key in $(app_orgs); do
    args+=(--peerAddresses "$(netdesc peers | awk -v k="$key" '$1 == k {print $4 ":" $5; exit}')"
      --tlsRootCertFiles "$ORGS_DIR/$key/msp/tlscacerts/ca.pem")
  done
  as_admin "$LEAD" "$(first_peer "$LEAD")" bash -c '"$0" lifecycle chaincode commit -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" "$@"' \
    "$FABRIC_BIN/peer" -C "$CHANNEL" -n "$name" --version "$version" --sequence "$sequence" "${args[@]}"
}

info "Chaincode definitions on channel $CHANNEL (version = the jar's SHA-256)"
mkdir -p "$CC_DIR/definitions"
while read -r name id definition_version policy; do
  committed=$(as_admin "$LEAD" "$(first_peer "$LEAD")" "$FABRIC_BIN/peer" lifecycle chaincode querycommitted \
    -C "$CHANNEL" -n "$name" -O json 2>/dev/null || true)
  sequence=$(json_field "$committed" sequence)
  committed_version=$(json_field "$committed" version)
  recorded_policy=$(cat "$CC_DIR/definitions/$name.policy" 2>/dev/null || true)
  if [ -n "$sequence" ] && [ "$committed_version" = "$definition_version" ] && [ "$recorded_policy" = "$policy" ]; then
    # The definition stands; an organisation that approved another package for it (its local choice)
    # is brought back to ours by approving the same sequence again.
    for key in $(app_orgs); do
      approved=$(as_admin "$key" "$(first_peer "$key")" "$FABRIC_BIN/peer" lifecycle chaincode queryapproved \
        -C "$CHANNEL" -n "$name" --sequence "$sequence" -O json 2>/dev/null || true)
      if [ "$(json_field "$approved" source Type LocalPackage package_id)" != "$id" ]; then
        retry 60 approve "$key" "$name" "$id" "$definition_version" "$sequence" "$policy" >>"$LOG_DIR/deploy.log" \
          || die $EXIT_FAILURE "$key could not approve its package for $name (log: $LOG_DIR/deploy.log)"
        step "$name: $key approved package ${id%%:*} again for sequence $sequence"
        changed=true
      fi
    done
    step "$name: sequence $sequence committed with this jar already"
    continue
  fi
  sequence=$((${sequence:-0} + 1))
  # The organisations approve independently of each other, so at the same time.
  pids=()
  for key in $(app_orgs); do
    retry 90 approve "$key" "$name" "$id" "$definition_version" "$sequence" "$policy" >>"$LOG_DIR/deploy.$key.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || die $EXIT_FAILURE "${APP_ORGS[$i]} could not approve $name sequence $sequence (log: $LOG_DIR/deploy.${APP_ORGS[$i]}.log)"
  done
  retry 60 commit "$name" "$definition_version" "$sequence" "$policy" >>"$LOG_DIR/deploy.log" \
    || die $EXIT_FAILURE "committing $name sequence $sequence failed (log: $LOG_DIR/deploy.log)"
  echo "$policy" >"$CC_DIR/definitions/$name.policy"
  step "$name: sequence $sequence committed (approved by ${APP_ORGS[*]}; policy ${policy/#-/channel default MAJORITY})"
  changed=true
done < <(definitions)

# --- 4. governance bootstrap ------------------------------------------------------------------------
registry_cli="$REPO_DIR/gateway-client/registry-cli/bin/registry"
if [ -z "$(find "$REPO_DIR/gateway-client/registry-cli/target" -maxdepth 1 -name 'registry*.jar' 2>/dev/null)" ]; then
  require_maven
  info "Building the registry command-line tool"
  (cd "$REPO_DIR" && mvn -B -ntp -q -pl :registry-cli -am install -DskipTests) || die $EXIT_FAILURE "the client build failed"
fi
as_org() { # as_org KEY ARGS...: the registry CLI as KEY's admin
  local key=$1
  shift
  "$registry_cli" --profile "$ORGS_DIR/$key/profile.json" --identity "$(admin_user "$key")" "$@"
}
# approve_as KEY ARGS...: a governance approval as KEY's admin; one this organisation gave before (an
# interrupted earlier run) counts as given.
approve_as() {
  local out
  if out=$(as_org "$@" 2>&1); then
    echo "$out"
    return 0
  fi
  echo "$out"
  grep -q 'ALREADY_EXISTS' <<<"$out"
}
query() { # query KEY CHAINCODE FUNCTION ARGS...: an evaluate through Fabric's peer CLI as KEY's admin
  local key=$1 cc=$2 args
  shift 2
  args=$(python3 -c 'import json,sys; print(json.dumps({"Args": sys.argv[1:]}))' "$@")
  as_admin "$key" "$(first_peer "$key")" "$FABRIC_BIN/peer" chaincode query -C "$CHANNEL" -n "$cc" -c "$args"
}

info "Governance bootstrap"
members=$(python3 -c '
import json, sys
net = json.load(open(sys.argv[1], encoding="utf-8"))
print(",".join(sorted(o["msp"] for o in net["organizations"] if o.get("application"))))' "$NETWORK_FILE")
# members_answer: governance's answer to GetMembers: the members, or INVALID_STATE while they are not
# set; anything else (the peer still connecting to a new chaincode server) fails, so it is retried.
members_answer() {
  local out
  out=$(query "$LEAD" governance governance:GetMembers 2>&1) || true
  echo "$out"
  grep -q '"members"\|INVALID_STATE' <<<"$out"
}
answer=$(retry 60 members_answer) || die $EXIT_FAILURE "governance does not answer on $LEAD's peer: $answer"
if grep -q '"members"' <<<"$answer"; then
  current=$(grep '"members"' <<<"$answer")
  step "consortium members set already: $(json_field "$current" members)"
else
  for key in $(app_orgs); do
    approve_as "$key" governance init --members "$members" >>"$LOG_DIR/deploy.log" 2>&1 \
      || die $EXIT_FAILURE "$key's admin could not approve the member list (log: $LOG_DIR/deploy.log)"
  done
  step "consortium members approved by every organisation's admin: $members"
  changed=true
fi
# agencies: "KEY MSP NAMESPACE TYPES DISPLAY NAME" per issuing agency.
agencies() {
  python3 -c '
import json, sys
for o in json.load(open(sys.argv[1], encoding="utf-8"))["organizations"]:
    if o.get("application") and o.get("namespace"):
        print(o["key"], o["msp"], o["namespace"], ";".join(o["documentTypes"]), o["displayName"])' "$NETWORK_FILE"
}
majority=$((${#APP_ORGS[@]} / 2 + 1))
active_from=$(date -u +%Y-%m-%dT%H:%M:%SZ)
while read -r key msp namespace types display; do
  if query "$LEAD" governance governance:GetAgency "$msp" >/dev/null 2>&1; then
    step "$msp registered already (namespace $namespace)"
    continue
  fi
  for approver in "${APP_ORGS[@]:0:$majority}"; do
    approve_as "$approver" governance register --msp "$msp" --name "$display" --namespace "$namespace" \
      --types "$types" --active-from "$active_from" >>"$LOG_DIR/deploy.log" 2>&1 \
      || die $EXIT_FAILURE "$approver's admin could not approve registering $msp (log: $LOG_DIR/deploy.log)"
  done
  query "$LEAD" governance governance:GetAgency "$msp" >/dev/null 2>&1 \
    || die $EXIT_FAILURE "$msp is not registered after $majority approvals (log: $LOG_DIR/deploy.log)"
  step "$msp registered (namespace $namespace, types $types), approved by $majority of ${#APP_ORGS[@]} members"
  changed=true
done < <(agencies)

if $changed; then
  info "Deployed: governance and $(agencies | wc -l) records namespaces run jar $jar_sha"
else
  info "Nothing to do: the network already runs jar $jar_sha with these definitions and this governance"
fi
