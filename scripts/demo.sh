#!/usr/bin/env bash
# Starts the registry on this machine and walks through it for a person: the consortium's network
# comes up, the contract is deployed and governance bootstrapped, an agency enrolls an issuer with its
# CA and anchors a birth certificate, a citizen's verifier checks the file, the agency revokes it, and
# the verifier sees REVOKED; a corrected certificate supersedes another, whose file then verifies as
# SUPERSEDED; another agency anchors a batch from a file (twice: nothing anchored twice) and decides
# an application relying on the Ministry's certificate; the audit office exports and reads events;
# the verification portal starts and its address is printed, with a QR code for a certificate.
# Leaves the network and the portal running; stop both with scripts/network.sh down.
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
  printf '  $ %s\n' "$*" | sed "s|$REPO_DIR/gateway-client/registry-cli/bin/registry --profile $STATE_DIR/orgs/\([a-z]*\)/profile.json|registry --profile .state/orgs/\1/profile.json|"
  "$@" 2>&1 | sed 's/^/    /'
  return "${PIPESTATUS[0]}"
}

say "1. Build the contract, the registry command-line tool and the verification portal"
build -pl :registry-chaincode,:registry-cli,:registry-portal -am
step "chaincode/target/registry-chaincode.jar, gateway-client/registry-cli/bin/registry and the portal are ready"

say "2. Start the consortium's network (builds Fabric $FABRIC_VERSION and Fabric CA into $CACHE_DIR the first time)"
"$REPO_DIR/scripts/network.sh" up "$@"

say "3. Deploy the contract: every organisation approves, governance records the agencies"
"$REPO_DIR/scripts/deploy-chaincode.sh"
"$REPO_DIR/scripts/network.sh" status || true

justice="$REPO_DIR/gateway-client/registry-cli/bin/registry --profile $STATE_DIR/orgs/justice/profile.json"
services="$REPO_DIR/gateway-client/registry-cli/bin/registry --profile $STATE_DIR/orgs/services/profile.json"

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

say "9. A batch from a file: 200 licences by the Public Services Agency, then the same file again"
batch_run="bl-demo-$(date +%s)"
python3 - "$batch_run" "$demo_dir/licences.csv" <<'PY'
import hashlib, sys
run, path = sys.argv[1], sys.argv[2]
sha = lambda text: hashlib.sha256(text.encode()).hexdigest()
with open(path, "w", encoding="utf-8") as out:
    out.write("id,documentType,subjectRef,validFrom,documentHash\n")
    for i in range(200):
        rid = f"{run}-{i:03d}"
        out.write(f"{rid},BUSINESS_LICENCE,{sha('subject ' + rid)},2026-01-01T00:00:00Z,{sha('licence ' + rid)}\n")
PY
show $services --identity issuer1 issue-batch "$demo_dir/licences.csv"
step "a rerun anchors nothing twice: every record is reported as already anchored"
show $services --identity issuer1 issue-batch "$demo_dir/licences.csv"

say "10. The agency decides a citizen's application, relying on the Ministry's marriage certificate"
show $services --identity issuer1 receive --application "app-${record_id#bc-}" --service BUSINESS_LICENCE_NEW \
  --received-at "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf 'DECISION on app-%s (demonstration document)\n' "${record_id#bc-}" >"$demo_dir/decision.txt"
show $services --identity issuer1 decide --id "dec-${record_id#bc-}" --application "app-${record_id#bc-}" \
  --outcome APPROVED --legal-basis 'Licensing Act, art. 4' --type SERVICE_DECISION --file "$demo_dir/decision.txt" \
  --subject-ref "$subject_ref" --input "records-justice:mc-${record_id#bc-}-v2" >/dev/null
step "decision dec-${record_id#bc-} recorded; a court checks what it relied on, as of the decision:"
show $services --identity issuer1 verify-decision "dec-${record_id#bc-}" || step "(exit code $?)"

say "11. The audit office exports the Ministry's records and reads the registry's events"
auditor="$REPO_DIR/gateway-client/registry-cli/bin/registry --profile $STATE_DIR/orgs/audit/profile.json"
$auditor --identity auditor1 export --issuer JusticeMSP --format CSV --out "$demo_dir/justice-records.csv"
step "$(($(wc -l <"$demo_dir/justice-records.csv") - 1)) rows exported to $demo_dir/justice-records.csv (a record and each of its versions)"
rm -f "$demo_dir/events.checkpoint"
show $auditor --identity auditor1 watch --issuer JusticeMSP --checkpoint "$demo_dir/events.checkpoint" \
  --from-block 0 --max-events 4
step "the Ministry's first four transactions on the ledger, each accepted only because the Ministry's own peer endorsed it"

say "12. Every peer holds the same ledger"
"$REPO_DIR/scripts/network.sh" status | sed -n '/^PEER/,$p'

say "13. The verification portal: a citizen or a bank drops the file in a web page, or scans the paper's QR code"
"$REPO_DIR/scripts/portal.sh" start
portal_url=$(cat "$STATE_DIR/portal.url")
step "the Ministry prints a QR code on the corrected marriage certificate:"
show $justice --identity verifier1 qr "mc-${record_id#bc-}-v2" --portal-url "$portal_url" \
  --force -o "$demo_dir/marriage-v2-qr.png"
step "open $portal_url in a browser and drop $demo_dir/marriage-v2.txt (VALID)"
step "or $demo_dir/birth-certificate.txt (REVOKED), $demo_dir/marriage-v1.txt (SUPERSEDED), $demo_dir/altered.txt (UNKNOWN)"

say "The portal runs at $portal_url; the network keeps running: scripts/network.sh status | logs [NODE] | env ORG | down [--wipe]"
