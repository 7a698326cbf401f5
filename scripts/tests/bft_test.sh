#!/usr/bin/env bash
# On a running, deployed network of the bft profile (4 BFT consenters, DigitalMSP ordering only):
# the ordering service has four consenters, a record anchored through the registry CLI commits and
# verifies VALID, every peer then has the same height and current block hash, and the auditor's
# `registry audit verify-chain` of the whole chain (BFT signatures: a quorum of the consenters) is
# clean with every peer's copy agreeing; the audit office's portable proof of the record (version 2:
# with the configuration block in force) verifies offline against the consortium's roots, the
# ordering-only DigitalMSP's among them, and one flipped bit is refused.
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

# --- a portable proof of a BFT-ordered record (version 2, with the configuration block in force) ---
check "the audit office exports the record's proof" registry audit --identity auditor1 proof export "$record" \
  --namespace records-justice -o "$work/record.proof.json"
bft_proof_shape() {
  python3 - "$work/record.proof.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
print("version", p["version"], "block", p["blockNumber"], "configBlock" in p)
sys.exit(not (p["version"] == 2 and "configBlock" in p))
PY
}
check "  it is a version 2 proof carrying the configuration block" bft_proof_shape
# The consortium's roots, one <MSPID>.pem per organisation of the network (DigitalMSP included).
consortium_roots "$work/roots"
check "the proof verifies offline: a BFT quorum of consenters (exit 0)" \
  proof_verify 0 "$work/record.proof.json" --document "$work/doc.txt" --roots "$work/roots"
flip_middle_bit "$work/record.proof.json" "$work/changed.proof.json"
check "  one bit changed in its middle: refused (exit 14)" \
  proof_verify 14 "$work/changed.proof.json" --document "$work/doc.txt" --roots "$work/roots"
python3 - "$work/record.proof.json" "$work/changed-config.proof.json" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
start = data.index(b'"configBlock":')
data[start + (data.index(b"}", start) - start) // 2] ^= 0x01
open(sys.argv[2], "wb").write(data)
PY
check "  one bit changed in its configuration block: refused (exit 14)" \
  proof_verify 14 "$work/changed-config.proof.json" --document "$work/doc.txt" --roots "$work/roots"

summary "bft"
