#!/usr/bin/env bash
# `npm run test:future` moves the system clock ahead with libfaketime (Debian's faketime).
exec bash "$(dirname "$0")/debian-package.sh" faketime faketime "the future-clock run of npm run test:future"
