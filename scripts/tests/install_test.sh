#!/usr/bin/env bash
# Tests of scripts/install-fabric.sh's source checks, in an empty cache of their own (Fabric CA is
# borrowed from the real cache, so nothing is built): an archive whose SHA-256 differs from the pin
# is refused with exit 3 before anything is extracted; the real binaries report the pinned version.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

[ -x "$FABRIC_CA_BIN/fabric-ca-server" ] || die $EXIT_FAILURE "run scripts/install-fabric.sh first"
mkdir -p "$work/cache"
ln -s "$(dirname "$FABRIC_CA_BIN")" "$work/cache/$(basename "$(dirname "$FABRIC_CA_BIN")")"
printf 'not the Fabric source\n' | gzip >"$work/forged.tar.gz"

forged_refused() {
  local rc=0
  REGISTRY_CACHE_DIR="$work/cache" FABRIC_SOURCE_ARCHIVE="$work/forged.tar.gz" \
    "$REPO_DIR/scripts/install-fabric.sh" >"$work/forged.out" 2>&1 || rc=$?
  cat "$work/forged.out"
  [ "$rc" -eq "$EXIT_FABRIC_UNAVAILABLE" ] && grep -q "refusing to build from it" "$work/forged.out"
}
check "an archive that does not match the pinned SHA-256 is refused with exit 3" forged_refused
check "and nothing of it was extracted or built" test ! -e "$work/cache/fabric-$FABRIC_VERSION"
stamped() { "$FABRIC_BIN/peer" version | tee /dev/stderr | grep -q "Version: $FABRIC_VERSION" \
  && "$FABRIC_BIN/peer" version | grep -q "Commit SHA: ${FABRIC_COMMIT:0:7}"; }
check "the installed peer reports version $FABRIC_VERSION and commit ${FABRIC_COMMIT:0:7}" stamped

summary "install"
