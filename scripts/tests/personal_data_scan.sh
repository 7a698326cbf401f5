#!/usr/bin/env bash
# No personal data on the shared ledger, in events or in logs (issue 15): after the other tests, every
# block file of every peer and orderer of the network (events travel inside the blocks) and every log
# under the state's logs/ folder is searched for each personal detail the tests sent
# (scripts/tests/personal-details.txt) - as text, in base64 at each of its three alignments, and in
# hex. Controls: the same search finds an organisation's MSP id, which every block holds as text
# and inside its base64 certificates. The owner's private data store (the implicit collection,
# which holds the details by design) is not searched.
# Needs a network's state (running or stopped) that the tests wrote to.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

mapfile -t block_files < <(find "$STATE_DIR/orgs" -path '*/chains/*' -name 'blockfile_*' | sort)
mapfile -t log_files < <(find "$LOG_DIR" -type f -name '*.log' | sort)
[ "${#block_files[@]}" -gt 0 ] || die $EXIT_FAILURE "no block files under $STATE_DIR/orgs: no network ran here"
echo "searching ${#block_files[@]} block files and ${#log_files[@]} logs"

# search LIST FILES...: for each value of LIST (KEY=VALUE lines, or plain lines; no comments), the files
# holding it in any encoding;
# prints "FOUND <detail> (<encoding>) in <file>" per hit and a count line.
search() {
  python3 - "$@" <<'PY'
import base64, sys
details = [l.rstrip("\n").split("=", 1)[-1] for l in open(sys.argv[1], encoding="utf-8")
           if l.strip() and not l.startswith("#")]

def encodings(text):
    raw = text.encode("utf-8")
    yield "text", raw
    yield "hex", raw.hex().encode()
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + raw)
        # Characters that also carry the neighbouring bytes' bits differ from place to place.
        start = {0: 0, 1: 2, 2: 3}[shift]
        end = len(encoded.rstrip(b"=")) - (1 if (shift + len(raw)) % 3 else 0)
        if end - start >= 4:
            yield f"base64/{shift}", encoded[start:end]

hits = 0
for path in sys.argv[2:]:
    data = open(path, "rb").read()
    for detail in details:
        for name, needle in encodings(detail):
            if needle in data:
                hits += 1
                print(f"FOUND {detail!r} ({name}) in {path}")
print(f"{len(details)} details, {len(sys.argv) - 2} files, {hits} found")
sys.exit(1 if hits else 0)
PY
}

printf 'JusticeMSP\n' >"$work/control.txt"
found_control() { search "$work/control.txt" "$@" | tee "$work/control.out" | tail -n 1; grep -q '(text)' "$work/control.out" && grep -q '(base64/' "$work/control.out"; }
check "control: the search finds JusticeMSP in the block files, as text and in base64" found_control "${block_files[@]}"
check "no personal detail of the tests in any block (nor its events)" search "$REPO_DIR/scripts/tests/personal-details.txt" "${block_files[@]}"
check "no personal detail of the tests in any node, chaincode server, CA or portal log" search "$REPO_DIR/scripts/tests/personal-details.txt" "${log_files[@]}"
summary "personal data scan"
