# Fabric's own nodes on this host: node configuration from Fabric's sampleconfig, orderers, peers,
# the channel, and the environment of an organisation's MSP admin for Fabric's `peer` and `osnadmin`
# commands. Sourced by network.sh and deploy-chaincode.sh after common.sh; needs launch(), running()
# and fail_node() from network.sh (or an equivalent) for the start functions.
# shellcheck shell=bash

ORGS_DIR="$STATE_DIR/orgs"
CONFIG_DIR="$STATE_DIR/config"
CHANNEL_DIR="$STATE_DIR/channel"

# write_node_config: core.yaml and orderer.yaml are Fabric's own defaults from the source's
# sampleconfig, with the two settings no environment variable can express patched in: our external
# builder (a list) and no Docker endpoint. Everything per node goes through CORE_* / ORDERER_*.
write_node_config() {
  mkdir -p "$CONFIG_DIR"
  python3 - "$FABRIC_SRC/sampleconfig" "$CONFIG_DIR" "$REPO_DIR/network/builders/ccaas" <<'PY'
import os, re, sys
sample, out, builder = sys.argv[1:]

def patch(text, pattern, replacement, what):
    new, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
    if count != 1:
        sys.exit(f"sampleconfig has changed: cannot find {what}")
    return new

with open(os.path.join(sample, "core.yaml"), encoding="utf-8") as f:
    core = f.read()
core = patch(core, r"^  externalBuilders:\n(?:    .*\n|\s*\n)*?(?=\n  # The maximum duration)",
             "  externalBuilders:\n"
             "    - name: registry-ccaas\n"
             f"      path: {builder}\n"
             "      propagateEnvironment:\n"
             "        - REGISTRY_CCAAS_CONFIG\n",
             "chaincode.externalBuilders")
core = patch(core, r"^  endpoint: unix:///var/run/docker.sock$", '  endpoint: ""', "vm.endpoint")
with open(os.path.join(out, "core.yaml"), "w", encoding="utf-8") as f:
    f.write(core)
with open(os.path.join(sample, "orderer.yaml"), encoding="utf-8") as f:
    orderer = f.read()
with open(os.path.join(out, "orderer.yaml"), "w", encoding="utf-8") as f:
    f.write(orderer)
PY
}

# admin_user KEY: the organisation's first governance admin in the network description (a user with
# role=admin: a CA client whose role attribute lets it approve governance changes in the contract; not
# an admin of the MSP).
admin_user() {
  netdesc users | awk -v k="$1" '$1 == k && $3 == "admin" {print $2; exit}'
}

# The enrollment id of each organisation's MSP admin (CA type admin, OU=admin), the identity the
# scripts use for Fabric's peer lifecycle, channel and osnadmin commands. It is no registry user: no
# profile or wallet names it, and network.json may not use the name (netdesc.py).
# shellcheck disable=SC2034 # used by identities.sh and the tests
MSP_ADMIN_ID=mspadmin

# msp_admin_dir KEY: the folder of the organisation's MSP admin (msp/, and tls/ for osnadmin).
msp_admin_dir() { echo "$ORGS_DIR/$1/admin"; }

# org_msp KEY: the organisation's MSP id.
org_msp() {
  netdesc cas | awk -v k="$1" '$1 == k {print $2}'
}

# all_ca_roots: every organisation's root certificate, comma-separated, for TLS root lists.
all_ca_roots() {
  netdesc cas | awk -v d="$ORGS_DIR" '{printf "%s%s/%s/ca/ca-cert.pem", (NR > 1 ? "," : ""), d, $1}'
}

# first_orderer: "host:port caFile" of the first orderer of the profile, for peer CLI commands.
first_orderer() {
  netdesc orderers | awk -v d="$ORGS_DIR" 'NR == 1 {print $4 ":" $5, d "/" $1 "/msp/tlscacerts/ca.pem"}'
}

# peer_cli_env KEY [PEER]: the exports that make Fabric's `peer` command act as the organisation's
# MSP admin against one of its peers (the first of the profile unless named).
peer_cli_env() {
  local key=$1 want=${2:-} row orderer ca
  row=$(netdesc peers | awk -v k="$key" -v p="$want" '$1 == k && (p == "" || $3 == p) {print; exit}')
  [ -n "$row" ] || die $EXIT_FAILURE "organisation '$key' has no peer${want:+ named $want} in profile $PROFILE"
  read -r orderer ca < <(first_orderer)
  # shellcheck disable=SC2086
  set -- $row
  cat <<ENV
export FABRIC_CFG_PATH="$CONFIG_DIR"
export CORE_PEER_LOCALMSPID="$2"
export CORE_PEER_MSPCONFIGPATH="$(msp_admin_dir "$key")/msp"
export CORE_PEER_ADDRESS="$4:$5"
export CORE_PEER_TLS_ENABLED=true
export FABRIC_LOGGING_SPEC="${FABRIC_LOGGING_SPEC:-WARNING}"
export CORE_PEER_TLS_ROOTCERT_FILE="$ORGS_DIR/$key/msp/tlscacerts/ca.pem"
export ORDERER_ADDRESS="$orderer"
export ORDERER_CA="$ca"
ENV
}

# as_admin KEY PEER COMMAND...: runs a Fabric command as KEY's MSP admin against its peer PEER.
as_admin() {
  local key=$1 peer=$2
  shift 2
  (
    eval "$(peer_cli_env "$key" "$peer")"
    "$@"
  )
}

# --- orderers -----------------------------------------------------------------------------------

orderer_node() { echo "$3.$1"; }

start_orderer() {
  local key=$1 msp=$2 name=$3 host=$4 port=$5 admin_port=$6 ops=$7
  local node dir
  node=$(orderer_node "$@")
  dir="$ORGS_DIR/$key/orderers/$name"
  if running "$node"; then
    step "$node is running already"
    return 0
  fi
  mkdir -p "$dir/data"
  (
    export FABRIC_CFG_PATH="$CONFIG_DIR"
    export FABRIC_LOGGING_SPEC=INFO
    export ORDERER_GENERAL_LISTENADDRESS="$host"
    export ORDERER_GENERAL_LISTENPORT="$port"
    export ORDERER_GENERAL_LOCALMSPID="$msp"
    export ORDERER_GENERAL_LOCALMSPDIR="$dir/msp"
    export ORDERER_GENERAL_BOOTSTRAPMETHOD=none
    export ORDERER_GENERAL_TLS_ENABLED=true
    export ORDERER_GENERAL_TLS_CERTIFICATE="$dir/tls/server.crt"
    export ORDERER_GENERAL_TLS_PRIVATEKEY="$dir/tls/server.key"
    export ORDERER_GENERAL_TLS_ROOTCAS="[$(all_ca_roots)]"
    export ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$dir/tls/server.crt"
    export ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$dir/tls/server.key"
    export ORDERER_GENERAL_CLUSTER_ROOTCAS="[$(all_ca_roots)]"
    export ORDERER_CHANNELPARTICIPATION_ENABLED=true
    export ORDERER_ADMIN_LISTENADDRESS="$host:$admin_port"
    export ORDERER_ADMIN_TLS_ENABLED=true
    export ORDERER_ADMIN_TLS_CERTIFICATE="$dir/tls/server.crt"
    export ORDERER_ADMIN_TLS_PRIVATEKEY="$dir/tls/server.key"
    export ORDERER_ADMIN_TLS_ROOTCAS="[$dir/tls/ca.crt]"
    export ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true
    export ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$dir/tls/ca.crt]"
    export ORDERER_OPERATIONS_LISTENADDRESS="$host:$ops"
    export ORDERER_METRICS_PROVIDER=disabled
    export ORDERER_FILELEDGER_LOCATION="$dir/data/ledger"
    export ORDERER_CONSENSUS_WALDIR="$dir/data/wal"
    export ORDERER_CONSENSUS_SNAPDIR="$dir/data/snapshot"
    launch "$node" "$FABRIC_BIN/orderer"
  )
  step "started $node on $host:$port (admin $admin_port, operations http://$host:$ops)"
}

# osnadmin_as KEY ORDERER_DIR ADMIN_PORT HOST ARGS...: the channel participation API of one orderer,
# with mutual TLS as the organisation's MSP admin.
osnadmin_as() {
  local key=$1 dir=$2 port=$3 host=$4 admin
  shift 4
  admin=$(msp_admin_dir "$key")
  "$FABRIC_BIN/osnadmin" "$@" -o "$host:$port" --ca-file "$dir/tls/ca.crt" \
    --client-cert "$admin/tls/server.crt" --client-key "$admin/tls/server.key"
}

# join_orderer ROW...: joins one orderer to the channel with the genesis block (once).
join_orderer() {
  local key=$1 name=$3 host=$4 admin_port=$6 channel dir node
  channel=$(netdesc channel)
  dir="$ORGS_DIR/$key/orderers/$name"
  node=$(orderer_node "$@")
  # osnadmin exits 0 whatever the HTTP status; the status line tells.
  if osnadmin_as "$key" "$dir" "$admin_port" "$host" channel list --channelID "$channel" 2>/dev/null | grep -q '^Status: 200'; then
    step "$node: member of channel $channel already"
    return 0
  fi
  local out
  out=$(osnadmin_as "$key" "$dir" "$admin_port" "$host" channel join --channelID "$channel" \
    --config-block "$CHANNEL_DIR/genesis.block" 2>&1) || true
  echo "$out" >>"$LOG_DIR/channel.log"
  grep -q '^Status: 201' <<<"$out" \
    || fail_node "$node" "$node could not join channel $channel: $(tr '\n' ' ' <<<"$out")"
  step "$node joined channel $channel"
}

# --- peers ----------------------------------------------------------------------------------------

peer_node() { echo "$3.$1"; }

# chaincode_server_address KEY PEER SERVICE: host:port of the chaincode server for SERVICE beside PEER.
chaincode_server_address() {
  python3 - "$NETWORK_FILE" "$1" "$2" "$3" <<'PY'
import json, sys
net_file, key, peer, service = sys.argv[1:]
org = next(o for o in json.load(open(net_file, encoding="utf-8"))["organizations"] if o["key"] == key)
p = next(p for p in org["peers"] if p["name"] == peer)
print(f"{p['host']}:{p['chaincodeServers'][service]}")
PY
}

# write_builder_config KEY PEER: the file our external builder reads (REGISTRY_CCAAS_CONFIG): where this
# peer's chaincode servers listen and the root their TLS certificates chain to.
write_builder_config() {
  local key=$1 peer=$2 dir="$ORGS_DIR/$1/peers/$2"
  python3 - "$NETWORK_FILE" "$key" "$peer" "$dir/ccaas/tls/ca.crt" >"$dir/ccaas.json" <<'PY'
import json, sys
net_file, key, peer, root = sys.argv[1:]
org = next(o for o in json.load(open(net_file, encoding="utf-8"))["organizations"] if o["key"] == key)
p = next(p for p in org["peers"] if p["name"] == peer)
servers = {service: f"{p['host']}:{port}" for service, port in sorted(p["chaincodeServers"].items())}
print(json.dumps({"servers": servers, "rootCert": root}, indent=2, sort_keys=True))
PY
}

start_peer() {
  local key=$1 msp=$2 name=$3 host=$4 port=$5 cc_port=$6 ops=$7
  local node dir
  node=$(peer_node "$@")
  dir="$ORGS_DIR/$key/peers/$name"
  if running "$node"; then
    step "$node is running already"
    return 0
  fi
  mkdir -p "$dir/data"
  write_builder_config "$key" "$name"
  # Gossip starts from every peer of the organisation; with more than one, private data written by
  # the organisation must reach a second peer of its own before the write is endorsed.
  local org_peers
  org_peers=$(netdesc peers | awk -v k="$key" '$1 == k {printf "%s%s:%s", (n++ ? " " : ""), $4, $5}')
  (
    if [[ $org_peers == *" "* ]]; then
      export CORE_PEER_GOSSIP_PVTDATA_IMPLICITCOLLECTIONDISSEMINATIONPOLICY_REQUIREDPEERCOUNT=1
    fi
    export FABRIC_CFG_PATH="$CONFIG_DIR"
    export FABRIC_LOGGING_SPEC=INFO
    export CORE_PEER_ID="$node"
    export CORE_PEER_ADDRESS="$host:$port"
    export CORE_PEER_LISTENADDRESS="$host:$port"
    export CORE_PEER_CHAINCODEADDRESS="$host:$cc_port"
    export CORE_PEER_CHAINCODELISTENADDRESS="$host:$cc_port"
    export CORE_PEER_GOSSIP_BOOTSTRAP="$org_peers"
    export CORE_PEER_GOSSIP_EXTERNALENDPOINT="$host:$port"
    export CORE_PEER_LOCALMSPID="$msp"
    export CORE_PEER_MSPCONFIGPATH="$dir/msp"
    export CORE_PEER_TLS_ENABLED=true
    export CORE_PEER_TLS_CERT_FILE="$dir/tls/server.crt"
    export CORE_PEER_TLS_KEY_FILE="$dir/tls/server.key"
    export CORE_PEER_TLS_ROOTCERT_FILE="$dir/tls/ca.crt"
    export CORE_PEER_FILESYSTEMPATH="$dir/data"
    export CORE_PEER_GATEWAY_ENABLED=true
    export CORE_LEDGER_STATE_STATEDATABASE=goleveldb
    export CORE_OPERATIONS_LISTENADDRESS="$host:$ops"
    export CORE_METRICS_PROVIDER=disabled
    export CORE_VM_ENDPOINT=""
    export REGISTRY_CCAAS_CONFIG="$dir/ccaas.json"
    launch "$node" "$FABRIC_BIN/peer" node start
  )
  step "started $node on $host:$port (operations http://$host:$ops)"
}

# join_peer ROW...: joins one peer to the channel with the genesis block (once).
join_peer() {
  local key=$1 name=$3 channel node
  channel=$(netdesc channel)
  node=$(peer_node "$@")
  if as_admin "$key" "$name" "$FABRIC_BIN/peer" channel list 2>/dev/null | grep -qx "$channel"; then
    step "$node: member of channel $channel already"
    return 0
  fi
  as_admin "$key" "$name" "$FABRIC_BIN/peer" channel join -b "$CHANNEL_DIR/genesis.block" >>"$LOG_DIR/channel.log" 2>&1 \
    || fail_node "$node" "$node could not join channel $channel (log: $LOG_DIR/channel.log)"
  step "$node joined channel $channel"
}

# peer_chain_info KEY PEER: "height currentBlockHash" of the channel on that peer (empty when unknown).
peer_chain_info() {
  local channel
  channel=$(netdesc channel)
  as_admin "$1" "$2" "$FABRIC_BIN/peer" channel getinfo -c "$channel" 2>/dev/null \
    | sed -n 's/^Blockchain info: //p' \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["height"], d["currentBlockHash"])' 2>/dev/null || true
}

# --- channel --------------------------------------------------------------------------------------

# create_genesis_block: configtx.yaml from the network description, then the channel's genesis block
# (once: every node joins with the same block).
create_genesis_block() {
  local channel
  channel=$(netdesc channel)
  [ -f "$CHANNEL_DIR/genesis.block" ] && return 0
  mkdir -p "$CHANNEL_DIR"
  python3 "$REPO_DIR/scripts/lib/configtx.py" "$NETWORK_FILE" "$PROFILE" "$ORGS_DIR" "$CHANNEL_DIR/configtx.yaml"
  FABRIC_CFG_PATH="$CHANNEL_DIR" "$FABRIC_BIN/configtxgen" -profile Registry -channelID "$channel" \
    -outputBlock "$CHANNEL_DIR/genesis.block.tmp" >>"$LOG_DIR/channel.log" 2>&1 \
    || fail_node channel "configtxgen could not create the genesis block of $channel (log: $LOG_DIR/channel.log)"
  mv "$CHANNEL_DIR/genesis.block.tmp" "$CHANNEL_DIR/genesis.block"
  step "genesis block of channel $channel created ($PROFILE profile)"
}
