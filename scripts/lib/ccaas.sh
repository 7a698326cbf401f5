# Starts a chaincode server (our contract jar in chaincode-as-a-service mode) beside a peer.
# Sourced by the scripts that run chaincode servers; needs launch() from network.sh or an equivalent.
# shellcheck shell=bash

# JVM settings for a 2-core host running peers, orderers and CAs beside the chaincode servers.
CHAINCODE_JAVA_OPTS=(-Xms128m -Xmx384m -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError)

# chaincode_server_env PACKAGE_ID ADDRESS MSP TLS_DIR: the environment ContractRouter reads to serve
# PACKAGE_ID on ADDRESS with TLS. TLS_DIR holds server.crt, server.key and ca.crt: the chaincode
# servers' own TLS identity beside a peer (peers/<peer>/ccaas/tls, issued by the organisation's CA
# for the peer's host), never the peer's key. Shim 2.5.10 reads the *_FILE variables as PEM files but
# base64-decodes the *contents* of the files named by CORE_TLS_CLIENT_KEY_PATH / _CERT_PATH when the
# peer connects (PEM there fails with "Illegal base64 character 2d" and the peer's launch times out),
# so those name base64 copies (write_base64_tls_copies). stub.getMspId() needs CORE_PEER_LOCALMSPID.
# Arguments are logged by the shim at INFO, so the level is WARNING.
chaincode_server_env() {
  local package_id=$1 address=$2 msp=$3 tls=$4
  printf '%s\n' \
    "CHAINCODE_SERVER_ADDRESS=$address" \
    "CORE_CHAINCODE_ID_NAME=$package_id" \
    "CORE_PEER_LOCALMSPID=$msp" \
    "CORE_PEER_TLS_ENABLED=true" \
    "CORE_TLS_CLIENT_KEY_FILE=$tls/server.key" \
    "CORE_TLS_CLIENT_CERT_FILE=$tls/server.crt" \
    "CORE_TLS_CLIENT_KEY_PATH=$tls/server.key.b64" \
    "CORE_TLS_CLIENT_CERT_PATH=$tls/server.crt.b64" \
    "CORE_PEER_TLS_ROOTCERT_FILE=$tls/ca.crt" \
    "CORE_CHAINCODE_LOGGING_LEVEL=WARNING" \
    "CORE_CHAINCODE_LOGGING_SHIM=WARNING"
}

# write_base64_tls_copies TLS_DIR: server.key.b64 and server.crt.b64, the form the shim's *_PATH
# variables take (one line of base64 of the PEM file).
write_base64_tls_copies() {
  local tls=$1
  (umask 077 && base64 -w0 "$tls/server.key" >"$tls/server.key.b64")
  base64 -w0 "$tls/server.crt" >"$tls/server.crt.b64"
}

# chaincode_server_node SERVICE KEY PEER: the node name of a chaincode server, e.g. cc-records.peer0.justice
chaincode_server_node() { echo "cc-$1.$3.$2"; }

# start_chaincode_server KEY MSP PEER SERVICE PACKAGE_ID JAR: starts (or keeps) the JVM serving
# PACKAGE_ID beside PEER. A server running another package is restarted.
start_chaincode_server() {
  local key=$1 msp=$2 peer=$3 service=$4 package_id=$5 jar=$6
  local node tls address
  node=$(chaincode_server_node "$service" "$key" "$peer")
  if running "$node"; then
    if [ "$(cat "$PID_DIR/$node.package" 2>/dev/null)" = "$package_id" ]; then
      return 0
    fi
    stop_node "$node"
  fi
  tls="$STATE_DIR/orgs/$key/peers/$peer/ccaas/tls"
  address=$(chaincode_server_address "$key" "$peer" "$service")
  write_base64_tls_copies "$tls"
  (
    while IFS= read -r assignment; do
      export "${assignment?}"
    done < <(chaincode_server_env "$package_id" "$address" "$msp" "$tls")
    launch "$node" "$(command -v java)" "${CHAINCODE_JAVA_OPTS[@]}" -jar "$jar"
  )
  echo "$package_id" >"$PID_DIR/$node.package"
  step "started $node on $address (${package_id%%:*})"
}

# wait_tls HOST PORT CA_FILE SECONDS: waits until a TLS server there presents a certificate that
# verifies against CA_FILE for HOST and offers HTTP/2 (gRPC).
wait_tls() {
  local host=$1 port=$2 ca=$3 deadline=$((SECONDS + $4)) out name_check=-verify_hostname
  [[ $host =~ ^[0-9.]+$ ]] && name_check=-verify_ip
  while ((SECONDS < deadline)); do
    if out=$(echo | timeout 5 openssl s_client -connect "$host:$port" -CAfile "$ca" "$name_check" "$host" \
      -verify_return_error -alpn h2 2>&1 | tr -d '\0') && grep -q 'ALPN protocol: h2' <<<"$out"; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}
