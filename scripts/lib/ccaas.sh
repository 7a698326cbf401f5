# Starts a chaincode server (our contract jar in chaincode-as-a-service mode) beside a peer.
# Sourced by the scripts that run chaincode servers; needs launch() from network.sh or an equivalent.
# shellcheck shell=bash

# JVM settings for a 2-core host running peers, orderers and CAs beside the chaincode servers.
CHAINCODE_JAVA_OPTS=(-Xms128m -Xmx384m -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError)

# chaincode_server_env PACKAGE_ID ADDRESS MSP TLS_DIR: the environment ContractRouter reads to serve
# PACKAGE_ID on ADDRESS with TLS. TLS_DIR holds server.crt, server.key and ca.crt: the chaincode
# servers' own TLS identity beside a peer (peers/<peer>/ccaas/tls, issued by the organisation's CA
# for the peer's host), never the peer's key. The shim checks the *_PATH and ROOTCERT variables at start even in
# server mode, so they are set to the same files. Arguments are logged by the shim at INFO, so the
# level is WARNING.
chaincode_server_env() {
  local package_id=$1 address=$2 msp=$3 tls=$4
  printf '%s\n' \
    "CHAINCODE_SERVER_ADDRESS=$address" \
    "CORE_CHAINCODE_ID_NAME=$package_id" \
    "CORE_PEER_LOCALMSPID=$msp" \
    "CORE_PEER_TLS_ENABLED=true" \
    "CORE_TLS_CLIENT_KEY_FILE=$tls/server.key" \
    "CORE_TLS_CLIENT_CERT_FILE=$tls/server.crt" \
    "CORE_TLS_CLIENT_KEY_PATH=$tls/server.key" \
    "CORE_TLS_CLIENT_CERT_PATH=$tls/server.crt" \
    "CORE_PEER_TLS_ROOTCERT_FILE=$tls/ca.crt" \
    "CORE_CHAINCODE_LOGGING_LEVEL=WARNING" \
    "CORE_CHAINCODE_LOGGING_SHIM=WARNING"
}

# wait_tls HOST PORT CA_FILE SECONDS: waits until a TLS server there presents a certificate that
# verifies against CA_FILE for HOST and offers HTTP/2 (gRPC).
wait_tls() {
  local host=$1 port=$2 ca=$3 deadline=$((SECONDS + $4)) out name_check=-verify_hostname
  [[ $host =~ ^[0-9.]+$ ]] && name_check=-verify_ip
  while ((SECONDS < deadline)); do
    if out=$(echo | timeout 5 openssl s_client -connect "$host:$port" -CAfile "$ca" "$name_check" "$host" \
      -verify_return_error -alpn h2 2>&1) && grep -q 'ALPN protocol: h2' <<<"$out"; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}
