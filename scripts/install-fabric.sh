#!/usr/bin/env bash
# Builds the pinned Hyperledger Fabric and Fabric CA binaries from their Go modules (through the Go
# module proxy) into a cache outside the repository, once; later runs reuse them in seconds.
#
#   scripts/install-fabric.sh            Fabric CA and Fabric (peer, orderer, configtxgen, osnadmin)
#   scripts/install-fabric.sh --ca-only  Fabric CA only
#
# Exit codes: 0 installed, 1 a build failed, 2 a tool is missing or too old, 3 the Go module proxy
# refuses a Fabric module (nothing else gives 3).
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

install_fabric() {
  local module=github.com/hyperledger/fabric
  local pseudo
  pseudo=$(awk -v m="$module" '$1 == "require" && $2 == m {print $3}' "$REPO_DIR/tools/fabric/go.mod")
  if built_with "$FABRIC_BIN/peer" "$module" "$pseudo" "$FABRIC_VERSION" \
    && [ -x "$FABRIC_BIN/orderer" ] && [ -x "$FABRIC_BIN/configtxgen" ] && [ -x "$FABRIC_BIN/osnadmin" ]; then
    step "Fabric $FABRIC_VERSION: cached in $FABRIC_BIN"
    return
  fi
  info "Building Fabric $FABRIC_VERSION ($FABRIC_COMMIT) from its Go module (first time only)"
  local out
  if ! out=$(cd "$REPO_DIR/tools/fabric" && GOFLAGS=-mod=mod go mod download -json "$module@$pseudo" 2>&1); then
    local reason
    reason=$(grep -o '"Error": *"[^"]*' <<<"$out" | sed 's/"Error": *"//' | head -n1)
    die $EXIT_FABRIC_UNAVAILABLE "Fabric $FABRIC_VERSION cannot be obtained: the Go module proxy refused $module@$pseudo
       (${reason:-$out})
       Peers and orderers cannot be built on this machine; see docs/status.md."
  fi
  # go.sum for the Fabric tools module is created here on the first successful download.
  local tmp
  tmp=$(mktemp -d "$CACHE_DIR/.build-fabric.XXXXXX")
  cp "$REPO_DIR/tools/fabric/go.mod" "$tmp/"
  [ -f "$REPO_DIR/tools/fabric/go.sum" ] && cp "$REPO_DIR/tools/fabric/go.sum" "$tmp/"
  (
    cd "$tmp"
    go mod tidy
    go build -trimpath \
      -ldflags "-X $module/common/metadata.Version=$FABRIC_VERSION -X $module/common/metadata.CommitSHA=${FABRIC_COMMIT:0:8}" \
      -o "$tmp/bin/" \
      "$module/cmd/peer" "$module/cmd/orderer" "$module/cmd/configtxgen" "$module/cmd/osnadmin"
  ) || {
    rm -rf "$tmp"
    die $EXIT_FAILURE "building Fabric $FABRIC_VERSION failed (see the go output above)"
  }
  mkdir -p "$FABRIC_BIN"
  mv "$tmp"/bin/* "$FABRIC_BIN/"
  [ -f "$REPO_DIR/tools/fabric/go.sum" ] || cp "$tmp/go.sum" "$CACHE_DIR/fabric-$FABRIC_VERSION/go.sum"
  rm -rf "$tmp"
  step "Fabric $FABRIC_VERSION installed in $FABRIC_BIN"
}

require_go
mkdir -p "$CACHE_DIR"
install_fabric_ca
if ! $ca_only; then
  install_fabric
fi
