#!/usr/bin/env bash
# The enrollment ids the scripts accept, checked without a network (identities_test.sh checks the
# enrollments themselves on the real CAs).
#
# A user name of network/network.json becomes an enrollment id with the organisation's CA, a folder
# under .state/orgs, a wallet entry and part of the enrollment URL. netdesc.py accepts only 1 to 64
# characters of [A-Za-z0-9._@-], the first a letter or digit (the client library's
# Registration.ENROLLMENT_ID), and no name the scripts give an identity of their own; it checks the
# description on every call, so network.sh up stops at once, before any request reaches a CA.
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

summary "enrollment ids"
