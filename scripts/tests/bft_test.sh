#!/usr/bin/env bash
# On a running, deployed network of the bft profile (4 BFT consenters, DigitalMSP ordering only):
# the ordering service has four consenters, a record anchored through the registry CLI commits and
# verifies VALID, every peer then has the same height and current block hash, and the auditor's
# `registry audit verify-chain` of the whole chain (BFT signatures: a quorum of the consenters) is
# clean with every peer's copy agreeing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/lib/processes.sh"
source "$REPO_DIR/scripts/lib/nodes.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

[ "$PROFILE" = bft ] || die $EXIT_FAILURE "the network in $STATE_DIR is profile '$PROFILE', not bft"

consenters_in_genesis() {
  "$FABRIC_BIN/configtxlator" proto_decode --type common.Block --input "$CHANNEL_DIR/genesis.block" >"$work/genesis.json"
  python3 - "$work/genesis.json" <<'PY'
import json, sys
block = json.load(open(sys.argv[1]))
orderer = block["data"]["data"][0]["payload"]["data"]["config"]["channel_group"]["groups"]["Orderer"]
kind = orderer["values"]["ConsensusType"]["value"]["type"]
consenters = orderer["values"]["Orderers"]["value"]["consenter_mapping"]
print(kind, len(consenters), sorted(c["msp_id"] for c in consenters))
sys.exit(not (kind == "BFT" and len(consenters) == 4))
PY
}
check "the channel is ordered by 4 BFT consenters" consenters_in_genesis

printf 'bft test document %s\n' "$(date +%s%N)" >"$work/doc.txt"
record="bft-test-$(date +%s%N)"
check "an issuer anchors a certificate" registry justice --identity issuer1 issue --id "$record" --type BIRTH_CERTIFICATE \
  --file "$work/doc.txt" --subject-ref "$(printf '%s' "$record" | sha256sum | cut -d' ' -f1)" \
  --valid-from 2026-01-01T00:00:00Z
check "a verifier of another agency verifies it VALID" registry services --identity verifier1 verify "$work/doc.txt"
check "every peer has the same height and current block hash" peers_agree
chain_clean() {
  registry audit --identity auditor1 audit verify-chain --json >"$work/chain.json" || return 1
  python3 - "$work/chain.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(r["blocksChecked"], "blocks,", len(r["findings"]), "findings,", [(p["mspId"], p["status"]) for p in r["peers"]])
sys.exit(not (r["blocksChecked"] > 0 and not r["findings"] and r["peers"] and all(p["status"] == "AGREES" for p in r["peers"])))
PY
}
check "the auditor's verify-chain is clean and every peer's copy agrees" chain_clean

summary "bft"
