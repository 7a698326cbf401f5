# Issues every identity of an organisation from its own Fabric CA: the organisation's MSP folder
# (root certificate, NodeOUs), its peers' and orderers' signing and TLS identities, its MSP admin, and
# its users with their role attributes. Each identity is registered for exactly the enrollments it
# needs and its secret is deleted once they are done. Idempotent: what is enrolled (its certificate is
# on disk) is kept. Sourced by network.sh after common.sh; its functions need nodes.sh (ORGS_DIR,
# msp_admin_dir) and fail_node from processes.sh.
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

# The registry's registrar of each organisation (the wallet's `registrar`): its enrollment id and
# folder. Registers clients with role and doctypes only (issue_identities).
AGENCY_REGISTRAR_ID=registrar
agency_registrar_dir() { echo "$ORGS_DIR/$1/agency-registrar"; }

# ca_identity KEY NAME: the CA's record of NAME as KEY's registrar sees it ("Name: ..., Type: ...,
# Affiliation: ..., Max Enrollments: N, Attributes: ..."; no secret); fails when the CA has none.
ca_identity() {
  FABRIC_CA_CLIENT_HOME="$ORGS_DIR/$1/registrar" "$FABRIC_CA_BIN/fabric-ca-client" identity list --id "$2" \
    --caname "ca-$1" --tls.certfiles "$ORGS_DIR/$1/ca/tls-cert.pem" 2>>"$LOG_DIR/identities.$1.log"
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

# require_enrollment_id NAME: the enrollment ids the scripts accept, as the client library's
# Registration.ENROLLMENT_ID: 1 to 64 characters of [A-Za-z0-9._@-], the first a letter or digit (a
# name is also a folder under .state/orgs, a wallet entry and part of the enrollment URL).
require_enrollment_id() {
  [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$ ]] \
    || die $EXIT_FAILURE "enrollment id '$1' is not allowed: 1 to 64 characters of [A-Za-z0-9._@-], the first a letter or digit"
}

# register KEY NAME TYPE ATTRS DIR [MAX_ENROLLMENTS]: registers NAME with KEY's CA for at most
# MAX_ENROLLMENTS enrollments (default 1; Fabric CA would read 0 as its own default, unlimited) under
# a random secret kept in DIR/secret (mode 600) until forget_secret. An identity the CA knows already
# is kept as it is (enroll says so if it then lacks both its certificate and its secret).
register() {
  local key=$1 name=$2 type=$3 attrs=$4 dir=$5 max=${6:-1}
  require_enrollment_id "$name"
  mkdir -p "$dir"
  if ca_client "$key" identity list --id "$name"; then
    return 0
  fi
  if [ ! -f "$dir/secret" ]; then
    (umask 077 && random_secret >"$dir/secret")
  fi
  local args=(register --id.name "$name" --id.type "$type" --id.maxenrollments "$max")
  [ -n "$attrs" ] && args+=(--id.attrs "$attrs")
  FABRIC_CA_CLIENT_ID_SECRET="$(<"$dir/secret")" ca_client "$key" "${args[@]}" || fail_node "ca.$key" "registering $name with ca.$key failed (log: $LOG_DIR/identities.$key.log)"
}

# forget_secret DIR: deletes the enrollment secret once every enrollment it was registered for is done.
forget_secret() { rm -f "$1/secret"; }

# enrolled DIR msp|tls: the identity's signing (msp) or TLS certificate is on disk: how the scripts
# decide that an enrollment is done (never by the secret file, which is deleted once used).
enrolled() {
  case "$2" in
    msp) [ -f "$1/msp/signcerts/cert.pem" ] && [ -f "$1/msp/config.yaml" ] ;;
    tls) [ -f "$1/tls/server.crt" ] && [ -f "$1/tls/server.key" ] && [ -f "$1/tls/ca.crt" ] ;;
    *) return 1 ;;
  esac
}

# enroll KEY NAME DIR HOST PORT [tls HOSTS]: enrolls into DIR/msp (or DIR/tls for a TLS identity).
# The subject's O is the organisation's MSP id ($msp of the calling issue_identities). A certificate
# already received (also one a crash left in DIR/tls-enroll) is used rather than enrolling again,
# which the CA would refuse once the identity's enrollments are spent.
enroll() {
  local key=$1 name=$2 dir=$3 host=$4 port=$5 profile=${6:-} hosts=${7:-}
  local names="O=$msp"
  require_enrollment_id "$name"
  if [ "$profile" = tls ]; then
    enrolled "$dir" tls && return 0
    if [ ! -f "$dir/tls-enroll/signcerts/cert.pem" ]; then
      # A key left by a failed attempt would make two keys for one certificate.
      rm -rf "$dir/tls-enroll"
      [ -f "$dir/secret" ] || fail_node "ca.$key" "$dir has neither the TLS certificate of $name nor its secret (deleted once used): its enrollments are spent. Restore $dir, or start over with scripts/network.sh down --wipe"
      FABRIC_CA_CLIENT_URL="https://$name:$(<"$dir/secret")@$host:$port" ca_client "$key" enroll -M "$dir/tls-enroll" --enrollment.profile tls --csr.hosts "$hosts" --csr.names "$names" \
        || fail_node "ca.$key" "TLS enrollment of $name failed (log: $LOG_DIR/identities.$key.log)"
    fi
    mkdir -p "$dir/tls"
    cp "$dir/tls-enroll/signcerts/cert.pem" "$dir/tls/server.crt"
    (umask 077 && cp "$dir"/tls-enroll/keystore/*_sk "$dir/tls/server.key")
    chmod 600 "$dir/tls/server.key"
    cp "$ORGS_DIR/$key/ca/ca-cert.pem" "$dir/tls/ca.crt"
    rm -rf "$dir/tls-enroll"
  else
    enrolled "$dir" msp && return 0
    if [ ! -f "$dir/msp/signcerts/cert.pem" ]; then
      rm -rf "$dir/msp/keystore"
      [ -f "$dir/secret" ] || fail_node "ca.$key" "$dir has neither the certificate of $name nor its secret (deleted once used): its enrollments are spent. Restore $dir, or start over with scripts/network.sh down --wipe"
      FABRIC_CA_CLIENT_URL="https://$name:$(<"$dir/secret")@$host:$port" ca_client "$key" enroll -M "$dir/msp" --csr.hosts "$hosts" --csr.names "$names" \
        || fail_node "ca.$key" "enrollment of $name failed (log: $LOG_DIR/identities.$key.log)"
    fi
    normalise_msp "$dir/msp" "$key"
  fi
}

# issue_identity KEY NAME TYPE ATTRS DIR CA_HOST CA_PORT MSP_HOSTS TLS_HOSTS: registers NAME for
# exactly the enrollments it needs - a signing identity in DIR/msp unless MSP_HOSTS is '-', a TLS
# identity in DIR/tls unless TLS_HOSTS is '-' - enrolls them, then deletes the secret. What is
# enrolled already (its certificate is there) is not asked for again, so a second `network.sh up` on
# the same state (after a crash, or `down` without --wipe) neither registers nor enrolls anything.
# Uses $msp like enroll.
issue_identity() {
  local key=$1 name=$2 type=$3 attrs=$4 dir=$5 ca_host=$6 ca_port=$7 msp_hosts=$8 tls_hosts=$9
  local wanted=() missing=() part
  [ "$msp_hosts" != - ] && wanted+=(msp)
  [ "$tls_hosts" != - ] && wanted+=(tls)
  for part in "${wanted[@]}"; do
    enrolled "$dir" "$part" || missing+=("$part")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    register "$key" "$name" "$type" "$attrs" "$dir" "${#wanted[@]}"
    for part in "${missing[@]}"; do
      if [ "$part" = tls ]; then
        enroll "$key" "$name" "$dir" "$ca_host" "$ca_port" tls "$tls_hosts"
      else
        enroll "$key" "$name" "$dir" "$ca_host" "$ca_port" "" "$msp_hosts"
      fi
    done
  fi
  forget_secret "$dir"
}

# warn_if_msp_admin CERT NAME: a registry user whose certificate says OU=admin is an MSP admin (state
# issued by an older version of these scripts, which registered role=admin users as CA type admin).
warn_if_msp_admin() {
  local subject
  [ -f "$1" ] || return 0
  subject=$(openssl x509 -in "$1" -noout -subject -nameopt RFC2253 2>/dev/null) || return 0
  if grep -q 'OU=admin\(,\|$\)' <<<"$subject"; then
    warn "$2 is an MSP admin (OU=admin in $1): this state predates separate MSP admins; scripts/network.sh down --wipe issues it again as a client"
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
  # The wallet's `registrar` (what the registry CLI's `register` signs with) may register CA clients
  # with the attributes role and doctypes, and nothing else: no peer, orderer or CA admin (so no MSP
  # admin) can come from the registry's clients. The CA's bootstrap admin above stays with the
  # scripts, which issue the nodes and MSP admins.
  issue_identity "$key" "$AGENCY_REGISTRAR_ID" client \
    '"hf.Registrar.Roles=client","hf.Registrar.Attributes=role,doctypes"' \
    "$(agency_registrar_dir "$key")" "$host" "$port" "$AGENCY_REGISTRAR_ID" -

  local okey name nhost rest role types dir
  while read -r okey name nhost rest; do
    [ "$okey" = "$key" ] || continue
    dir="$org/peers/$name"
    issue_identity "$key" "$name.$key" peer "" "$dir" "$host" "$port" "$nhost" "$nhost,127.0.0.1,localhost"
    # The chaincode servers beside this peer get a TLS identity of their own: a flaw in the contract's
    # process must not expose the key the peer presents to other nodes.
    issue_identity "$key" "ccaas.$name.$key" client "" "$dir/ccaas" "$host" "$port" - "$nhost,127.0.0.1,localhost"
  done < <(netdesc peers | awk '{print $1, $3, $4}')
  while read -r okey name nhost rest; do
    [ "$okey" = "$key" ] || continue
    dir="$org/orderers/$name"
    issue_identity "$key" "$name.$key" orderer "" "$dir" "$host" "$port" "$nhost" "$nhost,127.0.0.1,localhost"
  done < <(netdesc orderers | awk '{print $1, $3, $4}')
  # The MSP admin (CA type admin, so OU=admin: an admin of the MSP under NodeOUs) runs the scripts'
  # peer lifecycle, channel join and osnadmin commands; no profile or wallet names it. It gets a TLS
  # client identity only where the organisation runs orderers (their admin endpoint asks for one).
  if [ -n "$(netdesc peers | awk -v k="$key" '$1 == k')$(netdesc orderers | awk -v k="$key" '$1 == k')" ]; then
    local admin_tls=-
    [ -n "$(netdesc orderers | awk -v k="$key" '$1 == k')" ] && admin_tls=$MSP_ADMIN_ID
    issue_identity "$key" "$MSP_ADMIN_ID" admin "" "$(msp_admin_dir "$key")" "$host" "$port" "$MSP_ADMIN_ID" "$admin_tls"
  fi
  # Registry users are CA clients (OU=client) whatever their role: role=admin makes a governance
  # approver in the contract, not an admin of the MSP.
  while read -r okey name role types; do
    [ "$okey" = "$key" ] || continue
    dir="$org/users/$name"
    local attrs="role=$role:ecert"
    [ "$types" != "-" ] && attrs+=",doctypes=$types:ecert"
    issue_identity "$key" "$name" client "$attrs" "$dir" "$host" "$port" "$name" -
    warn_if_msp_admin "$dir/msp/signcerts/cert.pem" "$name of $key"
  done < <(netdesc users)
  step "identities of $msp issued by ca.$key: $(find "$org/peers" "$org/orderers" "$org/users" "$org/admin" -name cert.pem -path '*signcerts*' 2>/dev/null | wc -l) signing, $(find "$org" -name server.crt | wc -l) TLS"
}

# write_client_profile KEY MSP: the connection profile and wallet the registry CLI and library use for
# this organisation (docs/client.md). The wallet links to the enrolled identities; nothing is copied.
write_client_profile() {
  local key=$1 msp=$2 name
  local org="$ORGS_DIR/$key"
  mkdir -p "$org/wallet"
  chmod 700 "$org/wallet"
  for name in registrar $(netdesc users | awk -v k="$key" '$1 == k {print $2}'); do
    local src="$org/users/$name/msp"
    [ "$name" = registrar ] && src="$(agency_registrar_dir "$key")/msp"
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
organizations = {org["msp"]: {
    "peers": peers,
    "certificateAuthorities": [{"url": f"https://{ca['host']}:{ca['port']}", "caName": f"ca-{key}",
                                "tlsCertificate": "ca/tls-cert.pem"}]}}
# The other agencies' peers: never contacted for the organisation's own calls, only read (their
# blocks) by `registry audit verify-chain` to compare their copies of the chain.
if not org.get("readOnly"):
    for a in net["organizations"]:
        if a.get("application") and a["key"] != key:
            organizations[a["msp"]] = {"peers": [
                {"address": f"{p['host']}:{p['port']}", "tlsRootCertificate": f"gateways/{a['key']}-tls-ca.pem"}
                for p in a["peers"] if in_profile(p)]}
print(json.dumps({
    "channel": net["channel"],
    "mspId": org["msp"],
    "chaincodes": chaincodes,
    "identity": {"wallet": "wallet", "name": default_user},
    "organizations": organizations,
}, indent=2))
PY
}
