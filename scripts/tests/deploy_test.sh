#!/usr/bin/env bash
# On a running, deployed network: a changed contract jar is deployed as a new sequence of every
# definition (version = the new jar's SHA-256), the chaincode servers are restarted on the new
# packages and serve transactions, and a second deployment of the same jar does nothing and says so.
# The "changed" jar is the current one with a zip comment added: other bytes, same classes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/lib/processes.sh"
source "$REPO_DIR/scripts/lib/nodes.sh"
source "$REPO_DIR/scripts/lib/ccaas.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

CHANNEL=$(netdesc channel)

source "$STATE_DIR/chaincode/deployed.env"
committed_field() { # committed_field NAME FIELD
  as_admin justice peer0 "$FABRIC_BIN/peer" lifecycle chaincode querycommitted -C "$CHANNEL" -n "$1" -O json \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2"
}
before=$(committed_field records-justice sequence)
governance_before=$(committed_field governance sequence)

cp "$DEPLOYED_JAR" "$work/changed.jar"
python3 - "$work/changed.jar" "$(date +%s%N)" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "a") as jar:
    jar.comment = f"deploy test {sys.argv[2]}: same classes, other bytes".encode()
PY
new_sha=$(sha256sum "$work/changed.jar" | cut -d' ' -f1)

"$REPO_DIR/scripts/deploy-chaincode.sh" "$work/changed.jar" >"$work/deploy1.out" 2>&1 || { cat "$work/deploy1.out"; exit 1; }
check "a changed jar is committed as the next sequence of records-justice" \
  test "$(committed_field records-justice sequence)" -eq $((before + 1))
check "and of governance" test "$(committed_field governance sequence)" -eq $((governance_before + 1))
check "the definitions' version is the new jar's SHA-256" test "$(committed_field records-services version)" = "$new_sha"
servers_on_new_package() {
  local key msp name rest node
  while read -r key msp name rest; do
    for service in governance records; do
      node=$(chaincode_server_node "$service" "$key" "$name")
      running "$node" || { echo "$node is not running"; return 1; }
      grep -q "^${service}_$new_sha:" "$PID_DIR/$node.package" || { echo "$node runs $(cat "$PID_DIR/$node.package")"; return 1; }
    done
  done < <(netdesc peers)
}
check "every chaincode server was restarted on the new packages" servers_on_new_package
check "the new servers answer through every peer" "$REPO_DIR/scripts/tests/chaincode_server_test.sh"

"$REPO_DIR/scripts/deploy-chaincode.sh" "$work/changed.jar" >"$work/deploy2.out" 2>&1 || { cat "$work/deploy2.out"; exit 1; }
check "deploying the same jar again does nothing and says so" grep -q '^==> Nothing to do' "$work/deploy2.out"
check "and commits no new sequence" test "$(committed_field records-justice sequence)" -eq $((before + 1))

summary "deploy"
