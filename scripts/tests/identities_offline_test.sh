#!/usr/bin/env bash
# Tests of scripts/lib/identities.sh and netdesc.py that need no network (identities_test.sh checks
# the same on the real CAs).
#
# Enrollment ids: a user name of network/network.json
# becomes an enrollment id with the organisation's CA, a folder under .state/orgs, a wallet entry and
# part of the enrollment URL, so only 1 to 64 characters of [A-Za-z0-9._@-] are accepted, the first a
# letter or digit (as the client library's Registration.ENROLLMENT_ID), and no name the scripts give an identity of their own. netdesc.py refuses such a network
# description on every call (network.sh up stops on its first), and the identity functions refuse
# such a name before any request reaches a CA.
#
# Enrollments, against a fake CA client that keeps registrations and counts enrollments as Fabric CA
# does (and refuses one beyond the maximum): each identity is registered for the enrollments it needs
# (a node 2, a user 1, a TLS-only identity 1) and its secret is deleted once they are done; issued
# again with the secret gone it asks the CA nothing; a run stopped between a node's two enrollments,
# or after the CA answered a TLS enrollment but before its files were put in place, completes without
# a third enrollment.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/tests/lib.sh"
require_python

# with_user NAME: a copy of network.json whose Justice has one more user, NAME (a verifier); prints
# the copy's path.
with_user() {
  local file
  file="$work/net-$(printf '%s' "$1" | sha256sum | cut -c1-12).json"
  python3 -c 'import json,sys
net = json.load(open(sys.argv[1], encoding="utf-8"))
next(o for o in net["organizations"] if o["key"] == "justice")["users"].append({"name": sys.argv[2], "role": "verifier"})
json.dump(net, open(sys.argv[3], "w", encoding="utf-8"))' "$NETWORK_FILE" "$1" "$file"
  echo "$file"
}

# netdesc_refuses NAME WORDS: netdesc exits non-zero on a description with user NAME, saying WORDS.
netdesc_refuses() {
  local out rc=0
  out=$(python3 "$REPO_DIR/scripts/lib/netdesc.py" "$(with_user "$1")" raft users 2>&1) || rc=$?
  echo "$out"
  echo "(exit $rc)"
  [ "$rc" -ne 0 ] && grep -qF "$2" <<<"$out"
}
# netdesc_accepts NAME: netdesc lists user NAME of a description that has it.
netdesc_accepts() {
  local out
  out=$(python3 "$REPO_DIR/scripts/lib/netdesc.py" "$(with_user "$1")" raft users)
  echo "$out"
  grep -qxF "justice $1 verifier -" <<<"$out"
}

check "netdesc accepts the project's network.json" python3 "$REPO_DIR/scripts/lib/netdesc.py" "$NETWORK_FILE" raft users
for name in 'clerk_2-b' 'first.last@justice'; do
  check "netdesc accepts user name '$name'" netdesc_accepts "$name"
done
long=$(printf 'a%.0s' {1..65})
check "netdesc accepts a 64-character user name" netdesc_accepts "${long:1}"
for name in 'two words' '../escape' '.hidden' '-dash' '@at' 'a/b' 'user:pw' 'x$(id)' 'naïve' '' "$long"; do
  check "netdesc refuses user name '$name'" netdesc_refuses "$name" "is not allowed: 1 to 64 characters of [A-Za-z0-9._@-]"
done
for name in mspadmin admin registrar admin1 peer0.justice ccaas.peer0.justice orderer0.justice; do
  check "netdesc refuses user name '$name' (reserved, a node's, or Justice's already)" netdesc_refuses "$name" "is taken"
done

# The identity functions, with a CA client that only records that it was called (a state of its own:
# nothing here may reach a real CA or state).
export REGISTRY_STATE_DIR="$work/state"
# identity_function_refuses FUNCTION NAME: FUNCTION (register, enroll or issue_identity) given the
# enrollment id NAME stops with the message, and never called the CA client.
identity_function_refuses() {
  local fn=$1 name=$2 rc=0
  : >"$work/ca-calls"
  (
    source "$REPO_DIR/scripts/lib/common.sh"
    source "$REPO_DIR/scripts/lib/identities.sh"
    source "$REPO_DIR/scripts/lib/nodes.sh"
    ca_client() { echo "ca_client $*" >>"$work/ca-calls"; return 1; }
    fail_node() { printf 'ERROR: %s\n' "$2" >&2; exit 1; }
    # shellcheck disable=SC2034 # read by enroll
    msp=JusticeMSP
    dir="$work/ids/x"
    case "$fn" in
      register) register justice "$name" client "role=verifier:ecert" "$dir" ;;
      enroll) mkdir -p "$dir" && echo s3cret >"$dir/secret" && enroll justice "$name" "$dir" 127.0.0.1 1 "" "$name" ;;
      issue_identity) issue_identity justice "$name" client "role=verifier:ecert" "$dir" 127.0.0.1 1 "$name" - ;;
    esac
  ) >"$work/fn.out" 2>&1 || rc=$?
  cat "$work/fn.out" "$work/ca-calls"
  echo "(exit $rc)"
  [ "$rc" -ne 0 ] && grep -qF "enrollment id '$name' is not allowed" "$work/fn.out" && [ ! -s "$work/ca-calls" ]
}
for fn in register enroll issue_identity; do
  check "$fn refuses enrollment id 'bad name' before calling the CA" identity_function_refuses "$fn" 'bad name'
  check "$fn refuses enrollment id 'x:y@evil' before calling the CA" identity_function_refuses "$fn" 'x:y@evil'
done

# --- enrollments against a fake CA ---------------------------------------------------------------
fake="$work/fake-ca"
mkdir -p "$fake" "$REGISTRY_STATE_DIR/orgs/justice/ca" "$REGISTRY_STATE_DIR/logs"
printf 'FAKE ROOT\n' >"$REGISTRY_STATE_DIR/orgs/justice/ca/ca-cert.pem"
# fake_ca_client KEY ARGS...: (one CA, whatever KEY) answers like fabric-ca-client for identity list, register and enroll:
# the registrations in $fake/NAME ("secret max count"), every call logged to $fake/calls; an
# enrollment beyond the maximum is refused; FAKE_CRASH=tls makes a TLS enrollment fail before the CA
# counts it.
fake_ca_client() {
  local cmd=$2 name secret max=0 count dir="" tls=false
  shift 2
  echo "$cmd $*" >>"$fake/calls"
  case "$cmd" in
    identity)
      [ -f "$fake/$3" ] ;;
    register)
      while [ $# -gt 0 ]; do
        case "$1" in --id.name) name=$2 ;; --id.maxenrollments) max=$2 ;; esac
        shift
      done
      [ ! -f "$fake/$name" ] || return 1
      echo "$FABRIC_CA_CLIENT_ID_SECRET $max 0" >"$fake/$name" ;;
    enroll)
      while [ $# -gt 0 ]; do
        case "$1" in -M) dir=$2 ;; --enrollment.profile) tls=true ;; esac
        shift
      done
      name=${FABRIC_CA_CLIENT_URL#https://}
      secret=${name#*:}
      secret=${secret%@*}
      name=${name%%:*}
      if $tls && [ "${FAKE_CRASH:-}" = tls ]; then return 1; fi
      read -r want max count <"$fake/$name"
      [ "$secret" = "$want" ] && [ "$count" -lt "$max" ] || { echo "refused $name" >>"$fake/calls"; return 1; }
      echo "$want $max $((count + 1))" >"$fake/$name"
      mkdir -p "$dir/signcerts" "$dir/keystore"
      echo "CERT $name $((count + 1))" >"$dir/signcerts/cert.pem"
      echo "KEY $name" >"$dir/keystore/k_sk" ;;
    *) return 1 ;;
  esac
}
# with_fake_ca FUNCTION ARGS...: an identity function of identities.sh, in a subshell, against the fake CA.
with_fake_ca() {
  (
    source "$REPO_DIR/scripts/lib/common.sh"
    source "$REPO_DIR/scripts/lib/identities.sh"
    source "$REPO_DIR/scripts/lib/nodes.sh"
    ca_client() { fake_ca_client "$@"; }
    fail_node() { printf 'ERROR: %s\n' "$2" >&2; exit 1; }
    # shellcheck disable=SC2034 # read by enroll
    msp=JusticeMSP
    "$@"
  )
}
ids="$work/state/ids"
registered() { cat "$fake/$1"; [ "$(cut -d' ' -f2,3 "$fake/$1")" = "$2" ]; }
calls_since() { tail -n +"$(($1 + 1))" "$fake/calls"; }
ncalls() { wc -l <"$fake/calls" 2>/dev/null || echo 0; }

check "a node (signing and TLS) is issued" \
  with_fake_ca issue_identity justice peer9.justice peer "" "$ids/peer9" 127.0.0.1 1 peer9 peer9,127.0.0.1
check "  registered for 2 enrollments, both used" registered peer9.justice "2 2"
check "  its signing and TLS certificates are there" \
  test -f "$ids/peer9/msp/signcerts/cert.pem" -a -f "$ids/peer9/msp/config.yaml" -a -f "$ids/peer9/tls/server.crt" -a -f "$ids/peer9/tls/server.key"
check "  its TLS key is mode 600" test "$(stat -c %a "$ids/peer9/tls/server.key")" = 600
check "  its secret is gone" test ! -e "$ids/peer9/secret"
check "a user (signing only) is issued" \
  with_fake_ca issue_identity justice user9 client "role=clerk:ecert" "$ids/user9" 127.0.0.1 1 user9 -
check "  registered for 1 enrollment, used" registered user9 "1 1"
check "  its secret is gone" test ! -e "$ids/user9/secret"
check "a TLS-only identity is issued" \
  with_fake_ca issue_identity justice ccaas.peer9.justice client "" "$ids/ccaas9" 127.0.0.1 1 - peer9
check "  registered for 1 enrollment, used" registered ccaas.peer9.justice "1 1"

n=$(ncalls)
before=$(find "$ids" -type f -print0 | sort -z | xargs -0 sha256sum)
for args in "peer9.justice peer '' $ids/peer9 127.0.0.1 1 peer9 peer9" "user9 client '' $ids/user9 127.0.0.1 1 user9 -" \
  "ccaas.peer9.justice client '' $ids/ccaas9 127.0.0.1 1 - peer9"; do
  eval "set -- $args"
  check "issuing $1 again, its secret gone, succeeds" with_fake_ca issue_identity justice "$@"
done
check "  and asks the CA nothing" bash -c "[ $n -eq \$(wc -l <'$fake/calls') ]"
check "  and changes no file" diff <(echo "$before") <(find "$ids" -type f -print0 | sort -z | xargs -0 sha256sum)

# tls_crash: peer8 is issued with its TLS enrollment failing before the CA counts it (a run stopped
# between the node's two enrollments); the issue stops.
tls_crash() { ! FAKE_CRASH=tls with_fake_ca issue_identity justice peer8.justice peer "" "$ids/peer8" 127.0.0.1 1 peer8 peer8; }
check "a node whose TLS enrollment fails (a run stopped between its two enrollments) stops" tls_crash
check "  after its signing enrollment" registered peer8.justice "2 1"
check "  its secret is kept for the next run" test -f "$ids/peer8/secret"
check "the next run completes it" \
  with_fake_ca issue_identity justice peer8.justice peer "" "$ids/peer8" 127.0.0.1 1 peer8 peer8
check "  with 2 enrollments in all" registered peer8.justice "2 2"
check "  and deletes the secret" test ! -e "$ids/peer8/secret"

# A run stopped after the CA answered a TLS enrollment, before the files were put in place: the
# answer in tls-enroll/ is used; the CA, its enrollments spent, is not asked again.
check "a node is issued" with_fake_ca issue_identity justice peer7.justice peer "" "$ids/peer7" 127.0.0.1 1 peer7 peer7
rm -rf "$ids/peer7/tls"
mkdir -p "$ids/peer7/tls-enroll/signcerts" "$ids/peer7/tls-enroll/keystore"
echo "CERT peer7.justice tls" >"$ids/peer7/tls-enroll/signcerts/cert.pem"
echo "KEY peer7.justice" >"$ids/peer7/tls-enroll/keystore/k_sk"
n=$(ncalls)
check "issuing it again installs the TLS answer it has" \
  with_fake_ca issue_identity justice peer7.justice peer "" "$ids/peer7" 127.0.0.1 1 peer7 peer7
no_enrollment_since() { local calls; calls=$(calls_since "$1"); echo "$calls"; ! grep -q '^enroll' <<<"$calls"; }
check "  without asking the CA for an enrollment" no_enrollment_since "$n"
check "  its TLS certificate is that answer" grep -q "CERT peer7.justice tls" "$ids/peer7/tls/server.crt"

# The last resort: an identity the CA knows, with neither certificate nor secret, stops with a
# message saying what happened rather than enrolling.
rm -rf "$ids/user9/msp"
spent() {
  local rc=0
  with_fake_ca issue_identity justice user9 client "" "$ids/user9" 127.0.0.1 1 user9 - >"$work/spent.out" 2>&1 || rc=$?
  cat "$work/spent.out"
  [ "$rc" -ne 0 ] && grep -q "its enrollments are spent" "$work/spent.out"
}
check "an identity with neither certificate nor secret stops with a clear message" spent

summary "identities (offline)"
