#!/usr/bin/env bash
# Sets up everything the tests need and runs the whole suite (unit, fixture, end-to-end and
# real-runtime tests). Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
swift build >&2
swift test 2>&1
