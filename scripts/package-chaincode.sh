#!/usr/bin/env bash
# Packages a chaincode jar as a chaincode-as-a-service package for `peer lifecycle chaincode install`.
#
#   scripts/package-chaincode.sh SERVICE JAR OUTPUT_DIR
#     SERVICE  governance | records | reference | rogue (the chaincode server that serves it; reference is
#              the bare put/get contract of chaincode/reference, for benchmarks and trust tests; rogue
#              is chaincode/rogue, the test-only "agency running modified code" of trust_test.sh)
#
# The label is SERVICE_<SHA-256 of the jar>, so an organisation's approval names the exact code it
# approves. Prints the package file and its package id (label:SHA-256 of the package file).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

[ $# -eq 3 ] || die $EXIT_FAILURE "usage: $0 governance|records|reference|rogue JAR OUTPUT_DIR"
service=$1 jar=$2 out=$3
case "$service" in governance | records | reference | rogue) ;; *) die $EXIT_FAILURE "unknown service '$service'" ;; esac
[ -f "$jar" ] || die $EXIT_FAILURE "no such jar: $jar"

label="${service}_$(sha256sum "$jar" | cut -d' ' -f1)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Address and TLS root are filled in per peer by network/builders/ccaas/bin/build. The Java shim's
# chaincode server (started by ContractRouter from its environment) serves TLS but does not ask for
# client certificates, so the peer authenticates the server and not the reverse; a stranger reaching
# the port can only ask the chaincode questions it answers from that stranger's own fake state.
cat >"$work/connection.json" <<JSON
{
  "address": "set-by-the-builder",
  "dial_timeout": "10s",
  "tls_required": true,
  "client_auth_required": false
}
JSON
printf '{"type":"ccaas","label":"%s"}\n' "$label" >"$work/metadata.json"
# Fixed owner, mode and time make the package bytes, hence its id, depend only on its content.
tar_args=(--sort=name --owner=0 --group=0 --numeric-owner --mode=0644 --mtime=@0 -C "$work")
tar "${tar_args[@]}" -cf - connection.json | gzip -n >"$work/code.tar.gz"
mkdir -p "$out"
package="$out/$label.tar.gz"
tar "${tar_args[@]}" -cf - metadata.json code.tar.gz | gzip -n >"$package"
echo "$package $label:$(sha256sum "$package" | cut -d' ' -f1)"
