#!/bin/sh
set -e
# The parser tests need more stack than the rest of the suite.
# Wasmtime requires max_wasm_stack <= async_stack_size.
# Keep these values aligned when upgrading runtime dependencies.
wasmtime run --config wasmtime.toml -W max-wasm-stack=16777216 parser-tests.wasm
wasmtime run --config wasmtime.toml suite.wasm
