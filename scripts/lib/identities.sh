# Issues every identity of an organisation from its own Fabric CA: the organisation's MSP folder
# (root certificate, NodeOUs), its peers' and orderers' signing and TLS identities, and its users
# with their role attributes. Idempotent: what exists is kept. Sourced by network.sh.
# shellcheck shell=bash

# ca_client KEY ARGS...: runs fabric-ca-client against KEY's CA as its registrar. Secrets never go on
# the command line (ps shows it): callers pass them in FABRIC_CA_CLIENT_URL (enroll) and
# FABRIC_CA_CLIENT_ID_SECRET (register); the client's echo of a registered password is kept out of
# the log.
ca_client() {
  local key=$1
  shift
  FABRIC_CA_CLIENT_HOME="$ORGS_DIR/$key/registrar" "$FABRIC_CA_BIN/fabric-ca-client" "$@" \
    --caname "ca-$key" --tls.certfiles "$ORGS_DIR/$key/ca/tls-cert.pem" \
    > >(umask 077 && grep -v '^Password:' >>"$LOG_DIR/identities.$key.log") 2>&1
}

random_secret() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }

# write_node_ous MSP_DIR: Fabric classifies identities by the OU the CA put in each certificate.
write_node_ous() {
  cat >"$1/config.yaml" <<YAML
NodeOUs:
  Enable: true
  ClientOUIdentifier:
    Certificate: cacerts/ca.pem
    OrganizationalUnitIdentifier: client
  PeerOUIdentifier:
    Certificate: cacerts/ca.pem
    OrganizationalUnitIdentifier: peer
  AdminOUIdentifier:
    Certificate: cacerts/ca.pem
    OrganizationalUnitIdentifier: admin
  OrdererOUIdentifier:
    Certificate: cacerts/ca.pem
    OrganizationalUnitIdentifier: orderer
YAML
}

# normalise_msp MSP_DIR KEY: one root under the names our configuration uses.
normalise_msp() {
  local msp=$1 key=$2
  rm -rf "$msp/cacerts" "$msp/tlscacerts" "$msp/IssuerPublicKey" "$msp/IssuerRevocationPublicKey" "$msp/user"
  mkdir -p "$msp/cacerts" "$msp/tlscacerts"
  cp "$ORGS_DIR/$key/ca/ca-cert.pem" "$msp/cacerts/ca.pem"
  cp "$ORGS_DIR/$key/ca/ca-cert.pem" "$msp/tlscacerts/ca.pem"
  write_node_ous "$msp"
}

# register KEY NAME TYPE ATTRS: registers NAME once; its secret is kept beside its folder.
register() {
  local key=$1 name=$2 type=$3 attrs=$4 dir=$5
  mkdir -p "$dir"
  if [ ! -f "$dir/secret" ]; then
    (umask 077 && random_secret >"$dir/secret")
  fi
  if ca_client "$key" identity list --id "$name"; then
    return 0
  fi
  local args=(register --id.name "$name" --id.type "$type")
  [ -n "$attrs" ] && args+=(--id.attrs "$attrs")
  FABRIC_CA_CLIENT_ID_SECRET="$(<"$dir/secret")" ca_client "$key" "${args[@]}" || fail_node "ca.$key" "registering $name with ca.$key failed (log: $LOG_DIR/identities.$key.log)"
}

# enroll KEY NAME DIR HOST PORT [tls HOSTS]: enrolls into DIR/msp (or DIR/tls for a TLS identity).
# The subject's O is the organisation's MSP id ($msp of the calling issue_identities).
enroll() {
  local key=$1 name=$2 dir=$3 host=$4 port=$5 profile=${6:-} hosts=${7:-}
  local names="O=$msp"
  local url
  url="https://$name:$(<"$dir/secret")@$host:$port"
  if [ "$profile" = tls ]; then
    [ -f "$dir/tls/server.crt" ] && return 0
    FABRIC_CA_CLIENT_URL="$url" ca_client "$key" enroll -M "$dir/tls-enroll" --enrollment.profile tls --csr.hosts "$hosts" --csr.names "$names" \
      || fail_node "ca.$key" "TLS enrollment of $name failed (log: $LOG_DIR/identities.$key.log)"
    mkdir -p "$dir/tls"
    cp "$dir/tls-enroll/signcerts/cert.pem" "$dir/tls/server.crt"
    cp "$dir"/tls-enroll/keystore/*_sk "$dir/tls/server.key"
    cp "$ORGS_DIR/$key/ca/ca-cert.pem" "$dir/tls/ca.crt"
    chmod 600 "$dir/tls/server.key"
    rm -rf "$dir/tls-enroll"
  else
    [ -f "$dir/msp/signcerts/cert.pem" ] && return 0
    FABRIC_CA_CLIENT_URL="$url" ca_client "$key" enroll -M "$dir/msp" --csr.hosts "$hosts" --csr.names "$names" \
      || fail_node "ca.$key" "enrollment of $name failed (log: $LOG_DIR/identities.$key.log)"
    normalise_msp "$dir/msp" "$key"
  fi
}

issue_identities() {
  local key=$1 msp=$2 host=$3 port=$4
  local org="$ORGS_DIR/$key"
  if [ ! -f "$org/registrar/msp/signcerts/cert.pem" ]; then
    FABRIC_CA_CLIENT_URL="https://admin:$(<"$org/ca/admin-password")@$host:$port" ca_client "$key" enroll \
      || fail_node "ca.$key" "the CA registrar of $key could not enroll (log: $LOG_DIR/identities.$key.log)"
  fi
  mkdir -p "$org/msp"
  normalise_msp "$org/msp" "$key"

  local okey name nhost rest role types dir
  while read -r okey name nhost rest; do
    [ "$okey" = "$key" ] || continue
    dir="$org/peers/$name"
    register "$key" "$name.$key" peer "" "$dir"
    enroll "$key" "$name.$key" "$dir" "$host" "$port" "" "$nhost"
    enroll "$key" "$name.$key" "$dir" "$host" "$port" tls "$nhost,127.0.0.1,localhost"
    # The chaincode servers beside this peer get a TLS identity of their own: a flaw in the contract's
    # process must not expose the key the peer presents to other nodes.
    register "$key" "ccaas.$name.$key" client "" "$dir/ccaas"
    enroll "$key" "ccaas.$name.$key" "$dir/ccaas" "$host" "$port" tls "$nhost,127.0.0.1,localhost"
  done < <(netdesc peers | awk '{print $1, $3, $4}')
  while read -r okey name nhost rest; do
    [ "$okey" = "$key" ] || continue
    dir="$org/orderers/$name"
    register "$key" "$name.$key" orderer "" "$dir"
    enroll "$key" "$name.$key" "$dir" "$host" "$port" "" "$nhost"
    enroll "$key" "$name.$key" "$dir" "$host" "$port" tls "$nhost,127.0.0.1,localhost"
  done < <(netdesc orderers | awk '{print $1, $3, $4}')
  while read -r okey name role types; do
    [ "$okey" = "$key" ] || continue
    dir="$org/users/$name"
    local attrs="role=$role:ecert"
    [ "$types" != "-" ] && attrs+=",doctypes=$types:ecert"
    register "$key" "$name" "$([ "$role" = admin ] && echo admin || echo client)" "$attrs" "$dir"
    enroll "$key" "$name" "$dir" "$host" "$port" "" "$name"
    # Admins also get a TLS client identity: the orderers' admin endpoint (osnadmin) asks for one.
    if [ "$role" = admin ]; then
      enroll "$key" "$name" "$dir" "$host" "$port" tls "$name"
    fi
  done < <(netdesc users)
  write_client_profile "$key" "$msp"
  step "identities of $msp issued by ca.$key: $(find "$org/peers" "$org/orderers" "$org/users" -name cert.pem -path '*signcerts*' 2>/dev/null | wc -l) signing, $(find "$org" -name server.crt | wc -l) TLS"
}

# write_client_profile KEY MSP: the connection profile and wallet the registry CLI and library use for
# this organisation (docs/client.md). The wallet links to the enrolled identities; nothing is copied.
write_client_profile() {
  local key=$1 msp=$2 org="$ORGS_DIR/$key" name
  mkdir -p "$org/wallet"
  chmod 700 "$org/wallet"
  for name in registrar $(netdesc users | awk -v k="$key" '$1 == k {print $2}'); do
    local src="$org/users/$name/msp"
    [ "$name" = registrar ] && src="$org/registrar/msp"
    mkdir -p "$org/wallet/$name"
    ln -sfn "$src/signcerts/cert.pem" "$org/wallet/$name/cert.pem"
    ln -sfn "$(ls "$src"/keystore/*_sk | head -n1)" "$org/wallet/$name/key.pem"
  done
  # A read-only organisation (outsiders' verifiers) has no peers: its members use the agencies' peers,
  # whose TLS roots are copied beside its profile.
  local agency
  for agency in $(python3 -c '
import json, sys
print(" ".join(o["key"] for o in json.load(open(sys.argv[1], encoding="utf-8"))["organizations"] if o.get("application")))' "$NETWORK_FILE"); do
    if [ "$agency" != "$key" ] && [ -f "$ORGS_DIR/$agency/msp/tlscacerts/ca.pem" ]; then
      mkdir -p "$org/gateways"
      cp "$ORGS_DIR/$agency/msp/tlscacerts/ca.pem" "$org/gateways/$agency-tls-ca.pem"
    fi
  done
  python3 - "$NETWORK_FILE" "$PROFILE" "$key" "$org" "$STATE_DIR/orgs" >"$org/profile.json" <<'PY'
import json, sys
net_file, profile, key, org_dir, orgs_dir = sys.argv[1:]
net = json.load(open(net_file, encoding="utf-8"))
org = next(o for o in net["organizations"] if o["key"] == key)
users = [u["name"] for u in org["users"]]
default_user = next((u["name"] for u in org["users"] if u["role"] in ("issuer", "auditor")), users[0])
chaincodes = {"governance": "governance"}
if org.get("namespace"):
    chaincodes["records"] = org["namespace"]
def in_profile(item):
    return profile in item.get("profiles", [profile])
peers = [{"address": f"{p['host']}:{p['port']}", "tlsRootCertificate": "msp/tlscacerts/ca.pem"}
         for p in org["peers"] if in_profile(p)]
if org.get("readOnly"):
    peers = [{"address": f"{p['host']}:{p['port']}", "tlsRootCertificate": f"gateways/{a['key']}-tls-ca.pem"}
             for a in net["organizations"] if a.get("application") for p in a["peers"] if in_profile(p)]
ca = org["ca"]
print(json.dumps({
    "channel": net["channel"],
    "mspId": org["msp"],
    "chaincodes": chaincodes,
    "identity": {"wallet": "wallet", "name": default_user},
    "organizations": {org["msp"]: {
        "peers": peers,
        "certificateAuthorities": [{"url": f"https://{ca['host']}:{ca['port']}", "caName": f"ca-{key}",
                                    "tlsCertificate": "ca/tls-cert.pem"}]}},
}, indent=2))
PY
}
