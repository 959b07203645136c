#!/usr/bin/env bash
# Run by `npm test` (pretest) so that the suite runs whole on a fresh machine: the system packages
# its tests need are installed when missing, or the run stops at once saying how to install them.
#   chromium              the browser e2e tests drive Debian's /usr/bin/chromium (e2e/browser.ts)
#   fonts-ipafont-gothic  Japanese glyphs, so the e2e screenshots show the screens as a customer sees them
#   oathtool              the independent TOTP implementation the OTP tests compare with (T1)
set -euo pipefail

missing() {
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v fc-list >/dev/null || need+=(fontconfig)
  fc-list :lang=ja 2>/dev/null | grep -q . || need+=(fonts-ipafont-gothic)
  [ -x /usr/bin/oathtool ] || need+=(oathtool)
}

missing
[ ${#need[@]} -eq 0 ] && exit 0

install="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${need[*]}"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "npm test: missing system packages: ${need[*]}. Install them with (Debian/Ubuntu):" >&2
  echo "  sudo sh -c '$install'" >&2
  exit 1
fi

echo "npm test: installing the system packages the tests need: ${need[*]}"
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"

missing
if [ ${#need[@]} -gt 0 ]; then
  echo "npm test: still missing after apt-get install: ${need[*]}" >&2
  exit 1
fi
