#!/usr/bin/env bash
# The three journeys of issue 11 with the registry CLI, on a running, deployed raft network, each
# step checked by its exit code and what it prints (the 1,000-record batch, the watch restarted in
# the middle of it and the export compared with it run in failover_test.sh):
#   - agency: Justice's registrar registers an issuer and a clerk with the CA, both enroll; the issuer
#     anchors a birth certificate and a marriage certificate, is refused a type its certificate does
#     not list (exit 4); Services records an application receipt and a decision citing Justice's
#     record; Justice revokes the birth certificate and supersedes the marriage certificate;
#   - citizen (PublicMSP's verifier): VALID with the issuer's name and the transaction, found without
#     naming the issuer; UNKNOWN for a copy changed by one byte (exit 3); REVOKED with its reason
#     (exit 1); SUPERSEDED naming the record in force (exit 1); the decision's inputs checked;
#   - auditor (Audit's auditor): a record's history, newest first; an export in CSV holding exactly
#     the records this journey anchored.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/lib/nodes.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

# expect CODE PATTERN COMMAND...: the command exits CODE and prints (stdout and stderr) PATTERN.
expect() {
  local code=$1 pattern=$2 rc=0
  shift 2
  "$@" >"$work/out" 2>&1 || rc=$?
  cat "$work/out"
  echo "(exit $rc)"
  [ "$rc" -eq "$code" ] && grep -Eq "$pattern" "$work/out"
}
run="jr-$(date +%s)-$RANDOM"
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
ref() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }

echo "== agency: Justice's officers are registered and enrolled"
issuer="$run-issuer"
clerk="$run-clerk"
register() { # register USER ROLE [DOCTYPES]: prints the CA's one-time secret
  registry justice --identity registrar --json register --user "$1" --role "$2" ${3:+--doctypes "$3"} \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])'
}
issuer_secret=$(register "$issuer" issuer 'BIRTH_CERTIFICATE;MARRIAGE_CERTIFICATE')
clerk_secret=$(register "$clerk" clerk)
check "the registrar registered an issuer and a clerk (the CA generated their secrets)" \
  test -n "$issuer_secret" -a -n "$clerk_secret"
check "the issuer enrolls" env REGISTRY_ENROLL_SECRET="$issuer_secret" \
  "$REPO_DIR/gateway-client/registry-cli/bin/registry" --profile "$ORGS_DIR/justice/profile.json" enroll --user "$issuer"
check "the clerk enrolls" env REGISTRY_ENROLL_SECRET="$clerk_secret" \
  "$REPO_DIR/gateway-client/registry-cli/bin/registry" --profile "$ORGS_DIR/justice/profile.json" enroll --user "$clerk"

echo "== agency: anchoring"
printf 'BIRTH CERTIFICATE %s (fictitious person)\n' "$run" >"$work/birth.txt"
printf 'MARRIAGE CERTIFICATE %s, first issue\n' "$run" >"$work/marriage-v1.txt"
printf 'MARRIAGE CERTIFICATE %s, corrected\n' "$run" >"$work/marriage-v2.txt"
check "the issuer anchors a birth certificate" expect 0 "ACTIVE" \
  registry justice --identity "$issuer" issue --id "$run-bc" --type BIRTH_CERTIFICATE \
  --file "$work/birth.txt" --subject-ref "$(ref "$run-subject")" --valid-from "$now"
check "and a marriage certificate" expect 0 "ACTIVE" \
  registry justice --identity "$issuer" issue --id "$run-mc" --type MARRIAGE_CERTIFICATE \
  --file "$work/marriage-v1.txt" --subject-ref "$(ref "$run-subject")" --valid-from "$now"
check "a type its certificate does not list is refused (exit 4, NOT_AUTHORIZED)" expect 4 "NOT_AUTHORIZED" \
  registry justice --identity "$issuer" issue --id "$run-dl" --type NOTARIAL_ACT \
  --file "$work/birth.txt" --subject-ref "$(ref "$run-subject")" --valid-from "$now"
check "the clerk may not anchor (exit 4)" expect 4 "NOT_AUTHORIZED" \
  registry justice --identity "$clerk" issue --id "$run-clerk-bc" --type BIRTH_CERTIFICATE \
  --file "$work/birth.txt" --subject-ref "$(ref "$run-subject")" --valid-from "$now"

echo "== agency: Services decides an application, citing Justice's birth certificate"
check "Services records the application's receipt" expect 0 "$run-app" \
  registry services --identity issuer1 receive --application "$run-app" --service BUSINESS_LICENCE_NEW \
  --received-at "$now"
printf 'DECISION on %s\n' "$run-app" >"$work/decision.txt"
check "and its decision, relying on records-justice:$run-bc" expect 0 "DECISION" \
  registry services --identity issuer1 decide --id "$run-dec" --application "$run-app" --outcome APPROVED \
  --legal-basis 'Licensing Act, art. 4' --type SERVICE_DECISION --file "$work/decision.txt" \
  --subject-ref "$(ref "$run-subject")" --input "records-justice:$run-bc"
check "the decision's input was valid at the decision's instant (exit 0)" expect 0 "VALID" \
  registry services --identity issuer1 verify-decision "$run-dec"

echo "== citizen: verification with PublicMSP's verifier (no issuer named)"
citizen() { registry public --identity verifier1 "$@"; }
check "the birth certificate is VALID" expect 0 "VALID" citizen verify "$work/birth.txt"
check "  the answer names the issuer and the transaction" \
  bash -c "grep -q 'Ministry of Justice' '$work/out' && grep -qi 'tx' '$work/out'"
cp "$work/birth.txt" "$work/altered.txt"
printf 'X' >>"$work/altered.txt"
check "a copy changed by one byte is UNKNOWN (exit 3)" expect 3 "UNKNOWN" citizen verify "$work/altered.txt"

echo "== agency: revocation and supersession"
check "Justice revokes the birth certificate" expect 0 "REVOKED" \
  registry justice --identity "$issuer" revoke --reason ISSUED_IN_ERROR "$run-bc"
check "the citizen's verification now says REVOKED, with the reason (exit 1)" \
  expect 1 "REVOKED" citizen verify "$work/birth.txt"
check "  and the reason ISSUED_IN_ERROR" grep -q ISSUED_IN_ERROR "$work/out"
check "Justice supersedes the marriage certificate by a corrected one" expect 0 "$run-mc-v2" \
  registry justice --identity "$issuer" supersede --id "$run-mc-v2" --type MARRIAGE_CERTIFICATE \
  --file "$work/marriage-v2.txt" --subject-ref "$(ref "$run-subject")" --valid-from "$now" "$run-mc"
check "the first marriage certificate says SUPERSEDED, naming the record in force (exit 1)" \
  expect 1 "SUPERSEDED" citizen verify "$work/marriage-v1.txt"
check "  the record in force: $run-mc-v2" grep -q "$run-mc-v2" "$work/out"
check "the corrected one is VALID" expect 0 "VALID" citizen verify "$work/marriage-v2.txt"
check "the decision's input is still judged at the decision's instant: valid then (exit 0)" \
  expect 0 "VALID" registry services --identity issuer1 verify-decision "$run-dec"

echo "== auditor: history and export"
check "the birth certificate's history: REVOKED, then ACTIVE" expect 0 "REVOKED" \
  registry audit --identity auditor1 history --issuer JusticeMSP "$run-bc"
history_order() { awk '/REVOKED/ {r=NR} /ACTIVE/ {a=NR} END {exit !(r && a && r < a)}' "$work/out"; }
check "  newest first" history_order
registry audit --identity auditor1 export --issuer JusticeMSP --format CSV --out "$work/export.csv"
exported_records() {
  python3 - "$work/export.csv" "$run" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r.get("id", "").startswith(sys.argv[2] + "-")]
ids = sorted({r["id"] for r in rows})
print(f"export rows of this run: {len(rows)}; records: {ids}")
sys.exit(0 if ids == sorted([sys.argv[2] + s for s in ("-bc", "-mc", "-mc-v2")]) else 1)
PY
}
check "the CSV export of records-justice holds exactly the three records anchored here" exported_records

summary "journeys"
