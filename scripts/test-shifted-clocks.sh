#!/usr/bin/env bash
# Runs the jest suite with the machine's clock moved by libfaketime (Debian's `faketime`, installed
# here if missing). Every test takes the demo instant, so the result must not change.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null; then
  echo "installing faketime (Debian) for the shifted-clock runs"
  (apt-get update -qq && apt-get install -y -qq faketime) >/dev/null
fi
# 00:30 on 1 January in Beijing; two days into the new year; leap day; mid-year.
for at in '2026-12-31 16:30:00' '2027-01-03 02:00:00' '2028-02-29 04:00:00' '2027-07-15 06:00:00'; do
  echo "== jest with the machine clock at ${at} UTC"
  TZ=UTC faketime -f "@${at}" npx jest --silent
done
