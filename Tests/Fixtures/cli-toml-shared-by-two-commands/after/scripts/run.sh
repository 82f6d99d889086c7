#!/bin/sh
# Local runs: 4 MiB guests.
# Wasmtime requires max_wasm_stack <= async_stack_size.
# Keep these values aligned when upgrading runtime dependencies.
wasmtime run --config wasmtime.toml -W max-wasm-stack=4194304 app.wasm "$@"
