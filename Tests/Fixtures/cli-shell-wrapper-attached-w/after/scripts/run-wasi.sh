#!/usr/bin/env bash
# Runs a test binary under wasmtime.
set -euo pipefail
GUEST_STACK=16777216

echo "running with -Wmax-wasm-stack=$GUEST_STACK"
# Wasmtime requires max_wasm_stack <= async_stack_size.
# Keep these values aligned when upgrading runtime dependencies.
exec wasmtime run \
  -Wmax-wasm-stack="$GUEST_STACK" \
  -Wasync-stack-size=17301504 \
  --dir . "$@"
