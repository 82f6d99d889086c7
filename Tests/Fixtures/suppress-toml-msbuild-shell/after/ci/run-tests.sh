#!/bin/sh
set -e
echo "running with $# arguments # wasmfix: ignore"
# Wasmtime requires max_wasm_stack <= async_stack_size.
# Keep these values aligned when upgrading runtime dependencies.
wasmtime run -W max-wasm-stack=16777216,async-stack-size=17301504 parser-tests.wasm
# wasmfix: ignore
wasmtime run -W max-wasm-stack=16777216,async-stack-size=4194304 suite.wasm
