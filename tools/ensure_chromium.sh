#!/usr/bin/env bash
# Make sure Debian's Chromium (and a basic font) is installed for the browser tests.
# CI machines start bare; installing needs root (or password-less sudo).  The tests drive
# /usr/bin/chromium through Python playwright; `playwright install` is never used.
# With COUPBOOK_CHROMIUM set to another Chromium (tools/browser.py uses it), nothing is installed.
set -euo pipefail
if [ -n "${COUPBOOK_CHROMIUM:-}" ]; then
  [ -x "$COUPBOOK_CHROMIUM" ] && exit 0
  echo "ensure_chromium: COUPBOOK_CHROMIUM=$COUPBOOK_CHROMIUM is not an executable" >&2
  exit 1
fi
packages=(chromium fonts-dejavu-core)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ] && [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "ensure_chromium: please install Debian's packages: apt-get install ${packages[*]}" >&2
  exit 1
fi
echo "ensure_chromium: installing ${missing[*]:-chromium} with apt-get"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
/usr/bin/chromium --version 2>/dev/null | tail -n 1
