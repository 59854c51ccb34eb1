#!/usr/bin/env bash
# The browser tests drive Debian's chromium through playwright-core (nothing downloads a
# browser of its own).
exec bash "$(dirname "$0")/debian-package.sh" chromium "${PLATS_CHROMIUM:-/usr/bin/chromium}" "the browser tests"
