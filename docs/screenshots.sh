#!/usr/bin/env bash
# Regenerates the README's playground screenshots (docs/images/playground-*.png): runs the browser tests that take them,
# with HOAXSCREEN_SCREENSHOTS set. Needs Debian's Chromium; as root it installs it (and the colour emoji font, so the
# examples' emoji show) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -eq 0 ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || missing+=(fonts-noto-color-emoji)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" </dev/null
  fi
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "error: /usr/bin/chromium is missing (apt-get install -y chromium)" >&2
  exit 1
fi

HOAXSCREEN_SCREENSHOTS=docs/images dotnet test tests/HoaxScreen.Browser.Tests --filter TestCategory=Screenshot
ls -l docs/images/playground-*.png
