#!/usr/bin/env bash
# Starts the registry on this machine and walks through it for a person: the consortium's network
# comes up, the contract is deployed and governance bootstrapped, an agency enrolls an issuer with its
# CA and anchors a birth certificate, a citizen's verifier checks the file, the agency revokes it, and
# the verifier sees REVOKED; a corrected certificate supersedes another, whose file then verifies as
# SUPERSEDED. Leaves the network running; stop it with scripts/network.sh down.
#
#   scripts/demo.sh [--profile raft|bft|failover]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

require_java
require_maven
require_python
require_go

build() { # build MAVEN_ARGS...: a quiet Maven build; its log is shown only when it fails
  local log="$STATE_DIR/logs/demo-build.log"
  mkdir -p "$(dirname "$log")"
  (cd "$REPO_DIR" && mvn -B -ntp "$@" install -DskipTests) >"$log" 2>&1 || {
    tail -n 30 "$log" >&2
    die $EXIT_FAILURE "the build failed (log: $log)"
  }
}
say() { printf '\n\033[1m%s\033[0m\n' "$*"; }
show() { # show COMMAND...: print a command as a person would type it, then run it
  printf '  $ %s\n' "$*" | sed "s|$REPO_DIR/gateway-client/bin/registry --profile $STATE_DIR/orgs/\([a-z]*\)/profile.json|registry --profile .state/orgs/\1/profile.json|"
  "$@" 2>&1 | sed 's/^/    /'
  return "${PIPESTATUS[0]}"
}

say "1. Build the contract and the registry command-line tool"
build -pl model,chaincode,gateway-client -am
step "chaincode/target/registry-chaincode.jar and gateway-client/bin/registry are ready"

say "2. Start the consortium's network (builds Fabric $FABRIC_VERSION and Fabric CA into $CACHE_DIR the first time)"
"$REPO_DIR/scripts/network.sh" up "$@"

say "3. Deploy the contract: every organisation approves, governance records the agencies"
"$REPO_DIR/scripts/deploy-chaincode.sh"
"$REPO_DIR/scripts/network.sh" status || true

justice="$REPO_DIR/gateway-client/bin/registry --profile $STATE_DIR/orgs/justice/profile.json"
services="$REPO_DIR/gateway-client/bin/registry --profile $STATE_DIR/orgs/services/profile.json"

say "4. The Ministry of Justice's CA registers and enrolls a registry officer allowed to sign birth certificates"
issuer="demo-issuer-$(date +%s)"
secret=$($justice --identity registrar --json register --user "$issuer" --role issuer \
  --doctypes 'BIRTH_CERTIFICATE;MARRIAGE_CERTIFICATE' | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
step "registered $issuer (role=issuer, doctypes=BIRTH_CERTIFICATE;MARRIAGE_CERTIFICATE)"
step "the secret reaches the CLI through REGISTRY_ENROLL_SECRET (a command line is visible to every user of the host)"
REGISTRY_ENROLL_SECRET="$secret" show $justice enroll --user "$issuer"

say "5. The agency anchors a birth certificate: only its hash and a salted subject reference go on the ledger"
demo_dir="$STATE_DIR/demo"
mkdir -p "$demo_dir"
record_id="bc-demo-$(date +%s)"
printf 'BIRTH CERTIFICATE No. %s (demonstration document, fictitious person)\n' "$record_id" >"$demo_dir/birth-certificate.txt"
subject_ref=$(printf 'demo-national-id' | openssl dgst -sha256 -hmac "$(head -c 32 /dev/urandom | base64)" | awk '{print $NF}')
show $justice --identity "$issuer" issue --id "$record_id" --type BIRTH_CERTIFICATE \
  --file "$demo_dir/birth-certificate.txt" --subject-ref "$subject_ref" \
  --valid-from "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
step "an officer may not sign a type the CA did not grant: refused before anything is sent"
show $justice --identity "$issuer" issue --id "$record_id-dl" --type DRIVING_LICENCE \
  --file "$demo_dir/birth-certificate.txt" --subject-ref "$subject_ref" \
  --valid-from "$(date -u +%Y-%m-%dT%H:%M:%SZ)" || step "(exit code $?)"

say "6. A bank, holding the file, verifies it with a verifier identity of another agency: no issuer named"
show $services --identity verifier1 verify "$demo_dir/birth-certificate.txt" || step "(exit code $?)"
step "an altered copy is unknown to every agency:"
cp "$demo_dir/birth-certificate.txt" "$demo_dir/altered.txt"
printf 'altered\n' >>"$demo_dir/altered.txt"
show $services --identity verifier1 verify "$demo_dir/altered.txt" || step "(exit code $?: not valid)"

say "7. The Ministry revokes the certificate; the same verification now says REVOKED"
show $justice --identity "$issuer" revoke --reason ISSUED_IN_ERROR "$record_id"
show $services --identity verifier1 verify "$demo_dir/birth-certificate.txt" || step "(exit code $?: not valid)"
show $justice --identity verifier1 history "$record_id"

say "8. A marriage certificate is corrected: the new one supersedes it, and the old file says so"
printf 'MARRIAGE CERTIFICATE No. mc-%s (demonstration document, first issue)\n' "${record_id#bc-}" >"$demo_dir/marriage-v1.txt"
printf 'MARRIAGE CERTIFICATE No. mc-%s (demonstration document, corrected)\n' "${record_id#bc-}" >"$demo_dir/marriage-v2.txt"
show $justice --identity "$issuer" issue --id "mc-${record_id#bc-}" --type MARRIAGE_CERTIFICATE \
  --file "$demo_dir/marriage-v1.txt" --subject-ref "$subject_ref" --valid-from "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >/dev/null
step "anchored mc-${record_id#bc-}; now superseded by mc-${record_id#bc-}-v2:"
show $justice --identity "$issuer" supersede --id "mc-${record_id#bc-}-v2" --type MARRIAGE_CERTIFICATE \
  --file "$demo_dir/marriage-v2.txt" --subject-ref "$subject_ref" --valid-from "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  "mc-${record_id#bc-}"
show $services --identity verifier1 verify "$demo_dir/marriage-v1.txt" || step "(exit code $?: not valid)"
show $services --identity verifier1 verify "$demo_dir/marriage-v2.txt" || step "(exit code $?)"

say "9. Every peer holds the same ledger"
"$REPO_DIR/scripts/network.sh" status | sed -n '/^PEER/,$p'

say "The network keeps running: scripts/network.sh status | logs [NODE] | env ORG | down [--wipe]"
