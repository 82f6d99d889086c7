#!/bin/sh
# CI: deep recursion tests need 8 MiB.
# Wasmtime requires max_wasm_stack <= async_stack_size.
# Keep these values aligned when upgrading runtime dependencies.
wasmtime run --config wasmtime.toml -W max-wasm-stack=8388608 tests.wasm
