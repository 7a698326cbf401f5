#!/usr/bin/env bash
# Starts the verification portal on the running network, in the background, and prints its address.
# It asks the agencies' peers with the read-only verifier identity of the outsiders' organisation
# (verifier1 of the "public" organisation), so no agency's key sits on the public server, and every
# verdict it shows is signed by peers of two organisations. `scripts/network.sh down` stops it too.
#
#   scripts/portal.sh [start] [--port N] [--host ADDRESS] [--public-url URL] [--org KEY] [--identity NAME]
#                     (default: 8088, 127.0.0.1, http://HOST:PORT, public, verifier1; --host 0.0.0.0 and a
#                     --public-url naming this machine's address let a phone on the same network open it)
#   scripts/portal.sh stop | status
#
# Exit codes: 0 started (or stopped), 1 failure, 2 a missing tool, 4 the port is taken.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$REPO_DIR/scripts/lib/processes.sh"

command=start
case "${1:-}" in
  start | stop | status) command=$1 && shift ;;
esac
port=8088 host=127.0.0.1 public_url="" org=public identity=verifier1
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2 && shift 2 ;;
    --host) host=$2 && shift 2 ;;
    --public-url) public_url=$2 && shift 2 ;;
    --org) org=$2 && shift 2 ;;
    --identity) identity=$2 && shift 2 ;;
    *) die $EXIT_FAILURE "unknown option $1 (see the header of $0)" ;;
  esac
done
jar="$REPO_DIR/gateway-client/registry-portal/target/registry-portal.jar"
url_file="$STATE_DIR/portal.url"

case "$command" in
  stop)
    stop_node portal
    rm -f "$url_file"
    exit 0
    ;;
  status)
    if running portal; then
      echo "portal: running at $(cat "$url_file" 2>/dev/null)"
      exit 0
    fi
    echo "portal: not running"
    exit 1
    ;;
esac

require_java
[ -f "$STATE_DIR/orgs/$org/profile.json" ] ||
  die $EXIT_FAILURE "no profile for organisation '$org' in $STATE_DIR/orgs: start the network first (scripts/network.sh up)"
if running portal; then
  info "The portal is already running at $(cat "$url_file")"
  exit 0
fi
if [ ! -f "$jar" ]; then
  require_maven
  info "Building the portal"
  (cd "$REPO_DIR" && mvn -B -ntp -q -pl :registry-portal -am install -DskipTests)
fi
port_in_use "$port" && die $EXIT_PORT_TAKEN "port $port is taken: pass --port N"

url="${public_url:-http://$host:$port}"
local_url="http://127.0.0.1:$port"
[ "$host" = 127.0.0.1 ] || [ "$host" = 0.0.0.0 ] || local_url="http://$host:$port"
info "Starting the verification portal ($org/$identity, role=verifier) on $url"
launch portal java -jar "$jar" --profile "$STATE_DIR/orgs/$org/profile.json" --identity "$identity" \
  --host "$host" --port "$port" --public-url "$url"
if ! wait_http_ok "$local_url/healthz" 60; then
  tail -n 20 "$LOG_DIR/portal.log" >&2
  stop_node portal
  die $EXIT_FAILURE "the portal did not answer on $url/healthz within 60 s (log: $LOG_DIR/portal.log)"
fi
echo "$url" >"$url_file"
step "the portal is up: $url (log: $LOG_DIR/portal.log; stop: scripts/portal.sh stop)"
