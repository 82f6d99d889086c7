#!/usr/bin/env bash
# Sets up everything the tests need and runs the whole suite (unit, fixture, end-to-end and
# real-runtime tests). Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
swift build >&2
# The fuzz target exists only with WASMFIX_FUZZ=1 (`make fuzz`): type-check it here so it
# cannot break unseen again (it did once, when Swift 6 mode landed after it).
WASMFIX_FUZZ=1 swift build --target wasmfix-fuzz >&2
swift test 2>&1
