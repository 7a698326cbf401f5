# What the script-level tests share: a temporary folder ($work, removed on exit), named checks with a
# count, the summary line, and peer agreement on a running network. Source it after common.sh (and
# nodes.sh for peers_agree).
# shellcheck shell=bash

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

# check NAME COMMAND...: one assertion; the command's output is shown only when it fails.
check() {
  local name=$1
  shift
  if "$@" >"$work/last.out" 2>&1; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
    sed 's/^/     /' "$work/last.out"
  fi
}

# summary NAME: prints the counts; fails when a check failed.
summary() {
  echo "$1: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# peers_agree [SECONDS]: every peer of the profile answers with the same height and current block
# hash, within SECONDS (default 20: a block reaches the peers one after another).
peers_agree() {
  local deadline=$((SECONDS + ${1:-20})) infos key name rest
  while true; do
    infos=$(while read -r key _ name rest; do peer_chain_info "$key" "$name"; done < <(netdesc peers))
    echo "$infos"
    if [ "$(grep -c . <<<"$infos")" -eq "$(netdesc peers | wc -l)" ] && [ "$(sort -u <<<"$infos" | wc -l)" -eq 1 ]; then
      return 0
    fi
    ((SECONDS < deadline)) || return 1
    sleep 1
  done
}
