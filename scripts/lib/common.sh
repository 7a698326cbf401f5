# Shared by the scripts in scripts/: paths, messages, tool checks. Source it; do not run it.
# shellcheck shell=bash

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE_DIR="${REGISTRY_STATE_DIR:-$REPO_DIR/.state}"
CACHE_DIR="${REGISTRY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/service-records-registry}"
NETWORK_FILE="${REGISTRY_NETWORK_FILE:-$REPO_DIR/network/network.json}"
PID_DIR="$STATE_DIR/pids"
LOG_DIR="$STATE_DIR/logs"
# The network profile: the environment's, else the one the state was created with, else raft.
PROFILE="${REGISTRY_NETWORK_PROFILE:-$(cat "$STATE_DIR/profile" 2>/dev/null || echo raft)}"

FABRIC_VERSION=3.1.5
FABRIC_COMMIT=86c1172bec37e6590c6b1ae6f847833df48d65fc
FABRIC_CA_VERSION=1.5.21
FABRIC_BIN="$CACHE_DIR/fabric-$FABRIC_VERSION/bin"
# Fabric's source tree (from the archive): its sampleconfig/ gives the nodes their default settings.
FABRIC_SRC="$CACHE_DIR/fabric-$FABRIC_VERSION/src"
FABRIC_CA_BIN="$CACHE_DIR/fabric-ca-$FABRIC_CA_VERSION/bin"

# Exit codes shared by the scripts.
EXIT_FAILURE=1
EXIT_MISSING_TOOL=2
EXIT_FABRIC_UNAVAILABLE=3
EXIT_PORT_TAKEN=4

info() { printf '==> %s\n' "$*"; }
step() { printf '    %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
  local code=$1
  shift
  printf 'ERROR: %s\n' "$*" >&2
  exit "$code"
}

netdesc() { python3 "$REPO_DIR/scripts/lib/netdesc.py" "$NETWORK_FILE" "$PROFILE" "$1"; }

# version_at_least HAVE NEED: true when dotted version HAVE >= NEED.
version_at_least() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

require_go() {
  command -v go >/dev/null || die $EXIT_MISSING_TOOL "go not found: Go >= 1.26.4 is needed to build Fabric and Fabric CA"
  local have
  have=$(go env GOVERSION | sed 's/^go//')
  version_at_least "$have" 1.26.4 || die $EXIT_MISSING_TOOL "go $have is too old: Go >= 1.26.4 is needed to build Fabric and Fabric CA"
}

require_gcc() {
  command -v gcc >/dev/null || die $EXIT_MISSING_TOOL "gcc not found: fabric-ca-server needs cgo (sqlite); install gcc"
}

require_java() {
  command -v java >/dev/null || die $EXIT_MISSING_TOOL "java not found: Java >= 17 is needed"
  local have
  have=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  version_at_least "$have" 17 || die $EXIT_MISSING_TOOL "java $have is too old: Java >= 17 is needed"
}

require_maven() {
  command -v mvn >/dev/null || die $EXIT_MISSING_TOOL "mvn not found: Maven >= 3.8 is needed"
  local have
  have=$(mvn -v 2>/dev/null | awk '/Apache Maven/ {print $3; exit}')
  version_at_least "$have" 3.8 || die $EXIT_MISSING_TOOL "mvn $have is too old: Maven >= 3.8 is needed"
}

require_python() {
  command -v python3 >/dev/null || die $EXIT_MISSING_TOOL "python3 not found: the scripts read network/network.json with it"
}

# port_in_use PORT [HOST]: true when something accepts connections there.
port_in_use() {
  (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null
}

# wait_http_ok URL SECONDS: waits until URL answers 200.
wait_http_ok() {
  local url=$1 deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
      return 0
    fi
    sleep 0.3
  done
  return 1
}
