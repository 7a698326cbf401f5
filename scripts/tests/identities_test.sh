#!/usr/bin/env bash
# Tests of the identities scripts/network.sh issued, on the running raft network (scripts/network.sh
# up; run before anything else issues identities into its state):
#   - every identity is registered for the enrollments it needs and no more (users 1, peers and
#     orderers 2: signing and TLS, chaincode servers 1, MSP admins 2), and no enrollment secret is
#     left under .state/orgs;
#   - a secret, once used, is refused by the CA when enrolled again (a fresh user, issued with the
#     same functions);
#   - issuing again on the existing state (what `network.sh up` does after a crash or a `down`
#     without --wipe) asks the CA nothing and changes no certificate, though the secrets are gone;
#   - the governance admins (role=admin users, admin1) are CA clients: OU=client with role=admin in
#     their certificate, no TLS identity; a lifecycle approval or an installed-package query signed by
#     admin1 is refused by its peer; the MSP admin (OU=admin) does what the scripts need (the query,
#     osnadmin) and no wallet or profile exposes it;
#   - the wallet's registrar is not the CA's bootstrap admin: it registers CA clients with the
#     attributes role and doctypes, and is refused a CA admin, a peer, or a client that registers.
# Leaves the network as it found it (the fresh users stay registered with Justice's CA).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/lib/processes.sh"
source "$REPO_DIR/scripts/lib/identities.sh"
source "$REPO_DIR/scripts/lib/nodes.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

[ "$(cat "$PID_DIR/mode" 2>/dev/null)" = full ] || die $EXIT_FAILURE "the network is not running; run scripts/network.sh up first"
CHANNEL=$(netdesc channel)
# A failing identity function here must fail its check, not stop the network (processes.sh's
# fail_node stops every node).
fail_node() {
  printf 'ERROR: %s\n' "$2" >&2
  exit 1
}
# in_subshell COMMAND...: COMMAND in a subshell, so that an identity function's exit ends only it.
in_subshell() { ("$@"); }
read -r _ msp ca_host ca_port _ < <(netdesc cas | awk '$1 == "justice"')
run="ids-$(date +%s)-$RANDOM"

echo "== every identity is registered for the enrollments it needs, and no secret is left"
left_secrets() { local found; found=$(find "$ORGS_DIR" -name secret); echo "$found"; [ -z "$found" ]; }
check "no enrollment secret is left under $ORGS_DIR (users, peers, orderers, MSP admins)" left_secrets
# shows PATTERN COMMAND...: COMMAND succeeds and prints a line matching PATTERN (its output is shown
# for a failing check; captured first, so an early match cannot break the pipe).
shows() {
  local pattern=$1 out
  shift
  out=$("$@") || { echo "$out"; return 1; }
  echo "$out"
  grep -q -- "$pattern" <<<"$out"
}
# max_enrollments KEY NAME N: the CA allows NAME's secret N enrollments.
max_enrollments() { shows "Max Enrollments: $3," ca_identity "$1" "$2"; }
while read -r key _ name _; do
  check "ca.$key: peer $name.$key may enroll twice (signing, TLS)" max_enrollments "$key" "$name.$key" 2
  check "ca.$key: its chaincode servers' ccaas.$name.$key once (TLS)" max_enrollments "$key" "ccaas.$name.$key" 1
done < <(netdesc peers)
while read -r key _ name _; do
  check "ca.$key: orderer $name.$key may enroll twice (signing, TLS)" max_enrollments "$key" "$name.$key" 2
done < <(netdesc orderers)
for key in $(netdesc orderers | awk '{print $1}' | sort -u); do
  check "ca.$key: the MSP admin may enroll twice (signing, TLS for osnadmin)" max_enrollments "$key" "$MSP_ADMIN_ID" 2
done
while read -r key name _; do
  check "ca.$key: user $name may enroll once" max_enrollments "$key" "$name" 1
done < <(netdesc users)
for key in $(netdesc cas | awk '{print $1}'); do
  check "ca.$key: the wallet's registrar may enroll once" max_enrollments "$key" "$AGENCY_REGISTRAR_ID" 1
done

echo "== a used secret is refused when enrolled again"
fresh="$run-user"
fresh_dir="$work/ids/$fresh"
check "a fresh user of Justice is registered (register)" \
  in_subshell register justice "$fresh" client 'role=verifier:ecert' "$fresh_dir"
# The test keeps the secret the functions would delete, to try it again.
secret=$(cat "$fresh_dir/secret" 2>/dev/null || true)
check "and enrolls once with its secret (enroll)" \
  in_subshell enroll justice "$fresh" "$fresh_dir" "$ca_host" "$ca_port" "" "$fresh"
check "  its certificate is there" test -f "$fresh_dir/msp/signcerts/cert.pem"
check "the CA allows it one enrollment" max_enrollments justice "$fresh" 1
# enroll_again NAME SECRET: a second enrollment of NAME with SECRET into a folder of its own (as
# anyone holding the secret could do it) is refused: the client hears "Authentication failure", the
# CA's log says why.
enroll_again() {
  local rc=0
  [ -n "$2" ] || { echo "no secret captured"; return 1; }
  FABRIC_CA_CLIENT_HOME="$work/again-home" FABRIC_CA_CLIENT_URL="https://$1:$2@$ca_host:$ca_port" \
    "$FABRIC_CA_BIN/fabric-ca-client" enroll -M "$work/again/msp" --caname ca-justice \
    --tls.certfiles "$ORGS_DIR/justice/ca/tls-cert.pem" --csr.names "O=$msp" >"$work/again.out" 2>&1 || rc=$?
  grep -v '^Password' "$work/again.out"
  echo "(exit $rc)"
  grep "identity $1 " "$LOG_DIR/ca.justice.log" | tail -n 3
  [ "$rc" -ne 0 ] && grep -q 'Authentication failure' "$work/again.out" \
    && [ ! -f "$work/again/msp/signcerts/cert.pem" ] \
    && grep -q "The identity $1 has already enrolled 1 times, it has reached its maximum enrollment allowance" "$LOG_DIR/ca.justice.log"
}
check "a second enrollment with the same secret is refused (maximum enrollment allowance)" enroll_again "$fresh" "$secret"

echo "== issuing again on the existing state asks the CA nothing"
issued="$run-issued"
issued_dir="$work/ids/$issued"
check "issue_identity registers and enrolls a fresh user" \
  in_subshell issue_identity justice "$issued" client 'role=verifier:ecert' "$issued_dir" "$ca_host" "$ca_port" "$issued" -
check "  its certificate is there" test -f "$issued_dir/msp/signcerts/cert.pem"
check "  its secret is gone" test ! -e "$issued_dir/secret"
# ca_requests: how many requests every CA has logged (fabric-ca-server logs each HTTP request it
# serves: "127.0.0.1:PORT POST /api/v1/enroll 201 ...").
ca_requests() { cat "$LOG_DIR"/ca.*.log | grep -cE '\] [0-9.:]+ (GET|POST|PUT|DELETE) /' || true; }
# no_ca_calls COMMAND...: COMMAND succeeds and no CA served a request meanwhile (the real CAs' logs).
no_ca_calls() {
  local before after
  before=$(ca_requests)
  "$@" || { echo "failed"; return 1; }
  after=$(ca_requests)
  echo "CA requests logged before: $before, after: $after"
  [ "$after" -eq "$before" ]
}
certificates() { find "$ORGS_DIR" "$work/ids" \( -name cert.pem -o -name server.crt \) -print0 | sort -z | xargs -0 sha256sum; }
before=$(certificates)
check "issue_identity again, without the secret, succeeds and asks the CA nothing" \
  no_ca_calls issue_identity justice "$issued" client 'role=verifier:ecert' "$issued_dir" "$ca_host" "$ca_port" "$issued" -
while read -r key msp_id host port _; do
  check "$key's identities issued again on the existing state (network.sh up after a restart): no CA asked" \
    no_ca_calls issue_identities "$key" "$msp_id" "$host" "$port"
done < <(netdesc cas)
unchanged_certificates() { diff <(echo "$before") <(certificates); }
check "no certificate changed" unchanged_certificates
check "and no secret came back" left_secrets

echo "== governance admins are CA clients; the MSP admin is apart"
# subject CERT / extensions CERT: the certificate's subject (RFC 2253) / its text (attributes are in
# extension 1.2.3.4.5.6.7.8.1 as JSON).
subject() { openssl x509 -in "$1" -noout -subject -nameopt RFC2253; }
has_ou() { shows "OU=$2\(,\|$\)" subject "$1"; }
lacks_ou() { ! has_ou "$1" "$2"; }
attribute() { shows "\"$2\":\"$3\"" openssl x509 -in "$1" -noout -text; }
while read -r key name role _; do
  [ "$role" = admin ] || continue
  cert="$ORGS_DIR/$key/users/$name/msp/signcerts/cert.pem"
  check "$key's $name has OU=client" has_ou "$cert" client
  check "$key's $name has no OU=admin (not an MSP admin)" lacks_ou "$cert" admin
  check "$key's $name carries role=admin (governance approver)" attribute "$cert" role admin
  check "$key's $name was registered as CA type client" attribute "$cert" hf.Type client
  check "$key's $name has no TLS identity (osnadmin)" test ! -e "$ORGS_DIR/$key/users/$name/tls"
done < <(netdesc users)
no_role() { local text; text=$(openssl x509 -in "$1" -noout -text) || return 1; echo "$text"; ! grep -q '"role"' <<<"$text"; }
# not_exposed KEY: no entry of KEY's wallet is, or links into, its MSP admin; its profile never names it.
not_exposed() {
  local found
  found=$(find "$ORGS_DIR/$1/wallet" -maxdepth 2 \( -name "$MSP_ADMIN_ID" -o -lname "$(msp_admin_dir "$1")/*" \))
  echo "$found"
  [ -z "$found" ] && ! grep -q "$MSP_ADMIN_ID" "$ORGS_DIR/$1/profile.json"
}
for key in $( (netdesc peers; netdesc orderers) | awk '{print $1}' | sort -u); do
  cert="$(msp_admin_dir "$key")/msp/signcerts/cert.pem"
  check "$key's MSP admin has OU=admin" has_ou "$cert" admin
  check "$key's MSP admin carries no registry role" no_role "$cert"
  check "$key's wallet and profile do not expose its MSP admin" not_exposed "$key"
done

echo "== the wallet's registrar registers clients with role and doctypes, nothing more"
# as_wallet_registrar KEY ARGS...: fabric-ca-client signed by the identity KEY's wallet calls registrar.
as_wallet_registrar() {
  local key=$1 host port
  shift
  read -r _ _ host port _ < <(netdesc cas | awk -v k="$key" '$1 == k')
  FABRIC_CA_CLIENT_HOME="$work/wallet-registrar-$key" "$FABRIC_CA_BIN/fabric-ca-client" "$@" -u "https://$host:$port" \
    --caname "ca-$key" --tls.certfiles "$ORGS_DIR/$key/ca/tls-cert.pem" \
    -M "$(readlink -f "$(dirname "$(readlink -f "$ORGS_DIR/$key/wallet/registrar/cert.pem")")/..")" 2>&1
}
refused_registration() { local out; out=$(with_secret as_wallet_registrar "$@") && { echo "$out"; return 1; }; echo "$out"; grep -qi 'authoriz\|not allowed\|cannot register\|may not' <<<"$out"; }
for key in $(netdesc cas | awk '{print $1}'); do
  wallet_cert="$ORGS_DIR/$key/wallet/registrar/cert.pem"
  check "$key's wallet registrar is not the CA's bootstrap admin" \
    bash -c '[ "$(readlink -f "$1")" != "$(readlink -f "$2")" ]' _ "$wallet_cert" "$ORGS_DIR/$key/registrar/msp/signcerts/cert.pem"
  check "$key's wallet registrar has OU=client" has_ou "$wallet_cert" client
  check "$key's wallet registrar may register clients only (the CA's record of it)" \
    shows "{Name:hf.Registrar.Roles Value:client ECert:false}" ca_identity "$key" "$AGENCY_REGISTRAR_ID"
  check "  with the attributes role and doctypes only" \
    shows "{Name:hf.Registrar.Attributes Value:role,doctypes ECert:false}" ca_identity "$key" "$AGENCY_REGISTRAR_ID"
done
# with_secret COMMAND...: COMMAND with a registration secret of its own in the environment (so the
# CA generates none to print).
with_secret() { FABRIC_CA_CLIENT_ID_SECRET=$(random_secret) "$@"; }
check "Justice's wallet registrar registers a client with role=issuer and doctypes" \
  with_secret as_wallet_registrar justice register --id.name "probe-client-$run" --id.type client \
  --id.maxenrollments 1 --id.attrs "role=issuer:ecert,doctypes=BIRTH_CERTIFICATE:ecert"
check "  but not a CA admin (an MSP admin under NodeOUs)" refused_registration justice register \
  --id.name "probe-admin-$run" --id.type admin --id.maxenrollments 1
check "  nor a peer" refused_registration justice register --id.name "probe-peer-$run" --id.type peer --id.maxenrollments 1
check "  nor a client that may register others" refused_registration justice register --id.name "probe-registrar-$run" \
  --id.type client --id.maxenrollments 1 --id.attrs "hf.Registrar.Roles=client"

echo "== the peer refuses lifecycle operations signed by a governance admin"
# as_user KEY USER COMMAND...: a Fabric peer CLI command as KEY's USER against KEY's first peer.
as_user() {
  local key=$1 user=$2
  shift 2
  (
    eval "$(peer_cli_env "$key")"
    export CORE_PEER_MSPCONFIGPATH="$ORGS_DIR/$key/users/$user/msp"
    "$@"
  )
}
# refused_by_acl COMMAND...: COMMAND fails with the peer's ACL refusal.
refused_by_acl() {
  local out rc=0
  out=$("$@" 2>&1) || rc=$?
  echo "$out"
  echo "(exit $rc)"
  [ "$rc" -ne 0 ] && grep -q 'failed ACL check' <<<"$out"
}
approve_args=(-C "$CHANNEL" -n "$run" --version 1 --sequence 1
  --package-id "${run}_1:0000000000000000000000000000000000000000000000000000000000000000")
check "a lifecycle approval signed by Justice's admin1 is refused by Justice's peer (not an MSP admin)" \
  refused_by_acl as_user justice admin1 bash -c '"$0" lifecycle chaincode approveformyorg -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" "$@"' \
  "$FABRIC_BIN/peer" "${approve_args[@]}"
check "so does a query of the installed packages signed by admin1" \
  refused_by_acl as_user justice admin1 "$FABRIC_BIN/peer" lifecycle chaincode queryinstalled
check "the MSP admin may query them (as_admin)" as_admin justice peer0 "$FABRIC_BIN/peer" lifecycle chaincode queryinstalled
# osnadmin_lists_channel KEY ORDERER HOST ADMIN_PORT: the MSP admin lists the channel on that orderer.
osnadmin_lists_channel() {
  shows '^Status: 200' osnadmin_as "$1" "$ORGS_DIR/$1/orderers/$2" "$4" "$3" channel list --channelID "$CHANNEL"
}
while read -r key _ name host _ admin_port _; do
  check "$key's MSP admin reaches $name.$key's admin endpoint (osnadmin, mutual TLS)" osnadmin_lists_channel "$key" "$name" "$host" "$admin_port"
done < <(netdesc orderers)

summary "identities"
