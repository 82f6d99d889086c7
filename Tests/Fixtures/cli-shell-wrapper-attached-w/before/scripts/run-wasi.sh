#!/usr/bin/env bash
# Runs a test binary under wasmtime.
set -euo pipefail
GUEST_STACK=16777216

echo "running with -Wmax-wasm-stack=$GUEST_STACK"
exec wasmtime run \
  -Wmax-wasm-stack="$GUEST_STACK" \
  -Wasync-stack-size=0x200000 \
  --dir . "$@"
