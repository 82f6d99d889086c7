#!/usr/bin/env bash
# Sets up, builds wasmfix and scans the bundled example project (examples/), which has real
# violations: the scan prints them and exits 1, as it would in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product wasmfix >&2
bin="$(swift build --show-bin-path)/wasmfix"
echo "\$ wasmfix scan examples" >&2
status=0
"$bin" scan examples || status=$?
# 1 means "findings remain": that is the point of the demo. 2 is a real failure.
[ "$status" -le 1 ] || exit "$status"
