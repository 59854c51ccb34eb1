#!/usr/bin/env bash
# Installs a Debian package the tests need when it is missing; only root can.
#   debian-package.sh <package> <command or path that shows it is there> <what needs it>
set -euo pipefail
package=$1 probe=$2 purpose=$3
present() { if [[ $probe == */* ]]; then [ -x "$probe" ]; else command -v "$probe" >/dev/null; fi; }
present && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "$probe is missing ($purpose need it). Install it with: sudo apt-get install $package" >&2
  exit 1
fi
echo "Installing Debian's $package for $purpose…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "$package" >/dev/null
present || { echo "apt-get ran but $probe is still missing." >&2; exit 1; }
