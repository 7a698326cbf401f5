#!/usr/bin/env bash
# Builds the pinned Hyperledger Fabric and Fabric CA binaries into a cache outside the repository,
# once; later runs reuse them in seconds. Fabric comes from its official source archive (SHA-256
# pinned in tools/fabric/source.sha256: $FABRIC_SOURCE_ARCHIVE, else ../shared/fabric/ beside the
# repository), or from the Go module proxy when no archive is there; Fabric CA from the Go module proxy.
#
#   scripts/install-fabric.sh            Fabric CA and Fabric (peer, orderer, configtxgen, osnadmin,
#                                        configtxlator)
#   scripts/install-fabric.sh --ca-only  Fabric CA only
#
# Exit codes: 0 installed, 1 a build failed, 2 a tool is missing or too old, 3 Fabric's source cannot be
# obtained or does not match its pinned SHA-256 (nothing else gives 3).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ca_only=false
case "${1:-}" in
  --ca-only) ca_only=true ;;
  "") ;;
  *) die $EXIT_FAILURE "usage: $0 [--ca-only]" ;;
esac

# built_with BINARY MODULE VERSION: the binary exists and was built from MODULE@VERSION with our stamp.
built_with() {
  [ -x "$1" ] || return 1
  local info
  info=$(go version -m "$1" 2>/dev/null) || return 1
  grep -Eq "^[[:space:]]+(mod|dep)[[:space:]]+$2[[:space:]]+$3([[:space:]]|$)" <<<"$info" \
    && "$1" version 2>/dev/null | grep -Eq "Version: *$4\$"
}

install_fabric_ca() {
  local server="$FABRIC_CA_BIN/fabric-ca-server"
  if built_with "$server" github.com/hyperledger/fabric-ca "v$FABRIC_CA_VERSION" "$FABRIC_CA_VERSION" \
    && [ -x "$FABRIC_CA_BIN/fabric-ca-client" ]; then
    step "Fabric CA $FABRIC_CA_VERSION: cached in $FABRIC_CA_BIN"
    return
  fi
  require_gcc
  info "Building Fabric CA $FABRIC_CA_VERSION from its Go module (first time only, about 2 minutes)"
  local tmp
  tmp=$(mktemp -d "$CACHE_DIR/.build-ca.XXXXXX")
  (
    cd "$REPO_DIR/tools/fabric-ca"
    CGO_ENABLED=1 go build -trimpath \
      -ldflags "-X github.com/hyperledger/fabric-ca/lib/metadata.Version=$FABRIC_CA_VERSION" \
      -o "$tmp/" \
      github.com/hyperledger/fabric-ca/cmd/fabric-ca-server \
      github.com/hyperledger/fabric-ca/cmd/fabric-ca-client
  ) || {
    rm -rf "$tmp"
    die $EXIT_FAILURE "building Fabric CA $FABRIC_CA_VERSION failed (see the go output above)"
  }
  mkdir -p "$FABRIC_CA_BIN"
  mv "$tmp"/fabric-ca-server "$tmp"/fabric-ca-client "$FABRIC_CA_BIN/"
  rm -rf "$tmp"
  step "Fabric CA $("$FABRIC_CA_BIN/fabric-ca-server" version | awk '/Version:/ {print $2}') installed in $FABRIC_CA_BIN"
}

# fabric_archive: the first source archive that exists, of $FABRIC_SOURCE_ARCHIVE and the shared
# folder beside the repository; nothing when neither does.
fabric_archive() {
  local candidate
  for candidate in "${FABRIC_SOURCE_ARCHIVE:-}" "$REPO_DIR/../shared/fabric/fabric-v$FABRIC_VERSION-source.tar.gz"; do
    if [ -n "$candidate" ] && [ -f "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# fabric_cached: every binary is there and reports our version and commit.
fabric_cached() {
  local bin
  for bin in peer orderer configtxgen osnadmin configtxlator; do
    [ -x "$FABRIC_BIN/$bin" ] || return 1
  done
  "$FABRIC_BIN/peer" version 2>/dev/null | grep -Eq "^ Version: $FABRIC_VERSION\$" \
    && "$FABRIC_BIN/peer" version 2>/dev/null | grep -Eq "^ Commit SHA: ${FABRIC_COMMIT:0:7}\$"
}

# build_fabric SOURCE_DIR: one go build of the five commands (they share compilation), stamped.
build_fabric() {
  local src=$1 tmp
  tmp=$(mktemp -d "$CACHE_DIR/.build-fabric.XXXXXX")
  (
    cd "$src"
    CGO_ENABLED=0 go build -trimpath \
      -ldflags "-X github.com/hyperledger/fabric/common/metadata.Version=$FABRIC_VERSION -X github.com/hyperledger/fabric/common/metadata.CommitSHA=${FABRIC_COMMIT:0:7}" \
      -o "$tmp/" ./cmd/peer ./cmd/orderer ./cmd/configtxgen ./cmd/osnadmin ./cmd/configtxlator
  ) || {
    rm -rf "$tmp"
    die $EXIT_FAILURE "building Fabric $FABRIC_VERSION failed (see the go output above)"
  }
  mkdir -p "$FABRIC_BIN"
  mv "$tmp"/* "$FABRIC_BIN/"
  rm -rf "$tmp"
}

# source_from_archive ARCHIVE: checks the archive against the pinned SHA-256 and extracts it into the
# cache (once); the extracted tree also gives the network its sampleconfig.
source_from_archive() {
  local archive=$1 want have
  want=$(awk '{print $1}' "$REPO_DIR/tools/fabric/source.sha256")
  have=$(sha256sum "$archive" | cut -d' ' -f1)
  [ "$have" = "$want" ] || die $EXIT_FABRIC_UNAVAILABLE "Fabric source archive $archive has SHA-256 $have,
       but tools/fabric/source.sha256 pins $want; refusing to build from it."
  if [ "$(cat "$FABRIC_SRC/.archive-sha256" 2>/dev/null)" != "$want" ]; then
    step "SHA-256 checked; extracting $archive"
    rm -rf "$FABRIC_SRC" "$FABRIC_SRC.tmp"
    mkdir -p "$FABRIC_SRC.tmp"
    tar -xzf "$archive" -C "$FABRIC_SRC.tmp" --strip-components=1
    echo "$want" >"$FABRIC_SRC.tmp/.archive-sha256"
    mv "$FABRIC_SRC.tmp" "$FABRIC_SRC"
  fi
}

# source_from_proxy: the same commit through the Go module proxy (machines with ordinary access).
source_from_proxy() {
  local module=github.com/hyperledger/fabric pseudo=v1.4.0-rc1.0.20260618074816-86c1172bec37 out dir
  if ! out=$(cd "$CACHE_DIR" && GOFLAGS=-mod=mod go mod download -json "$module@$pseudo" 2>&1); then
    local reason
    reason=$(grep -o '"Error": *"[^"]*' <<<"$out" | sed 's/"Error": *"//' | head -n1)
    die $EXIT_FABRIC_UNAVAILABLE "Fabric $FABRIC_VERSION cannot be obtained. Tried:
       - \$FABRIC_SOURCE_ARCHIVE: ${FABRIC_SOURCE_ARCHIVE:-not set}
       - $REPO_DIR/../shared/fabric/fabric-v$FABRIC_VERSION-source.tar.gz: not there
       - the Go module proxy, $module@$pseudo: ${reason:-$out}"
  fi
  dir=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])' <<<"$out")
  rm -rf "$FABRIC_SRC"
  mkdir -p "$FABRIC_SRC"
  cp -r "$dir"/. "$FABRIC_SRC"/
  chmod -R u+w "$FABRIC_SRC"
}

install_fabric() {
  local archive
  if fabric_cached && [ -d "$FABRIC_SRC/sampleconfig" ]; then
    step "Fabric $FABRIC_VERSION: cached in $FABRIC_BIN"
    return
  fi
  if archive=$(fabric_archive); then
    info "Building Fabric $FABRIC_VERSION ($FABRIC_COMMIT) from the source archive (first time only, about 2 minutes)"
    source_from_archive "$archive"
  else
    info "Building Fabric $FABRIC_VERSION ($FABRIC_COMMIT) from the Go module proxy (no source archive found)"
    source_from_proxy
  fi
  fabric_cached || build_fabric "$FABRIC_SRC"
  fabric_cached || die $EXIT_FAILURE "the Fabric binaries in $FABRIC_BIN do not report version $FABRIC_VERSION / ${FABRIC_COMMIT:0:7}"
  step "Fabric $("$FABRIC_BIN/peer" version | awk '/ Version:/ {print $2}') (commit ${FABRIC_COMMIT:0:7}) installed in $FABRIC_BIN"
}

require_go
mkdir -p "$CACHE_DIR"
install_fabric_ca
if ! $ca_only; then
  install_fabric
fi
