#!/usr/bin/env bash
# On a running, deployed network: scripts/portal.sh starts the verification portal in the background
# with the outsiders' verifier identity and prints its address; the portal answers its pages and API
# with the security headers; a second start changes nothing; the portal refuses an identity that could
# write to the ledger and bad options; scripts/portal.sh stop stops exactly that process.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/lib/processes.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

port=18088
url="http://127.0.0.1:$port"
portal_bin="$REPO_DIR/gateway-client/registry-portal/bin/registry-portal"

"$REPO_DIR/scripts/portal.sh" stop >/dev/null 2>&1 || true
"$REPO_DIR/scripts/portal.sh" start --port "$port" >"$work/start.out" 2>&1 || { cat "$work/start.out"; exit 1; }
check "portal.sh prints the portal's address" grep -qF "$url" "$work/start.out"
check "portal.sh status says it runs" "$REPO_DIR/scripts/portal.sh" status
check "it answers /healthz" curl -fsS "$url/healthz"
curl -sS -D "$work/page.headers" -o "$work/page.html" "$url/"
check "the home page is served" grep -q '<script type="module" src="/assets/' "$work/page.html"
check "with a content security policy without inline script" \
  grep -qi "^content-security-policy: default-src 'none'; script-src 'self';" "$work/page.headers"
check "and no referrer" grep -qi '^referrer-policy: no-referrer' "$work/page.headers"
check "the API lists the agencies" bash -c "curl -fsS '$url/api/agencies' | grep -q JusticeMSP"
check "an unknown record's page address is still the page (the page reports it)" \
  bash -c "test \"\$(curl -s -o /dev/null -w '%{http_code}' '$url/r/records-justice/no-such-record')\" = 200"
check "a request that is not a hash is a JSON error with its code" \
  bash -c "curl -s -H 'Content-Type: application/json' -d '{\"sha256\":\"x\"}' '$url/api/verify' | grep -q '\"code\":\"INVALID_HASH\"'"
"$REPO_DIR/scripts/portal.sh" start --port "$port" >"$work/again.out" 2>&1
check "a second start finds it running" grep -q 'already running' "$work/again.out"

set +e
"$portal_bin" --profile "$STATE_DIR/orgs/justice/profile.json" --identity issuer1 --port 18089 >"$work/issuer.out" 2>&1
issuer_exit=$?
"$portal_bin" --port not-a-port >"$work/bad.out" 2>&1
bad_exit=$?
set -e
check "the portal refuses an issuer identity (exit 2)" test "$issuer_exit" -eq 2
check "and says a verifier is needed" grep -q 'role=verifier' "$work/issuer.out"
check "a bad option is a usage error (exit 2)" test "$bad_exit" -eq 2

pid=$(cat "$PID_DIR/portal.pid")
"$REPO_DIR/scripts/portal.sh" stop >/dev/null
check "portal.sh stop stops the portal's process" bash -c "! kill -0 $pid 2>/dev/null"
check "and status says it is not running" bash -c "! '$REPO_DIR/scripts/portal.sh' status"

summary "portal script checks"
