#!/usr/bin/env bash
# Test runner for `cargo test --target wasm32-wasip1`: cargo calls it with the test
# binary and its arguments (see .cargo/config.toml, `runner = "scripts/run-wasi.sh"`).
set -euo pipefail

if ! command -v wasmtime >/dev/null 2>&1; then
  echo "run-wasi.sh: install wasmtime $(cat "$(dirname "$0")/../wasmtime-version.txt")" >&2
  exit 127
fi

# The parser's recursive-descent tests need a 16 MiB guest stack.
exec wasmtime run -Wmax-wasm-stack=16777216 -Wasync-stack-size=2097152 \
  --dir=. "$@"
