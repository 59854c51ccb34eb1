#!/usr/bin/env bash
# `npm run test:future` moves the system clock ahead with libfaketime (Debian's faketime).
# Install it when it is missing; only root can.
set -euo pipefail
command -v faketime >/dev/null && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "npm run test:future needs faketime. Install it with: sudo apt-get install faketime" >&2
  exit 1
fi
echo "Installing faketime for the future-clock run…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq faketime >/dev/null
command -v faketime >/dev/null || { echo "apt-get ran but faketime is still missing." >&2; exit 1; }
