#!/usr/bin/env bash
# Rogue agencies on the real network (issue 10): an organisation runs modified code for a records
# namespace (chaincode/rogue, a test-only contract that writes what the registry's contract writes
# but checks nothing; approved as the organisation's own package for the committed definition, a
# local choice no other organisation sees), or crafts its own proposals (CraftedProposal: a
# transaction timestamp of its choosing). Under the co-endorsed policy
# AND('<Owner>.peer', OutOf(1, <the other application organisations>.peer)) this proves, each time
# with the refusal *and* the unchanged ledger:
#   a. Justice, suspended in governance and running the rogue build, anchors: endorsed by Justice
#      alone it is invalidated at commit (ENDORSEMENT_POLICY_FAILURE); with Services (honest) as
#      co-endorser Services refuses (AGENCY_SUSPENDED) and nothing is ordered;
#   b. a document type governance does not grant Justice, in a certificate Justice's own CA issued:
#      with Services refused (ISSUER_NOT_AUTHORIZED); alone invalidated;
#   c. backdated beyond the contract's 5-minute tolerance (10 min): with Services refused
#      (TIMESTAMP_OUT_OF_TOLERANCE), alone invalidated; backdated 1 hour: refused by Services' peer
#      before any contract runs (Fabric's peer.authentication.timewindow, 15 min), also when Justice's
#      own peer is restarted with that check relaxed; a write 30 s in the past by the honest
#      contract commits (control);
#   d. Services, running the rogue build for records-justice, plants an event there (a write of its
#      own implicit collection only, endorsed by Services alone): it commits VALID - the attack -
#      and the record it claims revoked stays ACTIVE everywhere; `registry watch` does not deliver
#      the event and `registry audit events` reports it (exit 12); a citizen's verification attested
#      by all three organisations is refused (their answers differ: ANSWERS_DIFFER), one attested
#      by Justice and Audit gives the honest answer;
#   e. after each scenario the record is absent on every peer and all peers agree; at the end the
#      deployment is restored (deploy-chaincode.sh) and a record anchored then verifies through
#      Services' peer.
# Needs a running raft network with the co-endorsed policy deployed (scripts/network.sh up,
# scripts/deploy-chaincode.sh) and chaincode/rogue/target/rogue-chaincode.jar. Leaves the network as
# deploy-chaincode.sh made it, also when a check fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/lib/processes.sh"
source "$REPO_DIR/scripts/lib/identities.sh"
source "$REPO_DIR/scripts/lib/nodes.sh"
source "$REPO_DIR/scripts/lib/ccaas.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

[ "$PROFILE" = raft ] || die $EXIT_FAILURE "the network in $STATE_DIR is profile '$PROFILE', not raft"
CHANNEL=$(netdesc channel)
NS=records-justice
rogue_jar="$REPO_DIR/chaincode/rogue/target/rogue-chaincode.jar"
[ -f "$rogue_jar" ] || die $EXIT_FAILURE "no $rogue_jar: build it first (mvn -pl chaincode/rogue package)"
policy=$(cat "$STATE_DIR/chaincode/definitions/$NS.policy" 2>/dev/null || true)
[[ $policy == AND\(* ]] || die $EXIT_FAILURE "$NS is not deployed with the co-endorsed policy (found: ${policy:-none})"
source "$STATE_DIR/chaincode/deployed.env"


# invoke KEY USER "ENDORSING_ORGS" FUNCTION ARGS...: Fabric's peer CLI submits to records-justice as
# KEY's USER, endorsed by the first peer of each listed organisation, and waits for the commit.
invoke() { peer_invoke "$1" "$2" "$3" "$NS" "${@:4}"; }
# query KEY CHAINCODE ARGS...: an evaluate on KEY's peer as its reader.
query() { peer_query "$1" "$(reader "$1")" "${@:2}"; }

# crafted KEY USER "MSP,MSP" OFFSET FUNCTION ARGS...: a hand-built proposal to records-justice with
# the transaction time OFFSET seconds from now, sent to KEY's peer's Gateway as KEY's USER, naming
# the endorsing organisations; prints the tool's report and its exit code ("exit: N").
crafted() {
  local key=$1 user=$2 orgs=$3 offset=$4 msp rc=0 out
  shift 4
  msp=$(org_msp "$key")
  out=$(java -cp "$rogue_jar" org.servicerecords.registry.rogue.CraftedProposal \
    --msp-id "$msp" --cert "$ORGS_DIR/$key/users/$user/msp/signcerts/cert.pem" \
    --key "$(find "$ORGS_DIR/$key/users/$user/msp/keystore" -name '*_sk' | head -n1)" \
    --peer "$(peer_address "$key")" --tls-root "$(peer_root "$key")" --channel "$CHANNEL" \
    --chaincode "$NS" --endorsing-orgs "$orgs" --timestamp-offset "$offset" "$@" 2>&1) || rc=$?
  grep -v 'MacAddressUtil\|usable hardware address' <<<"$out"
  echo "exit: $rc"
}

# Predicates on crafted's report; each prints it, for a failing check to show.
# refused_by OUT MSP TEXT: refused at endorsement, MSP's peer answering TEXT.
refused_by() { echo "$1" && grep -q '^exit: 3$' <<<"$1" && grep -q "^  $2 .*$3" <<<"$1"; }
# only_refused_by OUT MSP: no other organisation's peer refused (so the other endorsed).
only_refused_by() { echo "$1" && [ -z "$(grep '^  [A-Za-z]*MSP ' <<<"$1" | grep -v "^  $2 ")" ]; }
invalidated_by_policy() { echo "$1" && grep -q '^committed: ENDORSEMENT_POLICY_FAILURE' <<<"$1"; }
committed_valid() { echo "$1" && grep -q '^committed: VALID' <<<"$1"; }

new_id() { echo "trust-$1-$(date +%s%N)"; }

# status_everywhere ID STATUS: every peer has the record with that stored status.
status_everywhere() {
  local key out ok=0
  for key in justice services audit; do
    out=$(query "$key" "$NS" records:GetRecord "$1" || true)
    echo "$key: $out"
    grep -q "\"id\":\"$1\"" <<<"$out" && grep -q "\"status\":\"$2\"" <<<"$out" || ok=1
  done
  return $ok
}
# after_scenario ID...: each record absent everywhere, and the peers agree.
after_scenario() {
  local id
  for id in "$@"; do
    check "  $id is absent on every peer" absent_everywhere "$id"
  done
  check "  every peer has the same height and current block hash" peers_agree 30
}

# --- which package an organisation's peer runs for records-justice ---------------------------------

# approve_package KEY PACKAGE_ID: KEY's admin approves PACKAGE_ID for the committed records-justice
# definition (same sequence, version and policy: nothing the other organisations see changes).
approve_package() {
  local definition sequence version
  definition=$(as_admin justice peer0 "$FABRIC_BIN/peer" lifecycle chaincode querycommitted -C "$CHANNEL" -n "$NS" -O json)
  sequence=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["sequence"])' "$definition")
  version=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["version"])' "$definition")
  as_admin "$1" peer0 bash -c '"$0" lifecycle chaincode approveformyorg -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" "$@"' \
    "$FABRIC_BIN/peer" -C "$CHANNEL" -n "$NS" --version "$version" --package-id "$2" \
    --sequence "$sequence" --signature-policy "$policy"
}
# serves_rogue KEY: KEY's peer runs the rogue build for records-justice (only it has PlantEvent; an
# evaluate commits nothing). Retried: the peer connects to the chaincode server on first use.
serves_rogue() {
  local deadline=$((SECONDS + 60)) out
  while true; do
    out=$(query "$1" "$NS" records:PlantEvent probe || true)
    echo "$out"
    grep -q "_implicit_org_" <<<"$out" && return 0
    ((SECONDS < deadline)) || return 1
    sleep 2
  done
}
# serves_registry KEY: KEY's peer runs the registry's contract for records-justice, which has no
# PlantEvent and refuses the name with INVALID_ARGUMENT.
serves_registry() {
  local out
  out=$(query "$1" "$NS" records:PlantEvent probe || true)
  echo "$out"
  grep -q 'INVALID_ARGUMENT: records has no such transaction' <<<"$out"
}

# --- governance ---------------------------------------------------------------------------------

# approve_change KEY ARGS...: a governance change approved by KEY's admin; an approval this
# organisation gave before (an interrupted run) counts as given.
approve_change() {
  local out
  out=$(registry "$1" --identity admin1 governance "${@:2}" 2>&1) && { echo "$out"; return 0; }
  echo "$out"
  grep -q ALREADY_EXISTS <<<"$out"
}
justice_suspended() { query audit governance governance:GetAgency JusticeMSP | grep -q '"suspended":true'; }
# agency_everywhere STATE: every peer's governance shows Justice suspended (true) or not (false).
agency_everywhere() {
  local key deadline=$((SECONDS + 30)) ok
  while true; do
    ok=0
    for key in justice services audit; do
      query "$key" governance governance:GetAgency JusticeMSP | grep -q "\"suspended\":$1" || ok=1
    done
    [ $ok -eq 0 ] && return 0
    ((SECONDS < deadline)) || { echo "Justice's suspended flag is not $1 on every peer"; return 1; }
    sleep 1
  done
}
reinstate_justice() {
  justice_suspended || return 0
  approve_change services reinstate --msp JusticeMSP && approve_change audit reinstate --msp JusticeMSP
}

# --- restoring: also when a check or a command fails ---------------------------------------------
restored=false
justice_peer_relaxed=false
restore() {
  $restored && return 0
  restored=true
  echo "== restoring: Justice reinstated, every organisation back on the consortium's package (deploy-chaincode.sh)"
  if $justice_peer_relaxed; then restart_justice_peer ""; fi
  reinstate_justice >"$work/reinstate.out" 2>&1 || { cat "$work/reinstate.out"; return 1; }
  "$REPO_DIR/scripts/deploy-chaincode.sh" >"$work/deploy.out" 2>&1 || { cat "$work/deploy.out"; return 1; }
  for key in justice services; do
    stop_node "$(chaincode_server_node rogue "$key" peer0)" >/dev/null
  done
}
trap 'rc=$?; restore || rc=1; rm -rf "$work"; exit $rc' EXIT

# restart_justice_peer WINDOW: Justice's peer restarted, with peer.authentication.timewindow WINDOW
# (empty: Fabric's default), waiting for its health and for its Gateway to reach Services' peer.
restart_justice_peer() {
  local row ops
  row=$(netdesc peers | awk '$1 == "justice" && $3 == "peer0"')
  ops=$(awk '{print $7}' <<<"$row")
  stop_node "$(peer_node $row)" >/dev/null
  # shellcheck disable=SC2086
  if [ -n "$1" ]; then
    CORE_PEER_AUTHENTICATION_TIMEWINDOW=$1 start_peer $row >/dev/null
    justice_peer_relaxed=true
  else
    start_peer $row >/dev/null
    justice_peer_relaxed=false
  fi
  wait_http_ok "http://127.0.0.1:$ops/healthz" 60 || { echo "Justice's peer is not healthy after its restart"; return 1; }
}

# ==================================================================================================
echo "== setup: the rogue build installed beside Justice's and Services' peers"
reinstate_justice >"$work/reinstate.out" 2>&1 || { cat "$work/reinstate.out"; exit 1; }
mkdir -p "$STATE_DIR/chaincode"
deployed_rogue="$STATE_DIR/chaincode/rogue-chaincode-$(sha256sum "$rogue_jar" | cut -d' ' -f1).jar"
[ -f "$deployed_rogue" ] || cp "$rogue_jar" "$deployed_rogue"
read -r rogue_package rogue_id < <("$REPO_DIR/scripts/package-chaincode.sh" rogue "$deployed_rogue" "$work/packages")
for key in justice services; do
  as_admin "$key" peer0 "$FABRIC_BIN/peer" lifecycle chaincode install "$rogue_package" >"$work/install.out" 2>&1 \
    || grep -q 'already successfully installed' "$work/install.out" || { cat "$work/install.out"; exit 1; }
  start_chaincode_server "$key" "$(org_msp "$key")" peer0 rogue "$rogue_id" "$deployed_rogue"
  address=$(chaincode_server_address "$key" peer0 rogue)
  wait_tls "${address%:*}" "${address##*:}" "$ORGS_DIR/$key/peers/peer0/ccaas/tls/ca.crt" 90 \
    || die $EXIT_FAILURE "the rogue chaincode server beside $key's peer does not answer on $address"
done
check "Justice approves the rogue build as its own package for the committed $NS definition" \
  approve_package justice "$rogue_id"
check "Justice's peer now runs the rogue build for $NS" serves_rogue justice

# ==================================================================================================
echo "== a. Justice, suspended, anchors with its rogue build"
check "Services' admin approves suspending Justice" approve_change services suspend --msp JusticeMSP --reason TRUST_TEST
check "the audit office's admin approves it too (a majority: applied)" approve_change audit suspend --msp JusticeMSP --reason TRUST_TEST
check "every peer's governance shows Justice suspended" agency_everywhere true
suspended_id=$(new_id suspended)
out=$(crafted justice issuer1 JusticeMSP 0 records:AnchorCertificate "$(certificate_request "$suspended_id" BIRTH_CERTIFICATE)")
check "endorsed by Justice (rogue) alone: invalidated at commit (ENDORSEMENT_POLICY_FAILURE)" invalidated_by_policy "$out"
before=$(heights)
out=$(crafted justice issuer1 JusticeMSP,ServicesMSP 0 records:AnchorCertificate "$(certificate_request "$suspended_id" BIRTH_CERTIFICATE)")
check "with Services as co-endorser: Services refuses at endorsement (AGENCY_SUSPENDED)" refused_by "$out" ServicesMSP AGENCY_SUSPENDED
check "  and only Services refused (Justice's rogue build endorsed)" only_refused_by "$out" ServicesMSP
check "  nothing was ordered: every peer's height unchanged" unchanged_heights "$before"
check "Services' and the audit office's admins reinstate Justice" reinstate_justice
check "every peer's governance shows Justice active again" agency_everywhere false
after_scenario "$suspended_id"

# ==================================================================================================
echo "== b. a document type governance does not grant Justice, in a certificate Justice's CA issued"
# Justice's CA is Justice's own: it can certify any document type for its issuers. Governance grants
# Justice BIRTH_CERTIFICATE, MARRIAGE_CERTIFICATE and NOTARIAL_ACT; BUSINESS_LICENCE is Services'.
rogue_user_dir="$ORGS_DIR/justice/users/rogue-issuer1"
read -r _ msp ca_host ca_port _ < <(netdesc cas | awk '$1 == "justice"')
# Issued like network.json's users: one enrollment, the secret deleted once used (identities_test.sh
# finds none left); a second run finds its certificate and asks the CA nothing.
issue_identity justice rogue-issuer1 client "role=issuer:ecert,doctypes=BIRTH_CERTIFICATE;BUSINESS_LICENCE:ecert" \
  "$rogue_user_dir" "$ca_host" "$ca_port" rogue-issuer1 -
check "Justice's CA issued rogue-issuer1 a certificate listing BUSINESS_LICENCE" \
  grep -q . "$rogue_user_dir/msp/signcerts/cert.pem"
type_id=$(new_id type)
out=$(crafted justice rogue-issuer1 JusticeMSP 0 records:AnchorCertificate "$(certificate_request "$type_id" BUSINESS_LICENCE)")
check "endorsed by Justice (rogue) alone: invalidated at commit (ENDORSEMENT_POLICY_FAILURE)" invalidated_by_policy "$out"
before=$(heights)
out=$(crafted justice rogue-issuer1 JusticeMSP,ServicesMSP 0 records:AnchorCertificate "$(certificate_request "$type_id" BUSINESS_LICENCE)")
check "with Services as co-endorser: Services refuses (ISSUER_NOT_AUTHORIZED)" refused_by "$out" ServicesMSP ISSUER_NOT_AUTHORIZED
check "  and only Services refused (Justice's rogue build endorsed)" only_refused_by "$out" ServicesMSP
check "  nothing was ordered: every peer's height unchanged" unchanged_heights "$before"
after_scenario "$type_id"

# ==================================================================================================
echo "== c. backdated transactions, built by hand (CraftedProposal)"
late_id=$(new_id backdated10m)
out=$(crafted justice issuer1 JusticeMSP -600 records:AnchorCertificate "$(certificate_request "$late_id" BIRTH_CERTIFICATE)")
check "10 min in the past, endorsed by Justice (rogue) alone: invalidated at commit (ENDORSEMENT_POLICY_FAILURE)" invalidated_by_policy "$out"
before=$(heights)
out=$(crafted justice issuer1 JusticeMSP,ServicesMSP -600 records:AnchorCertificate "$(certificate_request "$late_id" BIRTH_CERTIFICATE)")
check "10 min in the past, with Services: Services refuses (TIMESTAMP_OUT_OF_TOLERANCE)" refused_by "$out" ServicesMSP TIMESTAMP_OUT_OF_TOLERANCE
check "  and only Services refused (Justice's rogue build endorsed)" only_refused_by "$out" ServicesMSP
check "  nothing was ordered: every peer's height unchanged" unchanged_heights "$before"
after_scenario "$late_id"

hour_id=$(new_id backdated1h)
before=$(heights)
out=$(crafted justice issuer1 JusticeMSP,ServicesMSP -3600 records:AnchorCertificate "$(certificate_request "$hour_id" BIRTH_CERTIFICATE)")
# Fabric v3 peers refuse a proposal whose timestamp lies beyond peer.authentication.timewindow (15 min
# by default, core.yaml's TimeWindowCheck auth filter) before any chaincode runs.
check "1 hour in the past, with Services: Services' peer refuses it (Fabric's 15-min time window)" \
  refused_by "$out" ServicesMSP 'incorrect timestamp'
check "  nothing was ordered: every peer's height unchanged" unchanged_heights "$before"
# An agency running its own peer can relax that check: Justice's peer restarted with a 2-hour window.
check "Justice's peer restarted with peer.authentication.timewindow 2h (its operator's choice)" \
  restart_justice_peer 2h
# retry_until_answered COMMAND...: the Gateway of a restarted peer needs gossip to find the other
# organisations' peers again (seen: 30 s); a refused attempt orders nothing, so it is repeated until
# an organisation's peer answered.
retry_until_answered() {
  local deadline=$((SECONDS + 90))
  while true; do
    out=$("$@")
    grep -q '^  [A-Za-z]*MSP \|^committed:' <<<"$out" && return 0
    ((SECONDS < deadline)) || return 0
    sleep 3
  done
}
retry_until_answered crafted justice issuer1 JusticeMSP -3600 records:AnchorCertificate "$(certificate_request "$hour_id" BIRTH_CERTIFICATE)"
check "1 hour in the past, endorsed by Justice (rogue build, relaxed peer) alone: invalidated (ENDORSEMENT_POLICY_FAILURE)" \
  invalidated_by_policy "$out"
before=$(heights)
retry_until_answered crafted justice issuer1 JusticeMSP,ServicesMSP -3600 records:AnchorCertificate "$(certificate_request "$hour_id" BIRTH_CERTIFICATE)"
check "1 hour in the past, with Services: Services' peer refuses (incorrect timestamp)" refused_by "$out" ServicesMSP 'incorrect timestamp'
check "  and only Services refused (Justice's relaxed peer and rogue build endorsed)" only_refused_by "$out" ServicesMSP
check "  nothing was ordered: every peer's height unchanged" unchanged_heights "$before"
check "Justice's peer restarted with Fabric's default time window" restart_justice_peer ""
after_scenario "$hour_id"

check "Justice approves the consortium's package for $NS again" approve_package justice "$RECORDS_PACKAGE_ID"
check "Justice's peer runs the registry's contract for $NS again" serves_registry justice
control_id=$(new_id control)
# 30 s in the past: a verdict judges the issuer's authority at the record's asserted time, so a
# record backdated (within tolerance) to before scenario a's reinstatement would verify
# ISSUER_NOT_AUTHORIZED (seen with 2 min: the contract accepts it, governance being active *now*).
retry_until_answered crafted justice issuer1 JusticeMSP,ServicesMSP -30 records:AnchorCertificate "$(certificate_request "$control_id" BIRTH_CERTIFICATE)"
check "control: 30 s in the past (within tolerance), honest Justice and Services: committed VALID" committed_valid "$out"
check "  the record is ACTIVE on every peer" status_everywhere "$control_id" ACTIVE
check "  every peer has the same height and current block hash" peers_agree 30

# ==================================================================================================
echo "== d. Services, running the rogue build for $NS, plants an event there"
check "Services approves the rogue build as its own package for $NS" approve_package services "$rogue_id"
check "Services' peer now runs the rogue build for $NS" serves_rogue services
out=$(invoke services issuer1 services records:PlantEvent "$control_id" || true)
planted_tx=$(sed -n 's/.*txid \[\([0-9a-f]*\)\] committed with status (VALID).*/\1/p' <<<"$out" | head -n1)
planted() { echo "$out" && [ -n "$planted_tx" ]; }
check "the planted event's transaction (Services' implicit collection only, Services alone) commits VALID: the attack" planted
planted_block=$(height_of services)
planted_block=$((planted_block - 1))
check "  the record it claims REVOKED is still ACTIVE on every peer" status_everywhere "$control_id" ACTIVE
# A genuine event after the planted one, so that a watcher stopping after one event stops on it.
genuine_id=$(new_id genuine)
out=$(invoke justice issuer1 "justice audit" records:AnchorCertificate "$(certificate_request "$genuine_id" BIRTH_CERTIFICATE)" || true)
genuine() { echo "$out" && grep -q 'committed with status (VALID)' <<<"$out"; }
check "then Justice anchors a record, endorsed by Justice and the audit office: committed VALID" genuine
check "  every peer has the same height and current block hash" peers_agree 30

# `registry watch` drops an event whose transaction the namespace's owner did not endorse and names it
# on standard error.
watch_ignores_planted() {
  local rc=0
  rm -f "$work/watch.checkpoint"
  timeout 120 "$REPO_DIR/gateway-client/registry-cli/bin/registry" --profile "$ORGS_DIR/audit/profile.json" --identity auditor1 \
    watch --checkpoint "$work/watch.checkpoint" --issuer "$NS" --from-block "$planted_block" --max-events 1 \
    >"$work/watch.out" 2>"$work/watch.err" || rc=$?
  echo "exit $rc; stdout:"; cat "$work/watch.out"; echo "stderr:"; cat "$work/watch.err"
  [ $rc -eq 0 ] && grep -q "$genuine_id" "$work/watch.out" && ! grep -q "$planted_tx\|REVOKED" "$work/watch.out" \
    && grep -q "$planted_tx" "$work/watch.err"
}
check "registry watch from block $planted_block delivers the genuine event, not the planted one (named on stderr)" \
  watch_ignores_planted
# `registry audit events` exits 12 when it finds an ignored event.
audit_reports_planted() {
  local rc=0
  "$REPO_DIR/gateway-client/registry-cli/bin/registry" --profile "$ORGS_DIR/audit/profile.json" --identity auditor1 --json \
    audit events --namespace "$NS" --from "$planted_block" --to "$planted_block" >"$work/audit.out" 2>&1 || rc=$?
  echo "exit $rc:"; cat "$work/audit.out"
  [ $rc -eq 12 ] && grep -q "$planted_tx" "$work/audit.out" && grep -q NOT_ENDORSED_BY_OWNER "$work/audit.out"
}
check "registry audit events --namespace $NS reports the planted event as not endorsed by the owner (exit 12)" \
  audit_reports_planted

# A citizen's attested verification that asks Services' peer too gets two different answers (the
# rogue build says VALID for any hash) and trusts neither; one attested by Justice and the audit
# office alone still gives the honest answer.
unknown_hash=$(printf 'never anchored %s' "$(date +%s%N)" | sha256sum | cut -d' ' -f1)
verify_public() {
  "$REPO_DIR/gateway-client/registry-cli/bin/registry" --profile "$ORGS_DIR/public/profile.json" --identity verifier1 \
    verify --issuer JusticeMSP --hash "$unknown_hash" "$@"
}
attestation_refused() {
  local rc=0
  verify_public --attest 3 >"$work/verify3.out" 2>&1 || rc=$?
  echo "exit $rc:"; cat "$work/verify3.out"
  [ $rc -eq 11 ] && grep -q ANSWERS_DIFFER "$work/verify3.out"
}
check "an attested verification asking Justice, Services (rogue) and Audit is refused: ANSWERS_DIFFER (exit 11)" \
  attestation_refused
honest_pair() {
  local rc=0
  verify_public --attest 2 --attester AuditMSP >"$work/verify2.out" 2>&1 || rc=$?
  echo "exit $rc:"; cat "$work/verify2.out"
  [ $rc -eq 3 ] && grep -q UNKNOWN "$work/verify2.out"
}
check "  attested by Justice and Audit only, the same hash is UNKNOWN (exit 3)" honest_pair

# ==================================================================================================
echo "== e. the deployment restored"
restore
check "Justice's peer runs the registry's contract for $NS again" serves_registry justice
check "Services' peer runs the registry's contract for $NS again" serves_registry services
for id in "$suspended_id" "$type_id" "$late_id" "$hour_id"; do
  check "$id is absent on every peer (registry contract everywhere)" absent_everywhere "$id"
done
check "the record the planted event claimed revoked is still ACTIVE on every peer" status_everywhere "$control_id" ACTIVE
final_id=$(new_id final)
printf 'trust test final document %s\n' "$final_id" >"$work/final.txt"
request=$(python3 -c 'import hashlib,json,sys; i=sys.argv[1]; print(json.dumps({"id": i, "documentType": "BIRTH_CERTIFICATE",
  "documentHash": hashlib.sha256(open(sys.argv[2], "rb").read()).hexdigest(), "subjectRef": hashlib.sha256(i.encode()).hexdigest(),
  "validFrom": "2026-01-01T00:00:00Z"}, separators=(",", ":")))' "$final_id" "$work/final.txt")
out=$(invoke justice issuer1 "justice services" records:AnchorCertificate "$request" || true)
final_committed() { echo "$out" && grep -q 'committed with status (VALID)' <<<"$out"; }
check "Justice anchors a record co-endorsed by Services: committed VALID" final_committed
check "it verifies VALID through Services' peer (registry verify --fast, Services' verifier)" \
  registry services --identity verifier1 verify --fast "$work/final.txt" --issuer "$NS"
verifies_valid() { # verifies_valid KEY ID: the contract's verdict on KEY's peer
  local out
  out=$(query "$1" "$NS" records:VerifyRecord "$2" "")
  echo "$out"
  grep -q '"verdict":"VALID"' <<<"$out"
}
check "the control record verifies VALID through Services' peer too (the planted REVOKED changed nothing)" \
  verifies_valid services "$control_id"
check "every peer has the same height and current block hash" peers_agree 30

summary "trust"
