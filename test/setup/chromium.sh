#!/usr/bin/env bash
# The browser tests drive Debian's chromium through playwright-core (nothing downloads a
# browser of its own). Install it when it is missing; only root can.
set -euo pipefail
chromium=${PLATS_CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "The browser tests need $chromium. Install it with: sudo apt-get install chromium" >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser tests…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
[ -x "$chromium" ] || { echo "apt-get ran but $chromium is still missing." >&2; exit 1; }
