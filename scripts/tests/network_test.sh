#!/usr/bin/env bash
# Integration tests of the consortium's trust model on the running network (scripts/network.sh up and
# scripts/deploy-chaincode.sh first), with Fabric's own `peer` CLI as each organisation's identities:
#   - a records-justice transaction endorsed by Justice and a co-endorser (the registry CLI names
#     them) commits, and every peer then has the same height and current block hash;
#   - Services running modified code for records-justice (the reference put-state contract, its own
#     local choice of package) and endorsing a write there alone: invalidated at commit with
#     ENDORSEMENT_POLICY_FAILURE, nothing written;
#   - an outsider's verifier (PublicMSP, in the channel's Readers but not its Writers) verifies through
#     an agency's peer, and its submission is refused by the orderers;
#   - a ReadDetails submitted on purpose reaches a block (invalidated: only Justice's peer answers
#     it, the policy wants two organisations), and no block holds the detail in plaintext;
#   - a governance change endorsed by one agency's peer fails at commit; endorsed by two it commits;
#   - a new definition of records-justice approved by Services and Audit but not Justice cannot be
#     committed, even with Justice's peer asked to endorse the commit.
# Leaves the network as deploy-chaincode.sh made it (it runs that script again at the end).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/lib/processes.sh"
source "$REPO_DIR/scripts/lib/nodes.sh"
source "$REPO_DIR/scripts/lib/ccaas.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

CHANNEL=$(netdesc channel)

invoke() { peer_invoke "$@"; }
query() { peer_query "$@"; }

# Predicates on the peer CLI's output of invoke(); each prints it, for a failing check to show.
committed() { echo "$1" && grep -q 'committed with status (VALID)' <<<"$1" && ! grep -q 'Error' <<<"$1"; }
# A transaction that reached commit-time validation had its endorsements.
endorsed() { echo "$1" && ! grep -q 'endorsement failure' <<<"$1" && grep -q 'transaction invalidated\|committed with status' <<<"$1"; }
invalidated_by_policy() { echo "$1" && grep -q 'transaction invalidated with status (ENDORSEMENT_POLICY_FAILURE)' <<<"$1"; }


echo "== a records-justice transaction endorsed by Justice and a co-endorser commits; all peers agree"
registry_justice() { "$REPO_DIR/gateway-client/registry-cli/bin/registry" --profile "$ORGS_DIR/justice/profile.json" "$@"; }
printf 'network test document %s\n' "$(date +%s%N)" >"$work/doc.txt"
record="net-test-$(date +%s%N)"
before=$(height_of justice)
check "Justice's issuer anchors a certificate in records-justice" \
  registry_justice --identity issuer1 issue --id "$record" --type BIRTH_CERTIFICATE --file "$work/doc.txt" \
  --subject-ref "$(printf '%s' "$record" | sha256sum | cut -d' ' -f1)" --valid-from 2026-01-01T00:00:00Z
# record_seen KEY USER: the record, read through KEY's peer by the registry contract, is there.
record_seen() { query "$1" "$2" records-justice records:GetRecord "$record" | grep -q "\"id\":\"$record\""; }
check "the record is on the ledger of Audit's peer" record_seen audit auditor1
check "the ledger grew" test "$(height_of justice)" -gt "$before"
check "every peer has the same height and current block hash" peers_agree

echo "== Services runs modified code for records-justice and endorses a write there alone"
ref_jar="$REPO_DIR/chaincode/reference/target/reference-chaincode.jar"
[ -f "$ref_jar" ] || die $EXIT_FAILURE "no $ref_jar: build it first (mvn install)"
read -r ref_package ref_id < <("$REPO_DIR/scripts/package-chaincode.sh" reference "$ref_jar" "$work/packages")
as_admin services peer0 "$FABRIC_BIN/peer" lifecycle chaincode install "$ref_package" >"$work/install.out" 2>&1 \
  || grep -q 'already successfully installed' "$work/install.out" || { cat "$work/install.out"; exit 1; }
start_chaincode_server services ServicesMSP peer0 reference "$ref_id" "$ref_jar"
address=$(chaincode_server_address services peer0 reference)
wait_tls "${address%:*}" "${address##*:}" "$ORGS_DIR/services/peers/peer0/ccaas/tls/ca.crt" 60
source "$STATE_DIR/chaincode/deployed.env"
definition=$(as_admin justice peer0 "$FABRIC_BIN/peer" lifecycle chaincode querycommitted -C "$CHANNEL" -n records-justice -O json)
sequence=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["sequence"])' "$definition")
version=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["version"])' "$definition")
policy=$(cat "$STATE_DIR/chaincode/definitions/records-justice.policy")
# Services' local choice: the same definition, another package (no other organisation sees it).
check "Services approves its own package for the committed records-justice definition" \
  as_admin services peer0 bash -c '"$0" lifecycle chaincode approveformyorg -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" "$@"' \
  "$FABRIC_BIN/peer" -C "$CHANNEL" -n records-justice --version "$version" --package-id "$ref_id" \
  --sequence "$sequence" --signature-policy "$policy"
forged_key="forged-$(date +%s%N)"
out=$(invoke services issuer1 services records-justice Put "$forged_key" '{"status":"REVOKED"}' || true)
check "Services' peer endorses the forged write (its modified code accepts anything)" endorsed "$out"
check "the forged write is invalidated at commit with ENDORSEMENT_POLICY_FAILURE" invalidated_by_policy "$out"
check "nothing was written: the key is absent from records-justice on Services' peer" \
  test -z "$(query services issuer1 records-justice Get "$forged_key")"
stop_node "$(chaincode_server_node reference services peer0)"

echo "== outsiders (PublicMSP: citizens', banks' verifiers) read through the agencies' peers, never write"
registry_public() { "$REPO_DIR/gateway-client/registry-cli/bin/registry" --profile "$ORGS_DIR/public/profile.json" "$@"; }
check "PublicMSP's verifier verifies the anchored document VALID, naming no issuer" \
  registry_public --identity verifier1 verify "$work/doc.txt"
# outsider_submit: PublicMSP's verifier submits a (read-only) transaction through Justice's peer.
outsider_submit() {
  (
    eval "$(peer_cli_env justice)"
    export CORE_PEER_LOCALMSPID=PublicMSP
    export CORE_PEER_MSPCONFIGPATH="$ORGS_DIR/public/users/verifier1/msp"
    "$FABRIC_BIN/peer" chaincode invoke -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" -C "$CHANNEL" \
      -n records-justice -c "$(args_json records:GetRecord "$record")" \
      --peerAddresses "$(peer_address justice)" --tlsRootCertFiles "$(peer_root justice)" --waitForEvent 2>&1
  )
}
before=$(height_of justice)
out=$(outsider_submit || true)
refused_by_orderers() { echo "$out" | grep -v '^.*payload:' && grep -q 'got unexpected status: FORBIDDEN' <<<"$out"; }
check "its submission is refused by the orderers (FORBIDDEN: not a channel Writer)" refused_by_orderers
check "and nothing reached the ledger" test "$(height_of justice)" -eq "$before"

echo "== a ReadDetails submitted on purpose leaves no plaintext detail in any block"
marker="$(personal_detail network.fullName)-$(date +%s%N)"
printf '{"fullName":"%s","birthPlace":"%s"}' "$marker" "$(personal_detail network.birthPlace)" >"$work/details.json"
printf 'document with details %s\n' "$marker" >"$work/doc-details.txt"
private_record="net-test-details-$(date +%s%N)"
check "Justice's issuer anchors a certificate with private details" \
  registry_justice --identity issuer1 issue --id "$private_record" --type BIRTH_CERTIFICATE \
  --file "$work/doc-details.txt" --details-file "$work/details.json" \
  --subject-ref "$(printf '%s' "$private_record" | sha256sum | cut -d' ' -f1)" --valid-from 2026-01-01T00:00:00Z
# submit_read_details: Justice's clerk submits ReadDetails (not evaluates) with a one-time key.
submit_read_details() {
  local transient
  transient=$(python3 -c 'import base64,json,os; print(json.dumps({"responseKey": base64.b64encode(os.urandom(32)).decode(), "responseNonce": base64.b64encode(os.urandom(12)).decode()}))')
  (
    eval "$(peer_cli_env justice)"
    export CORE_PEER_MSPCONFIGPATH="$ORGS_DIR/justice/users/clerk1/msp"
    export FABRIC_LOGGING_SPEC=INFO
    "$FABRIC_BIN/peer" chaincode invoke -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" -C "$CHANNEL" \
      -n records-justice -c "$(args_json records:ReadDetails "$private_record")" --transient "$transient" \
      --peerAddresses "$(peer_address justice)" --tlsRootCertFiles "$(peer_root justice)" --waitForEvent 2>&1
  )
}
out=$(submit_read_details || true)
# Only Justice's own peer answers ReadDetails, and records-justice's policy wants a second
# organisation too, so the transaction is invalidated at commit; it is in a block all the same,
# with its endorsed answer.
check "the submitted ReadDetails reaches a block (invalidated: ENDORSEMENT_POLICY_FAILURE)" \
  invalidated_by_policy "$out"
read_tx=$(sed -n 's/.*txid \[\([0-9a-f]*\)\] committed with status (.*/\1/p' <<<"$out" | head -n1)
# blocks_without_plaintext: every block on Audit's peer, raw, holds the transaction but never the detail.
blocks_without_plaintext() {
  local height n found_tx=false
  height=$(height_of audit)
  mkdir -p "$work/blocks"
  for ((n = 0; n < height; n++)); do
    as_admin audit peer0 "$FABRIC_BIN/peer" channel fetch "$n" "$work/blocks/$n.block" -c "$CHANNEL" \
      -o "$(first_orderer | cut -d' ' -f1)" --tls --cafile "$(first_orderer | cut -d' ' -f2)" >/dev/null 2>&1 \
      || { echo "could not fetch block $n"; return 1; }
    if grep -qa "$marker" "$work/blocks/$n.block"; then
      echo "block $n holds the detail in plaintext"
      return 1
    fi
    grep -qa "$read_tx" "$work/blocks/$n.block" && found_tx=true
  done
  echo "$height blocks scanned; ReadDetails transaction $read_tx found: $found_tx"
  [ -n "$read_tx" ] && $found_tx
}
check "no block holds the detail in plaintext (the submitted answer is ciphertext)" blocks_without_plaintext

echo "== governance changes need a majority of the agencies' peers"
probe="Probe$(date +%s)MSP"
request=$(python3 -c 'import json,sys; print(json.dumps({"msp": sys.argv[1], "displayName": "Network test probe", "namespace": "records-" + sys.argv[1].lower(), "documentTypes": ["PROBE"], "activeFrom": "2026-01-01T00:00:00Z"}, separators=(",", ":")))' "$probe")
out=$(invoke justice admin1 justice governance governance:RegisterAgency "$request" || true)
check "Justice's admin approval endorsed by Justice's peer alone fails at commit (ENDORSEMENT_POLICY_FAILURE)" invalidated_by_policy "$out"
no_approval_by_justice() { ! query justice admin1 governance governance:GetChangeApprovals "$probe" 2>&1 | grep -q JusticeMSP; }
check "so no approval was recorded" no_approval_by_justice
out=$(invoke justice admin1 "justice services" governance governance:RegisterAgency "$request" || true)
check "the same approval endorsed by Justice's and Services' peers commits" committed "$out"

echo "== a records-justice definition Justice did not approve cannot be committed"
next=$((sequence + 1))
for key in services audit; do
  check "$key approves a new records-justice definition (sequence $next) naming its own peers" \
    as_admin "$key" peer0 bash -c '"$0" lifecycle chaincode approveformyorg -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" "$@"' \
    "$FABRIC_BIN/peer" -C "$CHANNEL" -n records-justice --version "takeover-$(date +%s)" --package-id "$RECORDS_PACKAGE_ID" \
    --sequence "$next" --signature-policy "OR('ServicesMSP.peer', 'AuditMSP.peer')"
done
commit_peers=()
for key in justice services audit; do
  commit_peers+=(--peerAddresses "$(peer_address "$key")" --tlsRootCertFiles "$(peer_root "$key")")
done
out=$(as_admin services peer0 bash -c '"$0" lifecycle chaincode commit -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" "$@"' \
  "$FABRIC_BIN/peer" -C "$CHANNEL" -n records-justice --version "takeover" --sequence "$next" \
  --signature-policy "OR('ServicesMSP.peer', 'AuditMSP.peer')" "${commit_peers[@]}" 2>&1 || true)
commit_refused() { ! grep -q 'committed with status (VALID)' <<<"$out" && grep -q 'Error' <<<"$out"; }
check "the commit is refused" commit_refused
definition_unchanged() {
  local now
  now=$(as_admin justice peer0 "$FABRIC_BIN/peer" lifecycle chaincode querycommitted -C "$CHANNEL" -n records-justice -O json)
  python3 -c 'import json,sys; d=json.loads(sys.argv[1]); sys.exit(not (d["sequence"] == int(sys.argv[2]) and d["version"] == sys.argv[3]))' \
    "$now" "$sequence" "$version"
}
check "records-justice keeps its sequence and version" definition_unchanged

echo "== restoring the deployment (Services back on the consortium's package)"
"$REPO_DIR/scripts/deploy-chaincode.sh" >"$work/deploy.out" 2>&1 || { cat "$work/deploy.out"; exit 1; }
check "after the restore, Services' peer serves records-justice with the registry contract again" \
  record_seen services issuer1

summary "network"
