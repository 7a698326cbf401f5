#!/usr/bin/env bash
# Tests of the chaincode packaging and of our external builder (detect, build, release), run the way
# the peer runs them: on the extracted package, with the peer's propagated environment.
set -euo pipefail
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILDER="$REPO_DIR/network/builders/ccaas/bin"
source "$REPO_DIR/scripts/tests/lib.sh"

# unpack PACKAGE DIR: what the peer does on install: metadata.json beside, code.tar.gz extracted.
unpack() {
  mkdir -p "$2/metadata" "$2/source"
  tar -xzf "$1" -C "$2/metadata" metadata.json
  tar -xzf "$1" -O code.tar.gz | tar -xz -C "$2/source"
}

printf 'jar one' >"$work/one.jar"
printf 'jar two' >"$work/two.jar"
read -r pkg id < <("$REPO_DIR/scripts/package-chaincode.sh" records "$work/one.jar" "$work/out")
read -r _ id_again < <("$REPO_DIR/scripts/package-chaincode.sh" records "$work/one.jar" "$work/out-again")
read -r _ id_other < <("$REPO_DIR/scripts/package-chaincode.sh" records "$work/two.jar" "$work/out-other")
jar_sha=$(sha256sum "$work/one.jar" | cut -d' ' -f1)

check "label carries the jar's SHA-256" test "${id%%:*}" = "records_$jar_sha"
check "package id is label:SHA-256 of the package file" test "$id" = "records_$jar_sha:$(sha256sum "$pkg" | cut -d' ' -f1)"
check "same jar gives the same package id" test "$id" = "$id_again"
check "another jar gives another package id" test "$id" != "$id_other"
check "unknown service is refused" bash -c "! '$REPO_DIR/scripts/package-chaincode.sh' ledger '$work/one.jar' '$work/x'"

unpack "$pkg" "$work/peer"
check "detect claims a ccaas package" "$BUILDER/detect" "$work/peer/source" "$work/peer/metadata"
mkdir -p "$work/golang/metadata"
echo '{"type":"golang","label":"x_1"}' >"$work/golang/metadata/metadata.json"
check "detect leaves other package types alone" bash -c "! '$BUILDER/detect' '$work/golang' '$work/golang/metadata'"

printf 'ROOT PEM\n' >"$work/root.pem"
printf 'CLIENT CERT PEM\n' >"$work/client.pem"
printf 'CLIENT KEY PEM\n' >"$work/client.key"
cat >"$work/peer.json" <<JSON
{"servers": {"records": "127.0.0.1:7101", "governance": "127.0.0.1:7100"},
 "rootCert": "$work/root.pem", "clientCert": "$work/client.pem", "clientKey": "$work/client.key"}
JSON
check "build succeeds with this peer's configuration" \
  env REGISTRY_CCAAS_CONFIG="$work/peer.json" "$BUILDER/build" "$work/peer/source" "$work/peer/metadata" "$work/build"
field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]], end="")' "$1" "$2"; }
check "build points the peer at the records server" test "$(field "$work/build/connection.json" address)" = "127.0.0.1:7101"
check "build embeds the TLS root" test "$(field "$work/build/connection.json" root_cert)" = "ROOT PEM"
check "build asks TLS of the chaincode server" test "$(field "$work/build/connection.json" tls_required)" = True
check "build adds no client key when the server does not ask for one" \
  python3 -c 'import json,sys; sys.exit("client_key" in json.load(open(sys.argv[1])))' "$work/build/connection.json"
check "build output is readable by the peer only" test "$(stat -c %a "$work/build/connection.json")" = 600
echo '{"servers": {"governance": "127.0.0.1:7100"}}' >"$work/no-records.json"
check "build fails when the peer has no server for the service" bash -c \
  "! REGISTRY_CCAAS_CONFIG='$work/no-records.json' '$BUILDER/build' '$work/peer/source' '$work/peer/metadata' '$work/b2'"
check "build fails without the peer's configuration" bash -c \
  "! env -u REGISTRY_CCAAS_CONFIG '$BUILDER/build' '$work/peer/source' '$work/peer/metadata' '$work/b3'"
check "release hands over connection.json" "$BUILDER/release" "$work/build" "$work/release"
check "released connection is the built one" cmp "$work/build/connection.json" "$work/release/chaincode/server/connection.json"

# A chmod that does nothing, first on PATH: what a step writes under umask 000 then shows the mode it
# was created with, before any chmod could narrow it (a world-readable client key for a moment).
mkdir -p "$work/no-chmod"
printf '#!/bin/sh
exit 0
' >"$work/no-chmod/chmod"
/bin/chmod 755 "$work/no-chmod/chmod"
# permissive STEP ARGS...: runs a builder step under umask 000 with that chmod.
permissive() { (umask 000 && PATH="$work/no-chmod:$PATH" REGISTRY_CCAAS_CONFIG="$work/peer.json" "$BUILDER/$1" "${@:2}"); }
check "build under umask 000 succeeds" permissive build "$work/peer/source" "$work/peer/metadata" "$work/build-000"
check "build creates connection.json with mode 600 (not world-readable before a chmod)" \
  test "$(stat -c %a "$work/build-000/connection.json")" = 600
check "release under umask 000 succeeds" permissive release "$work/build-000" "$work/release-000"
check "release creates connection.json with mode 600" \
  test "$(stat -c %a "$work/release-000/chaincode/server/connection.json")" = 600

# plaintext_refused TLS_JSON: a package whose connection.json has "tls_required": TLS_JSON ('absent':
# no such field) is refused by build with a message saying so, and nothing is written.
plaintext_refused() {
  local dir="$work/plain-$1" rc=0
  mkdir -p "$dir/source"
  python3 -c 'import json,sys
c = json.load(open(sys.argv[1]))
c.pop("tls_required") if sys.argv[2] == "absent" else c.update(tls_required=json.loads(sys.argv[2]))
json.dump(c, open(sys.argv[3], "w"))' "$work/peer/source/connection.json" "$1" "$dir/source/connection.json"
  cat "$dir/source/connection.json"
  REGISTRY_CCAAS_CONFIG="$work/peer.json" "$BUILDER/build" "$dir/source" "$work/peer/metadata" "$dir/out" >"$dir/err" 2>&1 || rc=$?
  cat "$dir/err"
  echo "(exit $rc)"
  [ "$rc" -ne 0 ] && grep -q 'refusing a plaintext connection' "$dir/err" && [ ! -e "$dir/out/connection.json" ]
}
check "build refuses a package with tls_required false (plaintext), writing nothing" plaintext_refused false
check "build refuses a package without tls_required" plaintext_refused absent

summary "builder"
