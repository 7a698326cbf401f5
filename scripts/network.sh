#!/usr/bin/env bash
# Starts, stops and inspects the registry's Fabric network on this host, as described in
# network/network.json.
#
#   scripts/network.sh up [--profile raft|bft|failover] [--cas]
#                                    install what is missing, start the CAs, orderers and peers, create
#                                    and join channel `registry`, restart the chaincode servers of an
#                                    earlier deployment, wait until healthy; on a running network it
#                                    starts again only the nodes that stopped (--cas: only the CAs and
#                                    the identities they issue). The profile is kept with the state
#                                    (default raft; also $REGISTRY_NETWORK_PROFILE).
#   scripts/network.sh down [--wipe] stop exactly the processes this script started (--wipe: and
#                                    delete all state: keys, ledgers, logs)
#   scripts/network.sh status        every node's health; each peer's block height and current block
#                                    hash, and whether all peers agree
#   scripts/network.sh logs [NODE]   last lines of every node's log, or one node's (e.g. peer0.justice)
#   scripts/network.sh env ORG [PEER] the exports for Fabric's own `peer` CLI as ORG's MSP admin
#
# Exit codes: 0 ok, 1 a node failed, 2 a tool is missing, 3 Fabric is not obtainable, 4 port taken.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$REPO_DIR/scripts/lib/processes.sh"
source "$REPO_DIR/scripts/lib/identities.sh"
source "$REPO_DIR/scripts/lib/nodes.sh"
source "$REPO_DIR/scripts/lib/ccaas.sh"

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

# ports_of_stopped_nodes: filters "port node..." lines (netdesc ports) to the nodes not running now:
# the ports of our own running nodes are not taken by another program.
ports_of_stopped_nodes() {
  local port node rest process
  while read -r port node rest; do
    process=$node
    if [[ $rest == *"chaincode server" ]]; then
      process="cc-${rest%% *}.$node"
    fi
    running "$process" || echo "$port $node $rest"
  done
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

# wait_node NODE URL: the node's /healthz answers OK within 60 s and its process is still ours.
wait_node() {
  wait_http_ok "$2" 60 || fail_node "$1" "$1 did not become healthy within 60 s"
  running "$1" || fail_node "$1" "$1 exited"
}

# restart_chaincode_servers: after a stop, the chaincode servers of the last deployment come back
# with the peers (deploy-chaincode.sh records what it deployed in $STATE_DIR/chaincode/deployed.env).
restart_chaincode_servers() {
  local deployed="$STATE_DIR/chaincode/deployed.env"
  [ -f "$deployed" ] || return 0
  info "Starting the chaincode servers of the last deployment"
  # shellcheck disable=SC1090
  source "$deployed"
  local key msp name rest
  local service address node
  while read -r key msp name rest; do
    start_chaincode_server "$key" "$msp" "$name" governance "$GOVERNANCE_PACKAGE_ID" "$DEPLOYED_JAR"
    start_chaincode_server "$key" "$msp" "$name" records "$RECORDS_PACKAGE_ID" "$DEPLOYED_JAR"
  done < <(netdesc peers)
  while read -r key msp name rest; do
    for service in governance records; do
      node=$(chaincode_server_node "$service" "$key" "$name")
      address=$(chaincode_server_address "$key" "$name" "$service")
      wait_tls "${address%:*}" "${address##*:}" "$ORGS_DIR/$key/peers/$name/ccaas/tls/ca.crt" 60 \
        || fail_node "$node" "$node does not answer on $address within 60 s"
    done
  done < <(netdesc peers)
}

cmd_up() {
  local cas_only=false
  while [ $# -gt 0 ]; do
    case "$1" in
      --cas) cas_only=true ;;
      --profile)
        [ $# -ge 2 ] || die $EXIT_FAILURE "--profile needs a value: raft, bft or failover"
        PROFILE=$2
        shift
        ;;
      *) die $EXIT_FAILURE "unknown option '$1' (usage: up [--profile raft|bft|failover] [--cas])" ;;
    esac
    shift
  done
  require_python
  # netdesc checks the profile and the users' names on every call; this first call stops on either.
  netdesc channel >/dev/null || die $EXIT_FAILURE "$NETWORK_FILE cannot be used with profile '$PROFILE' (above)"
  if [ -f "$STATE_DIR/profile" ] && [ "$(<"$STATE_DIR/profile")" != "$PROFILE" ]; then
    die $EXIT_FAILURE "the state in $STATE_DIR belongs to profile '$(<"$STATE_DIR/profile")', not '$PROFILE';
       run 'scripts/network.sh down --wipe' first to start over with another profile"
  fi
  if [ -n "$(started_nodes)" ]; then
    local alive=true node
    for node in $(started_nodes); do running "$node" || alive=false; done
    if ! $alive; then
      info "Some nodes have stopped ($(for node in $(started_nodes); do running "$node" || printf '%s ' "$node"; done)); starting them again"
    elif $cas_only || [ "$(cat "$PID_DIR/mode" 2>/dev/null)" = full ]; then
      info "The network is already running ($(started_nodes | wc -l) processes, profile $PROFILE); nothing to do"
      return 0
    else
      info "Only the CAs are running; starting the rest of the network"
    fi
  fi
  if $cas_only; then
    "$REPO_DIR/scripts/install-fabric.sh" --ca-only
    netdesc ports | grep ' ca\.' | ports_of_stopped_nodes | check_ports
  else
    "$REPO_DIR/scripts/install-fabric.sh"
    require_java
    netdesc ports | ports_of_stopped_nodes | check_ports
  fi
  mkdir -p "$PID_DIR"
  echo "$PROFILE" >"$STATE_DIR/profile"
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
  # Once every organisation's TLS roots exist: each profile also lists the other agencies' peers.
  local org_key org_msp rest
  while read -r org_key org_msp rest; do
    write_client_profile "$org_key" "$org_msp"
  done < <(netdesc cas)
  if $cas_only; then
    info "Certificate authorities are up. State: $STATE_DIR"
    return 0
  fi

  write_node_config
  create_genesis_block
  info "Starting the ordering service ($(netdesc orderers | wc -l) nodes)"
  while read -r row; do
    # shellcheck disable=SC2086
    start_orderer $row
  done < <(netdesc orderers)
  local key msp name host port admin ops cc
  while read -r key msp name host port admin ops; do
    wait_node "$name.$key" "http://$host:$ops/healthz"
    join_orderer "$key" "$msp" "$name" "$host" "$port" "$admin" "$ops"
  done < <(netdesc orderers)
  info "Starting the peers ($(netdesc peers | wc -l) nodes)"
  while read -r row; do
    # shellcheck disable=SC2086
    start_peer $row
  done < <(netdesc peers)
  while read -r key msp name host port cc ops; do
    wait_node "$name.$key" "http://$host:$ops/healthz"
    join_peer "$key" "$msp" "$name" "$host" "$port" "$cc" "$ops"
  done < <(netdesc peers)
  restart_chaincode_servers
  info "The network is up (profile $PROFILE). State: $STATE_DIR"
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

# health URL: the status a Fabric /healthz reports (OK), or DOWN.
health() {
  local status
  status=$(curl -fsS --max-time 2 "$1" 2>/dev/null | grep -o '"status":"[A-Z]*"' | cut -d'"' -f4 || true)
  echo "${status:-DOWN}"
}

cmd_status() {
  require_python
  local unhealthy=0 key msp name host port ops admin cc node h state
  printf 'Profile %s, channel %s\n' "$PROFILE" "$(netdesc channel)"
  printf '%-28s %-8s %-7s %s\n' NODE PROCESS HEALTH ENDPOINT
  row() {
    printf '%-28s %-8s %-7s %s\n' "$1" "$(running "$1" && echo running || echo stopped)" "$2" "$3"
    [ "$2" = OK ] || unhealthy=1
  }
  while read -r key msp host port ops; do
    row "ca.$key" "$(health "http://$host:$ops/healthz")" "https://$host:$port"
  done < <(netdesc cas)
  if [ ! -x "$FABRIC_BIN/peer" ]; then
    printf '%-28s %s\n' "orderers, peers" "not installed (scripts/install-fabric.sh)"
    return $unhealthy
  fi
  while read -r key msp name host port admin ops; do
    row "$name.$key" "$(health "http://$host:$ops/healthz")" "$host:$port"
  done < <(netdesc orderers)
  local chains=()
  while read -r key msp name host port cc ops; do
    row "$name.$key" "$(health "http://$host:$ops/healthz")" "$host:$port"
  done < <(netdesc peers)
  for node in $(started_nodes | grep '^cc-' || true); do
    state=OK
    running "$node" || state=DOWN
    row "$node" "$state" "$(cut -d: -f1 "$PID_DIR/$node.package" 2>/dev/null)"
  done
  printf '\n%-28s %-7s %s\n' PEER HEIGHT "CURRENT BLOCK HASH"
  while read -r key msp name rest; do
    read -r h hash < <(peer_chain_info "$key" "$name"; echo)
    printf '%-28s %-7s %s\n' "$name.$key" "${h:--}" "${hash:-unknown}"
    chains+=("${h:-?} ${hash:-?}")
  done < <(netdesc peers)
  if [ "$(printf '%s\n' "${chains[@]}" | sort -u | wc -l)" -eq 1 ] && [[ ${chains[0]} != *'?'* ]]; then
    printf 'All %d peers agree: height %s, current block hash %s\n' "${#chains[@]}" "${chains[0]%% *}" "${chains[0]#* }"
  else
    printf 'Peers DISAGREE on height or current block hash (or some did not answer)\n'
    unhealthy=1
  fi
  return $unhealthy
}

cmd_env() {
  [ -n "${1:-}" ] || die $EXIT_FAILURE "usage: $0 env ORG [PEER]   (ORG: $(netdesc cas | awk '{print $1}' | tr '\n' ' '))"
  require_python
  netdesc cas | awk '{print $1}' | grep -qx "$1" || die $EXIT_FAILURE "unknown organisation '$1'"
  echo "# Fabric's peer CLI as $1's MSP admin; use: eval \"\$(scripts/network.sh env $1)\""
  echo "export PATH=\"$FABRIC_BIN:\$PATH\""
  peer_cli_env "$1" "${2:-}"
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
  env) shift && cmd_env "$@" ;;
  *) die $EXIT_FAILURE "usage: $0 up [--profile raft|bft|failover] [--cas] | down [--wipe] | status | logs [NODE] | env ORG [PEER]" ;;
esac
