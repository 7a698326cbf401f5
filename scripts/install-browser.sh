#!/usr/bin/env bash
# Installs the browser the portal's tests drive: Debian's chromium and chromium-driver (one source
# package, so the driver always matches the browser), from the system's package sources. Nothing is
# downloaded by the tests themselves. Already installed: nothing is done.
#
#   scripts/install-browser.sh
#
# Exit codes: 0 installed (or already there), 1 the installation failed, 2 no way to install packages
# (not root, no password-less sudo, or no apt-get): install chromium and chromium-driver yourself.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

CHROMIUM="${REGISTRY_CHROMIUM:-/usr/bin/chromium}"
CHROMEDRIVER="${REGISTRY_CHROMEDRIVER:-/usr/bin/chromedriver}"

if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
  step "browser: $("$CHROMEDRIVER" --version | awk '{print $1, $2}') with $CHROMIUM"
  exit 0
fi
command -v apt-get >/dev/null ||
  die $EXIT_MISSING_TOOL "chromium and chromedriver are missing and apt-get is not here: install Chromium and its matching ChromeDriver, and set REGISTRY_CHROMIUM and REGISTRY_CHROMEDRIVER"
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  sudo -n true 2>/dev/null ||
    die $EXIT_MISSING_TOOL "chromium and chromium-driver are missing: install them (sudo apt-get install chromium chromium-driver)"
  as_root=(sudo -n)
fi
info "Installing Debian's chromium and chromium-driver (the portal's browser tests)"
log="$(mktemp)"
if ! { "${as_root[@]}" apt-get update -qq &&
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium chromium-driver; } >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  rm -f "$log"
  die $EXIT_FAILURE "apt-get could not install chromium and chromium-driver"
fi
rm -f "$log"
step "browser: $("$CHROMEDRIVER" --version | awk '{print $1, $2}') with $CHROMIUM"
