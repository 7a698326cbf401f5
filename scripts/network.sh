#!/usr/bin/env bash
# Starts, stops and inspects the registry's Fabric network on this host, as described in
# network/network.json (profile: $REGISTRY_NETWORK_PROFILE, default raft).
#
#   scripts/network.sh up [--cas]    install what is missing, start every node, wait until healthy
#                                    (--cas: only the organisations' certificate authorities)
#   scripts/network.sh down [--wipe] stop exactly the processes this script started (--wipe: and
#                                    delete all state: keys, ledgers, logs)
#   scripts/network.sh status        health of every node
#   scripts/network.sh logs [NODE]   last lines of every node's log, or one node's (e.g. ca.justice)
#
# Exit codes: 0 ok, 1 a node failed, 2 a tool is missing, 3 Fabric is not obtainable, 4 port taken.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$REPO_DIR/scripts/lib/identities.sh"

PID_DIR="$STATE_DIR/pids"
LOG_DIR="$STATE_DIR/logs"
ORGS_DIR="$STATE_DIR/orgs"

pid_file() { echo "$PID_DIR/$1.pid"; }

# running NODE: the node's recorded process is alive and is still the program we started.
running() {
  local file pid
  file=$(pid_file "$1")
  [ -f "$file" ] || return 1
  pid=$(<"$file")
  [ -d "/proc/$pid" ] && [ -f "$file.cmd" ] && grep -qaF "$(<"$file.cmd")" "/proc/$pid/cmdline"
}

started_nodes() {
  [ -d "$PID_DIR" ] || return 0
  find "$PID_DIR" -name '*.pid' -printf '%f\n' | sed 's/\.pid$//' | sort
}

stop_node() {
  local node=$1 file pid
  file=$(pid_file "$node")
  if running "$node"; then
    pid=$(<"$file")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      [ -d "/proc/$pid" ] || break
      sleep 0.2
    done
    if [ -d "/proc/$pid" ]; then
      warn "$node did not stop in 10 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    step "stopped $node (pid $pid)"
  fi
  rm -f "$file" "$file.cmd"
}

stop_all() {
  local node
  for node in $(started_nodes); do
    stop_node "$node"
  done
  rm -f "$PID_DIR/mode"
}

# fail_node NODE MESSAGE: a node did not come up: show its log, stop everything, exit 1.
fail_node() {
  printf 'ERROR: %s\n' "$2" >&2
  if [ -f "$LOG_DIR/$1.log" ]; then
    printf -- '--- last lines of %s ---\n' "$LOG_DIR/$1.log" >&2
    tail -n 20 "$LOG_DIR/$1.log" >&2
    printf -- '---\n' >&2
  fi
  info "Stopping the nodes already started, so nothing is left half-running"
  stop_all
  exit $EXIT_FAILURE
}

# launch NODE BINARY ARGS...: starts a node in the background, detached, logging to its file; the
# PID file and the binary's path (to recognise the process later) go under $PID_DIR.
launch() {
  local node=$1
  shift
  mkdir -p "$PID_DIR" "$LOG_DIR"
  # Logs may hold secrets (fabric-ca-server prints its bootstrap identity): owner-only, like the keys.
  chmod 700 "$STATE_DIR" "$LOG_DIR"
  (umask 077 && touch "$LOG_DIR/$node.log")
  nohup setsid "$@" >>"$LOG_DIR/$node.log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$node")"
  printf '%s' "$1" >"$(pid_file "$node").cmd"
}

check_ports() {
  local port node taken=()
  while read -r port node; do
    if port_in_use "$port"; then
      taken+=("$port ($node)")
    fi
  done
  if [ ${#taken[@]} -gt 0 ]; then
    die $EXIT_PORT_TAKEN "port(s) already taken by another program: ${taken[*]}
       Stop that program, or change the ports in $NETWORK_FILE."
  fi
}

# --- certificate authorities ------------------------------------------------------------------

ca_node() { echo "ca.$1"; }

# init_ca_root NODE HOME MSP: creates the CA's root certificate once, naming the organisation.
# Fabric CA has no setting for the root's subject names but its config file, which its first init
# writes with the Hyperledger project's names; so: init, name the organisation, init again.
init_ca_root() {
  local node=$1 home=$2 msp=$3 log
  log="$LOG_DIR/$node.log"
  mkdir -p "$LOG_DIR"
  (umask 077 && touch "$log")
  "$FABRIC_CA_BIN/fabric-ca-server" init >>"$log" 2>&1 || fail_node "$node" "$node could not initialise"
  python3 - "$home/fabric-ca-server-config.yaml" "$msp" <<'PY' || fail_node "$node" "$node: unexpected default configuration"
import re, sys
path, msp = sys.argv[1:]
with open(path, encoding="utf-8") as f:
    text = f.read()
names = re.compile(r"^(   names:\n)(?:      - .*\n(?:        .*\n)*)", re.M)
if not names.search(text):
    sys.exit(f"no csr.names block in {path}")
with open(path, "w", encoding="utf-8") as f:
    f.write(names.sub(lambda m: m.group(1) + f"      - O: {msp}\n", text, count=1))
PY
  rm -f "$home/ca-cert.pem" "$home"/msp/keystore/*_sk
  "$FABRIC_CA_BIN/fabric-ca-server" init >>"$log" 2>&1 || fail_node "$node" "$node could not initialise"
}

start_ca() {
  local key=$1 msp=$2 host=$3 port=$4 ops=$5
  local home="$ORGS_DIR/$key/ca" node
  node=$(ca_node "$key")
  if running "$node"; then
    step "$node is running already"
    return 0
  fi
  mkdir -p "$home"
  chmod 700 "$ORGS_DIR/$key" "$home"
  if [ ! -f "$home/admin-password" ]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$home/admin-password")
  fi
  # Fabric CA reads its settings from FABRIC_CA_SERVER_* variables; the generated
  # fabric-ca-server-config.yaml in $home holds the rest of its defaults.
  (
    export FABRIC_CA_SERVER_HOME="$home"
    export FABRIC_CA_SERVER_PORT="$port"
    export FABRIC_CA_SERVER_ADDRESS="$host"
    export FABRIC_CA_SERVER_CA_NAME="ca-$key"
    export FABRIC_CA_SERVER_CSR_CN="ca-$key"
    export FABRIC_CA_SERVER_CSR_HOSTS="$host,127.0.0.1,localhost"
    export FABRIC_CA_SERVER_TLS_ENABLED=true
    export FABRIC_CA_SERVER_OPERATIONS_LISTENADDRESS="$host:$ops"
    export FABRIC_CA_SERVER_METRICS_PROVIDER=disabled
    # The bootstrap identity goes through the environment, not the command line (visible in ps).
    FABRIC_CA_SERVER_BOOT="admin:$(<"$home/admin-password")"
    export FABRIC_CA_SERVER_BOOT
    [ -f "$home/ca-cert.pem" ] || init_ca_root "$node" "$home" "$msp"
    launch "$node" "$FABRIC_CA_BIN/fabric-ca-server" start
  )
  step "started $node on https://$host:$port (operations http://$host:$ops)"
}

wait_ca() {
  local key=$1 msp=$2 host=$3 port=$4 ops=$5 node
  node=$(ca_node "$key")
  wait_http_ok "http://$host:$ops/healthz" 60 || fail_node "$node" "$node did not become healthy within 60 s"
  running "$node" || fail_node "$node" "$node exited"
  # What clients and tests need to reach this CA, in one place.
  cat >"$ORGS_DIR/$key/ca.properties" <<PROPS
mspId=$msp
url=https://$host:$port
caName=ca-$key
tlsCert=$ORGS_DIR/$key/ca/tls-cert.pem
rootCert=$ORGS_DIR/$key/ca/ca-cert.pem
adminUser=admin
adminPasswordFile=$ORGS_DIR/$key/ca/admin-password
PROPS
  step "$node healthy"
}

# --- commands -----------------------------------------------------------------------------------

cmd_up() {
  local cas_only=false
  [ "${1:-}" = "--cas" ] && cas_only=true
  require_python
  if [ -n "$(started_nodes)" ]; then
    local alive=true node
    for node in $(started_nodes); do running "$node" || alive=false; done
    if ! $alive; then
      info "Some nodes of an earlier run have stopped; restarting cleanly"
      stop_all
    elif $cas_only || [ "$(cat "$PID_DIR/mode" 2>/dev/null)" = full ]; then
      info "The network is already running ($(started_nodes | wc -l) nodes); nothing to do"
      return 0
    else
      info "Only the CAs are running; starting the rest of the network"
    fi
  fi
  if $cas_only; then
    "$REPO_DIR/scripts/install-fabric.sh" --ca-only
    netdesc ports | grep ' ca\.' | check_ports
  else
    "$REPO_DIR/scripts/install-fabric.sh"
    # Ports of CAs already running (started by 'up --cas') are ours.
    netdesc ports | { if [ -n "$(started_nodes)" ]; then grep -v ' ca\.'; else cat; fi; } | check_ports
  fi
  mkdir -p "$PID_DIR"
  echo "$($cas_only && echo cas || echo full)" >"$PID_DIR/mode"
  info "Starting the certificate authorities (profile $PROFILE)"
  local row
  while read -r row; do
    # shellcheck disable=SC2086
    start_ca $row
  done < <(netdesc cas)
  while read -r row; do
    # shellcheck disable=SC2086
    wait_ca $row
  done < <(netdesc cas)
  info "Issuing the organisations' identities from their CAs"
  while read -r row; do
    # shellcheck disable=SC2086
    issue_identities $row
  done < <(netdesc cas)
  if $cas_only; then
    info "Certificate authorities are up. State: $STATE_DIR"
    return 0
  fi
  # Not reached while install-fabric.sh cannot obtain Fabric (exit 3 above): peers, orderers, the
  # channel and the chaincode servers are started here once the binaries exist.
  die $EXIT_FABRIC_UNAVAILABLE "peers and orderers are not implemented without the Fabric binaries"
}

cmd_down() {
  local wipe=false
  [ "${1:-}" = "--wipe" ] && wipe=true
  if [ -z "$(started_nodes)" ]; then
    info "Nothing of ours is running"
  else
    info "Stopping the network"
    stop_all
  fi
  if $wipe && [ -d "$STATE_DIR" ]; then
    rm -rf "$STATE_DIR"
    info "State wiped: $STATE_DIR"
  fi
}

cmd_status() {
  require_python
  local unhealthy=0 key msp host port ops node health
  printf '%-22s %-8s %-10s %s\n' NODE PROCESS HEALTH ENDPOINT
  while read -r key msp host port ops; do
    node=$(ca_node "$key")
    health=$(curl -fsS --max-time 2 "http://$host:$ops/healthz" 2>/dev/null | grep -o '"status":"[A-Z]*"' | cut -d'"' -f4 || true)
    printf '%-22s %-8s %-10s %s\n' "$node" "$(running "$node" && echo running || echo stopped)" \
      "${health:-DOWN}" "https://$host:$port"
    [ "${health:-}" = OK ] || unhealthy=1
  done < <(netdesc cas)
  if [ ! -x "$FABRIC_BIN/peer" ]; then
    printf '%-22s %s\n' "peers, orderers" "not installed: Fabric $FABRIC_VERSION cannot be built here (docs/status.md)"
  fi
  return $unhealthy
}

cmd_logs() {
  if [ -n "${1:-}" ]; then
    [ -f "$LOG_DIR/$1.log" ] || die $EXIT_FAILURE "no log for node '$1' (known: $(ls "$LOG_DIR" 2>/dev/null | sed 's/\.log$//' | tr '\n' ' '))"
    tail -n 100 "$LOG_DIR/$1.log"
    return
  fi
  local file
  for file in "$LOG_DIR"/*.log; do
    [ -f "$file" ] || continue
    printf -- '--- %s ---\n' "$(basename "$file" .log)"
    tail -n 15 "$file"
  done
}

case "${1:-}" in
  up) shift && cmd_up "$@" ;;
  down) shift && cmd_down "$@" ;;
  status) cmd_status ;;
  logs) shift && cmd_logs "$@" ;;
  *) die $EXIT_FAILURE "usage: $0 up [--cas] | down [--wipe] | status | logs [NODE]" ;;
esac
